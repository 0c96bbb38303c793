/**
 * The stock flow end to end on both sandboxes: Exact Online Stock (Get Changes) → Shopify
 * Inventory (Set Available Quantities), run the way a scheduled workflow runs them, with the
 * node's static data carried from one run to the next as n8n stores it for an active workflow.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ShopifySandbox } from '../../../sandbox/shopify';
import { ExactOnlineStock } from '../../../nodes/ExactOnline/Stock/ExactOnlineStock.node';
import { ShopifyInventory } from '../../../nodes/ShopifyInventory/ShopifyInventory.node';
import { runNode } from '../../helpers/harness';
import {
	addShopifyCredential,
	availableBySku,
	clearShopifyCalls,
	shopAdmin,
	shopifyCalls,
	startShop,
} from '../shopifyInventory/shopifyFixture';
import type { StockSandbox } from './exactStockFixture';
import {
	clearExactCalls,
	exactCalls,
	mainStock,
	placeOrder,
	resetEmpty,
	secondStock,
	seedItems,
	setStock,
	skuOf,
	startStockSandbox,
} from './exactStockFixture';

const ITEMS = 2_500; // × 2 warehouses = 5,000 positions
const stockNode = new ExactOnlineStock();
const inventoryNode = new ShopifyInventory();

let env: StockSandbox;
let shop: ShopifySandbox;
let ids: Map<string, string>;
let staticData: IDataObject = {};
/** Measured per run, printed at the end for the report. */
const measured: string[] = [];

beforeAll(async () => {
	[env, shop] = await Promise.all([startStockSandbox(), startShop({ restoreRate: 10_000 })]);
	addShopifyCredential(env.store, shop);
	env.warehouses = await resetEmpty(env.sandbox);
	ids = await seedItems(env.sandbox, env.warehouses, ITEMS);
	// The shop sells every item (stock 0 until the first sync), plus a bundle and a SKU Exact lacks.
	const products = Array.from({ length: ITEMS }, (_, i) => ({
		title: `Product ${i + 1}`,
		variants: [{ sku: skuOf(i + 1), inventory: { 1001: 0, 1002: 0 } }],
	}));
	await shopAdmin(shop, 'POST', 'products', { products });
}, 120_000);

afterAll(async () => {
	// eslint-disable-next-line no-console
	console.log(`Measured calls per sync:\n${measured.join('\n')}`);
	await Promise.all([env.sandbox.close(), shop.close()]);
});

function stockParameters(): IDataObject {
	return {
		division: { __rl: true, mode: 'id', value: String(env.sandbox.division) },
		operation: 'getChanges',
		output: 'location',
		locationMap: {
			mappings: [
				{ warehouse: env.warehouses.main, location: '1001' },
				{ warehouse: env.warehouses.second, location: 'gid://shopify/Location/1002' },
			],
		},
	};
}

/** One scheduled run: Stock, then (when it output anything) Shopify Inventory. */
async function syncOnce(label: string) {
	await Promise.all([clearExactCalls(env.sandbox), clearShopifyCalls(shop)]);
	const stock = await runNode({
		node: stockNode,
		parameters: stockParameters() as never,
		credentials: env.store,
		staticData,
	});
	expect(stock.error).toBeUndefined();
	staticData = stock.staticData;
	let inventory: INodeExecutionData[] = [];
	if (stock.items.length > 0) {
		const result = await runNode({
			node: inventoryNode,
			parameters: { operation: 'setQuantities' },
			items: stock.items.map((i) => i.json),
			credentials: env.store,
		});
		expect(result.error).toBeUndefined();
		inventory = result.items;
	}
	const exact = await exactCalls(env.sandbox);
	const shopify = await shopifyCalls(shop);
	const writes = shopify.filter((c) => c.operationName === 'SetAvailable').length;
	measured.push(
		`${label}: ${stock.items.length} quantities; Exact ${exact.length} calls; Shopify ${shopify.length} calls (${shopify.length - writes} reads, ${writes} writes)`,
	);
	return { stock: stock.items, inventory, exact, shopify };
}

