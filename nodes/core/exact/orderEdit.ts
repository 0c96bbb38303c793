/**
 * An order edited in Shopify → the changes that make the Exact sales order's lines match it.
 *
 * `desired` are the lines the import would post today (salesOrderLines of the re-mapped order);
 * `existing` are the Exact order's lines. Lines are paired by item, price and VAT code first (a
 * changed quantity is then a PUT of Quantity), then by item alone (a changed price or VAT code is a
 * PUT too); what is left is a POST (added) or a DELETE (removed). No changes: the order already
 * matches (orders/updated fires on any change, not only edits).
 *
 * Exact keeps delivered and invoiced quantities, so once anything of the order was delivered or
 * invoiced nothing is applied: every change is listed with what the merchant should do instead.
 * Lines booking Exact's VAT rounding difference are left out of the comparison. Pure.
 */
import type { ExactBody } from './accountDraft';

export interface ExistingOrderLine {
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

export interface LineChange {
	kind: 'add' | 'change' | 'remove';
	lineNumber: number | null;
	itemCode: string | null;
	description: string | null;
	/** What changes, in words: "quantity 3 → 2", "price 10.00 → 9.50", "added 1 × …". */
	what: string;
}

export interface OrderEditPlan {
	posts: ExactBody[];
	puts: Array<{ id: string; body: ExactBody }>;
	deletes: string[];
	changes: LineChange[];
	/** Why the changes cannot be applied (null: they can). */
	blocked: string | null;
}

export const ROUNDING_DESCRIPTION = 'Rounding difference';

const norm = (v: unknown) =>
	String(v ?? '')
		.trim()
		.toLowerCase();
const cents = (v: unknown) => Math.round(Number(v ?? 0) * 100);
const money = (v: unknown) => (cents(v) / 100).toFixed(2);

function sameKey(d: ExactBody, e: ExistingOrderLine): boolean {
	return (
		norm(d.Item) === norm(e.Item) &&
		cents(d.NetPrice) === cents(e.NetPrice) &&
		norm(d.VATCode) === norm(e.VATCode)
	);
}

export function planOrderEdit(
	desired: ExactBody[],
	existing: ExistingOrderLine[],
	order: { OrderNumber?: number | null; Status?: number | null },
): OrderEditPlan {
	const lines = existing
		.filter((l) => l.Description !== ROUNDING_DESCRIPTION)
		.sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0));
	const left = [...lines];
	const pairs: Array<[ExactBody, ExistingOrderLine]> = [];
	const unpaired: ExactBody[] = [];
	const take = (match: (e: ExistingOrderLine) => boolean) => {
		const i = left.findIndex(match);
		return i < 0 ? undefined : left.splice(i, 1)[0];
	};
	// Exact pairs first (same item, price, VAT code and quantity), so a changed line of an item
	// that appears twice is paired with the right one.
	const rest: ExactBody[] = [];
	for (const d of desired) {
		const e = take((x) => sameKey(d, x) && Number(x.Quantity ?? 0) === Number(d.Quantity ?? 0));
		if (e) pairs.push([d, e]);
		else rest.push(d);
	}
	for (const d of rest) {
		const e = take((x) => sameKey(d, x)) ?? take((x) => norm(x.Item) === norm(d.Item));
		if (e) pairs.push([d, e]);
		else unpaired.push(d);
	}
	const plan: OrderEditPlan = { posts: [], puts: [], deletes: [], changes: [], blocked: null };
	for (const [d, e] of pairs) {
		const body: ExactBody = {};
		const what: string[] = [];
		if (Number(d.Quantity ?? 0) !== Number(e.Quantity ?? 0)) {
			body.Quantity = d.Quantity;
			what.push(`quantity ${e.Quantity} → ${d.Quantity}`);
		}
		if (cents(d.NetPrice) !== cents(e.NetPrice)) {
			body.NetPrice = d.NetPrice;
			if (d.UnitPrice !== undefined) body.UnitPrice = d.UnitPrice;
			if (d.Discount !== undefined) body.Discount = d.Discount;
			what.push(`price ${money(e.NetPrice)} → ${money(d.NetPrice)}`);
		}
		if (norm(d.VATCode) !== norm(e.VATCode) && d.VATCode !== undefined) {
			body.VATCode = d.VATCode;
			what.push(`VAT code ${e.VATCode ?? '(none)'} → ${d.VATCode}`);
		}
		if (what.length === 0) continue;
		plan.puts.push({ id: e.ID, body });
		plan.changes.push({
			kind: 'change',
			lineNumber: e.LineNumber ?? null,
			itemCode: e.ItemCode ?? null,
			description: e.Description ?? null,
			what: what.join(', '),
		});
	}
	for (const d of unpaired) {
		plan.posts.push(d);
		plan.changes.push({
			kind: 'add',
			lineNumber: null,
			itemCode: null,
			description: (d.Description as string | undefined) ?? null,
			what: `added ${d.Quantity} × ${d.Description ?? d.Item} at ${money(d.NetPrice)}`,
		});
	}
	for (const e of left) {
		plan.deletes.push(e.ID);
		plan.changes.push({
			kind: 'remove',
			lineNumber: e.LineNumber ?? null,
			itemCode: e.ItemCode ?? null,
			description: e.Description ?? null,
			what: `removed ${e.Quantity} × ${e.ItemCode ?? e.Description ?? e.Item}`,
		});
	}
	if (plan.changes.length === 0) return plan;
	const delivered = existing.some((l) => Number(l.QuantityDelivered ?? 0) > 0);
	const invoiced = existing.some((l) => Number(l.QuantityInvoiced ?? 0) > 0);
	if (order.Status === 45) plan.blocked = `sales order ${order.OrderNumber} is cancelled in Exact`;
	else if (delivered || invoiced)
		plan.blocked = `sales order ${order.OrderNumber} has ${[delivered ? 'deliveries' : '', invoiced ? 'an invoice' : ''].filter(Boolean).join(' and ')} in Exact`;
	return plan;
}

/** One sentence per change that cannot be applied, with what the merchant should do. */
export function describeBlockedChange(change: LineChange, orderName: string): string {
	const line = change.lineNumber
		? `line ${change.lineNumber} (${change.itemCode ?? change.description})`
		: 'a new line';
	const advice =
		change.kind === 'add'
			? 'add it in Exact by hand, or sell it as a new order'
			: change.kind === 'remove'
				? 'a refund in Shopify is credited by the refunds template; otherwise change the line in Exact'
				: 'change it in Exact by hand, or book the difference with a credit note';
	return `Order ${orderName}, ${line}: ${change.what} not applied; ${advice}`;
}
