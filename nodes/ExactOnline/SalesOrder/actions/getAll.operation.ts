/** Get Many: sales orders by filters (fields, never raw OData), all or up to a limit. */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { and, eq, ge, le, lit } from '../../../core/exact/filter';
import type { Filter } from '../../../core/exact/filter';
import {
	executeGetMany,
	fieldsOption,
	filterText,
	matchEveryRecord,
	returnAllAndLimit,
} from '../../shared/getMany';
import { ORDER_SELECT } from './common';

const STATUS_OPTIONS = [
	{ name: 'Cancelled', value: 45 },
	{ name: 'Complete', value: 21 },
	{ name: 'Open', value: 12 },
	{ name: 'Partial', value: 20 },
];

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
			fieldsOption('OrderID,OrderNumber,YourRef', 'order'),
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
	const text = (key: string) => filterText(filters, key);
	if (text('orderedBy')) parts.push(eq('OrderedBy', lit.guid(text('orderedBy'))));
	if (text('yourRef')) parts.push(eq('YourRef', text('yourRef')));
	if (typeof filters.status === 'number') parts.push(eq('Status', lit.int(filters.status)));
	if (typeof filters.deliveryStatus === 'number')
		parts.push(eq('DeliveryStatus', lit.int(filters.deliveryStatus)));
	if (text('orderDateFrom')) parts.push(ge('OrderDate', day(text('orderDateFrom'))));
	if (text('orderDateTo')) parts.push(le('OrderDate', day(text('orderDateTo'))));
	if (text('modifiedSince'))
		parts.push(ge('Modified', lit.datetime(new Date(text('modifiedSince')))));
	return parts.length ? and(...parts) : matchEveryRecord('OrderID');
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeGetMany.call(this, {
		path: 'salesorder/SalesOrders',
		defaultSelect: ORDER_SELECT,
		filter: orderFilter,
		extraQuery: (options, select) =>
			options.includeLines
				? { $select: [...select, 'SalesOrderLines'], $expand: 'SalesOrderLines' }
				: {},
	});
}
