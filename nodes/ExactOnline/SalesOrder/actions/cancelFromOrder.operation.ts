/**
 * Cancel From Order: a Shopify order cancellation (orders/cancelled) reaches Exact. Exact's API
 * has no cancel action (Status is read-only), so:
 * - an order on which nothing was delivered or invoiced is deleted, which ends its planned
 *   stock-out at once;
 * - a partly delivered order has the rest of its delivery completed (salesorder/CompleteSalesOrder
 *   with CompleteDelivery), so its undelivered rest stops lowering free stock; its invoice is not
 *   completed, so what was delivered can still be invoiced. This cannot be undone in Exact, and a
 *   repeated cancellation finds the delivery complete and does nothing;
 * - a fully delivered order, or one whose undelivered goods are already invoiced, is not touched:
 *   the goods and the invoice are real, and the money Shopify refunds for the cancellation is
 *   credited by the refunds template.
 * A second cancellation of a deleted order finds nothing and is skipped.
 */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { createKeyedLock } from '../../shared/keyedLock';
import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { findOrdersByYourRefs } from './common';
import type { OrderRecord } from './common';
import type { LifecycleLine } from './delivery/orderByRef';
import {
	linesOfOrder,
	orderByRef,
	referenceProperties,
	yourRefParameter,
} from './delivery/orderByRef';

/** Exact's DeliveryStatus 21: everything delivered, or the rest of the delivery completed. */
const DELIVERY_COMPLETE = 21;

/** Cancellations of one order take turns within a process (Shopify's retries arrive together). */
const orderLock = createKeyedLock();

const REFUNDS = 'the refund of the cancellation is credited by the refunds template';

const properties: INodeProperties[] = [
	...referenceProperties,
	{
		displayName: 'Partly Delivered Orders',
		name: 'partlyDelivered',
		type: 'options',
		options: [
			{
				name: 'Complete the Rest',
				value: 'complete',
				description:
					'Complete the remaining delivery in Exact (CompleteSalesOrder) so the goods that will not ship stop lowering free stock. The invoice is not completed: what was delivered can still be invoiced. Exact cannot undo this.',
			},
			{
				name: 'Leave Open with a Warning',
				value: 'warn',
				description:
					'Change nothing; the output warns that the undelivered rest still lowers free stock until you complete the order in Exact',
			},
		],
		default: 'complete',
		description:
			'What happens to an order of which part was delivered when Shopify cancels it. An order with nothing delivered is deleted; a fully delivered order, or one whose undelivered goods are already invoiced, is never changed.',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['cancelFromOrder'] } },
	properties,
);

const openQuantity = (l: LifecycleLine) =>
	Number(l.Quantity ?? 0) - Number(l.QuantityDelivered ?? 0);

function undelivered(lines: LifecycleLine[]) {
	return lines
		.map((l) => ({
			lineNumber: l.LineNumber ?? null,
			itemCode: l.ItemCode ?? null,
			quantity: openQuantity(l),
		}))
		.filter((l) => l.quantity > 0);
}

async function deliveryCompleted(
	ctx: IExecuteFunctions,
	reference: string,
	orderId: string,
	itemIndex: number,
): Promise<boolean> {
	const again = await orderByRef(ctx, reference, itemIndex);
	return again?.OrderID === orderId && Number(again.DeliveryStatus) === DELIVERY_COMPLETE;
}

/** POST salesorder/CompleteSalesOrder for the remaining delivery; 'done' or 'already'. */
async function completeDelivery(
	ctx: IExecuteFunctions,
	order: OrderRecord,
	reference: string,
	itemIndex: number,
): Promise<'done' | 'already'> {
	const answer = (await exactRequest.call(ctx, {
		method: 'POST',
		path: 'salesorder/CompleteSalesOrder',
		body: { OrderID: order.OrderID, CompleteDelivery: true, CompleteInvoice: false },
		itemIndex,
		writeCheck: async () =>
			(await deliveryCompleted(ctx, reference, order.OrderID, itemIndex))
				? { ErrorMessage: null }
				: undefined,
	})) as { ErrorMessage?: string | null; SuccessMessage?: string | null } | undefined;
	const error = answer?.ErrorMessage;
	if (!error) return 'done';
	// Another run (a repeated webhook) may have completed it between our read and our call.
	if (await deliveryCompleted(ctx, reference, order.OrderID, itemIndex)) return 'already';
	throw new NodeOperationError(
		ctx.getNode(),
		`Order ${reference}: Exact did not complete the rest of sales order ${order.OrderNumber}: ${error}`,
		{
			itemIndex,
			description:
				'Nothing was changed. Complete the order in Exact (Sales order → Complete) or retry.',
		},
	);
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const reference = yourRefParameter(this, itemIndex);
		return await orderLock(reference, async () => await cancelOne(this, reference, itemIndex));
	});
}

