/** Get Many: sales orders by filters (fields, never raw OData), all or up to a limit. */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { and, eq, ge, le, lit, ne } from '../../../core/exact/filter';
import type { Filter } from '../../../core/exact/filter';
import { cleanRecord, selectFields } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { exactGetAll } from '../../shared/transport';
import { ORDER_SELECT } from './common';

const STATUS_OPTIONS = [
	{ name: 'Cancelled', value: 45 },
	{ name: 'Complete', value: 21 },
	{ name: 'Open', value: 12 },
	{ name: 'Partial', value: 20 },
];

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
				displayName: 'Customer Account ID',
				name: 'orderedBy',
				type: 'string',
				default: '',
				description: 'Orders of the account with this ID',
			},
			{
				displayName: 'Delivery Status',
				name: 'deliveryStatus',
				type: 'options',
				options: STATUS_OPTIONS,
				default: 12,
				description: 'Orders whose delivery has this status',
			},
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Orders changed at or after this moment',
			},
			{
				displayName: 'Order Date From',
				name: 'orderDateFrom',
				type: 'dateTime',
				default: '',
				description: 'Orders dated on or after this day',
			},
			{
				displayName: 'Order Date To',
				name: 'orderDateTo',
				type: 'dateTime',
				default: '',
				description: 'Orders dated on or before this day',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUS_OPTIONS,
				default: 12,
				description: 'Orders with this status',
			},
			{
				displayName: 'Your Reference',
				name: 'yourRef',
				type: 'string',
				default: '',
				description: 'Orders with this reference (the Shopify order name for imported orders)',
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
				placeholder: 'OrderID,OrderNumber,YourRef',
				description:
					'Comma-separated Exact field names to return. Leave empty for the usual order fields.',
			},
			{
				displayName: 'Include Lines',
				name: 'includeLines',
				type: 'boolean',
				default: false,
				description: 'Whether to return the order lines with each order',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['getAll'] } }, properties);

const day = (value: string) => lit.datetime(value.slice(0, 10));

export function orderFilter(filters: IDataObject): Filter {
	const parts: Filter[] = [];
	const text = (key: string) =>
		typeof filters[key] === 'string' ? (filters[key] as string).trim() : '';
	if (text('orderedBy')) parts.push(eq('OrderedBy', lit.guid(text('orderedBy'))));
	if (text('yourRef')) parts.push(eq('YourRef', text('yourRef')));
	if (typeof filters.status === 'number') parts.push(eq('Status', lit.int(filters.status)));
	if (typeof filters.deliveryStatus === 'number')
		parts.push(eq('DeliveryStatus', lit.int(filters.deliveryStatus)));
	if (text('orderDateFrom')) parts.push(ge('OrderDate', day(text('orderDateFrom'))));
	if (text('orderDateTo')) parts.push(le('OrderDate', day(text('orderDateTo'))));
	if (text('modifiedSince'))
		parts.push(ge('Modified', lit.datetime(new Date(text('modifiedSince')))));
	return parts.length
		? and(...parts)
		: ne('OrderID', lit.guid('00000000-0000-0000-0000-000000000000'));
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const select = selectFields(options.fields, ORDER_SELECT);
		const records = (await exactGetAll.call(this, {
			path: 'salesorder/SalesOrders',
			qs: {
				$filter: orderFilter(filters),
				$select: options.includeLines ? [...select, 'SalesOrderLines'] : select,
				$expand: options.includeLines ? 'SalesOrderLines' : undefined,
			},
			limit,
			itemIndex,
			parseDates: true,
		})) as Array<Record<string, unknown>>;
		return records.map((r) => ({ ...cleanRecord(r), action: 'found' }) as IDataObject);
	});
}
