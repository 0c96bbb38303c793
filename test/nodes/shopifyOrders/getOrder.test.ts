/**
 * Shopify Orders → Get Order against the Shopify sandbox: each item's order as the REST JSON the
 * webhooks deliver, all items in one call, ids beyond 2^53 exact, and Shopify's REST rate limit
 * (429 with Retry-After) waited out rather than failing the execution (the refunds template reads
 * the refund's order with it; n8n's own Shopify node failed refunds there under load).
 */
import type { IDataObject } from 'n8n-workflow';

import { shopifyTransportSettings } from '../../../nodes/ShopifyInventory/transport';
import { ShopifyOrders } from '../../../nodes/ShopifyOrders/ShopifyOrders.node';
import type { ShopifySandbox } from '../../../sandbox/shopify';
import { CredentialStore } from '../../helpers/credentials';
import { runNode } from '../../helpers/harness';
import { addShopifyCredential, shopAdmin, startShop } from '../shopifyInventory/shopifyFixture';

const node = new ShopifyOrders();
let shop: ShopifySandbox;
let credentials: CredentialStore;
const saved = { ...shopifyTransportSettings };

beforeAll(async () => {
	shop = await startShop();
	credentials = addShopifyCredential(new CredentialStore(), shop);
});
afterEach(async () => {
	Object.assign(shopifyTransportSettings, saved);
	await shopAdmin(shop, 'PUT', 'settings', { restBucketSize: 40, restLeakRate: 2 });
	await shopAdmin(shop, 'DELETE', 'calls');
});
afterAll(async () => await shop.close());

const BIG_ID = '7795502398859983561'; // beyond 2^53

/** Places #5501 (a 19-digit id) and #5502 (an id the sandbox gives); their ids by name. */
async function placeOrders(): Promise<Record<string, string>> {
	const orders = [5501, 5502].map((n, i) => ({
		...(i === 0 ? { id: BIG_ID, admin_graphql_api_id: `gid://shopify/Order/${BIG_ID}` } : {}),
		name: `#${n}`,
		email: `buyer${n}@example.com`,
		currency: 'EUR',
		total_price: '10.00',
		line_items: [{ sku: 'SKU-1', quantity: 1, price: '10.00' }],
	}));
	await shopAdmin(shop, 'POST', 'orders', { orders, topics: [] });
	const stored = await shopAdmin<{ orders: Array<{ id: number; name: string }> }>(
		shop,
		'GET',
		'orders',
	);
	const small = stored.orders.find((o) => o.name === '#5502');
	return { '#5501': BIG_ID, '#5502': String(small?.id) };
}

async function run(items: IDataObject[], continueOnFail = false) {
	return await runNode({
		node,
		parameters: { operation: 'getOrder', orderId: '={{ $json.order_id }}' } as never,
		credentials,
		items,
		continueOnFail,
	});
}

const restCalls = async () =>
	(
		await shopAdmin<{ calls: Array<{ kind: string; path?: string; status?: number }> }>(
			shop,
			'GET',
			'calls',
		)
	).calls.filter((c) => c.kind === 'rest');

describe('Shopify Orders: Get Order', () => {
	let placed: Record<string, string>;
	beforeAll(async () => {
		placed = await placeOrders();
	});

	it("returns each item's order as the webhook JSON, all items in one call, a 19-digit id exact, paired to its item", async () => {
		await shopAdmin(shop, 'DELETE', 'calls');
		const result = await run([
			{ order_id: placed['#5502'], refund: 1 },
			{ order_id: `gid://shopify/Order/${BIG_ID}` },
			{ order_id: placed['#5502'] },
		]);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.name)).toEqual(['#5502', '#5501', '#5502']);
		expect(result.items[1].json.id).toBe(BIG_ID);
		expect(result.items[1].json.line_items).toEqual([
			expect.objectContaining({ sku: 'SKU-1', quantity: 1 }),
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(await restCalls()).toHaveLength(1);
	});

	it('names the order Shopify does not have and the id that lost digits; with Continue On Fail the other items go on', async () => {
		const result = await run(
			[{ order_id: '999000111' }, { order_id: Number(BIG_ID) }, { order_id: placed['#5502'] }],
			true,
		);
		expect(result.items.map((i) => i.json.error ?? i.json.name)).toEqual([
			'Shopify has no order 999000111 in this shop',
			`Order ID ${Number(BIG_ID)} is beyond 2^53 and lost its last digits when it was read as a number: pass it as text (e.g. from admin_graphql_api_id)`,
			'#5502',
		]);
		const stopped = await run([{ order_id: '999000111' }]);
		expect(stopped.error?.message).toBe('Shopify has no order 999000111 in this shop');
	});

	it('waits out the REST rate limit: eight executions at once against a bucket of 2 all get their order', async () => {
		await shopAdmin(shop, 'PUT', 'settings', { restBucketSize: 2, restLeakRate: 4 });
		const results = await Promise.all(
			Array.from({ length: 8 }, () => run([{ order_id: placed['#5502'] }])),
		);
		expect(results.map((r) => r.error?.message)).toEqual(Array(8).fill(undefined));
		expect(results.map((r) => r.items[0].json.name)).toEqual(Array(8).fill('#5502'));
		expect((await restCalls()).filter((c) => c.status === 429).length).toBeGreaterThan(0);
	});

	it('fails with HTTP 429 when it may not wait (the failure the waiting prevents)', async () => {
		shopifyTransportSettings.maxRateLimitWaitMs = 0;
		await shopAdmin(shop, 'PUT', 'settings', { restBucketSize: 2, restLeakRate: 0.1 });
		const results = await Promise.all(
			Array.from({ length: 4 }, () => run([{ order_id: placed['#5502'] }])),
		);
		const failed = results.filter((r) => r.error);
		expect(failed.length).toBeGreaterThan(0);
		expect(failed[0].error?.message).toMatch(/HTTP 429/);
	});
});