async function cancelOne(
	ctx: IExecuteFunctions,
	reference: string,
	itemIndex: number,
): Promise<IDataObject> {
	const partly = String(ctx.getNodeParameter('partlyDelivered', itemIndex, 'complete'));
	const order = await orderByRef(ctx, reference, itemIndex);
	if (!order) {
		return {
			orderName: reference,
			action: 'skipped',
			reason: 'no Exact sales order with this YourRef (never imported, or removed already)',
		};
	}
	const salesOrder = { id: order.OrderID, number: order.OrderNumber };
	const lines = await linesOfOrder(ctx, order.OrderID, itemIndex);
	const delivered = lines.filter((l) => Number(l.QuantityDelivered ?? 0) > 0);
	const invoiced = lines.filter((l) => Number(l.QuantityInvoiced ?? 0) > 0);
	if (delivered.length > 0 || invoiced.length > 0) {
		const rest = undelivered(lines);
		const restCompleted = Number(order.DeliveryStatus) === DELIVERY_COMPLETE;
		const what = [delivered.length ? 'deliveries' : '', invoiced.length ? 'an invoice' : '']
			.filter(Boolean)
			.join(' and ');
		if (rest.length > 0 && restCompleted) {
			return {
				orderName: reference,
				action: 'skipped',
				salesOrder,
				reason: `the rest of sales order ${order.OrderNumber} was completed before (a repeated cancellation); nothing to do; ${REFUNDS}`,
			};
		}
		// The undelivered rest can be completed when none of it was invoiced: completing the
		// delivery leaves the invoice open for what was delivered.
		const restInvoiced = lines.some(
			(l) => Number(l.QuantityInvoiced ?? 0) > Number(l.QuantityDelivered ?? 0) + 1e-9,
		);
		if (rest.length > 0 && delivered.length > 0 && !restInvoiced && partly === 'complete') {
			const outcome = await completeDelivery(ctx, order, reference, itemIndex);
			return {
				orderName: reference,
				action: outcome === 'done' ? 'completed' : 'skipped',
				salesOrder,
				reason:
					outcome === 'done'
						? `sales order ${order.OrderNumber} was partly delivered: the rest of its delivery was completed in Exact, so it no longer lowers free stock; what was delivered stays and can still be invoiced; ${REFUNDS}`
						: `the rest of sales order ${order.OrderNumber} was completed by another run; nothing to do; ${REFUNDS}`,
				releasedLines: rest,
			};
		}
		const out: IDataObject = {
			orderName: reference,
			action: 'kept',
			salesOrder,
			reason: `Sales order ${order.OrderNumber} has ${what} in Exact and is not changed; ${REFUNDS}`,
			stillPlanned: rest,
		};
		if (rest.length) {
			const why = restInvoiced
				? 'is invoiced already and'
				: 'not delivered (Partly Delivered Orders: Leave Open)';
			out.warning = `Sales order ${order.OrderNumber}: ${rest.map((l) => `${l.quantity} × ${l.itemCode}`).join(', ')} ${why} still lowers free stock; complete the order in Exact if these goods will not ship`;
		}
		return out;
	}
	await exactRequest.call(ctx, {
		method: 'DELETE',
		path: entityKeyPath('salesorder/SalesOrders', order.OrderID),
		itemIndex,
		writeCheck: async () =>
			(await findOrdersByYourRefs(ctx, [reference], itemIndex)).some(
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
}
