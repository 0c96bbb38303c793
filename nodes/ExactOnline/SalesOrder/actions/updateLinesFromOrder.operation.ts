/**
 * Update Lines From Order: an order edited in Shopify (received as orders/updated, since n8n's
 * Shopify Trigger has no orders/edited) → the Exact sales order's lines changed to match: lines
 * added, quantities, prices or VAT codes changed, lines deleted. The input is the order document
 * after Map Shopify Order, the VAT Resolver and Find or Create Items, as for Create From Order.
 * An order that already matches is left alone (no write), so every orders/updated can come here.
 * Once anything was delivered or invoiced, nothing is applied and each change is reported.
 */
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readOrderDocument } from '../../../core/exact/orderDocumentInput';
import { describeBlockedChange, planOrderEdit } from '../../../core/exact/orderEdit';
import type { ExistingOrderLine } from '../../../core/exact/orderEdit';
import { salesOrderLines, totalDifferenceCents } from '../../../core/exact/salesOrderDraft';
import type { LinePricing } from '../../../core/exact/salesOrderDraft';
import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest, resolveDivision } from '../../shared/transport';
import { linesOfOrder, orderByRef } from './delivery/orderByRef';
import { refKey, withRefLock } from './fromOrder/refLock';

const properties: INodeProperties[] = [
	{
		displayName: 'Line Prices',
		name: 'linePricing',
		type: 'options',
		options: [
			{ name: 'Net Price', value: 'netPrice' },
			{ name: 'Unit Price and Discount', value: 'unitPriceDiscount' },
		],
		default: 'netPrice',
		description: 'The same Line Prices as Create Sales Order in the orders workflow',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['updateLinesFromOrder'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const linePricing = this.getNodeParameter('linePricing', 0, 'netPrice') as LinePricing;
	return await runPerItem.call(this, async (itemIndex, item) => {
		const doc = readOrderDocument(item.json, itemIndex);
		const orderName = doc.references?.orderName ?? doc.references?.yourRef ?? '(unnamed)';
		const base: IDataObject = { orderName, yourRef: doc.references?.yourRef ?? null };
		if (doc.skip) return { ...base, action: 'skipped', reason: doc.skip.reason };
		// orders/updated also fires on a cancellation: Cancel From Order (orders/cancelled) handles it.
		if ((doc as { cancelled?: boolean }).cancelled === true)
			return {
				...base,
				action: 'skipped',
				reason: 'the order is cancelled (see Cancel From Order)',
			};
		const missing = doc.lines.filter((l) => l.quantity !== 0 && !l.itemId);
		if (missing.length) {
			throw new NodeOperationError(
				this.getNode(),
				`Order ${orderName}: line ${missing.map((l) => l.lineNumber).join(', ')} has no itemId (run the Exact Online Item node first)`,
				{ itemIndex },
			);
		}
		const yourRef = doc.references.yourRef.trim();
		const division = await resolveDivision.call(this, itemIndex);
		// The import's lock: an edit waits for an import of the same order in this process.
		return await withRefLock(refKey(division, yourRef), async () => {
			const order = await orderByRef(this, yourRef, itemIndex);
			if (!order)
				return { ...base, action: 'skipped', reason: 'not in Exact (not imported, or removed)' };
			const salesOrder = { id: order.OrderID, number: order.OrderNumber };
			const existing = (await linesOfOrder(this, order.OrderID, itemIndex)) as ExistingOrderLine[];
			const desired = salesOrderLines(doc, { linePricing }).lines;
			const plan = planOrderEdit(desired, existing, order);
			if (plan.changes.length === 0)
				return { ...base, action: 'unchanged', salesOrder, reason: 'the Exact order matches' };
			if (plan.blocked) {
				const notes = plan.changes.map((c) => describeBlockedChange(c, orderName));
				return {
					...base,
					action: 'notApplied',
					salesOrder,
					reason: `Order ${orderName} was edited in Shopify, but ${plan.blocked}; nothing was changed`,
					changes: plan.changes as unknown as IDataObject[],
					warning: notes.join('; '),
				};
			}
			const path = 'salesorder/SalesOrderLines';
			const known = new Set(existing.map((l) => l.ID));
			for (const body of plan.posts) {
				await exactRequest.call(this, {
					method: 'POST',
					path,
					body: { ...body, OrderID: order.OrderID },
					itemIndex,
					writeCheck: async () =>
						(await linesOfOrder(this, order.OrderID, itemIndex)).find(
							(l) =>
								!known.has(l.ID) &&
								String(l.Item).toLowerCase() === String(body.Item).toLowerCase() &&
								Number(l.Quantity) === Number(body.Quantity),
						),
				});
			}
			for (const { id, body } of plan.puts) {
				await exactRequest.call(this, {
					method: 'PUT',
					path: entityKeyPath(path, id),
					body,
					itemIndex,
				});
			}
			for (const id of plan.deletes) {
				try {
					await exactRequest.call(this, {
						method: 'DELETE',
						path: entityKeyPath(path, id),
						itemIndex,
						writeCheck: async () =>
							(await linesOfOrder(this, order.OrderID, itemIndex)).some((l) => l.ID === id)
								? undefined
								: {},
					});
				} catch (error) {
					// The transport's errors are NodeApiErrors; a 404: a retried DELETE (or another
					// run) removed the line already.
					if ((error as { httpCode?: unknown }).httpCode !== '404') throw error as NodeApiError;
				}
			}
			const after = await orderByRef(this, yourRef, itemIndex);
			const out: IDataObject = {
				...base,
				action: 'updated',
				salesOrder,
				changes: plan.changes as unknown as IDataObject[],
			};
			const difference = totalDifferenceCents(after?.AmountFC, doc);
			if (difference)
				out.warning = `Exact's order total differs from the edited Shopify order by ${difference} cents`;
			return out;
		});
	});
}
