/**
 * Deterministic synthetic Shopify orders (REST/webhook shape) for flow tests: a catalogue of SKUs,
 * customers (some B2B with a VAT number, some guests), and orders of 1–6 lines with Dutch VAT
 * included in the prices and a shipping line on most orders. Amounts are computed in cents.
 */
import { rng } from '../../../sandbox/shopify/random';
import {
	money,
	shopifyCustomer,
	shopifyLineItem,
	shopifyOrderPayload,
	shopifyShippingLines,
} from '../../helpers/shopifyOrderPayload';
import type { LineProduct, OrderParty } from '../../helpers/shopifyOrderPayload';

export type CatalogueItem = LineProduct;

export interface SyntheticCustomer extends OrderParty {
	id: string;
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

/** Tax contained in an incl.-VAT amount at 21 %, half away from zero. */
function includedTax(grossCents: number): number {
	return Math.round((grossCents * 21) / 121);
}

const btw = (grossCents: number) => [
	{ title: 'BTW', rate: 0.21, price: money(includedTax(grossCents)) },
];

/** One Shopify order as the orders/create webhook delivers it. */
export function shopifyOrder(spec: OrderSpec): Record<string, unknown> {
	const c = spec.customer;
	const grossLines = spec.lines.map((l) => l.item.priceCents * l.quantity);
	const shippingCents = spec.shippingCents;
	return shopifyOrderPayload({
		id: 5500000000000 + spec.number,
		number: spec.number,
		party: c,
		countryName: 'Netherlands',
		locale: 'nl-NL',
		taxesIncluded: true,
		totalCents: grossLines.reduce((a, b) => a + b, 0) + (shippingCents ?? 0),
		taxCents:
			grossLines.reduce((a, g) => a + includedTax(g), 0) +
			(shippingCents === null ? 0 : includedTax(shippingCents)),
		lineItems: spec.lines.map((line, i) =>
			shopifyLineItem(
				13000000000000 + spec.number * 10 + i,
				line.item,
				line.quantity,
				btw(grossLines[i]),
			),
		),
		shippingLines: shopifyShippingLines(4400000000000 + spec.number, shippingCents, btw),
		note: spec.number % 7 === 0 ? 'Graag bellen bij aflevering' : null,
		customer: spec.guest ? null : shopifyCustomer(c.id, c),
	});
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
