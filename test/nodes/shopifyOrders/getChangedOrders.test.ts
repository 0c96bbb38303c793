/**
 * Shopify Orders → Get Changed Orders against the Shopify sandbox: the orders changed since the
 * cursor, paged through the GraphQL `orders` query and returned as the REST JSON the order
 * webhooks deliver; the cursor moves only after a complete read, with an overlap at the boundary.
 */
import type { IDataObject } from 'n8n-workflow';

import { shopifyTransportSettings } from '../../../nodes/ShopifyInventory/transport';
import { ShopifyOrders } from '../../../nodes/ShopifyOrders/ShopifyOrders.node';
import type { ShopifySandbox } from '../../../sandbox/shopify';
import { CredentialStore } from '../../helpers/credentials';
import { NODE_NAME, runNode } from '../../helpers/harness';
import {
	addShopifyCredential,
	clearShopifyCalls,
	shopAdmin,
	startShop,
} from '../shopifyInventory/shopifyFixture';

const node = new ShopifyOrders();
let shop: ShopifySandbox;
let credentials: CredentialStore;

const delay = shopifyTransportSettings.baseDelayMs;
beforeAll(async () => {
	shopifyTransportSettings.baseDelayMs = 5;
	shop = await startShop();
	credentials = addShopifyCredential(new CredentialStore(), shop);
});
afterAll(async () => {
	shopifyTransportSettings.baseDelayMs = delay;
	await shop.close();
});

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Orders stored without webhooks (Shopify gave up on them), each with its own updated_at. */
async function placeOrders(first: number, count: number, updatedAt: (i: number) => number) {
	const orders = Array.from({ length: count }, (_, i) => ({
		name: `#${first + i}`,
		email: `buyer${first + i}@example.com`,
		currency: 'EUR',
		total_price: '10.00',
		line_items: [{ sku: 'SKU-1', quantity: 1, price: '10.00' }],
		created_at: iso(updatedAt(i)),
		updated_at: iso(updatedAt(i)),
	}));
	await shopAdmin(shop, 'POST', 'orders', { orders, topics: [] });
}

async function run(staticData: IDataObject, options: IDataObject = {}) {
	return await runNode({
		node,
		parameters: { operation: 'getChangedOrders', options } as never,
		credentials,
		staticData,
	});
}

const names = (items: Array<{ json: IDataObject }>) => items.map((i) => String(i.json.name));
const storedCursor = (data: IDataObject) =>
	(data[`node:${NODE_NAME}`] as IDataObject | undefined)?.ordersUpdatedAt;

describe('Shopify Orders: Get Changed Orders', () => {
	beforeEach(async () => {
		await shopAdmin(shop, 'POST', 'reset', {});
		await clearShopifyCalls(shop);
	});

	it('reads every order changed in the look-back, oldest change first, paged by 250, as webhook JSON', async () => {
		const now = Date.now();
		await placeOrders(5001, 300, (i) => now - 2 * HOUR + i * 1000);
		await placeOrders(6001, 2, () => now - 30 * HOUR); // older than the first run looks back
		const staticData: IDataObject = {};
		const result = await run(staticData);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(300);
		expect(names(result.items).slice(0, 2)).toEqual(['#5001', '#5002']);
		expect(result.items[0].json).toMatchObject({ email: 'buyer5001@example.com', currency: 'EUR' });
		expect((result.items[0].json.line_items as IDataObject[])[0]).toMatchObject({ sku: 'SKU-1' });
		const calls = (await shopAdmin<{ calls: Array<{ kind: string }> }>(shop, 'GET', 'calls')).calls;
		expect(calls.filter((c) => c.kind === 'graphql')).toHaveLength(2); // 250 + 50
		expect(calls.filter((c) => c.kind === 'rest')).toHaveLength(2); // ids in chunks of 250
		expect(storedCursor(result.staticData)).toBe(iso(now - 2 * HOUR + 299 * 1000));
	});

	it('keeps every digit of ids beyond 2^53, as the mapping needs them', async () => {
		await shopAdmin(shop, 'POST', 'orders', {
			orders: [
				{
					id: '6543210987654321012',
					name: '#5701',
					updated_at: iso(Date.now() - HOUR),
					line_items: [{ id: '9876543210987654321', sku: 'SKU-1', quantity: 1, price: '1.00' }],
				},
			],
			topics: [],
		});
		const result = await run({});
		expect(String(result.items[0].json.id)).toBe('6543210987654321012');
		expect(String((result.items[0].json.line_items as IDataObject[])[0].id)).toBe(
			'9876543210987654321',
		);
	});

	it('next run: only orders changed since the cursor, plus those in the overlap; nothing new means no order', async () => {
		const now = Date.now();
		await placeOrders(5101, 3, (i) => now - HOUR + i * 10 * 60_000);
		const first = await run({});
		expect(names(first.items)).toEqual(['#5101', '#5102', '#5103']);
		const staticData = first.staticData;
		// One order changes 10 minutes after the cursor, another was changed 2 minutes before it.
		const cursor = Date.parse(String(storedCursor(staticData)));
		await placeOrders(5201, 1, () => cursor + 10 * 60_000);
		await placeOrders(5301, 1, () => cursor - 2 * 60_000);
		await placeOrders(5401, 1, () => cursor - 20 * 60_000);
		const second = await run(JSON.parse(JSON.stringify(staticData)) as IDataObject);
		// The overlap (5 minutes) re-reads #5103 at the cursor and finds #5301; #5401 is older.
		expect(names(second.items).sort()).toEqual(['#5103', '#5201', '#5301']);
		const third = await run(second.staticData);
		expect(names(third.items)).toEqual(['#5201']); // only the overlap: the boundary order again
		// Without overlap only the order at the cursor instant itself is read again.
		const fourth = await run(third.staticData, { overlapMinutes: 0 });
		expect(names(fourth.items)).toEqual(['#5201']);
	});

	it('a run that started before another saved its cursor reads from where this process got to', async () => {
		const now = Date.now();
		await placeOrders(5501, 5, (i) => now - HOUR + i * 1000);
		const before: IDataObject = {};
		const first = await run(JSON.parse(JSON.stringify(before)) as IDataObject, {
			overlapMinutes: 0,
		});
		expect(first.items).toHaveLength(5);
		const overlapping = await run(JSON.parse(JSON.stringify(before)) as IDataObject, {
			overlapMinutes: 0,
		});
		expect(names(overlapping.items)).toEqual(['#5505']);
	});

	it('keeps the cursor when a read fails, so the next run reads the same orders again', async () => {
		const now = Date.now();
		await placeOrders(5601, 2, (i) => now - HOUR + i * 1000);
		const staticData: IDataObject = {};
		await shopAdmin(shop, 'POST', 'faults', {
			pathPrefix: '/admin/api/2026-01/orders',
			status: 500,
			count: 10,
		});
		const failed = await run(staticData);
		expect(failed.error?.message).toMatch(/Shopify \(read orders\): HTTP 500/);
		expect(storedCursor(failed.staticData)).toBeUndefined();
		await shopAdmin(shop, 'DELETE', 'faults');
		const again = await run(staticData);
		expect(names(again.items)).toEqual(['#5601', '#5602']);
	});
});
