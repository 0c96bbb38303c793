/**
 * Deterministic synthetic Shopify orders (REST/webhook shape) for flow tests: a catalogue of SKUs,
 * customers (some B2B with a VAT number, some guests), and orders of 1–6 lines with Dutch VAT
 * included in the prices and a shipping line on most orders. Amounts are computed in cents.
 */

export function rng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface CatalogueItem {
	sku: string;
	title: string;
	productId: number;
	variantId: number;
	priceCents: number;
}

export interface SyntheticCustomer {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	company: string | null;
	vatNumber: string | null;
	street: string;
	postcode: string;
	city: string;
	country: string;
}

export interface OrderSpec {
	number: number;
	customer: SyntheticCustomer;
	guest: boolean;
	lines: Array<{ item: CatalogueItem; quantity: number }>;
	shippingCents: number | null;
}

const FIRST = [
	'Anna',
	'Bram',
	'Chloé',
	'Daan',
	'Eva',
	'Finn',
	'Greet',
	'Hugo',
	'Iris',
	"Jan-O'Neil",
];
const LAST = [
	'de Vries',
	'Jansen',
	'Bakker',
	'Visser',
	'Smit',
	'Meijer',
	'Mulder',
	"O'Brien",
	'Bos',
	'Dekker',
];
const CITIES = ['Amsterdam', 'Utrecht', 'Rotterdam', 'Zwolle', 'Delft'];

export function catalogue(count: number): CatalogueItem[] {
	return Array.from({ length: count }, (_, i) => ({
		sku: `SKU-${String(i + 1).padStart(3, '0')}`,
		title: `Product ${i + 1}`,
		productId: 7000000000 + i,
		variantId: 42000000000 + i,
		priceCents: 495 + ((i * 737) % 9000),
	}));
}

export function customers(count: number, offset = 0): SyntheticCustomer[] {
	return Array.from({ length: count }, (_, k) => {
		const i = k + offset;
		const b2b = i % 5 === 0;
		return {
			id: String(6200000000000 + i),
			email: `customer${i}@example.nl`,
			firstName: FIRST[i % FIRST.length],
			lastName: LAST[(i * 3) % LAST.length],
			company: b2b ? `Bedrijf ${i} B.V.` : null,
			vatNumber: b2b ? `NL${String(100000000 + i).padStart(9, '0')}B01` : null,
			street: `Straat ${i + 1}`,
			postcode: `${1000 + (i % 8000)} AB`,
			city: CITIES[i % CITIES.length],
			country: 'NL',
		};
	});
}

function money(cents: number): string {
	return (cents / 100).toFixed(2);
}

/** Tax contained in an incl.-VAT amount at 21 %, half away from zero. */
function includedTax(grossCents: number): number {
	return Math.round((grossCents * 21) / 121);
}

function address(c: SyntheticCustomer): Record<string, unknown> {
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
		country: 'Netherlands',
		country_code: c.country,
		phone: null,
	};
}

/** One Shopify order as the orders/create webhook delivers it. */
export function shopifyOrder(spec: OrderSpec): Record<string, unknown> {
	const id = 5500000000000 + spec.number;
	const lineItems = spec.lines.map((line, i) => {
		const gross = line.item.priceCents * line.quantity;
		return {
			id: 13000000000000 + spec.number * 10 + i,
			admin_graphql_api_id: `gid://shopify/LineItem/${13000000000000 + spec.number * 10 + i}`,
			product_id: line.item.productId,
			variant_id: line.item.variantId,
			sku: line.item.sku,
			title: line.item.title,
			variant_title: null,
			name: line.item.title,
			quantity: line.quantity,
			price: money(line.item.priceCents),
			taxable: true,
			gift_card: false,
			requires_shipping: true,
			tax_lines: [{ title: 'BTW', rate: 0.21, price: money(includedTax(gross)) }],
			discount_allocations: [],
		};
	});
	const shipping =
		spec.shippingCents === null
			? []
			: [
					{
						id: 4400000000000 + spec.number,
						title: 'PostNL',
						code: 'postnl',
						price: money(spec.shippingCents),
						discounted_price: money(spec.shippingCents),
						tax_lines: [
							{ title: 'BTW', rate: 0.21, price: money(includedTax(spec.shippingCents)) },
						],
						discount_allocations: [],
					},
				];
	const grossLines = spec.lines.map((l) => l.item.priceCents * l.quantity);
	const total = grossLines.reduce((a, b) => a + b, 0) + (spec.shippingCents ?? 0);
	const tax =
		grossLines.reduce((a, g) => a + includedTax(g), 0) +
		(spec.shippingCents === null ? 0 : includedTax(spec.shippingCents));
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
		customer_locale: 'nl-NL',
		taxes_included: true,
		test: false,
		processed_at: '2026-03-02T10:15:00+01:00',
		created_at: '2026-03-02T10:14:00+01:00',
		financial_status: 'paid',
		gateway: 'shopify_payments',
		payment_gateway_names: ['shopify_payments'],
		total_price: money(total),
		total_tax: money(tax),
		total_discounts: '0.00',
		line_items: lineItems,
		shipping_lines: shipping,
		note: spec.number % 7 === 0 ? 'Graag bellen bij aflevering' : null,
		note_attributes: c.vatNumber ? [{ name: 'vat_number', value: c.vatNumber }] : [],
		customer: spec.guest
			? null
			: {
					id: Number(c.id),
					admin_graphql_api_id: `gid://shopify/Customer/${c.id}`,
					email: c.email,
					first_name: c.firstName,
					last_name: c.lastName,
					phone: null,
				},
		billing_address: address(c),
		shipping_address: address(c),
	};
}

export interface OrderSetOptions {
	seed: number;
	count: number;
	firstNumber: number;
	/** Customers the orders choose from, and the share of orders placed by `newCustomers`. */
	knownCustomers: SyntheticCustomer[];
	newCustomers: SyntheticCustomer[];
	newShare: number;
	items: CatalogueItem[];
	shippingShare: number;
}

/** Orders with 1–6 distinct lines; `newShare` of them by new customers (several orders each). */
export function orderSpecs(options: OrderSetOptions): OrderSpec[] {
	const random = rng(options.seed);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
	return Array.from({ length: options.count }, (_, i) => {
		const useNew = options.newCustomers.length > 0 && random() < options.newShare;
		const customer = pick(useNew ? options.newCustomers : options.knownCustomers);
		const lineCount = 1 + Math.floor(random() * 6);
		const chosen = new Set<CatalogueItem>();
		while (chosen.size < lineCount) chosen.add(pick(options.items));
		return {
			number: options.firstNumber + i,
			customer,
			guest: false,
			lines: [...chosen].map((item) => ({ item, quantity: 1 + Math.floor(random() * 3) })),
			shippingCents: random() < options.shippingShare ? 495 : null,
		};
	});
}