describe('stock sync Exact → Shopify', () => {
	it('full sync of 5,000 positions over 2 warehouses costs 5 Exact calls and lands every quantity at its location', async () => {
		const run = await syncOnce('full sync, 5,000 positions');
		expect(run.exact).toHaveLength(5);
		expect(
			run.exact.every((c) => c.path.endsWith('/sync/Inventory/StockPositions') && c.status === 200),
		).toBe(true);
		expect(run.exact[0].query).toContain('$filter=Timestamp gt 0L');
		expect(run.stock).toHaveLength(5_000);
		expect(
			run.inventory.filter((i) => i.json.action === 'updated').length +
				run.inventory.filter((i) => i.json.reason === 'unchanged').length,
		).toBe(5_000);
		const stock = await availableBySku(shop);
		for (const n of [1, 2, 7, 49, 1234, ITEMS]) {
			expect(stock[skuOf(n)]).toEqual({ 1001: mainStock(n), 1002: secondStock(n) });
		}
		// 2,500 SKUs resolved many per query; 5,000 quantities at most 250 per write.
		expect(
			run.shopify.filter((c) => c.operationName === 'SetAvailable').length,
		).toBeLessThanOrEqual(20);
		expect(run.shopify.filter((c) => c.operationName === 'ResolveSkus').length).toBeLessThanOrEqual(
			Math.ceil(ITEMS / 100),
		);
	});

	it('a later run with 40 changes costs 1 Exact call and at most 2 Shopify calls', async () => {
		for (let n = 1; n <= 20; n++) {
			await setStock(env.sandbox, skuOf(n * 10), '1', 500 + n);
			await setStock(env.sandbox, skuOf(n * 10), '2', 200 + n);
		}
		const run = await syncOnce('40 changes');
		expect(run.exact).toHaveLength(1);
		expect(run.stock).toHaveLength(40);
		expect(run.shopify.length).toBeLessThanOrEqual(2);
		expect(run.shopify.map((c) => c.operationName)).toEqual(['ResolveSkus', 'SetAvailable']);
		const stock = await availableBySku(shop);
		expect(stock[skuOf(10)]).toEqual({ 1001: 501, 1002: 201 });
		expect(stock[skuOf(200)]).toEqual({ 1001: 520, 1002: 220 });
	});

	it('a run with no changes makes no Shopify call at all', async () => {
		const run = await syncOnce('no changes');
		expect(run.exact).toHaveLength(1);
		expect(run.stock).toHaveLength(0);
		expect(run.shopify).toHaveLength(0);
	});

	it('a change that does not move the offered quantity reaches Shopify as a read but no write', async () => {
		// A stock count that confirms the figure: Exact gives the row a new Timestamp, the
		// offered quantity stays the same.
		await setStock(env.sandbox, skuOf(33), '1', mainStock(33));
		const run = await syncOnce('1 change, same quantity');
		expect(run.exact).toHaveLength(1);
		expect(run.shopify.map((c) => c.operationName)).toEqual(['ResolveSkus']);
		expect(run.inventory.map((i) => i.json.reason)).toEqual(['unchanged']);
	});

	it('an order imported into Exact between two syncs does not raise Shopify’s available quantity', async () => {
		const sku = skuOf(77);
		const before = (await availableBySku(shop))[sku]['1001'];
		expect(before).toBe(mainStock(77));
		// A customer buys 3 in Shopify: Shopify lowers its own available quantity at once.
		await shopAdmin(shop, 'POST', 'inventory', {
			levels: [{ sku, locationId: '1001', available: before - 3 }],
		});
		// The order is imported into Exact as a sales order: stock is still on the shelf
		// (CurrentStock unchanged) but promised (PlanningOut 3).
		await placeOrder(env.sandbox, ids.get(sku) as string, env.warehouses.main, 3);
		const run = await syncOnce('order imported');
		expect(run.stock.map((i) => [i.json.sku, i.json.locationId, i.json.quantity])).toEqual([
			[sku, 'gid://shopify/Location/1001', before - 3],
		]);
		const after = (await availableBySku(shop))[sku]['1001'];
		expect(after).toBeLessThanOrEqual(before - 3);
		// With "Current Stock" as the figure the same sync would have offered the 3 sold units again.
		const naive = await runNode({
			node: stockNode,
			parameters: {
				...stockParameters(),
				operation: 'get',
				items: sku,
				level: 'warehouse',
				figure: 'currentStock',
				warehouses: [env.warehouses.main],
			} as never,
			credentials: env.store,
		});
		expect(naive.items[0].json.quantity).toBe(before);
	});
});
