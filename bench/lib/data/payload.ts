/**
 * Shopify orders of the synthetic shop in the orders/create webhook shape, amounts computed in
 * cents the way Shopify does: tax included at the destination's rate for consumers, no tax for
 * reverse-charge businesses and exports.
 */
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

const money = (cents: number) => (cents / 100).toFixed(2);

/** How Shopify taxes this customer: the destination's rates, or nothing (reverse charge, export). */
function taxOf(customer: Customer): {
	included: boolean;
	rates: { standard: number; reduced: number } | null;
} {
	if (customer.kind === 'export') return { included: true, rates: null };
	if (customer.kind === 'euBusiness') return { included: false, rates: null };
	return { included: true, rates: RATES[customer.country] ?? RATES.NL };
}

function address(c: Customer): Record<string, unknown> {
	return {
		first_name: c.firstName,
		last_name: c.lastName,
		name: `${c.firstName} ${c.lastName}`,
		company: c.company,
		address1: c.street,
		address2: null,
		city: c.city,
		zip: c.postcode,
		province: null,
		province_code: null,
		country: c.country,
		country_code: c.country,
		phone: null,
	};
}

/** One order as the orders/create webhook delivers it. */
export function shopifyOrder(spec: OrderSpec): Record<string, unknown> {
	const id = 5_600_000_000_000 + spec.number;
	const tax = taxOf(spec.customer);
	const taxLine = (grossCents: number, rate: number) => [
		{ title: 'VAT', rate, price: money(Math.round((grossCents * rate) / (1 + rate))) },
	];
	let taxCents = 0;
	const lineItems = spec.lines.map((line, i) => {
		const gross = line.sku.priceCents * line.quantity;
		const rate = tax.rates ? (line.sku.reduced ? tax.rates.reduced : tax.rates.standard) : null;
		if (rate !== null) taxCents += Math.round((gross * rate) / (1 + rate));
		const lineId = 14_000_000_000_000 + spec.number * 10 + i;
		return {
			id: lineId,
			admin_graphql_api_id: `gid://shopify/LineItem/${lineId}`,
			product_id: line.sku.productId,
			variant_id: line.sku.variantId,
			sku: line.sku.code,
			title: line.sku.title,
			variant_title: null,
			name: line.sku.title,
			quantity: line.quantity,
			price: money(line.sku.priceCents),
			taxable: true,
			gift_card: false,
			requires_shipping: true,
			tax_lines: rate === null ? [] : taxLine(gross, rate),
			discount_allocations: [],
		};
	});
	const shippingRate = tax.rates?.standard ?? null;
	if (spec.shippingCents !== null && shippingRate !== null) {
		taxCents += Math.round((spec.shippingCents * shippingRate) / (1 + shippingRate));
	}
	const shipping =
		spec.shippingCents === null
			? []
			: [
					{
						id: 4_500_000_000_000 + spec.number,
						title: 'PostNL',
						code: 'postnl',
						price: money(spec.shippingCents),
						discounted_price: money(spec.shippingCents),
						tax_lines: shippingRate === null ? [] : taxLine(spec.shippingCents, shippingRate),
						discount_allocations: [],
					},
				];
	const goods = spec.lines.reduce((sum, l) => sum + l.sku.priceCents * l.quantity, 0);
	const total = goods + (spec.shippingCents ?? 0);
	const c = spec.customer;
	return {
		id,
		admin_graphql_api_id: `gid://shopify/Order/${id}`,
		name: `#${spec.number}`,
		number: spec.number - 1000,
		order_number: spec.number,
		email: c.email,
		currency: 'EUR',
		presentment_currency: 'EUR',
		customer_locale: c.country === 'NL' ? 'nl-NL' : 'en',
		taxes_included: tax.included,
		tax_exempt: c.kind === 'euBusiness',
		test: false,
		processed_at: '2026-03-02T10:15:00+01:00',
		created_at: '2026-03-02T10:14:00+01:00',
		financial_status: 'paid',
		gateway: 'shopify_payments',
		payment_gateway_names: ['shopify_payments'],
		total_price: money(total),
		total_tax: money(taxCents),
		total_discounts: '0.00',
		line_items: lineItems,
		shipping_lines: shipping,
		note: null,
		note_attributes: c.vatNumber ? [{ name: 'vat_number', value: c.vatNumber }] : [],
		customer: {
			id: Number(c.shopifyId),
			admin_graphql_api_id: `gid://shopify/Customer/${c.shopifyId}`,
			email: c.email,
			first_name: c.firstName,
			last_name: c.lastName,
			phone: null,
			tax_exempt: c.kind === 'euBusiness',
		},
		billing_address: address(c),
		shipping_address: address(c),
	};
}
