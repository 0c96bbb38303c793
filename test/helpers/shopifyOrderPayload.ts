/**
 * The shape of a Shopify order as the orders/create webhook delivers it, shared by the synthetic
 * orders of the flow tests and of the benchmark. Prices, tax and customers are each generator's own;
 * these builders only lay them out the way Shopify does.
 */

export const money = (cents: number) => (cents / 100).toFixed(2);

/** The buyer of an order: what its customer and its billing and shipping addresses are made of. */
export interface OrderParty {
	email: string;
	firstName: string;
	lastName: string;
	company: string | null;
	vatNumber: string | null;
	street: string;
	postcode: string;
	city: string;
	/** ISO code. */
	country: string;
}

export interface LineProduct {
	sku: string;
	title: string;
	productId: number;
	variantId: number;
	priceCents: number;
}

type TaxLines = Array<Record<string, unknown>>;

export function shopifyAddress(party: OrderParty, countryName: string): Record<string, unknown> {
	return {
		first_name: party.firstName,
		last_name: party.lastName,
		name: `${party.firstName} ${party.lastName}`,
		company: party.company,
		address1: party.street,
		address2: null,
		city: party.city,
		zip: party.postcode,
		province: null,
		province_code: null,
		country: countryName,
		country_code: party.country,
		phone: null,
	};
}

/** The order's `customer`; `extra` fields follow the standard ones. */
export function shopifyCustomer(
	id: string,
	party: OrderParty,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		id: Number(id),
		admin_graphql_api_id: `gid://shopify/Customer/${id}`,
		email: party.email,
		first_name: party.firstName,
		last_name: party.lastName,
		phone: null,
		...extra,
	};
}

export function shopifyLineItem(
	id: number,
	product: LineProduct,
	quantity: number,
	taxLines: TaxLines,
): Record<string, unknown> {
	return {
		id,
		admin_graphql_api_id: `gid://shopify/LineItem/${id}`,
		product_id: product.productId,
		variant_id: product.variantId,
		sku: product.sku,
		title: product.title,
		variant_title: null,
		name: product.title,
		quantity,
		price: money(product.priceCents),
		taxable: true,
		gift_card: false,
		requires_shipping: true,
		tax_lines: taxLines,
		discount_allocations: [],
	};
}

/** One PostNL shipping line, or none when the order ships free of charge (`cents` null). */
export function shopifyShippingLines(
	id: number,
	cents: number | null,
	taxLines: (cents: number) => TaxLines,
): Array<Record<string, unknown>> {
	if (cents === null) return [];
	return [
		{
			id,
			title: 'PostNL',
			code: 'postnl',
			price: money(cents),
			discounted_price: money(cents),
			tax_lines: taxLines(cents),
			discount_allocations: [],
		},
	];
}

export interface OrderPayload {
	id: number;
	number: number;
	party: OrderParty;
	/** The country as the addresses spell it out. */
	countryName: string;
	locale: string;
	taxesIncluded: boolean;
	/** Left out of the order when undefined. */
	taxExempt?: boolean;
	totalCents: number;
	taxCents: number;
	lineItems: Array<Record<string, unknown>>;
	shippingLines: Array<Record<string, unknown>>;
	note: string | null;
	/** The order's `customer`; null for a guest checkout. */
	customer: Record<string, unknown> | null;
}

/** A paid EUR order placed on 2 March 2026, its billing and shipping address the party's. */
export function shopifyOrderPayload(order: OrderPayload): Record<string, unknown> {
	const { party } = order;
	return {
		id: order.id,
		admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
		name: `#${order.number}`,
		number: order.number - 1000,
		order_number: order.number,
		email: party.email,
		currency: 'EUR',
		presentment_currency: 'EUR',
		customer_locale: order.locale,
		taxes_included: order.taxesIncluded,
		...(order.taxExempt === undefined ? {} : { tax_exempt: order.taxExempt }),
		test: false,
		processed_at: '2026-03-02T10:15:00+01:00',
		created_at: '2026-03-02T10:14:00+01:00',
		financial_status: 'paid',
		gateway: 'shopify_payments',
		payment_gateway_names: ['shopify_payments'],
		total_price: money(order.totalCents),
		total_tax: money(order.taxCents),
		total_discounts: '0.00',
		line_items: order.lineItems,
		shipping_lines: order.shippingLines,
		note: order.note,
		note_attributes: party.vatNumber ? [{ name: 'vat_number', value: party.vatNumber }] : [],
		customer: order.customer,
		billing_address: shopifyAddress(party, order.countryName),
		shipping_address: shopifyAddress(party, order.countryName),
	};
}
