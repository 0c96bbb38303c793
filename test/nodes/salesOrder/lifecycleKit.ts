/** Shopify orders imported by the order flow, for the tests of what happens to an order after import. */
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { mapShopifyOrder } from '../../../nodes/core/mapping';
import { runChain } from '../flow/chain';
import type { ChainParameters } from '../flow/chain';
import { ITEMS } from '../flow/documents';
import type { Kit } from '../flow/exactTestKit';
import { customers, shopifyOrder } from '../flow/syntheticOrders';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rec = Record<string, any>;

/** A Shopify order with 3 × one item, 1 × another and shipping. */
export function order(number: number): Rec {
	return shopifyOrder({
		number,
		customer: customers(1, 700 + (number % 50))[0],
		guest: false,
		lines: [
			{ item: ITEMS[number % 50], quantity: 3 },
			{ item: ITEMS[(number + 7) % 50], quantity: 1 },
		],
		shippingCents: 495,
	}) as Rec;
}

export async function importOrder(
	kit: Kit,
	shopify: Rec,
	params: ChainParameters = {},
	prefix = '',
): Promise<Rec> {
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
	const { errors } = await runChain(kit, [doc], params);
	expect(errors).toEqual([]);
	return (await kit.state<Rec>('salesorder/SalesOrders')).find(
		(o) => o.YourRef === `${prefix}${shopify.name}`,
	) as Rec;
}
