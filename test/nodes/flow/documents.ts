/** Order documents for tests: synthetic Shopify orders mapped by the real core mapper. */
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { mapShopifyOrder } from '../../../nodes/core/mapping';
import type { MappingSettings } from '../../../nodes/core/mapping';
import { catalogue, customers, orderSpecs, shopifyOrder } from './syntheticOrders';
import type { OrderSpec } from './syntheticOrders';

export const ITEMS = catalogue(50);

/** A mapped document of one order (customer i, the given SKUs × quantities, shipping or not). */
export function documentFor(
	spec: Partial<OrderSpec> & { number: number },
	settings?: Partial<MappingSettings>,
): EnrichedOrderDocument {
	const full: OrderSpec = {
		customer: customers(1, spec.number % 97)[0],
		guest: false,
		lines: [{ item: ITEMS[spec.number % ITEMS.length], quantity: 2 }],
		shippingCents: 495,
		...spec,
	};
	return mapShopifyOrder(shopifyOrder(full), settings) as unknown as EnrichedOrderDocument;
}

/** Documents of `count` orders with 1–6 lines over the 50-SKU catalogue. */
export function documents(count: number, seed = 7, firstNumber = 1001): EnrichedOrderDocument[] {
	const specs = orderSpecs({
		seed,
		count,
		firstNumber,
		knownCustomers: customers(20),
		newCustomers: [],
		newShare: 0,
		items: ITEMS,
		shippingShare: 0.8,
	});
	return specs.map(
		(spec) => mapShopifyOrder(shopifyOrder(spec)) as unknown as EnrichedOrderDocument,
	);
}

/** Sets every line's VAT code (21 % domestic) as the VAT Resolver would. */
export function withVat(doc: EnrichedOrderDocument, code = '2'): EnrichedOrderDocument {
	for (const line of doc.lines) {
		line.vat = {
			code,
			treatment: 'domestic',
			country: 'NL',
			rate: 0.21,
			reason: 'test',
			source: 'mapping',
		};
	}
	return doc;
}

/** Maps order specs as a Dutch shop with prices incl. VAT that posts them incl. VAT (I21). */
export function mapSpecs(specs: OrderSpec[], vatCode = 'I21'): EnrichedOrderDocument[] {
	return specs.map((spec) =>
		withVat(
			mapShopifyOrder(shopifyOrder(spec), {
				pricesPosted: 'incl',
			}) as unknown as EnrichedOrderDocument,
			vatCode,
		),
	);
}
