/** Sales order lookups and the order locator, shared by the Sales Order node's operations. */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';

import { eq, lit } from '../../../core/exact/filter';
import { exactGetAll, exactLookup } from '../../shared/transport';

export const ORDER_SELECT = [
	'OrderID',
	'OrderNumber',
	'YourRef',
	'OrderDate',
	'OrderedBy',
	'OrderedByName',
	'DeliverTo',
	'DeliveryAddress',
	'Description',
	'Status',
	'DeliveryStatus',
	'InvoiceStatus',
	'AmountFC',
	'AmountFCExclVat',
	'Currency',
	'PaymentCondition',
	'ShippingMethod',
	'WarehouseID',
	'Remarks',
	'Created',
	'Modified',
];

/** What the YourRef lookup of the flow reads. */
export const REF_SELECT = [
	'OrderID',
	'OrderNumber',
	'YourRef',
	'OrderedBy',
	'AmountFC',
	'Status',
	'DeliveryStatus',
	'Description',
];

export interface OrderRecord {
	OrderID: string;
	OrderNumber: number;
	YourRef?: string | null;
	OrderedBy?: string | null;
	AmountFC?: number | null;
	Status?: number | null;
	DeliveryStatus?: number | null;
	Description?: string | null;
	[field: string]: unknown;
}

export interface OrderLineRecord {
	ID: string;
	Quantity?: number | null;
	QuantityDelivered?: number | null;
}

/** Orders whose YourRef is one of the given references (batched by URL length). */
export async function findOrdersByYourRefs(
	ctx: IExecuteFunctions,
	refs: string[],
	itemIndex = 0,
	select: string[] = REF_SELECT,
): Promise<OrderRecord[]> {
	const values = [...new Set(refs.map((r) => r.trim()).filter(Boolean))];
	if (values.length === 0) return [];
	return (await exactLookup.call(ctx, {
		path: 'salesorder/SalesOrders',
		field: 'YourRef',
		values,
		select,
		itemIndex,
	})) as OrderRecord[];
}

export async function orderLines(
	ctx: IExecuteFunctions,
	orderId: string,
	itemIndex: number,
): Promise<OrderLineRecord[]> {
	return (await exactGetAll.call(ctx, {
		path: 'salesorder/SalesOrderLines',
		qs: {
			$filter: eq('OrderID', lit.guid(orderId)),
			$select: ['ID', 'Quantity', 'QuantityDelivered'],
		},
		itemIndex,
	})) as OrderLineRecord[];
}

export const orderLocator: INodeProperties = {
	displayName: 'Sales Order',
	name: 'orderId',
	type: 'resourceLocator',
	default: { mode: 'number', value: '' },
	required: true,
	description: 'The Exact Online sales order',
	modes: [
		{
			displayName: 'By Order Number',
			name: 'number',
			type: 'string',
			placeholder: 'e.g. 1042',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An order number has digits only' },
				},
			],
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 5b7f4515-8a2c-4f38-9d1e-2a1b3c4d5e6f',
			validation: [
				{
					type: 'regex',
					properties: {
						regex:
							'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$',
						errorMessage: 'An order ID is a GUID',
					},
				},
			],
		},
	],
};

/** The order the locator points at (OrderID, OrderNumber, statuses), or undefined when none. */
export async function locateOrder(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<OrderRecord | undefined> {
	const locator = ctx.getNodeParameter(
		'orderId',
		itemIndex,
		{},
		{ extractValue: false },
	) as INodeParameterResourceLocator;
	const value = String(locator?.value ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), 'No sales order chosen', { itemIndex });
	const filter =
		locator.mode === 'id' ? eq('OrderID', lit.guid(value)) : eq('OrderNumber', lit.int(value));
	const found = (await exactGetAll.call(ctx, {
		path: 'salesorder/SalesOrders',
		qs: { $filter: filter, $select: REF_SELECT },
		itemIndex,
		limit: 1,
	})) as OrderRecord[];
	return found[0];
}
