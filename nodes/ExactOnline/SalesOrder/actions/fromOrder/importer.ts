/**
 * One order document → one Exact sales order, exactly once: the YourRef lookup of all input items
 * is done before (batched); here an order that exists is skipped, otherwise it is posted with a
 * writeCheck on YourRef, so a dropped response is resolved by a lookup, never by a second order.
 *
 * Concurrency: Exact has no unique key on YourRef, so two executions that both looked up before
 * either posted can both create. In one process, creates are serialised per (division, YourRef)
 * (refLock.ts) and a run whose lookup predates another run's create looks the reference up again.
 * Across processes, with "After Create Check" the importer reads the YourRefs it created back once
 * more: in one batched lookup after all of the execution's creates (readBack), not one per order.
 * When several orders carry a reference, every run keeps the lowest OrderNumber (the same choice
 * everywhere) and, with 'removeNewer', deletes its own later copy (a 404 means it is gone). An
 * order to deliver at once is delivered after that check, so only the kept order is delivered.
 */
import type { IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import type { EnrichedOrderDocument, ExactSalesOrderRef } from '../../../../core/document';
import { toExactDate } from '../../../../core/exact/date';
import { eq, lit } from '../../../../core/exact/filter';
import {
	isOwnCopy,
	matchingOrders,
	referenceTakenMessage,
} from '../../../../core/exact/orderIdentity';
import {
	exactRoundingDifferenceCents,
	goodsDeliveryBody,
	orderToKeep,
	salesOrderBody,
	salesOrderLines,
	totalDifferenceCents,
} from '../../../../core/exact/salesOrderDraft';
import type { PostedLine } from '../../../../core/exact/centPrices';
import type { RoundingLine, SalesOrderOptions } from '../../../../core/exact/salesOrderDraft';
import { formatMoney } from '../../../../core/money';
import {
	entityKeyPath,
	exactGetAll,
	exactRequest,
	resolveDivision,
} from '../../../shared/transport';
import { findOrdersByYourRefs, orderLines } from '../common';
import type { OrderRecord } from '../common';
import { APPROVED, ensureApproved } from '../delivery/approve';
import type { ImportedOrders } from './importedOrders';
import { createdSince, markCreated, refKey, withRefLock } from './refLock';

export type { AfterCreateCheck } from '../../../shared/afterCreateCheck';
import type { AfterCreateCheck } from '../../../shared/afterCreateCheck';

/** What to do when Exact's per-line VAT rounding would total the order differently from Shopify. */
export interface RoundingOptions {
	/** 'fail': the order is not created; 'line': the difference goes on the rounding item. */
	mode: 'fail' | 'line';
	itemCode: string;
	vatCode: string | null;
	/** Largest difference booked on the rounding item (cents). */
	maxCents: number;
}

export interface ImportOptions extends SalesOrderOptions {
	deliverImmediately: boolean;
	afterCreateCheck: AfterCreateCheck;
	/** Orders this process imported, by YourRef (see importedOrders.ts); undefined = look up all. */
	importedOrders?: ImportedOrders;
	rounding: RoundingOptions;
}

/**
 * The order is posted in the shop currency (Shopify's shop_money amounts); when that is not the
 * division's currency, Exact converts at its own exchange rate: say so, with the division amount.
 */
function conversionNote(created: OrderRecord, doc: EnrichedOrderDocument): string | null {
	const fc = Number(created.AmountFC);
	const dc = Number(created.AmountDC);
	if (!Number.isFinite(fc) || !Number.isFinite(dc) || Math.abs(fc - dc) < 0.005) return null;
	return `Booked in ${doc.currency} ${fc.toFixed(2)}; Exact converted it at its exchange rate to ${dc.toFixed(2)} in the division's currency`;
}

export class OrderImportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OrderImportError';
	}
}

export interface ImportResult {
	ref: ExactSalesOrderRef;
	goodsDelivery?: { id: string; number: number | null } | null;
	warnings: string[];
}

const sameRef = (a: unknown, b: string) => typeof a === 'string' && a.trim() === b.trim();

/**
 * An order created in this execution whose After Create Check (and delivery) is still to do, or
 * (no `created`) a later item with the same YourRef, which is settled onto the order kept.
 */
interface PendingCheck {
	doc: EnrichedOrderDocument;
	created?: OrderRecord;
	yourRef: string;
	result: ImportResult;
}

