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
 *
 * Across processes (n8n queue mode) the keyed lock does not reach: with the Queue-Mode Guard on,
 * a claim on the Shopify order (compare-and-set metafield, see core/exact/deliveryClaim) decides
 * which execution may post before anything is posted; the others wait for it and name its delivery.
 */
import { randomBytes } from 'crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { eq, lit } from '../../../../core/exact/filter';
import {
	describeShortfall,
	fulfillmentDeliveryBody,
	planFulfillmentDelivery,
} from '../../../../core/exact/fulfillmentDelivery';
import type { ExactOrderLineForDelivery } from '../../../../core/exact/fulfillmentDelivery';
import { orderToKeep } from '../../../../core/exact/salesOrderDraft';
import {
	claimKey,
	claimToken,
	decideClaim,
	describeHeldClaim,
	newClaim,
	orderGid,
	refusedForSure,
} from '../../../../core/exact/deliveryClaim';
import type { DeliveryClaim } from '../../../../core/exact/deliveryClaim';
import type { FulfillmentDocument } from '../../../../core/mapping/fulfillment';
import { sleepUnlessCancelled } from '../../../../shared/sleep';
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
import { toNodeError } from '../../../../ShopifyInventory/transport';
import { ShopifyClaims } from './shopifyClaim';

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
	/** Cross-process guard: none (one n8n process) or a claim on the Shopify order. */
	guard: DeliveryGuard;
}

export type DeliveryGuard =
	| { kind: 'none' }
	| {
			kind: 'shopifyClaim';
			/** A claim older than this is taken over (its holder crashed). */
			leaseMs: number;
			/** How long to wait for another execution's delivery before failing the item. */
			waitMs: number;
			/** Between two reads of the claim while waiting. */
			pollMs: number;
	  };

/** How far a delivery attempt got: decides whether a failed attempt may release its claim. */
type Phase = 'before' | 'posting' | 'posted';

interface AttemptOptions {
	/** False when the claim says delivered: never post, only name what Exact has. */
	mayPost: boolean;
	/** The delivery was made (or is being made) by another execution. */
	byOther?: DeliveryClaim;
	onPhase?: (phase: Phase) => void;
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

