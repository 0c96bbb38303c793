/**
 * What every Exact "Get Many" operation shares: Return All / Limit, the Fields option, the filter that
 * satisfies Exact's mandatory filtering when the user sets none, and the fetch itself. Each entity
 * supplies only its filter fields and how they become an OData filter.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { lit, ne } from '../../core/exact/filter';
import type { Filter } from '../../core/exact/filter';
import { cleanRecord, selectFields } from '../../core/exact/recordOutput';
import { runPerItem } from './runner';
import { exactGetAll } from './transport';

export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/** The "Fields" option: a comma-separated $select, empty for the entity's usual fields. */
export function fieldsOption(placeholder: string, noun: string): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'fields',
		type: 'string',
		default: '',
		placeholder,
		description: `Comma-separated Exact field names to return. Leave empty for the usual ${noun} fields.`,
	};
}

/** Exact requires a filter on an indexed field; this one matches every record. */
export function matchEveryRecord(keyField = 'ID'): Filter {
	return ne(keyField, lit.guid('00000000-0000-0000-0000-000000000000'));
}

/** Trimmed text of a filter field, '' when absent. */
export function filterText(filters: IDataObject, key: string): string {
	return typeof filters[key] === 'string' ? (filters[key] as string).trim() : '';
}

export interface GetManySpec {
	path: string;
	defaultSelect: string[];
	filter: (filters: IDataObject) => Filter;
	/** Extra query options from the node's Options (e.g. $expand of lines). */
	extraQuery?: (options: IDataObject, select: string[]) => IDataObject;
}

export async function executeGetMany(
	this: IExecuteFunctions,
	spec: GetManySpec,
): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const select = selectFields(options.fields, spec.defaultSelect);
		const records = (await exactGetAll.call(this, {
			path: spec.path,
			qs: { $filter: spec.filter(filters), $select: select, ...spec.extraQuery?.(options, select) },
			limit,
			itemIndex,
			parseDates: true,
		})) as Array<Record<string, unknown>>;
		return records.map((r) => ({ ...cleanRecord(r), action: 'found' }) as IDataObject);
	});
}