export class OrderImporter {
	/** Orders by YourRef: what the batched lookup found plus what this execution created. */
	private readonly byRef = new Map<string, OrderRecord>();
	/** Every order per YourRef the batched lookup found (more than one: an earlier race left a copy). */
	private readonly foundByRef = new Map<string, OrderRecord[]>();
	/** When the batched lookup started (0: none), to spot creates of this process made since. */
	private lookedUpAt = 0;
	/** Created orders awaiting the After Create Check, by item index. */
	private readonly pending = new Map<number, PendingCheck>();
	/** OrderIDs created in this execution whose After Create Check is still to do. */
	private readonly uncheckedIds = new Set<string>();
	/** What the read-back found per YourRef (set by readBack). */
	private readBackByRef: Map<string, OrderRecord[]> | null = null;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly options: ImportOptions,
	) {}

	async prefetch(docs: EnrichedOrderDocument[]): Promise<void> {
		this.lookedUpAt = Date.now();
		const memory = this.options.importedOrders;
		const known = memory
			? docs.map((d) => memory.get(d.references.yourRef)).filter((o) => o !== undefined)
			: [];
		const knownRefs = new Set(known.map((o) => String(o.YourRef ?? '').trim()));
		const found = await findOrdersByYourRefs(
			this.ctx,
			docs.map((d) => d.references.yourRef).filter((r) => !knownRefs.has(r.trim())),
		);
		for (const order of [...known, ...found]) {
			this.remember(order, false);
			const key = String(order.YourRef ?? '').trim();
			this.foundByRef.set(key, [...(this.foundByRef.get(key) ?? []), order]);
		}
	}

	private remember(order: OrderRecord, overwrite: boolean): void {
		const key = String(order.YourRef ?? '').trim();
		const known = this.byRef.get(key);
		if (!known || overwrite || orderToKeep([known, order]) === order) this.byRef.set(key, order);
	}

	async import(doc: EnrichedOrderDocument, itemIndex: number): Promise<ImportResult> {
		const yourRef = doc.references.yourRef.trim();
		const key = refKey(await resolveDivision.call(this.ctx, itemIndex), yourRef);
		return await withRefLock(key, async () => {
			let existing = this.byRef.get(yourRef);
			// Created by a concurrent run of this process since the lookup: it is remembered.
			const remembered = existing ? undefined : this.options.importedOrders?.get(yourRef);
			if (remembered) this.remember(remembered, false);
			existing = this.byRef.get(yourRef);
			if (!existing && createdSince(key, this.lookedUpAt)) {
				const found = await findOrdersByYourRefs(this.ctx, [yourRef], itemIndex);
				for (const order of found.filter((o) => sameRef(o.YourRef, yourRef))) {
					this.remember(order, false);
					this.foundByRef.set(yourRef, [...(this.foundByRef.get(yourRef) ?? []), order]);
				}
				existing = this.byRef.get(yourRef);
			}
			if (existing) {
				// Another shop's #1001, or an order a person entered, is not this order.
				const same = orderToKeep(matchingOrders(this.foundByRef.get(yourRef) ?? [existing], doc));
				if (!same) {
					throw new OrderImportError(
						referenceTakenMessage(this.foundByRef.get(yourRef) ?? [existing], doc),
					);
				}
				if (this.uncheckedIds.has(same.OrderID)) {
					// Created earlier in this execution and not checked yet: settled after that check.
					const result: ImportResult = {
						ref: { id: same.OrderID, number: same.OrderNumber, action: 'skipped' },
						warnings: [],
					};
					this.pending.set(itemIndex, { doc, yourRef, result });
					return result;
				}
				const skipped = await this.skip(doc, same, itemIndex);
				this.options.importedOrders?.set(same);
				return skipped;
			}
			const result = await this.create(doc, yourRef, itemIndex);
			markCreated(key);
			const kept = this.byRef.get(yourRef);
			if (kept) this.options.importedOrders?.set(kept);
			return result;
		});
	}

	private async create(
		doc: EnrichedOrderDocument,
		yourRef: string,
		itemIndex: number,
	): Promise<ImportResult> {
		const posted = salesOrderLines(doc, this.options);
		const rounding = await this.roundingLine(doc, posted.posted, itemIndex);
		const created = (await exactRequest.call(this.ctx, {
			method: 'POST',
			path: 'salesorder/SalesOrders',
			// An order delivered at once is posted approved: Exact delivers approved orders only.
			body: this.options.deliverImmediately
				? { ...salesOrderBody(doc, this.options, rounding), ApprovalStatus: APPROVED }
				: salesOrderBody(doc, this.options, rounding),
			itemIndex,
			writeCheck: async () =>
				orderToKeep(
					(await findOrdersByYourRefs(this.ctx, [yourRef], itemIndex)).filter((o) =>
						sameRef(o.YourRef, yourRef),
					),
				),
		})) as OrderRecord;
		this.remember(created, true);
		const warnings: string[] = [];
		if (rounding)
			warnings.push(
				`Exact's VAT per line totals ${formatMoney(-rounding.amountCents, doc.currency)} ${doc.currency} away from Shopify's total; booked on rounding item ${this.options.rounding.itemCode}`,
			);
		const split = posted.splitLines;
		if (split.length)
			warnings.push(
				`Line ${split.join(', ')} posted as two lines with whole-cent prices, so the amount matches Shopify's to the cent`,
			);
		const converted = conversionNote(created, doc);
		if (converted) warnings.push(converted);
		const difference = totalDifferenceCents(created.AmountFC, doc);
		if (difference) {
			// The order exists now; it is reported as failed so the difference is looked at.
			throw new OrderImportError(
				`Order ${doc.references.orderName} was created as sales order ${created.OrderNumber}, but Exact totals it ` +
					`${formatMoney(difference, doc.currency)} ${doc.currency} away from Shopify's total: check the order in Exact`,
			);
		}
		const result: ImportResult = {
			ref: {
				id: created.OrderID,
				number: created.OrderNumber,
				action: 'created',
				totalDifferenceCents: difference ?? undefined,
			},
			warnings,
		};
		if (this.options.afterCreateCheck !== 'none') {
			// Checked (and delivered) by readBack + settle, after all of the execution's creates.
			this.pending.set(itemIndex, { doc, created, yourRef, result });
			this.uncheckedIds.add(created.OrderID);
			return result;
		}
		if (this.options.deliverImmediately)
			result.goodsDelivery = await this.deliver(doc, created.OrderID, itemIndex, APPROVED);
		return result;
	}

	private async skip(
		doc: EnrichedOrderDocument,
		order: OrderRecord,
		itemIndex: number,
	): Promise<ImportResult> {
		const ref: ExactSalesOrderRef = {
			id: order.OrderID,
			number: order.OrderNumber,
			action: 'skipped',
			reason: `already imported as sales order ${order.OrderNumber}`,
		};
		const difference = totalDifferenceCents(order.AmountFC, doc);
		if (difference !== null) ref.totalDifferenceCents = difference;
		const result: ImportResult = { ref, warnings: [] };
		await this.removeLeftoverCopies(
			doc,
			String(order.YourRef ?? '').trim(),
			itemIndex,
			result.warnings,
		);
		// Finish a delivery that an earlier run did not get to (nothing delivered yet, order open).
		if (this.options.deliverImmediately && order.DeliveryStatus === 12 && order.Status === 12) {
			result.goodsDelivery = await this.deliver(doc, order.OrderID, itemIndex, null);
		}
		return result;
	}

	/** Item indexes of created orders whose After Create Check is still to do, in input order. */
	pendingItems(): number[] {
		return [...this.pending.keys()].sort((a, b) => a - b);
	}

	/**
	 * The After Create Check's read-back: every YourRef this execution created, in one batched
	 * lookup (split by URL length only). Run once, after all creates, before settle.
	 */
	async readBack(): Promise<void> {
		const first = this.pendingItems()[0];
		const refs = [...this.pending.values()].filter((p) => p.created).map((p) => p.yourRef);
		const found = refs.length ? await findOrdersByYourRefs(this.ctx, refs, first ?? 0) : [];
		const byRef = new Map<string, OrderRecord[]>();
		for (const order of found) {
			const key = String(order.YourRef ?? '').trim();
			byRef.set(key, [...(byRef.get(key) ?? []), order]);
		}
		this.readBackByRef = byRef;
	}

	/**
	 * Finishes the create of one item after the read-back: resolves duplicates of its YourRef, then
	 * delivers the order if it is kept and Deliver Immediately is on. Returns the item's result.
	 */
	async settle(itemIndex: number): Promise<ImportResult> {
		const pending = this.pending.get(itemIndex);
		if (!pending) throw new OrderImportError(`No created order to check for item ${itemIndex}`);
		this.pending.delete(itemIndex);
		const { doc, created, yourRef, result } = pending;
		if (!this.readBackByRef) await this.readBack();
		if (!created) {
			// Items are settled in input order: the item that created this YourRef is settled.
			const kept = this.byRef.get(yourRef);
			return kept ? await this.skip(doc, kept, itemIndex) : result;
		}
		this.uncheckedIds.delete(created.OrderID);
		const found = this.readBackByRef?.get(yourRef) ?? [];
		const raced = await this.checkDuplicates(
			doc,
			created,
			yourRef,
			itemIndex,
			result.warnings,
			found,
		);
		if (raced) {
			this.options.importedOrders?.set(this.byRef.get(yourRef) ?? created);
			return { ref: raced, warnings: result.warnings };
		}
		if (this.options.deliverImmediately)
			result.goodsDelivery = await this.deliver(doc, created.OrderID, itemIndex, APPROVED);
		return result;
	}

	private async checkDuplicates(
		doc: EnrichedOrderDocument,
		created: OrderRecord,
		yourRef: string,
		itemIndex: number,
		warnings: string[],
		found: OrderRecord[],
	): Promise<ExactSalesOrderRef | null> {
		const all = found.filter(
			(o) => sameRef(o.YourRef, yourRef) && (o.OrderID === created.OrderID || isOwnCopy(o, doc)),
		);
		if (all.length < 2) return null;
		const keeper = orderToKeep(all) as OrderRecord;
		const copies = all.filter((o) => o.OrderID !== keeper.OrderID);
		if (this.options.afterCreateCheck === 'report') {
			warnings.push(
				`Duplicate: sales orders ${all.map((o) => o.OrderNumber).join(', ')} all have YourRef ${yourRef}`,
			);
			return null;
		}
		// Every run removes every copy but the lowest OrderNumber, so a copy whose POST answer was
		// lost (and that no run therefore knows as its own) goes too; deleting twice is harmless.
		for (const copy of copies) await this.removeCopy(copy, yourRef, itemIndex);
		const numbers = copies.map((o) => o.OrderNumber).join(', ');
		if (keeper.OrderID === created.OrderID) {
			warnings.push(
				`Removed sales order(s) ${numbers} with the same YourRef ${yourRef}, created by a concurrent run`,
			);
			return null;
		}
		this.remember(keeper, true);
		warnings.push(
			`Sales order ${keeper.OrderNumber} with YourRef ${yourRef} was created first by a concurrent run; removed copies ${numbers}`,
		);
		return {
			id: keeper.OrderID,
			number: keeper.OrderNumber,
			action: 'skipped',
			reason: 'duplicate removed',
		};
	}

	/** Heals a duplicate an earlier race left behind (e.g. a write Exact committed long after the
	 * client gave up): every copy but the lowest OrderNumber goes. Failing to delete only warns. */
	private async removeLeftoverCopies(
		doc: EnrichedOrderDocument,
		yourRef: string,
		itemIndex: number,
		warnings: string[],
	): Promise<void> {
		const all = matchingOrders(this.foundByRef.get(yourRef) ?? [], doc).filter((o) =>
			isOwnCopy(o, doc),
		);
		if (all.length < 2 || this.options.afterCreateCheck !== 'removeNewer') return;
		this.foundByRef.set(yourRef, []);
		const keeper = orderToKeep(all) as OrderRecord;
		for (const copy of all.filter((o) => o.OrderID !== keeper.OrderID)) {
			try {
				await this.removeCopy(copy, yourRef, itemIndex);
				warnings.push(
					`Removed sales order ${copy.OrderNumber}, a duplicate of ${keeper.OrderNumber} (YourRef ${yourRef})`,
				);
			} catch (error) {
				warnings.push(
					`Sales order ${copy.OrderNumber} duplicates ${keeper.OrderNumber} (YourRef ${yourRef}) and could not be removed: ${(error as Error).message}`,
				);
			}
		}
	}

	/** Deletes a copy; a 404 means another run (or a retried DELETE) removed it already. */
	private async removeCopy(copy: OrderRecord, yourRef: string, itemIndex: number): Promise<void> {
		let failure: unknown;
		try {
			await exactRequest.call(this.ctx, {
				method: 'DELETE',
				path: entityKeyPath('salesorder/SalesOrders', copy.OrderID),
				itemIndex,
				writeCheck: async () => {
					const still = (await findOrdersByYourRefs(this.ctx, [yourRef], itemIndex)).some(
						(o) => o.OrderID === copy.OrderID,
					);
					return still ? undefined : {};
				},
			});
		} catch (error) {
			failure = error;
		}
		// The transport's errors are NodeApiErrors already; a 404 means the copy is gone.
		if (failure && (failure as { httpCode?: unknown }).httpCode !== '404')
			throw failure as NodeApiError;
	}

	/**
	 * The line that books Exact's VAT rounding difference, or null when Exact's total will match
	 * Shopify's. Without the rounding option (or beyond its limit) the order is not created.
	 */
	private async roundingLine(
		doc: EnrichedOrderDocument,
		posted: PostedLine[],
		itemIndex: number,
	): Promise<RoundingLine | null> {
		const difference = exactRoundingDifferenceCents(doc, posted);
		if (difference === 0) return null;
		const { rounding } = this.options;
		const amount = `${formatMoney(Math.abs(difference), doc.currency)} ${doc.currency}`;
		if (rounding.mode !== 'line' || Math.abs(difference) > rounding.maxCents) {
			throw new OrderImportError(
				`Order ${doc.references.orderName}: Exact computes VAT per line and would total the order ${amount} ` +
					`${difference > 0 ? 'below' : 'above'} Shopify's ${formatMoney(doc.totals.totalCents, doc.currency)}. ` +
					(rounding.mode === 'line'
						? `That is more than the rounding limit of ${rounding.maxCents} cents; check the order's tax in Shopify. `
						: "Set the Sales Order option Rounding Difference to 'Book on Rounding Item' to book it. ") +
					'Nothing was created.',
			);
		}
		this.roundingItemId ??= await this.findRoundingItem(doc, itemIndex);
		return { itemId: this.roundingItemId, vatCode: rounding.vatCode, amountCents: difference };
	}

	private roundingItemId: string | undefined;

	private async findRoundingItem(doc: EnrichedOrderDocument, itemIndex: number): Promise<string> {
		const code = this.options.rounding.itemCode.trim();
		const found = (await exactGetAll.call(this.ctx, {
			path: 'logistics/Items',
			qs: { $filter: eq('Code', lit.str(code)), $select: ['ID', 'Code'] },
			itemIndex,
			limit: 1,
		})) as Array<{ ID: string }>;
		if (!found[0]) {
			throw new OrderImportError(
				`Order ${doc.references.orderName}: the rounding item ${code} does not exist in Exact; create it (no VAT, on your rounding differences G/L account) or change the Rounding Item Code`,
			);
		}
		return found[0].ID;
	}

	private async deliver(
		doc: EnrichedOrderDocument,
		orderId: string,
		itemIndex: number,
		approvalStatus: number | null,
	): Promise<{ id: string; number: number | null } | null> {
		const lines = await orderLines(this.ctx, orderId, itemIndex);
		if (lines.some((l) => Number(l.Quantity ?? 0) > Number(l.QuantityDelivered ?? 0)))
			await ensureApproved(
				this.ctx,
				{ OrderID: orderId, ApprovalStatus: approvalStatus },
				itemIndex,
			);
		const body = goodsDeliveryBody(
			lines,
			toExactDate(new Date()).slice(0, 10),
			doc.references.description,
		);
		if (!body) return null;
		const firstLine = lines.find(
			(l) => Number(l.Quantity ?? 0) > Number(l.QuantityDelivered ?? 0),
		) as { ID: string };
		const delivery = (await exactRequest.call(this.ctx, {
			method: 'POST',
			path: 'salesorder/GoodsDeliveries',
			body,
			itemIndex,
			writeCheck: async () => {
				const found = (await exactGetAll.call(this.ctx, {
					path: 'salesorder/GoodsDeliveryLines',
					qs: { $filter: eq('SalesOrderLineID', lit.guid(firstLine.ID)), $select: ['EntryID'] },
					itemIndex,
				})) as Array<{ EntryID: string }>;
				return found[0] ? { EntryID: found[0].EntryID, DeliveryNumber: null } : undefined;
			},
		})) as { EntryID: string; DeliveryNumber?: number | null };
		return { id: delivery.EntryID, number: delivery.DeliveryNumber ?? null };
	}
}
