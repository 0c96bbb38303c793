/** Shopify orders imported by the order flow, for the tests of what happens to an order after import. */
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { mapShopifyOrder } from '../../../nodes/core/mapping';
import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import { runChain } from '../flow/chain';
import type { ChainParameters } from '../flow/chain';
import { ITEMS } from '../flow/documents';
import type { Kit } from '../flow/exactTestKit';
import { customers, shopifyOrder } from '../flow/syntheticOrders';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rec = Record<string, any>;

/** A Shopify order with 3 × one item, 1 × another and shipping (or the given lines: [item offset, quantity]). */
export function order(
	number: number,
	lines: Array<[number, number]> = [
		[0, 3],
		[7, 1],
	],
): Rec {
	return shopifyOrder({
		number,
		customer: customers(1, 700 + (number % 50))[0],
		guest: false,
		lines: lines.map(([offset, quantity]) => ({ item: ITEMS[(number + offset) % 50], quantity })),
		shippingCents: 495,
	}) as Rec;
}

/** The order document as the orders flow enriches it (customer, items, VAT codes I21). */
function mapped(shopify: Rec, prefix: string): EnrichedOrderDocument {
	const doc = mapShopifyOrder(shopify, {
		pricesPosted: 'incl',
		orderReferencePrefix: prefix,
	}) as unknown as EnrichedOrderDocument;
	for (const line of doc.lines)
		line.vat = {
			code: 'I21',
			treatment: 'domestic',
			country: 'NL',
			rate: 0.21,
			reason: 'test',
			source: 'mapping',
		};
	return doc;
}

/** An edited order as the edits workflow enriches it: items found or created (VAT codes I21). */
export async function enriched(kit: Kit, shopify: Rec, prefix = ''): Promise<Rec> {
	const result = await kit.run(new ExactOnlineItem(), { operation: 'ensureItemsForOrder' }, [
		mapped(shopify, prefix),
	]);
	expect(result.error).toBeUndefined();
	return result.items[0].json as Rec;
}

/** Imports the order with the orders flow and answers the Exact sales order. */
export async function importOrder(
	kit: Kit,
	shopify: Rec,
	params: ChainParameters = {},
	prefix = '',
): Promise<Rec> {
	const { errors } = await runChain(kit, [mapped(shopify, prefix)], params);
	expect(errors).toEqual([]);
	return (await kit.state<Rec>('salesorder/SalesOrders')).find(
		(o) => o.YourRef === `${prefix}${shopify.name}`,
	) as Rec;
}
