/** The imported sales order of a Shopify order (by YourRef) with its lines, for the lifecycle operations. */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eq, lit } from '../../../../core/exact/filter';
import { orderToKeep } from '../../../../core/exact/salesOrderDraft';
import { exactGetAll } from '../../../shared/transport';
import { findOrdersByYourRefs } from '../common';
import type { OrderRecord } from '../common';

export const LIFECYCLE_ORDER_SELECT = [
	'OrderID',
	'OrderNumber',
	'YourRef',
	'Status',
	'DeliveryStatus',
	'InvoiceStatus',
	'ApprovalStatus',
	'WarehouseID',
	'AmountFC',
];

export interface LifecycleLine {
	ID: string;
	LineNumber?: number | null;
	Item?: string | null;
	ItemCode?: string | null;
	Description?: string | null;
	Quantity?: number | null;
	QuantityDelivered?: number | null;
	QuantityInvoiced?: number | null;
	NetPrice?: number | null;
	VATCode?: string | null;
}

export const LINE_SELECT = [
	'ID',
	'LineNumber',
	'Item',
	'ItemCode',
	'Description',
	'Quantity',
	'QuantityDelivered',
	'QuantityInvoiced',
	'NetPrice',
	'VATCode',
];

/** The order a Shopify order name refers to (the lowest OrderNumber when a race left copies). */
export async function orderByRef(
	ctx: IExecuteFunctions,
	yourRef: string,
	itemIndex: number,
): Promise<OrderRecord | undefined> {
	const ref = yourRef.trim();
	if (!ref)
		throw new NodeOperationError(ctx.getNode(), 'No order reference (the Shopify order name)', {
			itemIndex,
		});
	const found = (await findOrdersByYourRefs(ctx, [ref], itemIndex, LIFECYCLE_ORDER_SELECT)).filter(
		(o) => String(o.YourRef ?? '').trim() === ref,
	);
	return orderToKeep(found) as OrderRecord | undefined;
}

export async function linesOfOrder(
	ctx: IExecuteFunctions,
	orderId: string,
	itemIndex: number,
): Promise<LifecycleLine[]> {
	const lines = (await exactGetAll.call(ctx, {
		path: 'salesorder/SalesOrderLines',
		qs: { $filter: eq('OrderID', lit.guid(orderId)), $select: LINE_SELECT },
		itemIndex,
	})) as LifecycleLine[];
	return lines.sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0));
}

export const referenceProperties: INodeProperties[] = [
	{
		displayName: 'Order Name',
		name: 'orderReference',
		type: 'string',
		default: '={{ $json.name }}',
		placeholder: 'e.g. #1001',
		description: "The Shopify order's name; by default that of the input item (the Shopify order)",
	},
	{
		displayName: 'Order Reference Prefix',
		name: 'orderReferencePrefix',
		type: 'string',
		default: '',
		placeholder: 'e.g. NL-',
		description:
			"The same Order Reference Prefix as in Map Shopify Order: the Exact order's YourRef is this text and the order name (NL-#1001)",
	},
];

/** The YourRef the order was imported with: prefix + order name (at most 30 characters). */
export function yourRefParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = String(ctx.getNodeParameter('orderReference', itemIndex, '') ?? '').trim();
	const prefix = String(ctx.getNodeParameter('orderReferencePrefix', itemIndex, '') ?? '').trim();
	return name ? `${prefix}${name}`.slice(0, 30) : '';
}
