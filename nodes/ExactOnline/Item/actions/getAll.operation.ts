/** Get Many: items by filters (fields, never raw OData), all or up to a limit. */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { and, eq, ge, lit, ne, substringOf } from '../../../core/exact/filter';
import type { Filter } from '../../../core/exact/filter';
import { cleanRecord, selectFields } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { exactGetAll } from '../../shared/transport';
import { ITEM_SELECT } from './common';

const properties: INodeProperties[] = [
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
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'The item with this code',
			},
			{
				displayName: 'Description Contains',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Items whose description contains this text',
			},
			{
				displayName: 'Is Sales Item',
				name: 'isSalesItem',
				type: 'boolean',
				default: true,
				description: 'Whether to return only sales items (on) or only non-sales items (off)',
			},
			{
				displayName: 'Is Stock Item',
				name: 'isStockItem',
				type: 'boolean',
				default: true,
				description: 'Whether to return only stock items (on) or only non-stock items (off)',
			},
			{
				displayName: 'Item Group Code',
				name: 'itemGroupCode',
				type: 'string',
				default: '',
				description: 'Items in the item group with this code',
			},
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Items changed at or after this moment',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: 'ID,Code,Description',
				description:
					'Comma-separated Exact field names to return. Leave empty for the usual item fields.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['getAll'] } }, properties);

const EVERY_ITEM = ne('ID', lit.guid('00000000-0000-0000-0000-000000000000'));

export function itemFilter(filters: IDataObject): Filter {
	const parts: Filter[] = [];
	const text = (key: string) =>
		typeof filters[key] === 'string' ? (filters[key] as string).trim() : '';
	if (text('code')) parts.push(eq('Code', text('code')));
	if (text('description')) parts.push(substringOf(text('description'), 'Description'));
	if (text('itemGroupCode')) parts.push(eq('ItemGroupCode', text('itemGroupCode')));
	if (typeof filters.isSalesItem === 'boolean') parts.push(eq('IsSalesItem', filters.isSalesItem));
	if (typeof filters.isStockItem === 'boolean') parts.push(eq('IsStockItem', filters.isStockItem));
	if (text('modifiedSince'))
		parts.push(ge('Modified', lit.datetime(new Date(text('modifiedSince')))));
	return parts.length ? and(...parts) : EVERY_ITEM;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const records = (await exactGetAll.call(this, {
			path: 'logistics/Items',
			qs: { $filter: itemFilter(filters), $select: selectFields(options.fields, ITEM_SELECT) },
			limit,
			itemIndex,
			parseDates: true,
		})) as Array<Record<string, unknown>>;
		return records.map((r) => ({ ...cleanRecord(r), action: 'found' }) as IDataObject);
	});
}
