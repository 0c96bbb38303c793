/** Get Many: items by filters (fields, never raw OData), all or up to a limit. */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { and, eq, ge, lit, substringOf } from '../../../core/exact/filter';
import type { Filter } from '../../../core/exact/filter';
import {
	executeGetMany,
	fieldsOption,
	filterText,
	matchEveryRecord,
	returnAllAndLimit,
} from '../../shared/getMany';
import { ITEM_SELECT } from './common';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
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
		options: [fieldsOption('ID,Code,Description', 'item')],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['getAll'] } }, properties);

export function itemFilter(filters: IDataObject): Filter {
	const parts: Filter[] = [];
	const text = (key: string) => filterText(filters, key);
	if (text('code')) parts.push(eq('Code', text('code')));
	if (text('description')) parts.push(substringOf(text('description'), 'Description'));
	if (text('itemGroupCode')) parts.push(eq('ItemGroupCode', text('itemGroupCode')));
	if (typeof filters.isSalesItem === 'boolean') parts.push(eq('IsSalesItem', filters.isSalesItem));
	if (typeof filters.isStockItem === 'boolean') parts.push(eq('IsStockItem', filters.isStockItem));
	if (text('modifiedSince'))
		parts.push(ge('Modified', lit.datetime(new Date(text('modifiedSince')))));
	return parts.length ? and(...parts) : matchEveryRecord();
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeGetMany.call(this, {
		path: 'logistics/Items',
		defaultSelect: ITEM_SELECT,
		filter: itemFilter,
	});
}
