/** Legacy discount allocation and the reconciliation of the document with Shopify's totals. */
import { allocate, assertSafe, multiplyQuantity, sumCents } from '../money';
import type { ShopifyOrder } from '../shopify/order.schema';
import type { Amounts } from './amounts';
import type { LineInput } from './line';
import type { DocumentLine, DocumentTotals } from './types';

/**
 * Older payloads have `total_discounts` but no `discount_allocations` anywhere. Shopify's own
 * allocation is then unknown: the part not on shipping is spread over the product lines in
 * proportion to their amounts (largest remainder), with a warning. With any allocation present,
 * Shopify's allocations are used as they are.
 */
export function allocateLegacyDiscount(
	order: ShopifyOrder,
	inputs: LineInput[],
	amounts: Amounts,
	warnings: string[],
): void {
	const total =
		amounts.pick(order.total_discounts_set, order.total_discounts, 'total_discounts') ?? 0;
	if (total <= 0) return;
	const allocated =
		order.line_items.some((item) => item.discount_allocations.length > 0) ||
		order.shipping_lines.some((line) => line.discount_allocations.length > 0);
	if (allocated) return;
	const onShipping = sumCents(
		inputs.filter((i) => i.kind === 'shipping').map((i) => i.discountCents),
	);
	const rest = total - onShipping;
	const targets = inputs.filter((i) => i.kind === 'product' && i.unitCents > 0 && i.quantity > 0);
	if (rest <= 0 || targets.length === 0) return;
	const parts = allocate(
		rest,
		targets.map((t) => multiplyQuantity(t.unitCents, t.quantity)),
	);
	targets.forEach((target, i) => {
		target.discountCents += parts[i];
	});
	warnings.push(
		`total_discounts has ${amounts.format(rest)} without discount_allocations (older payload); ` +
			`spread over ${targets.length} line${targets.length === 1 ? '' : 's'} in proportion to their amounts`,
	);
}

export interface ShopifyFigures {
	totalCents: number;
	taxCents: number | null;
	discountCents: number | null;
	presentmentTotalCents: number | null;
	skippedCents: number;
}

type Group = 'lines' | 'shipping' | 'other';

function groupOf(line: DocumentLine): Group {
	if (line.kind === 'product' || line.kind === 'giftCard') return 'lines';
	return line.kind === 'shipping' ? 'shipping' : 'other';
}

/** Sums the lines per group in one pass; a sum beyond 2^53 cents is refused by sumCents. */
export function computeTotals(lines: DocumentLine[], shopify: ShopifyFigures): DocumentTotals {
	const excl = { lines: 0, shipping: 0, other: 0 };
	const incl = { lines: 0, shipping: 0, other: 0 };
	let tax = 0;
	let discount = 0;
	let rounding = 0;
	for (const line of lines) {
		const group = groupOf(line);
		excl[group] += line.netAmountExclCents;
		incl[group] += line.netAmountInclCents;
		tax += line.taxAmountCents;
		discount += line.discountCents;
		if (line.kind === 'rounding') rounding += line.netAmountInclCents;
	}
	const totalCents = incl.lines + incl.shipping + incl.other;
	const exclCents = excl.lines + excl.shipping + excl.other;
	for (const sum of [totalCents, exclCents, tax, discount]) assertSafe(sum, 'sum of the lines');
	return {
		linesExclCents: excl.lines,
		linesInclCents: incl.lines,
		shippingExclCents: excl.shipping,
		shippingInclCents: incl.shipping,
		otherExclCents: excl.other,
		otherInclCents: incl.other,
		taxCents: tax,
		discountCents: discount,
		totalCents,
		shopifyTotalCents: shopify.totalCents,
		shopifyTaxCents: shopify.taxCents,
		shopifyDiscountCents: shopify.discountCents,
		skippedCents: shopify.skippedCents,
		roundingCents: rounding,
		differenceCents: shopify.totalCents - totalCents - shopify.skippedCents,
		presentmentTotalCents: shopify.presentmentTotalCents,
	};
}
