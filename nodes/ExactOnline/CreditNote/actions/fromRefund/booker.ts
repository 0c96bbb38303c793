/**
 * One refund document → one Exact credit note, exactly once.
 *
 * Before any write, two batched lookups cover every input item: the sales orders by YourRef (the
 * Shopify order name) with their lines inline ($expand), and the sales invoices with those YourRefs
 * (earlier credit notes). The natural key of a credit note is its YourRef plus its Description
 * "Shopify refund <id> of <order name>". A credit note that exists is skipped; otherwise it is
 * posted with a writeCheck on that key, so a lost answer is resolved by a lookup, never by a second
 * credit note. Creates are serialised per (division, refund) in this process, and a run whose
 * lookup is older than a create of this process looks the key up again.
 *
 * Across processes (queue-mode workers) that lock does not reach: with "After Create Check" the
 * booker looks the key up once more after its POST; when several credit notes carry it, every run
 * keeps the lowest InvoiceNumber (the same choice everywhere) and, with 'removeNewer', deletes the
 * other copies (a 404 means another run deleted it already), so exactly one credit note stays.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import {
	creditNoteBody,
	CreditNoteError,
	isCreditNoteOf,
	itemCodesMissingFromOrder,
} from '../../../../core/exact/creditNoteDraft';
import type { CreditNoteOptions, OrderForCreditNote } from '../../../../core/exact/creditNoteDraft';
import { orderToKeep } from '../../../../core/exact/salesOrderDraft';
import type { RefundDocument } from '../../../../core/mapping/refund';
import { createCreationLog, createKeyedLock } from '../../../shared/keyedLock';
import type { AfterCreateCheck } from '../../../shared/afterCreateCheck';
import {
	entityKeyPath,
	exactLookup,
	exactRequest,
	resolveDivision,
} from '../../../shared/transport';
import { findItemsByCodes } from '../../../Item/actions/common';

const withRefundLock = createKeyedLock();
const creations = createCreationLog();

const ORDER_SELECT = [
	'OrderID',
	'OrderNumber',
	'YourRef',
	'OrderedBy',
	'Currency',
	'Status',
	'InvoiceStatus',
	'SalesOrderLines/Item',
	'SalesOrderLines/ItemCode',
	'SalesOrderLines/VATCode',
	'SalesOrderLines/AmountFC',
	'SalesOrderLines/UnitPrice',
	'SalesOrderLines/Quantity',
];

const INVOICE_SELECT = ['InvoiceID', 'InvoiceNumber', 'YourRef', 'Description', 'Type', 'AmountFC'];

export interface BookerOptions extends CreditNoteOptions {
	afterCreateCheck: AfterCreateCheck;
}

export interface InvoiceRecord {
	InvoiceID: string;
	InvoiceNumber?: number | null;
	YourRef?: string | null;
	Description?: string | null;
	Type?: number | null;
	AmountFC?: number | null;
}

export interface CreditNoteRef {
	id: string;
	number: number | null;
	action: 'created' | 'skipped';
	reason?: string;
	salesOrderId: string;
	salesOrderNumber: number | null;
}

export interface BookResult {
	ref: CreditNoteRef;
	warnings: string[];
}

interface RawOrder extends Omit<OrderForCreditNote, 'SalesOrderLines'> {
	SalesOrderLines?: { results?: OrderForCreditNote['SalesOrderLines'] } | unknown[] | null;
}

function withLines(order: RawOrder): OrderForCreditNote {
	const raw = order.SalesOrderLines;
	const lines = Array.isArray(raw)
		? raw
		: ((raw as { results?: unknown[] } | null | undefined)?.results ?? []);
	return { ...order, SalesOrderLines: lines as OrderForCreditNote['SalesOrderLines'] };
}

const trimmed = (value: unknown) => String(value ?? '').trim();

export class CreditNoteBooker {
	private readonly orders = new Map<string, OrderForCreditNote>();
	private readonly invoices: InvoiceRecord[] = [];
	private readonly itemIds = new Map<string, string>();
	private lookedUpAt = 0;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly options: BookerOptions,
	) {}

	/** The batched lookups: orders with lines, earlier credit notes, items not on their order. */
	async prefetch(docs: RefundDocument[]): Promise<void> {
		this.lookedUpAt = Date.now();
		const refs = [...new Set(docs.map((d) => d.references.yourRef.trim()))];
		if (refs.length === 0) return;
		const found = (await exactLookup.call(this.ctx, {
			path: 'salesorder/SalesOrders',
			field: 'YourRef',
			values: refs,
			select: ORDER_SELECT,
			expand: 'SalesOrderLines',
		})) as RawOrder[];
		const byRef = new Map<string, RawOrder[]>();
		for (const order of found) {
			const key = trimmed(order.YourRef);
			byRef.set(key, [...(byRef.get(key) ?? []), order]);
		}
		for (const [key, list] of byRef) {
			const keeper = orderToKeep(list as Array<RawOrder & { OrderNumber: number }>);
			if (keeper) this.orders.set(key, withLines(keeper));
		}
		const withOrder = docs.filter((d) => this.orders.has(d.references.yourRef.trim()));
		if (withOrder.length === 0) return;
		this.invoices.push(...(await this.findInvoices(withOrder.map((d) => d.references.yourRef))));
		const missing = new Set<string>();
		for (const doc of withOrder) {
			const order = this.orders.get(doc.references.yourRef.trim()) as OrderForCreditNote;
			for (const code of itemCodesMissingFromOrder(doc, order)) missing.add(code);
		}
		if (missing.size) {
			const items = await findItemsByCodes(this.ctx, [...missing], 0, ['ID', 'Code']);
			for (const [key, item] of items) this.itemIds.set(key, item.ID);
		}
	}

	private async findInvoices(refs: string[], itemIndex = 0): Promise<InvoiceRecord[]> {
		const values = [...new Set(refs.map((r) => r.trim()).filter(Boolean))];
		if (values.length === 0) return [];
		return (await exactLookup.call(this.ctx, {
			path: 'salesinvoice/SalesInvoices',
			field: 'YourRef',
			values,
			select: INVOICE_SELECT,
			itemIndex,
		})) as InvoiceRecord[];
	}

	private existing(doc: RefundDocument): InvoiceRecord | undefined {
		return this.invoices
			.filter((i) => isCreditNoteOf(i, doc))
			.sort(
				(a, b) =>
					Number(a.InvoiceNumber ?? Number.MAX_SAFE_INTEGER) -
					Number(b.InvoiceNumber ?? Number.MAX_SAFE_INTEGER),
			)[0];
	}

	async book(doc: RefundDocument, itemIndex: number): Promise<BookResult> {
		const yourRef = doc.references.yourRef.trim();
		const order = this.orders.get(yourRef);
		if (!order) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Order ${doc.references.orderName} is not in Exact (no sales order with YourRef ${yourRef}); import the order first, then retry refund ${doc.references.refundId}`,
				{
					itemIndex,
					description:
						'The credit note is booked against the sales order the orders workflow created. Retry this execution once the order is in Exact.',
				},
			);
		}
		const division = await resolveDivision.call(this.ctx, itemIndex);
		const key = `${String(division ?? '')}|${yourRef.toLowerCase()}|${doc.references.refundId}`;
		return await withRefundLock(key, async () => {
			let found = this.existing(doc);
			if (!found && creations.since(key, this.lookedUpAt)) {
				this.invoices.push(...(await this.findInvoices([yourRef], itemIndex)));
				found = this.existing(doc);
			}
			if (found) {
				return {
					ref: {
						id: found.InvoiceID,
						number: found.InvoiceNumber ?? null,
						action: 'skipped',
						reason: `already booked as credit note ${found.InvoiceNumber ?? found.InvoiceID}`,
						salesOrderId: order.OrderID,
						salesOrderNumber: order.OrderNumber ?? null,
					},
					warnings: [],
				};
			}
			const result = await this.create(doc, order, itemIndex);
			creations.mark(key);
			if (this.options.afterCreateCheck !== 'none') {
				const kept = await this.checkDuplicates(doc, result.ref, itemIndex, result.warnings);
				if (kept) return { ref: kept, warnings: result.warnings };
			}
			return result;
		});
	}

	/**
	 * After a create: the refund's credit notes in Exact. Returns the credit note to report instead
	 * of this run's when this run's copy was removed; null when this run's stays.
	 */
	private async checkDuplicates(
		doc: RefundDocument,
		created: CreditNoteRef,
		itemIndex: number,
		warnings: string[],
	): Promise<CreditNoteRef | null> {
		const yourRef = doc.references.yourRef.trim();
		const all = (await this.findInvoices([yourRef], itemIndex)).filter(
			(i) => i.InvoiceID === created.id || isCreditNoteOf(i, doc),
		);
		if (!all.some((i) => i.InvoiceID === created.id))
			all.push({ InvoiceID: created.id, InvoiceNumber: created.number });
		if (all.length < 2) return null;
		const keeper = creditNoteToKeep(all);
		const copies = all.filter((i) => i.InvoiceID !== keeper.InvoiceID);
		const numbers = copies.map((i) => i.InvoiceNumber ?? i.InvoiceID).join(', ');
		if (this.options.afterCreateCheck === 'report') {
			warnings.push(
				`Duplicate: credit notes ${all.map((i) => i.InvoiceNumber ?? i.InvoiceID).join(', ')} all book refund ${doc.references.refundId}`,
			);
			return null;
		}
		// Every run removes every copy but the lowest InvoiceNumber, so a copy whose POST answer was
		// lost goes too; deleting twice is harmless (404).
		for (const copy of copies) await this.removeCopy(copy, yourRef, itemIndex);
		if (keeper.InvoiceID === created.id) {
			warnings.push(
				`Removed credit note(s) ${numbers} for the same refund, created by a concurrent run`,
			);
			return null;
		}
		warnings.push(
			`Credit note ${keeper.InvoiceNumber ?? keeper.InvoiceID} for refund ${doc.references.refundId} was created first by a concurrent run; removed copies ${numbers}`,
		);
		return {
			...created,
			id: keeper.InvoiceID,
			number: keeper.InvoiceNumber ?? null,
			action: 'skipped',
			reason: 'duplicate removed',
		};
	}

	/** Deletes a copy; a 404 means another run (or a retried DELETE) removed it already. */
	private async removeCopy(copy: InvoiceRecord, yourRef: string, itemIndex: number): Promise<void> {
		try {
			await exactRequest.call(this.ctx, {
				method: 'DELETE',
				path: entityKeyPath('salesinvoice/SalesInvoices', copy.InvoiceID),
				itemIndex,
				writeCheck: async () => {
					const still = (await this.findInvoices([yourRef], itemIndex)).some(
						(i) => i.InvoiceID === copy.InvoiceID,
					);
					return still ? undefined : {};
				},
			});
		} catch (error) {
			// The transport's errors are NodeApiErrors already; a 404 means the copy is gone.
			if ((error as { httpCode?: unknown }).httpCode !== '404') throw error as NodeApiError;
		}
	}

	private async create(
		doc: RefundDocument,
		order: OrderForCreditNote,
		itemIndex: number,
	): Promise<BookResult> {
		let draft;
		try {
			draft = creditNoteBody(doc, order, this.itemIds, this.options);
		} catch (error) {
			const reason = error instanceof CreditNoteError ? error.message : String(error);
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Refund ${doc.references.refundId} of order ${doc.references.orderName}: ${reason}`,
				{ itemIndex },
			);
		}
		const yourRef = doc.references.yourRef.trim();
		const created = (await exactRequest.call(this.ctx, {
			method: 'POST',
			path: 'salesinvoice/SalesInvoices',
			body: draft.body as IDataObject,
			itemIndex,
			writeCheck: async () => {
				const again = await this.findInvoices([yourRef], itemIndex);
				return again.find((i) => isCreditNoteOf(i, doc));
			},
		})) as InvoiceRecord;
		this.invoices.push({
			...created,
			YourRef: created.YourRef ?? yourRef,
			Description: created.Description ?? doc.references.description,
			Type: created.Type ?? 8021,
		});
		return {
			ref: {
				id: created.InvoiceID,
				number: created.InvoiceNumber ?? null,
				action: 'created',
				salesOrderId: order.OrderID,
				salesOrderNumber: order.OrderNumber ?? null,
			},
			warnings: draft.warnings,
		};
	}
}

/** The credit note every run keeps: the lowest InvoiceNumber, then the lowest id (same everywhere). */
export function creditNoteToKeep(invoices: InvoiceRecord[]): InvoiceRecord {
	return [...invoices].sort(
		(a, b) =>
			Number(a.InvoiceNumber ?? Number.MAX_SAFE_INTEGER) -
				Number(b.InvoiceNumber ?? Number.MAX_SAFE_INTEGER) ||
			a.InvoiceID.localeCompare(b.InvoiceID),
	)[0];
}
