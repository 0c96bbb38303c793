import { parseDateInput } from '../clock';
import { badRequest } from '../errors';
import { isGuid } from '../ids';
import type { FieldType, Schema } from '../schema/fields';
import { BinaryOp, CLR_NAMES, Node, ValueType } from './ast';
import { Token, tokenize } from './lexer';

const FIELD_TYPES: Partial<Record<FieldType, ValueType>> = {
	g: 'guid',
	s: 'string',
	i: 'number',
	l: 'number',
	d: 'number',
	y: 'byte',
	b: 'bool',
	t: 'datetime',
};

const FUNCTIONS: Record<string, { args: ValueType[]; ret: ValueType }> = {
	substringof: { args: ['string', 'string'], ret: 'bool' },
	startswith: { args: ['string', 'string'], ret: 'bool' },
	endswith: { args: ['string', 'string'], ret: 'bool' },
	indexof: { args: ['string', 'string'], ret: 'number' },
	length: { args: ['string'], ret: 'number' },
	tolower: { args: ['string'], ret: 'string' },
	toupper: { args: ['string'], ret: 'string' },
	trim: { args: ['string'], ret: 'string' },
	year: { args: ['datetime'], ret: 'number' },
	month: { args: ['datetime'], ret: 'number' },
	day: { args: ['datetime'], ret: 'number' },
};

const EQUALITY = new Set(['eq', 'ne']);
const RELATIONAL = new Set(['gt', 'ge', 'lt', 'le']);

function base(t: ValueType): ValueType {
	return t === 'byte' ? 'number' : t;
}

export function compatible(a: ValueType, b: ValueType): boolean {
	return a === 'null' || b === 'null' || base(a) === base(b);
}

/** Recursive-descent parser for $filter, checking field names and operand types. */
class Parser {
	private i = 0;
	readonly fields = new Set<string>();

	constructor(
		private readonly tokens: Token[],
		private readonly schema: Schema,
	) {}

	parse(): Node {
		const node = this.or();
		const t = this.peek();
		if (t.kind !== 'eof') throw badRequest(`Syntax error at position ${t.pos}.`);
		if (node.type !== 'bool') {
			throw badRequest(`Expression of type 'System.Boolean' expected at position 0.`);
		}
		return node;
	}

	private peek(): Token {
		return this.tokens[this.i];
	}

	private next(): Token {
		return this.tokens[this.i++];
	}

	private keyword(word: string): boolean {
		const t = this.peek();
		if (t.kind === 'ident' && t.text === word) {
			this.i += 1;
			return true;
		}
		return false;
	}

	private or(): Node {
		let left = this.and();
		for (let t = this.peek(); this.keyword('or'); t = this.peek()) {
			left = this.logical('or', left, this.and(), t.pos);
		}
		return left;
	}

	private and(): Node {
		let left = this.equality();
		for (let t = this.peek(); this.keyword('and'); t = this.peek()) {
			left = this.logical('and', left, this.equality(), t.pos);
		}
		return left;
	}

	private logical(op: BinaryOp, left: Node, right: Node, pos: number): Node {
		if (left.type !== 'bool' || right.type !== 'bool') {
			throw this.incompatible(op, left, right, pos);
		}
		return { k: 'bin', op, left, right, type: 'bool', pos };
	}

	private equality(): Node {
		let left = this.relational();
		for (;;) {
			const t = this.peek();
			if (t.kind !== 'ident' || !EQUALITY.has(t.text)) return left;
			this.i += 1;
			left = this.compare(t.text as BinaryOp, left, this.relational(), t.pos);
		}
	}

	private relational(): Node {
		let left = this.unary();
		for (;;) {
			const t = this.peek();
			if (t.kind !== 'ident' || !RELATIONAL.has(t.text)) return left;
			this.i += 1;
			left = this.compare(t.text as BinaryOp, left, this.unary(), t.pos);
		}
	}

	private compare(op: BinaryOp, left: Node, right: Node, pos: number): Node {
		if (!compatible(left.type, right.type)) throw this.incompatible(op, left, right, pos);
		return { k: 'bin', op, left, right, type: 'bool', pos };
	}

