/**
 * One Shopify fulfilment → one Exact goods delivery, once.
 *
 * The delivery's Description "Shopify fulfilment <id> of <order>" is its natural key: it is looked
 * up before anything is written (Exact has no DELETE on deliveries, so a duplicate could not be
 * undone), deliveries are serialised per (division, fulfilment) in this process, and the POST's
 * writeCheck looks the key up again after an ambiguous failure. Only quantities still open on the
 * order are delivered, so a fulfilment after Deliver Immediately (or a repeated one) delivers nothing
 * twice. The order is approved first when Exact needs it, and moved to the warehouse the
 * fulfilment's location maps to while nothing was delivered from it yet.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { eq, lit } from '../../../../core/exact/filter';
import {
	describeShortfall,
	fulfillmentDeliveryBody,
	planFulfillmentDelivery,
} from '../../../../core/exact/fulfillmentDelivery';
import type { ExactOrderLineForDelivery } from '../../../../core/exact/fulfillmentDelivery';
import { orderToKeep } from '../../../../core/exact/salesOrderDraft';
import type { FulfillmentDocument } from '../../../../core/mapping/fulfillment';
import { createKeyedLock } from '../../../shared/keyedLock';
import {
	entityKeyPath,
	exactGetAll,
	exactRequest,
	resolveDivision,
} from '../../../shared/transport';
import { findOrdersByYourRefs } from '../common';
import type { OrderRecord } from '../common';
import { ensureApproved } from '../delivery/approve';
import { invoiceOrder } from '../delivery/invoice';
import type { InvoiceRun } from '../delivery/invoice';

const withFulfillmentLock = createKeyedLock();

export type InvoiceWhen = 'never' | 'delivered';

export interface DeliverOptions {
	invoice: InvoiceWhen;
	journal: string;
	processInvoice: boolean;
	/** Item codes Shopify never fulfils (the shipping item): delivered with the first parcel. */
	withFirstDelivery: string[];
	/** Shopify location id → Exact warehouse code. */
	locationWarehouses: Array<{ locationId: string; warehouse: string }>;
}

interface DeliveryRow {
	EntryID: string;
	DeliveryNumber?: number | null;
	Description?: string | null;
}

const ORDER_SELECT = [
	'OrderID',
	'OrderNumber',
	'YourRef',
	'Status',
	'DeliveryStatus',
	'InvoiceStatus',
	'ApprovalStatus',
	'WarehouseID',
];

