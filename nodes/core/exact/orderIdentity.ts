/**
 * When an Exact sales order with the document's YourRef is the document's order. YourRef is the
 * Shopify order name (optionally with a shop prefix), and every store starts at #1001, so a YourRef
 * match alone is not enough: the order must be for the same customer and the same total. Only
 * orders this package created (its Description and customer) are ever treated as duplicates to
 * remove; an order a person entered in Exact with the same YourRef is never touched. Pure.
 */
import { formatMoney } from '../money';
import type { EnrichedOrderDocument } from '../document';

export interface ExistingOrder {
	OrderID: string;
	OrderNumber?: number | null;
	OrderedBy?: string | null;
	AmountFC?: number | null;
	Description?: string | null;
}

type DocLike = Pick<
	EnrichedOrderDocument,
	'references' | 'exact' | 'totals' | 'currency' | 'lines'
>;

const sameGuid = (a: unknown, b: unknown) =>
	typeof a === 'string' &&
	typeof b === 'string' &&
	a.trim().toLowerCase() === b.trim().toLowerCase();

function exponentOf(currency: string): number {
	return formatMoney(1, currency).split('.')[1]?.length ?? 0;
}

/** Exact's total in minor units, or null when the record does not carry it. */
function totalCents(order: ExistingOrder, currency: string): number | null {
	if (typeof order.AmountFC !== 'number' || !Number.isFinite(order.AmountFC)) return null;
	return Math.round(order.AmountFC * 10 ** exponentOf(currency));
}

/**
 * Why the existing order is not this document's order (empty when it is). The total may differ by
 * a cent per line: orders imported before Exact's per-line VAT rounding was taken into account.
 */
export function orderMismatches(order: ExistingOrder, doc: DocLike): string[] {
	const problems: string[] = [];
	const account = doc.exact?.account as { id?: string } | undefined;
	if (account?.id && order.OrderedBy && !sameGuid(order.OrderedBy, account.id)) {
		problems.push('it is for another customer');
	}
	const exact = totalCents(order, doc.currency);
	const tolerance = Math.max(1, doc.lines.length);
	if (exact !== null && Math.abs(exact - doc.totals.totalCents) > tolerance) {
		problems.push(
			`its total is ${formatMoney(exact, doc.currency)} ${doc.currency}, this order's is ${formatMoney(doc.totals.totalCents, doc.currency)}`,
		);
	}
	return problems;
}

/** The found orders that are this document's order (usually one). */
export function matchingOrders<T extends ExistingOrder>(orders: T[], doc: DocLike): T[] {
	return orders.filter((order) => orderMismatches(order, doc).length === 0);
}

/** Whether the order was created by this package for this document (a copy it may remove). */
export function isOwnCopy(order: ExistingOrder, doc: DocLike): boolean {
	const account = doc.exact?.account as { id?: string } | undefined;
	return (
		String(order.Description ?? '').trim() === doc.references.description.trim() &&
		(!account?.id || !order.OrderedBy || sameGuid(order.OrderedBy, account.id))
	);
}

/** The message for a YourRef that belongs to other orders only. */
export function referenceTakenMessage(orders: ExistingOrder[], doc: DocLike): string {
	const first = orders[0];
	const reasons = orderMismatches(first, doc).join(' and ');
	const numbers = orders.map((o) => o.OrderNumber ?? o.OrderID).join(', ');
	return (
		`Order ${doc.references.orderName}: Exact already has sales order ${numbers} with YourRef ` +
		`${doc.references.yourRef}, but ${reasons}. If it is another shop's order, set an Order ` +
		'Reference Prefix per shop in Map Shopify Order; if it was changed in Exact, check it there. ' +
		'Nothing was created.'
	);
}
