/**
 * The POST body of an Exact credit note (salesinvoice/SalesInvoices, Type 8021) for a refund
 * document, from the original sales order as Exact holds it. Pure: the Credit Note node reads the
 * order (with its lines) and the items, this decides every field.
 *
 * Each refund line becomes a line of the item with the same code on the order, at that line's VAT
 * code. When the order has the item on several lines with different VAT codes (shipping split per
 * rate by the VAT Resolver), the refunded amount is split over those codes in proportion to the
 * order lines' amounts. An item that is not on the order takes the ID the caller looked up by code
 * and no VAT code (Exact then uses the item's), with a warning.
 */
import { allocate, currencyExponent, formatMoney } from '../money';
import type { RefundDocument, RefundLine } from '../mapping/refund';
import { centPriceParts } from './centPrices';
import { codeKey as itemCodeKey } from './itemDraft';

/** Credit note type in Exact's SalesInvoices. */
export const CREDIT_NOTE_TYPE = 8021;

/** What to do with a refund of an order Exact has not invoiced yet. */
export type WhenNotInvoiced = 'credit' | 'fail';

export interface CreditNoteOptions {
	/** Sales journal code ("70"). */
	journal: string;
	whenNotInvoiced: WhenNotInvoiced;
}

/** Sales order statuses (Status, InvoiceStatus) as Exact reports them. */
const CANCELLED = 45;
const NOT_INVOICED = 12;

/** The original sales order as the Credit Note node reads it (with $expand=SalesOrderLines). */
export interface OrderForCreditNote {
	OrderID: string;
	OrderNumber?: number | null;
	OrderedBy: string;
	Currency?: string | null;
	YourRef?: string | null;
	Status?: number | null;
	InvoiceStatus?: number | null;
	SalesOrderLines: Array<{
		Item: string;
		ItemCode?: string | null;
		VATCode?: string | null;
		AmountFC?: number | null;
		UnitPrice?: number | null;
		Quantity?: number | null;
	}>;
}

export interface CreditNoteDraft {
	body: Record<string, unknown>;
	warnings: string[];
}

export class CreditNoteError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CreditNoteError';
	}
}

/** The item-code key the Item node uses (codes compare case-insensitively). */
export const codeKey = (code: string | null | undefined) => itemCodeKey(String(code ?? ''));

/** Item codes of the refund lines that are not on the order (to be looked up by code). */
export function itemCodesMissingFromOrder(
	doc: RefundDocument,
	order: OrderForCreditNote,
): string[] {
	const onOrder = new Set(order.SalesOrderLines.map((l) => codeKey(l.ItemCode)));
	return [
		...new Set(
			doc.lines
				.map((l) => l.itemCode)
				.filter((c): c is string => Boolean(c) && !onOrder.has(codeKey(c))),
		),
	];
}

function lineWeight(line: OrderForCreditNote['SalesOrderLines'][number]): number {
	const amount = Number(line.AmountFC ?? Number(line.UnitPrice ?? 0) * Number(line.Quantity ?? 0));
	return Number.isFinite(amount) ? Math.abs(Math.round(amount * 100)) : 0;
}

interface Portion {
	item: string;
	vatCode: string | null;
	cents: number;
}

/** The refund line's amount per (item, VAT code) of the order. */
function portions(
	line: RefundLine,
	order: OrderForCreditNote,
	itemIdsByCode: ReadonlyMap<string, string>,
	warnings: string[],
): Portion[] {
	const key = codeKey(line.itemCode);
	const matches = order.SalesOrderLines.filter((l) => codeKey(l.ItemCode) === key && l.Item);
	if (matches.length === 0) {
		const item = itemIdsByCode.get(key);
		if (!item) {
			throw new CreditNoteError(
				`Item ${line.itemCode ?? '(no code)'} of refund line "${line.description}" is neither on sales order ${order.OrderNumber ?? order.OrderID} nor in Exact`,
			);
		}
		warnings.push(
			`Item ${line.itemCode} is not on sales order ${order.OrderNumber ?? order.OrderID}; its line takes the item's own VAT code`,
		);
		return [{ item, vatCode: null, cents: line.netAmountCents }];
	}
	const byCode = new Map<string, { item: string; vatCode: string | null; weight: number }>();
	for (const match of matches) {
		const vatCode = match.VATCode?.trim() || null;
		const group = byCode.get(vatCode ?? '');
		if (group) group.weight += lineWeight(match);
		else byCode.set(vatCode ?? '', { item: match.Item, vatCode, weight: lineWeight(match) });
	}
	const groups = [...byCode.values()];
	if (groups.length === 1) return [{ ...groups[0], cents: line.netAmountCents }];
	const weights = groups.map((g) => g.weight);
	const shares = weights.some((w) => w > 0)
		? allocate(line.netAmountCents, weights)
		: allocate(
				line.netAmountCents,
				groups.map(() => 1),
			);
	return groups.map((g, i) => ({ item: g.item, vatCode: g.vatCode, cents: shares[i] }));
}

function units(cents: number, exponent: number): number {
	return Number(formatMoney(cents, exponent));
}

/**
 * Whether the order may be credited, and the warning when it is credited before its invoice.
 * A cancelled order has no revenue to credit. An order not invoiced yet is credited when the
 * options say so: the credit note is right once the order is invoiced in full.
 */