export class FulfillmentDeliverer {
	private readonly warehouseIds = new Map<string, string | null>();

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly options: DeliverOptions,
	) {}

	private async deliveriesByKey(description: string, itemIndex: number): Promise<DeliveryRow[]> {
		return (await exactGetAll.call(this.ctx, {
			path: 'salesorder/GoodsDeliveries',
			qs: {
				$filter: eq('Description', lit.str(description)),
				$select: ['EntryID', 'DeliveryNumber', 'Description'],
			},
			itemIndex,
		})) as DeliveryRow[];
	}

	private async warehouseFor(doc: FulfillmentDocument, itemIndex: number): Promise<string | null> {
		if (!doc.locationId) return null;
		const rule = this.options.locationWarehouses.find(
			(r) => String(r.locationId).trim() === doc.locationId,
		);
		if (!rule || !String(rule.warehouse).trim()) return null;
		const code = String(rule.warehouse).trim();
		if (!this.warehouseIds.has(code)) {
			const found = (await exactGetAll.call(this.ctx, {
				path: 'inventory/Warehouses',
				qs: { $filter: eq('Code', lit.str(code)), $select: ['ID', 'Code'] },
				itemIndex,
			})) as Array<{ ID: string }>;
			this.warehouseIds.set(code, found[0]?.ID ?? null);
		}
		const id = this.warehouseIds.get(code);
		if (!id)
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Fulfilment ${doc.fulfillmentId} of ${doc.orderName}: warehouse '${code}' (mapped from location ${doc.locationId}) does not exist in Exact`,
				{ itemIndex, description: 'Fix the Location to Warehouse Map.' },
			);
		return id;
	}

	async deliver(doc: FulfillmentDocument, itemIndex: number): Promise<IDataObject> {
		const base: IDataObject = {
			fulfillmentId: doc.fulfillmentId,
			orderName: doc.orderName,
			trackingNumber: doc.trackingNumber,
		};
		if (doc.skip)
			return { ...base, action: 'skipped', reason: doc.skip.reason, warnings: doc.warnings };
		const division = await resolveDivision.call(this.ctx, itemIndex);
		return await withFulfillmentLock(`${division}|${doc.fulfillmentId}`, async () => {
			const warnings = [...doc.warnings];
			const [existing] = await this.deliveriesByKey(doc.description, itemIndex);
			const order = await this.findOrder(doc, itemIndex);
			const salesOrder = { id: order.OrderID, number: order.OrderNumber };
			if (existing) {
				return {
					...base,
					action: 'skipped',
					reason: `already delivered as goods delivery ${existing.DeliveryNumber ?? existing.EntryID}`,
					salesOrder,
					goodsDelivery: { id: existing.EntryID, number: existing.DeliveryNumber ?? null },
					invoices: await this.invoice(order, itemIndex, warnings),
					warnings,
				};
			}
			const lines = await this.orderLines(order.OrderID, itemIndex);
			const plan = planFulfillmentDelivery(doc, lines, this.options.withFirstDelivery);
			for (const s of plan.shortfalls) warnings.push(describeShortfall(s, doc.orderName));
			if (plan.lines.length > 0 && Number(order.DeliveryStatus) === 21) {
				// DeliveryStatus complete with goods still open: the rest was completed in Exact (a
				// cancellation), so Exact takes no more deliveries on this order.
				return {
					...base,
					action: 'skipped',
					reason: `the delivery of sales order ${order.OrderNumber} was completed in Exact (its rest closed, e.g. after a cancellation); nothing was delivered`,
					salesOrder,
					goodsDelivery: null,
					invoices: await this.invoice(order, itemIndex, warnings),
					warnings,
				};
			}
			if (plan.lines.length === 0) {
				return {
					...base,
					action: 'skipped',
					reason: 'nothing of this fulfilment is open on the Exact sales order (delivered already)',
					salesOrder,
					goodsDelivery: null,
					invoices: await this.invoice(order, itemIndex, warnings),
					warnings,
				};
			}
			const warehouse = await this.warehouseFor(doc, itemIndex);
			if (warehouse && warehouse !== order.WarehouseID) {
				await exactRequest.call(this.ctx, {
					method: 'PUT',
					path: entityKeyPath('salesorder/SalesOrders', order.OrderID),
					body: { WarehouseID: warehouse },
					itemIndex,
				});
				warnings.push(
					`Sales order ${order.OrderNumber} moved to the warehouse of location ${doc.locationId}`,
				);
			}
			await ensureApproved(this.ctx, order, itemIndex);
			const delivery = (await exactRequest.call(this.ctx, {
				method: 'POST',
				path: 'salesorder/GoodsDeliveries',
				body: fulfillmentDeliveryBody(doc, plan),
				itemIndex,
				writeCheck: async () => (await this.deliveriesByKey(doc.description, itemIndex))[0],
			})) as DeliveryRow;
			return {
				...base,
				action: 'delivered',
				salesOrder,
				goodsDelivery: {
					id: delivery.EntryID,
					number: delivery.DeliveryNumber ?? null,
					lines: plan.lines.map((l) => ({
						salesOrderLineId: l.SalesOrderLineID,
						lineNumber: l.lineNumber,
						itemCode: l.itemCode,
						quantity: l.QuantityDelivered,
					})),
				},
				invoices: await this.invoice(order, itemIndex, warnings),
				warnings,
			};
		});
	}

	private async invoice(
		order: OrderRecord,
		itemIndex: number,
		warnings: string[],
	): Promise<IDataObject[]> {
		if (this.options.invoice === 'never') return [];
		const run: InvoiceRun = await invoiceOrder(
			this.ctx,
			order,
			{ mode: 0, journal: this.options.journal, process: this.options.processInvoice },
			itemIndex,
		);
		if (run.created === 0 && run.message && !/nothing to invoice/i.test(run.message))
			warnings.push(`Invoice: ${run.message}`);
		return run.invoices as unknown as IDataObject[];
	}

	private async findOrder(doc: FulfillmentDocument, itemIndex: number): Promise<OrderRecord> {
		const found = (
			await findOrdersByYourRefs(this.ctx, [doc.yourRef], itemIndex, ORDER_SELECT)
		).filter((o) => String(o.YourRef ?? '').trim() === doc.yourRef.trim());
		const order = orderToKeep(found) as OrderRecord | undefined;
		if (!order) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Fulfilment ${doc.fulfillmentId} of ${doc.orderName}: no Exact sales order with YourRef ${doc.yourRef}`,
				{
					itemIndex,
					description:
						'Import the order first (orders workflow), then retry this execution; nothing was delivered.',
				},
			);
		}
		return order;
	}

	private async orderLines(
		orderId: string,
		itemIndex: number,
	): Promise<ExactOrderLineForDelivery[]> {
		return (await exactGetAll.call(this.ctx, {
			path: 'salesorder/SalesOrderLines',
			qs: {
				$filter: eq('OrderID', lit.guid(orderId)),
				$select: ['ID', 'LineNumber', 'ItemCode', 'Quantity', 'QuantityDelivered'],
			},
			itemIndex,
		})) as ExactOrderLineForDelivery[];
	}
}
