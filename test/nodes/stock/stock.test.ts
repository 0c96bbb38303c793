import type { IDataObject } from 'n8n-workflow';

import { ExactOnlineStock } from '../../../nodes/ExactOnline/Stock/ExactOnlineStock.node';
import { cursorKey } from '../../../nodes/core/stock/cursor';
import { admin } from '../../helpers/exactSandbox';
import { NODE_NAME, runNode } from '../../helpers/harness';
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

const node = new ExactOnlineStock();
let env: StockSandbox;
let ids: Map<string, string>;

const L1 = 'gid://shopify/Location/1001';
const L2 = 'gid://shopify/Location/1002';

beforeAll(async () => {
	env = await startStockSandbox();
});

afterAll(async () => {
	await env.sandbox.close();
});

beforeEach(async () => {
	env.warehouses = await resetEmpty(env.sandbox);
	ids = await seedItems(env.sandbox, env.warehouses, 5);
	await clearExactCalls(env.sandbox);
});

/** The cursor the node keeps in its own static data (n8n's key for node scope: node:<name>). */
function storedCursor(staticData: IDataObject): unknown {
	return (staticData[`node:${NODE_NAME}`] as IDataObject | undefined)?.[
		cursorKey(env.sandbox.division)
	];
}

function division() {
	return { __rl: true, mode: 'id', value: String(env.sandbox.division) };
}

async function run(
	parameters: IDataObject,
	options: { items?: IDataObject[]; staticData?: IDataObject; continueOnFail?: boolean } = {},
) {
	return await runNode({
		node,
		parameters: { division: division(), ...parameters } as never,
		items: options.items,
		credentials: env.store,
		staticData: options.staticData,
		continueOnFail: options.continueOnFail,
	});
}

