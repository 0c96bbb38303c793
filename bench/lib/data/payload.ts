/**
 * Shopify orders of the synthetic shop in the orders/create webhook shape, amounts computed in
 * cents the way Shopify does: tax included at the destination's rate for consumers, no tax for
 * reverse-charge businesses and exports.
 */
import {
	money,
	shopifyCustomer,
	shopifyLineItem,
	shopifyOrderPayload,
	shopifyShippingLines,
} from '../../../test/helpers/shopifyOrderPayload';
import type { Customer, Sku } from './shop';
import { RATES } from './shop';

export interface OrderLineSpec {
	sku: Sku;
	quantity: number;
}

export interface OrderSpec {
	number: number;
	customer: Customer;
	lines: OrderLineSpec[];
	shippingCents: number | null;
}

/** How Shopify taxes this customer: the destination's rates, or nothing (reverse charge, export). */
function taxOf(customer: Customer): {
	included: boolean;
	rates: { standard: number; reduced: number } | null;
} {
	if (customer.kind === 'export') return { included: true, rates: null };
	if (customer.kind === 'euBusiness') return { included: false, rates: null };
	return { included: true, rates: RATES[customer.country] ?? RATES.NL };
}

/** Tax contained in an amount that includes it at `rate`, half away from zero. */
const includedTax = (grossCents: number, rate: number) =>
	Math.round((grossCents * rate) / (1 + rate));

const vatLines = (grossCents: number, rate: number | null) =>
	rate === null ? [] : [{ title: 'VAT', rate, price: money(includedTax(grossCents, rate)) }];

/** One order as the orders/create webhook delivers it. */
export function shopifyOrder(spec: OrderSpec): Record<string, unknown> {
	const c = spec.customer;
	const tax = taxOf(c);
	let taxCents = 0;
	const lineItems = spec.lines.map((line, i) => {
		const gross = line.sku.priceCents * line.quantity;
		const rate = tax.rates ? (line.sku.reduced ? tax.rates.reduced : tax.rates.standard) : null;
		if (rate !== null) taxCents += includedTax(gross, rate);
		const product = { ...line.sku, sku: line.sku.code };
		const lineId = 14_000_000_000_000 + spec.number * 10 + i;
		return shopifyLineItem(lineId, product, line.quantity, vatLines(gross, rate));
	});
	const shippingRate = tax.rates?.standard ?? null;
	if (spec.shippingCents !== null && shippingRate !== null) {
		taxCents += includedTax(spec.shippingCents, shippingRate);
	}
	const goods = spec.lines.reduce((sum, l) => sum + l.sku.priceCents * l.quantity, 0);
	const taxExempt = c.kind === 'euBusiness';
	return shopifyOrderPayload({
		id: 5_600_000_000_000 + spec.number,
		number: spec.number,
		party: c,
		countryName: c.country,
		locale: c.country === 'NL' ? 'nl-NL' : 'en',
		taxesIncluded: tax.included,
		taxExempt,
		totalCents: goods + (spec.shippingCents ?? 0),
		taxCents,
		lineItems,
		shippingLines: shopifyShippingLines(
			4_500_000_000_000 + spec.number,
			spec.shippingCents,
			(cents) => vatLines(cents, shippingRate),
		),
		note: null,
		customer: shopifyCustomer(c.shopifyId, c, { tax_exempt: taxExempt }),
	});
}