function invoiceCheck(
	doc: RefundDocument,
	order: OrderForCreditNote,
	options: CreditNoteOptions,
): string | null {
	const number = order.OrderNumber ?? order.OrderID;
	if (Number(order.Status) === CANCELLED) {
		throw new CreditNoteError(
			`sales order ${number} is cancelled in Exact, so there is no revenue to credit; nothing was booked`,
		);
	}
	if (Number(order.InvoiceStatus) !== NOT_INVOICED) return null;
	if (options.whenNotInvoiced === 'fail') {
		throw new CreditNoteError(
			`sales order ${number} is not invoiced yet, so a credit note would have no invoice to reduce. ` +
				'Invoice the order first, or lower the order in Exact instead of crediting it; then retry',
		);
	}
	return (
		`Sales order ${number} is not invoiced yet: this credit note is right once the whole order is invoiced. ` +
		'If you will not invoice it in full, lower the order in Exact instead and delete this credit note'
	);
}

/** The credit note's POST body. Throws a CreditNoteError when a line's item cannot be found. */
export function creditNoteBody(
	doc: RefundDocument,
	order: OrderForCreditNote,
	itemIdsByCode: ReadonlyMap<string, string>,
	options: CreditNoteOptions,
): CreditNoteDraft {
	const warnings: string[] = [];
	const notInvoiced = invoiceCheck(doc, order, options);
	if (notInvoiced) warnings.push(notInvoiced);
	const exponent = currencyExponent(doc.currency);
	const lines: Array<Record<string, unknown>> = [];
	for (const line of doc.lines) {
		for (const portion of portions(line, order, itemIdsByCode, warnings)) {
			if (portion.cents === 0 && line.netAmountCents !== 0) continue;
			const quantity = portion.cents === line.netAmountCents ? line.quantity : 1;
			// Exact's reference: credit note amounts are negative. The quantity carries the sign, at
			// whole-cent prices so each line lands at exactly the refunded amount.
			for (const part of centPriceParts(portion.cents, quantity)) {
				const body: Record<string, unknown> = {
					Item: portion.item,
					Quantity: -part.quantity,
					UnitPrice: units(part.unitCents, exponent),
					Description: line.description,
				};
				if (portion.vatCode) body.VATCode = portion.vatCode;
				lines.push(body);
			}
		}
	}
	if (lines.length === 0) {
		throw new CreditNoteError(
			`Refund ${doc.references.refundId} of order ${doc.references.orderName} has no line to credit`,
		);
	}
	if (order.Currency && order.Currency !== doc.currency) {
		warnings.push(
			`Sales order currency ${order.Currency} differs from the refund's ${doc.currency}; the credit note is in ${doc.currency}`,
		);
	}
	return {
		body: {
			Type: CREDIT_NOTE_TYPE,
			Journal: options.journal,
			OrderedBy: order.OrderedBy,
			YourRef: doc.references.yourRef,
			Description: doc.references.description,
			Currency: doc.currency,
			InvoiceDate: doc.refundDate,
			SalesInvoiceLines: lines,
		},
		warnings,
	};
}

/** Whether an existing Exact sales invoice is the credit note of this refund (natural key). */
export function isCreditNoteOf(
	invoice: { Type?: unknown; YourRef?: unknown; Description?: unknown },
	doc: RefundDocument,
): boolean {
	if (Number(invoice.Type) !== CREDIT_NOTE_TYPE) return false;
	if (String(invoice.YourRef ?? '').trim() !== doc.references.yourRef.trim()) return false;
	return String(invoice.Description ?? '').trim() === doc.references.description.trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The refund document of an input item, or a CreditNoteError saying what is missing. */
export function readRefundDocument(json: unknown): RefundDocument {
	const problem = (what: string) =>
		new CreditNoteError(
			`The input is not a refund document (${what}); map the refund with Shopify to Exact → Map Refund first`,
		);
	if (!isRecord(json) || json.type !== 'refund') throw problem('type is not "refund"');
	const refs = json.references;
	if (!isRecord(refs)) throw problem('references is missing');
	for (const key of ['refundId', 'orderName', 'yourRef', 'description'] as const) {
		if (typeof refs[key] !== 'string' || !(refs[key] as string).trim())
			throw problem(`references.${key} is missing`);
	}
	if (typeof json.currency !== 'string' || !/^[A-Z]{3}$/.test(json.currency))
		throw problem('currency is missing');
	if (typeof json.refundDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(json.refundDate))
		throw problem('refundDate is not a date');
	if (!Array.isArray(json.lines)) throw problem('lines is missing');
	json.lines.forEach((line, i) => {
		if (!isRecord(line)) throw problem(`lines[${i}] is not an object`);
		if (typeof line.itemCode !== 'string' || !line.itemCode.trim())
			throw problem(`lines[${i}].itemCode is missing`);
		if (!Number.isSafeInteger(line.netAmountCents))
			throw problem(`lines[${i}].netAmountCents is not a whole number`);
		if (!Number.isSafeInteger(line.quantity) || (line.quantity as number) <= 0)
			throw problem(`lines[${i}].quantity is not a positive whole number`);
	});
	const doc = json as unknown as RefundDocument;
	if (!isRecord(doc.exact)) doc.exact = {};
	if (!Array.isArray(doc.warnings)) doc.warnings = [];
	return doc;
}
