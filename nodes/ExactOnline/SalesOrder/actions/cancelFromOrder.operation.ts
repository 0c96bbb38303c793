/**
 * Cancel From Order: a Shopify order cancellation (orders/cancelled) reaches Exact. Exact's API
 * has no cancel action (Status is read-only), so an order on which nothing was delivered or
 * invoiced is deleted, which ends its planned stock-out at once; that is the whole of what Exact
 * allows. An order with deliveries or invoices is not touched: the goods and the invoice are real,
 * and the money Shopify refunds for the cancellation is credited by the refunds template. A second
 * cancellation finds nothing and is skipped.
 */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { findOrdersByYourRefs } from './common';
import {
	linesOfOrder,
	orderByRef,
	referenceProperties,
	yourRefParameter,
} from './delivery/orderByRef';

const properties: INodeProperties[] = [...referenceProperties];

export const description = updateDisplayOptions(
	{ show: { operation: ['cancelFromOrder'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const reference = yourRefParameter(this, itemIndex);
		const order = await orderByRef(this, reference, itemIndex);
		if (!order) {
			return {
				orderName: reference,
				action: 'skipped',
				reason: 'no Exact sales order with this YourRef (never imported, or removed already)',
			};
		}
		const salesOrder = { id: order.OrderID, number: order.OrderNumber };
		const lines = await linesOfOrder(this, order.OrderID, itemIndex);
		const delivered = lines.filter((l) => Number(l.QuantityDelivered ?? 0) > 0);
		const invoiced = lines.filter((l) => Number(l.QuantityInvoiced ?? 0) > 0);
		if (delivered.length > 0 || invoiced.length > 0) {
			const stillPlanned = lines
				.map((l) => ({
					lineNumber: l.LineNumber ?? null,
					itemCode: l.ItemCode ?? null,
					quantity: Number(l.Quantity ?? 0) - Number(l.QuantityDelivered ?? 0),
				}))
				.filter((l) => l.quantity > 0);
			const what = [delivered.length ? 'deliveries' : '', invoiced.length ? 'an invoice' : '']
				.filter(Boolean)
				.join(' and ');
			const out: IDataObject = {
				orderName: reference,
				action: 'kept',
				salesOrder,
				reason: `Sales order ${order.OrderNumber} has ${what} in Exact and is not changed; the refund of the cancellation is credited by the refunds template`,
				stillPlanned,
			};
			if (stillPlanned.length)
				out.warning = `Sales order ${order.OrderNumber}: ${stillPlanned.map((l) => `${l.quantity} × ${l.itemCode}`).join(', ')} not delivered still lowers free stock; complete the order in Exact if these goods will not ship`;
			return out;
		}
		await exactRequest.call(this, {
			method: 'DELETE',
			path: entityKeyPath('salesorder/SalesOrders', order.OrderID),
			itemIndex,
			writeCheck: async () =>
				(await findOrdersByYourRefs(this, [reference], itemIndex)).some(
					(o) => o.OrderID === order.OrderID,
				)
					? undefined
					: {},
		});
		return {
			orderName: reference,
			action: 'deleted',
			salesOrder,
			reason:
				"nothing was delivered or invoiced; Exact's API has no cancel, so the order was deleted and its planned stock-out ended",
			releasedLines: lines.map((l) => ({
				itemCode: l.ItemCode ?? null,
				quantity: Number(l.Quantity ?? 0),
			})),
		};
	});
}