	private incompatible(op: string, left: Node, right: Node, pos: number) {
		return badRequest(
			`Operator '${op}' incompatible with operand types '${CLR_NAMES[left.type]}' and ` +
				`'${CLR_NAMES[right.type]}' at position ${pos}.`,
		);
	}

	private unary(): Node {
		const t = this.peek();
		if (this.keyword('not')) {
			const arg = this.unary();
			if (arg.type !== 'bool') {
				throw badRequest(`Operator 'not' incompatible with operand type at position ${t.pos}.`);
			}
			return { k: 'not', arg, type: 'bool', pos: t.pos };
		}
		return this.primary();
	}

	private primary(): Node {
		const t = this.next();
		switch (t.kind) {
			case 'lparen': {
				const inner = this.or();
				const close = this.next();
				if (close.kind !== 'rparen')
					throw badRequest(`')' or operator expected at position ${close.pos}.`);
				return inner;
			}
			case 'string':
				return { k: 'lit', type: 'string', value: t.value, pos: t.pos };
			case 'number':
				return { k: 'lit', type: 'number', value: t.value, pos: t.pos };
			case 'guid':
				if (!isGuid(t.value))
					throw badRequest(`Unrecognized 'Edm.Guid' literal '${t.text}' at position ${t.pos}.`);
				return { k: 'lit', type: 'guid', value: String(t.value).toLowerCase(), pos: t.pos };
			case 'datetime': {
				const ms = parseDateInput(String(t.value));
				if (ms === undefined) {
					throw badRequest(`Unrecognized 'Edm.DateTime' literal '${t.text}' at position ${t.pos}.`);
				}
				return { k: 'lit', type: 'datetime', value: ms, pos: t.pos };
			}
			case 'ident':
				return this.identifier(t);
			default:
				throw badRequest(`Expression expected at position ${t.pos}.`);
		}
	}

	private identifier(t: Token): Node {
		if (t.text === 'true' || t.text === 'false') {
			return { k: 'lit', type: 'bool', value: t.text === 'true', pos: t.pos };
		}
		if (t.text === 'null') return { k: 'lit', type: 'null', value: null, pos: t.pos };
		if (this.peek().kind === 'lparen') return this.call(t);
		if (t.text.includes('/')) {
			throw badRequest(`Filtering on navigation properties is not supported: '${t.text}'.`);
		}
		const field = this.schema.byName.get(t.text);
		const type = field && FIELD_TYPES[field.type];
		if (!field || !type) {
			throw badRequest(
				`No property '${t.text}' exists in type '${this.schema.typeName}' at position ${t.pos}.`,
			);
		}
		this.fields.add(field.name);
		return { k: 'field', name: field.name, field, type, pos: t.pos };
	}

	private call(t: Token): Node {
		const fn = FUNCTIONS[t.text];
		if (!fn) throw badRequest(`Unknown function '${t.text}' at position ${t.pos}.`);
		this.next();
		const args: Node[] = [];
		if (this.peek().kind !== 'rparen') {
			do {
				args.push(this.or());
			} while (this.peek().kind === 'comma' && this.next());
		}
		const close = this.next();
		if (close.kind !== 'rparen') throw badRequest(`')' or ',' expected at position ${close.pos}.`);
		if (args.length !== fn.args.length || args.some((a, n) => !compatible(a.type, fn.args[n]))) {
			throw badRequest(`No applicable function found for '${t.text}' at position ${t.pos}.`);
		}
		return { k: 'call', name: t.text, args, type: fn.ret, pos: t.pos };
	}
}

export interface ParsedFilter {
	ast: Node;
	/** Fields the filter refers to (for mandatory-filter and sync checks). */
	fields: Set<string>;
}

export function parseFilter(text: string, schema: Schema): ParsedFilter {
	const parser = new Parser(tokenize(text), schema);
	const ast = parser.parse();
	return { ast, fields: parser.fields };
}
