import type { ShopifySandbox } from '../../../sandbox/shopify';
import { ShopifyInventory } from '../../../nodes/ShopifyInventory/ShopifyInventory.node';
import { shopifyTransportSettings } from '../../../nodes/ShopifyInventory/transport';
import { CredentialStore } from '../../helpers/credentials';
import { runNode } from '../../helpers/harness';
import {
	addShopifyCredential,
	availableBySku,
	clearShopifyCalls,
	shopAdmin,
	shopifyCalls,
	startShop,
} from './shopifyFixture';

const node = new ShopifyInventory();
const L1 = 'gid://shopify/Location/1001';
const L2 = 'gid://shopify/Location/1002';

let shop: ShopifySandbox;

beforeAll(async () => {
	shop = await startShop();
	shopifyTransportSettings.baseDelayMs = 20;
});

afterAll(async () => {
	await shop.close();
});

beforeEach(async () => {
	await shopAdmin(shop, 'POST', 'reset');
	await clearShopifyCalls(shop);
});

function credentials(overrides: Record<string, string> = {}): CredentialStore {
	return addShopifyCredential(new CredentialStore(), shop, overrides);
}

async function setQuantities(
	items: object[],
	options: { store?: CredentialStore; executionId?: string; continueOnFail?: boolean } = {},
) {
	return await runNode({
		node,
		parameters: { operation: 'setQuantities' },
		items: items as never,
		credentials: options.store ?? credentials(),
		executionId: options.executionId,
		continueOnFail: options.continueOnFail,
	});
}