describe('Exact Online Stock: get', () => {
	it('looks up all input items in one Items call and one ItemWarehouses call, per warehouse', async () => {
		const result = await run(
			{ operation: 'get', lookupBy: 'code', items: '={{ $json.codes }}', level: 'warehouse' },
			{ items: [{ codes: `${skuOf(1)}, ${skuOf(2)}` }, { codes: 'NO-SUCH-ITEM' }] },
		);
		expect(result.error).toBeUndefined();
		expect(
			result.items.map((i) => [
				i.json.sku ?? i.json.lookup,
				i.json.warehouseCode ?? null,
				i.json.currentStock ?? null,
				i.json.action,
				i.pairedItem,
			]),
		).toEqual([
			[skuOf(1), '1', mainStock(1), 'found', { item: 0 }],
			[skuOf(1), '2', secondStock(1), 'found', { item: 0 }],
			[skuOf(2), '1', mainStock(2), 'found', { item: 0 }],
			[skuOf(2), '2', secondStock(2), 'found', { item: 0 }],
			['NO-SUCH-ITEM', null, null, 'skipped', { item: 1 }],
		]);
		const log = await exactCalls(env.sandbox);
		expect(log.map((c) => c.path.replace(/^\/api\/v1\/\d+\//, ''))).toEqual([
			'logistics/Items',
			'inventory/ItemWarehouses',
		]);
		expect(log[0].query).toContain(
			`(Code eq '${skuOf(1)}' or Code eq '${skuOf(2)}' or Code eq 'NO-SUCH-ITEM')`,
		);
		expect(log[1].query).toContain(`Item eq guid'${ids.get(skuOf(1))}'`);
	});

	it('sums the warehouses for the total and offers free-to-sell stock', async () => {
		await placeOrder(env.sandbox, ids.get(skuOf(3)) as string, env.warehouses.main, 4);
		const result = await run({
			operation: 'get',
			lookupBy: 'id',
			items: ids.get(skuOf(3)),
			level: 'total',
		});
		expect(result.items.map((i) => i.json)).toEqual([
			expect.objectContaining({
				action: 'found',
				sku: skuOf(3),
				currentStock: mainStock(3) + secondStock(3),
				planningOut: 4,
				quantity: mainStock(3) + secondStock(3) - 4,
				figure: 'freeToSell',
				warehouseCount: 2,
			}),
		]);
	});

	it('applies the warehouse filter and the chosen figure', async () => {
		await placeOrder(env.sandbox, ids.get(skuOf(4)) as string, env.warehouses.main, 2);
		const result = await run({
			operation: 'get',
			items: skuOf(4),
			level: 'warehouse',
			figure: 'currentStock',
			warehouses: [env.warehouses.main],
		});
		expect(result.items.map((i) => [i.json.warehouseCode, i.json.quantity])).toEqual([
			['1', mainStock(4)],
		]);
	});
});

describe('Exact Online Stock: get, failures', () => {
	it('reports the failed lookup on every input item with continue-on-fail', async () => {
		await admin(env.sandbox, 'POST', 'faults', {
			pathPrefix: `/api/v1/${env.sandbox.division}/logistics/Items`,
			status: 403,
			count: 2,
		});
		const parameters = { operation: 'get', items: '={{ $json.code }}' };
		const items = [{ code: skuOf(1) }, { code: skuOf(2) }];
		const failed = await run(parameters, { items });
		expect(failed.error?.message).toMatch(/403/);
		const reported = await run(parameters, { items, continueOnFail: true });
		expect(
			reported.items.map((i) => [i.json.code, String(i.json.error).includes('403'), i.pairedItem]),
		).toEqual([
			[skuOf(1), true, { item: 0 }],
			[skuOf(2), true, { item: 1 }],
		]);
	});
});

describe('Exact Online Stock: get changes', () => {
	// A location picked from the list (as the editor stores it) and one typed as a gid.
	const map = () => ({
		mappings: [
			{
				warehouse: env.warehouses.main,
				location: { __rl: true, mode: 'list', value: '1001', cachedResultName: 'Amsterdam' },
			},
			{ warehouse: env.warehouses.second, location: L2 },
		],
	});

	it('does a full sync first, then reads only what changed after the stored cursor', async () => {
		const staticData: IDataObject = {};
		const first = await run(
			{ operation: 'getChanges', output: 'location', locationMap: map() },
			{ staticData },
		);
		expect(first.items).toHaveLength(10);
		expect(first.items[0].json).toMatchObject({
			fullSync: true,
			changedPositions: 10,
			exactCalls: 1,
			action: 'found',
		});
		const position = storedCursor(first.staticData) as string;
		expect(position).toMatch(/^\d+$/);

		await setStock(env.sandbox, skuOf(2), '2', 40);
		await clearExactCalls(env.sandbox);
		const second = await run(
			{ operation: 'getChanges', output: 'location', locationMap: map() },
			{ staticData: first.staticData },
		);
		expect(
			second.items.map((i) => [i.json.sku, i.json.locationId, i.json.quantity, i.json.fullSync]),
		).toEqual([[skuOf(2), L2, 40, false]]);
		const log = await exactCalls(env.sandbox);
		expect(log).toHaveLength(1);
		expect(log[0].path).toBe(`/api/v1/${env.sandbox.division}/sync/Inventory/StockPositions`);
		expect(log[0].query).toContain(`$filter=Timestamp gt ${position}L`);

		await clearExactCalls(env.sandbox);
		const third = await run(
			{ operation: 'getChanges', output: 'location', locationMap: map() },
			{ staticData: second.staticData },
		);
		expect(third.items).toEqual([]);
		expect(await exactCalls(env.sandbox)).toHaveLength(1);
	});

	it('reads everything again with Reset Cursor', async () => {
		const staticData: IDataObject = {};
		const first = await run({ operation: 'getChanges', output: 'warehouse' }, { staticData });
		const again = await run(
			{ operation: 'getChanges', output: 'warehouse', options: { resetCursor: true } },
			{ staticData: first.staticData },
		);
		expect(again.items).toHaveLength(10);
		expect(again.items[0].json.fullSync).toBe(true);
	});

	it('per warehouse: one item per changed position, with its mapped location and the warehouse filter applied', async () => {
		const result = await run({
			operation: 'getChanges',
			output: 'warehouse',
			locationMap: { mappings: [{ warehouse: '1', location: '1001' }] },
			warehouses: ['1'],
		});
		expect(result.items).toHaveLength(5);
		expect(result.items.map((i) => [i.json.warehouseCode, i.json.locationId])).toEqual(
			Array(5).fill(['1', L1]),
		);
	});

	it('sums warehouses mapped to one location, reading the unchanged sibling positions', async () => {
		const together = {
			mappings: [
				{ warehouse: env.warehouses.main, location: L1 },
				{ warehouse: env.warehouses.second, location: L1 },
			],
		};
		const first = await run({ operation: 'getChanges', locationMap: together }, { staticData: {} });
		expect(first.items.map((i) => [i.json.sku, i.json.quantity])).toEqual(
			[1, 2, 3, 4, 5].map((n) => [skuOf(n), mainStock(n) + secondStock(n)]),
		);
		await setStock(env.sandbox, skuOf(1), '1', 100);
		await clearExactCalls(env.sandbox);
		const second = await run(
			{ operation: 'getChanges', locationMap: together },
			{ staticData: first.staticData },
		);
		expect(second.items.map((i) => [i.json.sku, i.json.locationId, i.json.quantity])).toEqual([
			[skuOf(1), L1, 100 + secondStock(1)],
		]);
		const log = await exactCalls(env.sandbox);
		expect(log.map((c) => c.path.replace(/^\/api\/v1\/\d+\//, ''))).toEqual([
			'sync/Inventory/StockPositions',
			'inventory/ItemWarehouses',
		]);
	});

	it('an order placed in Exact shows up as a change with the lowered free-to-sell quantity', async () => {
		const first = await run({ operation: 'getChanges', locationMap: map() }, { staticData: {} });
		await placeOrder(env.sandbox, ids.get(skuOf(5)) as string, env.warehouses.main, 3);
		const second = await run(
			{ operation: 'getChanges', locationMap: map() },
			{ staticData: first.staticData },
		);
		expect(second.items.map((i) => [i.json.sku, i.json.locationId, i.json.quantity])).toEqual([
			[skuOf(5), L1, mainStock(5) - 3],
		]);
	});

	it('keeps the cursor when a page fails, so the next run reads the same changes again', async () => {
		await seedItems(env.sandbox, env.warehouses, 600, 100);
		const staticData: IDataObject = {};
		await admin(env.sandbox, 'POST', 'faults', {
			pathRegex: 'sync/Inventory/StockPositions.*skiptoken',
			status: 403,
			count: 1,
		});
		const failed = await run({ operation: 'getChanges', output: 'warehouse' }, { staticData });
		expect(failed.error?.message).toMatch(/403/);
		expect((await exactCalls(env.sandbox)).map((c) => c.status)).toEqual([200, 403]);
		expect(storedCursor(failed.staticData)).toBeUndefined();
		const retried = await run(
			{ operation: 'getChanges', output: 'warehouse' },
			{ staticData: failed.staticData },
		);
		expect(retried.items).toHaveLength(1210);
		expect(retried.items[0].json.fullSync).toBe(true);
	});

	it('refuses a location map entry that is not a Shopify location, or reports it with continue-on-fail', async () => {
		const parameters = {
			operation: 'getChanges',
			locationMap: { mappings: [{ warehouse: '1', location: 'Amsterdam' }] },
		};
		const failed = await run(parameters);
		expect(failed.error?.message).toMatch(/not a Shopify location ID/);
		const reported = await run(parameters, { continueOnFail: true });
		expect(reported.items).toEqual([
			expect.objectContaining({
				json: { error: expect.stringMatching(/not a Shopify location ID/) },
				pairedItem: { item: 0 },
			}),
		]);
		expect(await exactCalls(env.sandbox)).toHaveLength(0);
	});
});

describe('Exact Online Stock: get changes, a burst of stock webhooks', () => {
	const copy = (data: IDataObject): IDataObject => JSON.parse(JSON.stringify(data)) as IDataObject;
	const coalesced = {
		operation: 'getChanges',
		output: 'warehouse',
		options: { coalesceSeconds: 1 },
	};
	const stockReads = async () =>
		(await exactCalls(env.sandbox)).filter((c) =>
			c.path.endsWith('/sync/Inventory/StockPositions'),
		);

	it('executions that arrive together share one read; the first outputs every change, the others nothing', async () => {
		const synced = await run(coalesced, { staticData: {} });
		expect(synced.items).toHaveLength(10);
		// Five positions change, five webhooks start five executions from the same static data.
		for (const n of [1, 2, 3, 4, 5]) await setStock(env.sandbox, skuOf(n), '1', 100 + n);
		await clearExactCalls(env.sandbox);
		const before = copy(synced.staticData);
		const runs = await Promise.all(
			[1, 2, 3, 4, 5].map(async () => await run(coalesced, { staticData: copy(before) })),
		);
		for (const r of runs) expect(r.error).toBeUndefined();
		const withRows = runs.filter((r) => r.items.length > 0);
		expect(withRows).toHaveLength(1);
		expect(withRows[0].items.map((i) => [i.json.sku, i.json.quantity]).sort()).toEqual(
			[1, 2, 3, 4, 5].map((n) => [skuOf(n), 100 + n]),
		);
		expect(await stockReads()).toHaveLength(1);

		// A later execution whose static data predates that read (saved meanwhile by another run)
		// reads from where this process got to: nothing is sent twice.
		await clearExactCalls(env.sandbox);
		const late = await run(coalesced, { staticData: copy(before) });
		expect(late.items).toEqual([]);
		expect(await stockReads()).toHaveLength(1);
	});

	it('without coalescing each execution reads the same changes again', async () => {
		const plain = { operation: 'getChanges', output: 'warehouse' };
		const synced = await run(plain, { staticData: {} });
		await setStock(env.sandbox, skuOf(1), '1', 77);
		await clearExactCalls(env.sandbox);
		const before = copy(synced.staticData);
		const runs = await Promise.all(
			[1, 2, 3].map(async () => await run(plain, { staticData: copy(before) })),
		);
		expect(runs.map((r) => r.items.length)).toEqual([1, 1, 1]);
		expect(await stockReads()).toHaveLength(3);
	});
});
