import type { FieldDef } from '../schema/fields';

/** Value categories used for type checking, as WCF Data Services does before running a query. */
export type ValueType = 'string' | 'guid' | 'datetime' | 'number' | 'byte' | 'bool' | 'null';

export type Node =
	| { k: 'lit'; type: ValueType; value: unknown; pos: number }
	| { k: 'field'; name: string; field: FieldDef; type: ValueType; pos: number }
	| { k: 'call'; name: string; args: Node[]; type: ValueType; pos: number }
	| { k: 'not'; arg: Node; type: 'bool'; pos: number }
	| { k: 'bin'; op: BinaryOp; left: Node; right: Node; type: ValueType; pos: number };

export type BinaryOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'and' | 'or';

export const CLR_NAMES: Record<ValueType, string> = {
	string: 'System.String',
	guid: 'System.Guid',
	datetime: 'System.DateTime',
	number: 'System.Int32',
	byte: 'System.Byte',
	bool: 'System.Boolean',
	null: '<null>',
};