	private readonly claims: ShopifyClaims;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly options: DeliverOptions,
	) {
		this.claims = new ShopifyClaims(ctx);
	}

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
		return await withFulfillmentLock(`${division}|${doc.fulfillmentId}`, async () =>
			this.options.guard.kind === 'shopifyClaim'
				? await this.deliverClaimed(doc, itemIndex, base, this.options.guard)
				: await this.attempt(doc, itemIndex, base, { mayPost: true }),
		);
	}

	/**
	 * The Queue-Mode Guard: read the claim, then post only under our own claim (won by
	 * compare-and-set), wait for another execution's, or name a delivery made already.
	 */
	private async deliverClaimed(
		doc: FulfillmentDocument,
		itemIndex: number,
		base: IDataObject,
		guard: Extract<DeliveryGuard, { kind: 'shopifyClaim' }>,
	): Promise<IDataObject> {
		if (!doc.shopifyOrderId)
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Fulfilment ${doc.fulfillmentId} of ${doc.orderName}: order_id is missing`,
				{
					itemIndex,
					description:
						'The Queue-Mode Guard claims the delivery on the Shopify order: pass the whole fulfillments/create body (it has order_id).',
				},
			);
		// An id rounded by JSON.parse names another order (or none): find the order by its name.
		const owner = doc.shopifyOrderIdImprecise
			? await this.claims.orderIdByName(doc.orderName, itemIndex)
			: orderGid(doc.shopifyOrderId);
		const key = claimKey(doc.fulfillmentId);
		const me = claimToken(this.executionId(), randomBytes(6).toString('hex'));
		const deadline = Date.now() + guard.waitMs;
		let digest: string | undefined;
		let waitedFor: DeliveryClaim | undefined;
		for (let round = 0; digest === undefined; round++) {
			const decision = decideClaim(
				await this.claims.read(owner, key, itemIndex),
				me,
				new Date(),
				guard.leaseMs,
			);
			if (decision.kind === 'delivered') {
				return await this.attempt(doc, itemIndex, base, {
					mayPost: false,
					byOther: decision.claim.by === me ? undefined : decision.claim,
				});
			}
			if (decision.kind === 'mine') {
				digest = decision.compareDigest;
				break;
			}
			if (decision.kind === 'take') {
				const written = await this.claims.write(
					owner,
					key,
					newClaim('claimed', me, new Date()),
					decision.compareDigest,
					itemIndex,
				);
				// Lost the compare-and-set: another execution changed the claim first; read it again.
				if (written.ok) digest = written.compareDigest;
				else if (round > 20) throw this.heldError(doc, itemIndex, waitedFor, new Date(deadline));
				continue;
			}
			waitedFor = decision.claim;
			const left = deadline - Date.now();
			if (left <= 0) {
				// The other execution did not finish within the wait: one look in Exact before failing.
				const [existing] = await this.deliveriesByKey(doc.description, itemIndex);
				if (existing)
					return await this.attempt(doc, itemIndex, base, {
						mayPost: false,
						byOther: decision.claim,
					});
				throw this.heldError(doc, itemIndex, decision.claim, decision.until);
			}
			await sleepUnlessCancelled(Math.min(guard.pollMs, left), this.cancelSignal());
		}
		let phase = 'before' as Phase;
		let result: IDataObject;
		try {
			result = await this.attempt(doc, itemIndex, base, {
				mayPost: true,
				onPhase: (p) => (phase = p),
			});
		} catch (error) {
			const nothingWritten =
				phase === 'before' ||
				(phase === 'posting' && error instanceof NodeApiError && refusedForSure(error.httpCode));
			if (phase === 'posted')
				await this.settleClaim(owner, key, me, digest, 'delivered', null, itemIndex);
			else if (nothingWritten)
				await this.settleClaim(owner, key, me, digest, 'released', null, itemIndex);
			throw toNodeError(this.ctx.getNode(), error, itemIndex);
		}
		const delivery = result.goodsDelivery as { number?: number | null; id?: string } | null;
		const warning = await this.settleClaim(
			owner,
			key,
			me,
			digest,
			'delivered',
			delivery ? (delivery.number ?? delivery.id ?? null) : null,
			itemIndex,
		);
		if (warning) (result.warnings as string[]).push(warning);
		return result;
	}

	/**
	 * Marks the claim delivered (or released) if it is still ours; returns a warning instead of
	 * failing, because the delivery itself is done (or nothing was written) either way.
	 */
	private async settleClaim(
		owner: string,
		key: string,
		me: string,
		digest: string,
		state: 'delivered' | 'released',
		delivery: number | string | null,
		itemIndex: number,
	): Promise<string | undefined> {
		try {
			const written = await this.claims.write(
				owner,
				key,
				newClaim(state, me, new Date(), delivery),
				digest,
				itemIndex,
			);
			if (written.ok) return undefined;
			return `The delivery claim on the Shopify order changed meanwhile (its lease ran out and another execution took it over); it was left as that execution wrote it`;
		} catch (error) {
			return `The delivery claim on the Shopify order could not be marked ${state} (${(error as Error).message}); it stays claimed until its lease ends`;
		}
	}

	private heldError(
		doc: FulfillmentDocument,
		itemIndex: number,
		claim: DeliveryClaim | undefined,
		until: Date,
	): NodeOperationError {
		const held = claim ?? newClaim('claimed', 'unknown', new Date());
		return new NodeOperationError(
			this.ctx.getNode(),
			describeHeldClaim(doc.fulfillmentId, doc.orderName, held, until),
			{
				itemIndex,
				description:
					'Exact cannot delete a goods delivery, so this execution did not post one while another holds the claim. Retry this execution after that time: it then finds the delivery in Exact, or takes the claim over.',
			},
		);
	}

	private executionId(): string | undefined {
		try {
			const id = this.ctx.getExecutionId();
			return id ? String(id) : undefined;
		} catch {
			return undefined;
		}
	}

	private cancelSignal(): AbortSignal | undefined {
		return typeof this.ctx.getExecutionCancelSignal === 'function'
			? this.ctx.getExecutionCancelSignal()
			: undefined;
	}

	/** One delivery attempt: look the key up, then (when allowed) post what is open, then invoice. */
	private async attempt(
		doc: FulfillmentDocument,
		itemIndex: number,
		base: IDataObject,
		opts: AttemptOptions,
	): Promise<IDataObject> {
		const warnings = [...doc.warnings];
		const [existing] = await this.deliveriesByKey(doc.description, itemIndex);
		const order = await this.findOrder(doc, itemIndex);
		const salesOrder = { id: order.OrderID, number: order.OrderNumber };
		if (existing) {
			return {
				...base,
				action: 'skipped',
				reason: `already delivered${opts.byOther ? ' by another execution' : ''} as goods delivery ${existing.DeliveryNumber ?? existing.EntryID}`,
				salesOrder,
				goodsDelivery: { id: existing.EntryID, number: existing.DeliveryNumber ?? null },
				invoices: await this.invoice(order, itemIndex, warnings),
				warnings,
			};
		}
		if (!opts.mayPost) {
			const recorded = opts.byOther?.delivery;
			warnings.push(
				`The Shopify order records this fulfilment as delivered${recorded !== undefined ? ` (goods delivery ${recorded})` : ''}, but Exact has no goods delivery '${doc.description}'; nothing was posted`,
			);
			return {
				...base,
				action: 'skipped',
				reason: 'recorded as delivered on the Shopify order; nothing posted',
				salesOrder,
				goodsDelivery: recorded !== undefined ? { id: null, number: recorded } : null,
				invoices: [],
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
		opts.onPhase?.('posting');
		const delivery = (await exactRequest.call(this.ctx, {
			method: 'POST',
			path: 'salesorder/GoodsDeliveries',
			body: fulfillmentDeliveryBody(doc, plan),
			itemIndex,
			writeCheck: async () => (await this.deliveriesByKey(doc.description, itemIndex))[0],
		})) as DeliveryRow;
		opts.onPhase?.('posted');
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