describe('Shopify Inventory: set available quantities', () => {
	it('writes changed quantities in one query and one mutation, and reports every other row', async () => {
		const result = await setQuantities([
			{ sku: 'TOTE-NAT', locationId: L1, quantity: 30 },
			{ sku: 'TOTE-BLK', locationId: '1002', quantity: 4 },
			{ sku: 'BUNDLE-START', locationId: L1, quantity: 3 },
			{ sku: 'GIFT-25', locationId: L1, quantity: 2 },
			{ sku: 'MUG-WHITE', locationId: L2, quantity: 1 },
			{ sku: 'NOT-IN-SHOPIFY', locationId: L1, quantity: 5 },
			{ sku: 'SOCKS 39-42', locationId: L2, quantity: 12 },
			{ sku: 'TOTE-NAT', locationId: L1, quantity: 'lots' },
		]);
		expect(result.error).toBeUndefined();
		const summary = result.items.map((i) => [
			i.json.sku,
			i.json.action,
			i.json.reason ?? null,
			i.pairedItem,
		]);
		expect(summary).toEqual([
			['TOTE-NAT', 'updated', null, { item: 0 }],
			['TOTE-BLK', 'updated', null, { item: 1 }],
			['BUNDLE-START', 'skipped', 'bundle', { item: 2 }],
			['GIFT-25', 'skipped', 'untracked', { item: 3 }],
			['MUG-WHITE', 'skipped', 'notStockedAtLocation', { item: 4 }],
			['NOT-IN-SHOPIFY', 'skipped', 'unknownSku', { item: 5 }],
			['SOCKS 39-42', 'skipped', 'unchanged', { item: 6 }],
			['TOTE-NAT', 'skipped', 'invalidInput', { item: 7 }],
		]);
		expect(result.items[0].json).toMatchObject({
			previousQuantity: 25,
			quantity: 30,
			locationId: L1,
		});
		const calls = await shopifyCalls(shop);
		expect(calls.map((c) => [c.operationName, c.rootFields])).toEqual([
			['ResolveSkus', ['productVariants']],
			['SetAvailable', ['inventorySetQuantities']],
		]);
		expect(calls.every((c) => c.apiVersion === '2026-01' && c.status === 200)).toBe(true);
		const stock = await availableBySku(shop);
		expect(stock['TOTE-NAT']).toEqual({ 1001: 30, 1002: 5 });
		expect(stock['TOTE-BLK']).toEqual({ 1001: 10, 1002: 4 });
		expect(stock['BUNDLE-START']).toEqual({ 1001: 10 });
	});

	it('makes no write when every quantity already matches', async () => {
		const result = await setQuantities([
			{ sku: 'TOTE-NAT', locationId: L1, quantity: 25 },
			{ sku: 'TOTE-BLK', locationId: L2, quantity: 0 },
		]);
		expect(result.items.map((i) => i.json.reason)).toEqual(['unchanged', 'unchanged']);
		const calls = await shopifyCalls(shop);
		expect(calls.map((c) => c.operationName)).toEqual(['ResolveSkus']);
		expect((await shopAdmin(shop, 'GET', 'adjustments')).adjustmentGroups).toEqual([]);
	});

	it.each(['2025-01', '2025-10', '2026-01', '2026-04', '2026-10'])(
		'uses the compare-and-swap field API version %s requires',
		async (apiVersion) => {
			const result = await setQuantities([{ sku: 'TOTE-NAT', locationId: L1, quantity: 7 }], {
				store: credentials({ apiVersion }),
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.action).toBe('updated');
			expect((await availableBySku(shop))['TOTE-NAT']['1001']).toBe(7);
			expect((await shopifyCalls(shop)).map((c) => c.apiVersion)).toEqual([apiVersion, apiVersion]);
		},
	);

	it('re-reads and retries once when the stock changed between read and write (stale compare value)', async () => {
		const store = credentials();
		const executionId = `stale-${Date.now()}`;
		await setQuantities([{ sku: 'TOTE-NAT', locationId: L1, quantity: 25 }], {
			store,
			executionId,
		});
		// A sale in Shopify after our read: 25 → 21. The next node run in the same execution uses
		// the cached read (25) and must not overwrite the sale blindly.
		await shopAdmin(shop, 'POST', 'inventory', {
			levels: [{ sku: 'TOTE-NAT', locationId: '1001', available: 21 }],
		});
		await clearShopifyCalls(shop);
		const result = await setQuantities([{ sku: 'TOTE-NAT', locationId: L1, quantity: 30 }], {
			store,
			executionId,
		});
		expect(result.items[0].json).toMatchObject({
			action: 'updated',
			previousQuantity: 21,
			quantity: 30,
		});
		expect((await shopifyCalls(shop)).map((c) => c.operationName)).toEqual([
			'SetAvailable',
			'ResolveSkus',
			'SetAvailable',
		]);
		expect((await availableBySku(shop))['TOTE-NAT']['1001']).toBe(30);
	});

	it('retries a write whose answer was lost without applying it twice (the compare value guards it)', async () => {
		const store = credentials();
		const executionId = `drop-${Date.now()}`;
		await setQuantities([{ sku: 'TOTE-NAT', locationId: L1, quantity: 25 }], {
			store,
			executionId,
		});
		await shopAdmin(shop, 'POST', 'faults', {
			pathPrefix: '/admin/api/',
			mode: 'dropAfterCommit',
			count: 1,
		});
		await clearShopifyCalls(shop);
		const result = await setQuantities([{ sku: 'TOTE-NAT', locationId: L1, quantity: 31 }], {
			store,
			executionId,
		});
		expect(result.error).toBeUndefined();
		// Sent, answer lost; sent again: stale (it had landed); re-read: already 31, nothing to do.
		expect((await shopifyCalls(shop)).map((c) => c.operationName)).toEqual([
			'SetAvailable',
			'SetAvailable',
			'ResolveSkus',
		]);
		expect(result.items[0].json).toMatchObject({
			action: 'skipped',
			reason: 'unchanged',
			quantity: 31,
		});
		expect((await availableBySku(shop))['TOTE-NAT']['1001']).toBe(31);
		expect((await shopAdmin(shop, 'GET', 'adjustments')).adjustmentGroups).toHaveLength(1);
	});

	it('reports a SKU shared by two variants instead of guessing', async () => {
		await shopAdmin(shop, 'POST', 'products', {
			products: [
				{ title: 'Twin A', variants: [{ sku: 'TWIN', inventory: { 1001: 1 } }] },
				{ title: 'Twin B', variants: [{ sku: 'TWIN', inventory: { 1001: 1 } }] },
			],
		});
		const result = await setQuantities([{ sku: 'TWIN', locationId: L1, quantity: 9 }]);
		expect(result.items[0].json).toMatchObject({ action: 'skipped', reason: 'duplicateSku' });
	});

	it('lets the last of two rows for the same SKU and location win', async () => {
		const result = await setQuantities([
			{ sku: 'TOTE-NAT', locationId: L1, quantity: 1 },
			{ sku: 'tote-nat', locationId: '1001', quantity: 2 },
		]);
		expect(result.items.map((i) => [i.json.action, i.json.reason ?? null])).toEqual([
			['skipped', 'superseded'],
			['updated', null],
		]);
		expect((await availableBySku(shop))['TOTE-NAT']['1001']).toBe(2);
	});

	it('waits for the cost bucket instead of failing when Shopify answers Throttled', async () => {
		await shopAdmin(shop, 'PUT', 'settings', { restoreRate: 2000, currentlyAvailable: 0 });
		const started = Date.now();
		const result = await setQuantities([{ sku: 'TOTE-NAT', locationId: L1, quantity: 3 }]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.action).toBe('updated');
		const calls = await shopifyCalls(shop);
		expect(calls.filter((c) => c.throttled)).toHaveLength(1);
		expect(calls.filter((c) => !c.throttled).map((c) => c.operationName)).toEqual([
			'ResolveSkus',
			'SetAvailable',
		]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
	});

	it('sizes queries to a small bucket and waits before a query the last throttle status says would not fit', async () => {
		const skus = Array.from({ length: 60 }, (_, i) => `BULK-${String(i).padStart(2, '0')}`);
		await shopAdmin(shop, 'POST', 'products', {
			products: skus.map((sku) => ({ title: sku, variants: [{ sku, inventory: { 1001: 1 } }] })),
		});
		await shopAdmin(shop, 'PUT', 'settings', { bucketSize: 200, restoreRate: 100 });
		const started = Date.now();
		const result = await setQuantities(skus.map((sku) => ({ sku, locationId: L1, quantity: 5 })));
		expect(result.error).toBeUndefined();
		expect(result.items.every((i) => i.json.action === 'updated')).toBe(true);
		const calls = await shopifyCalls(shop);
		// 1st: sized for 1,000 points, refused (MAX_COST_EXCEEDED, the shop's bucket is 200); then two
		// queries of 39 SKUs sized to fit, the second held back until the bucket had refilled.
		expect(calls.map((c) => [c.operationName, c.requestedCost])).toEqual([
			['ResolveSkus', 998],
			['ResolveSkus', 198],
			['ResolveSkus', 198],
			['SetAvailable', 10],
		]);
		expect(calls.filter((c) => c.throttled)).toHaveLength(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(
			Object.values(await availableBySku(shop)).filter((levels) => levels['1001'] === 5),
		).toHaveLength(60);
	});

	it('fails without continue-on-fail and reports per item with it when the token is wrong', async () => {
		const store = credentials({ accessToken: 'shpat_wrong' });
		const failed = await setQuantities([{ sku: 'TOTE-NAT', locationId: L1, quantity: 3 }], {
			store,
		});
		expect(failed.error?.message).toMatch(/HTTP 401/);
		const reported = await setQuantities(
			[
				{ sku: 'TOTE-NAT', locationId: L1, quantity: 3 },
				{ sku: 'TOTE-BLK', locationId: L1, quantity: 3 },
			],
			{ store, continueOnFail: true },
		);
		expect(reported.error).toBeUndefined();
		expect(reported.items.map((i) => [String(i.json.error).includes('401'), i.pairedItem])).toEqual(
			[
				[true, { item: 0 }],
				[true, { item: 1 }],
			],
		);
	});

	it('refuses a custom base URL outside localhost, 127.0.0.1 and https before sending anything', async () => {
		const store = credentials({ customBaseUrl: 'http://shop.evil.example' });
		const result = await setQuantities([{ sku: 'TOTE-NAT', locationId: L1, quantity: 3 }], {
			store,
		});
		expect(result.error?.message).toMatch(/custom base URL must be/);
		expect(await shopifyCalls(shop)).toEqual([]);
	});
});

describe('Shopify Inventory: list locations', () => {
	it('lists the shop locations with their IDs', async () => {
		const result = await runNode({
			node,
			parameters: { operation: 'listLocations' },
			credentials: credentials(),
		});
		expect(result.items.map((i) => [i.json.id, i.json.name, i.pairedItem])).toEqual([
			[L1, 'Amsterdam warehouse', { item: 0 }],
			[L2, 'Rotterdam store', { item: 0 }],
		]);
		expect((await shopifyCalls(shop)).map((c) => c.operationName)).toEqual(['Locations']);
	});
});
