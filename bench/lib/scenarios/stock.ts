/**
 * Scenario 3: stock from Exact to Shopify. A full sync of `items × 2 warehouses` positions into a
 * shop where every level starts at 0, then rounds in which a seeded 1% of the positions change in
 * Exact, each followed by one sync run. Ours and the baseline see the same changes; Exact and
 * Shopify calls are counted per run from the sandboxes' logs, and the shop's levels are compared
 * with Exact's quantities at the end.
 */
import type { IDataObject } from 'n8n-workflow';

import { clearRateStates } from '../../../nodes/ExactOnline/shared/rateLimiter';
import { rng } from '../../../sandbox/shopify/random';
import { catalogue } from '../data/shop';
import type { BenchEnv } from '../env';
import { PEER_CLIENT } from '../env';
import { baselineStockFlow, ourStockFlow, WAREHOUSE_LOCATIONS } from '../flows/stock';
import { runFlow } from '../harness/workflow';
import type { FlowNode } from '../harness/workflow';
import { seedItems } from '../seed';
import { COUNTING_SETTINGS } from './orders';
import { round } from './orderRuns';

export interface StockConfig {
	seed: number;
	/** Stock items; each has a position in both warehouses. */
	items: number;
	rounds: number;
	/** Share of the positions that change per round. */
	changeShare: number;
}

/** Shopify sandbox settings: its cost and REST buckets refill fast enough not to stretch the run. */
export const SHOPIFY_FAST = {
	restoreRate: 100_000,
	restBucketSize: 100_000,
	restLeakRate: 100_000,
};

export interface SyncRun {
	exactCalls: number;
	shopifyCalls: number;
	shopifyQueries: number;
	shopifyWrites: number;
	positionsChanged: number;
	elapsedMs: number;
	error?: string;
}

export interface StockFlowResult {
	fullSync: SyncRun;
	rounds: SyncRun[];
	perRound: {
		exactCalls: number;
		shopifyCalls: number;
		shopifyWrites: number;
		maxExactCalls: number;
		maxShopifyCalls: number;
	};
	/** Every Shopify level equals Exact's quantity after the last round. */
	shopifyMatchesExact: boolean;
}

export interface StockResult {
	config: StockConfig;
	positions: number;
	changesPerRound: number;
	ours: StockFlowResult;
	baseline: StockFlowResult;
	/** Baseline ÷ ours. */
	ratio: {
		fullSyncExact: number;
		fullSyncShopify: number;
		roundExact: number;
		roundShopify: number;
	};
}

type Quantities = Map<string, number>; // `${sku}|${warehouse}` → quantity

function initialQuantities(config: StockConfig): Quantities {
	const random = rng(config.seed);
	const out: Quantities = new Map();
	for (const sku of catalogue(config.items, 'STK')) {
		for (const warehouse of Object.keys(WAREHOUSE_LOCATIONS))
			out.set(`${sku.code}|${warehouse}`, Math.floor(random() * 50));
	}
	return out;
}

/** The positions each round changes, and by how much (never below 0). */
function roundChanges(
	config: StockConfig,
	initial: Quantities,
): Array<Array<{ key: string; quantity: number }>> {
	const random = rng(config.seed + 1);
	const keys = [...initial.keys()];
	const current = new Map(initial);
	const count = Math.round(keys.length * config.changeShare);
	return Array.from({ length: config.rounds }, () => {
		const picked = new Set<string>();
		while (picked.size < count) picked.add(keys[Math.floor(random() * keys.length)]);
		return [...picked].map((key) => {
			const delta = 1 + Math.floor(random() * 5);
			const next = Math.max(0, (current.get(key) as number) + (random() < 0.5 ? -delta : delta));
			current.set(key, next === current.get(key) ? next + 1 : next);
			return { key, quantity: current.get(key) as number };
		});
	});
}

async function setExactStock(
	env: BenchEnv,
	changes: Array<{ key: string; quantity: number }>,
): Promise<void> {
	const body = changes.map(({ key, quantity }) => {
		const [itemCode, warehouse] = key.split('|');
		return { itemCode, warehouse, quantity };
	});
	for (let i = 0; i < body.length; i += 500)
		await env.exactAdmin('POST', 'stock', body.slice(i, i + 500));
}

async function prepare(env: BenchEnv, config: StockConfig, initial: Quantities): Promise<void> {
	await env.reset(COUNTING_SETTINGS, SHOPIFY_FAST);
	clearRateStates();
	const skus = catalogue(config.items, 'STK');
	await seedItems(env, skus, false);
	await setExactStock(
		env,
		[...initial].map(([key, quantity]) => ({ key, quantity })),
	);
	const locations = Object.fromEntries(Object.values(WAREHOUSE_LOCATIONS).map((l) => [l, 0]));
	for (let i = 0; i < skus.length; i += 500) {
		const products = skus
			.slice(i, i + 500)
			.map((sku) => ({ title: sku.title, variants: [{ sku: sku.code, inventory: locations }] }));
		await env.shopifyAdmin('POST', 'products', { products });
	}
	await env.clearCalls();
}

async function syncOnce(
	env: BenchEnv,
	nodes: FlowNode[],
	staticData: IDataObject,
	clientId: string,
	changedNode: string,
): Promise<SyncRun> {
	await env.clearCalls();
	const started = Date.now();
	const run = await runFlow({
		nodes,
		items: [{}],
		credentials: env.credentials,
		staticData,
		workflowId: 'bench-stock',
	});
	const elapsedMs = Date.now() - started;
	Object.assign(staticData, run.staticData);
	const exact = (await env.exactCalls()).filter((c) => c.clientId === clientId);
	const shopify = (await env.shopifyCalls()).filter((c) => c.path.startsWith('/admin/api/'));
	const writes = shopify.filter((c) =>
		c.kind === 'rest'
			? c.method === 'POST'
			: (c.rootFields ?? []).includes('inventorySetQuantities'),
	);
	const changedRows = run.output(changedNode).length;
	return {
		exactCalls: exact.length,
		shopifyCalls: shopify.length,
		shopifyQueries: shopify.length - writes.length,
		shopifyWrites: writes.length,
		positionsChanged: changedRows,
		elapsedMs,
		...(run.error ? { error: run.error.message.slice(0, 300) } : {}),
	};
}

async function shopMatches(env: BenchEnv, expected: Quantities): Promise<boolean> {
	const { bySku } = await env.shopifyAdmin<{ bySku: Record<string, Record<string, number>> }>(
		'GET',
		'inventory',
	);
	for (const [key, quantity] of expected) {
		const [sku, warehouse] = key.split('|');
		if (bySku[sku]?.[WAREHOUSE_LOCATIONS[warehouse]] !== quantity) return false;
	}
	return true;
}

async function runFlowKind(
	env: BenchEnv,
	config: StockConfig,
	kind: 'ours' | 'baseline',
	log: (line: string) => void,
): Promise<StockFlowResult> {
	const initial = initialQuantities(config);
	const changes = roundChanges(config, initial);
	await prepare(env, config, initial);
	const nodes = kind === 'ours' ? ourStockFlow(env) : baselineStockFlow(env);
	const clientId = kind === 'ours' ? env.exact.clientId : PEER_CLIENT.id;
	// The node whose output is what goes to Shopify: (item, location) quantities.
	const changedNode = kind === 'ours' ? 'Exact Online Stock' : 'Changed';
	const staticData: IDataObject = {};
	const fullSync = await syncOnce(env, nodes, staticData, clientId, changedNode);
	const rounds: SyncRun[] = [];
	const expected = new Map(initial);
	for (const change of changes) {
		await setExactStock(env, change);
		for (const { key, quantity } of change) expected.set(key, quantity);
		rounds.push(await syncOnce(env, nodes, staticData, clientId, changedNode));
	}
	const avg = (f: (r: SyncRun) => number) =>
		round(rounds.reduce((a, r) => a + f(r), 0) / Math.max(1, rounds.length));
	const result: StockFlowResult = {
		fullSync,
		rounds,
		perRound: {
			exactCalls: avg((r) => r.exactCalls),
			shopifyCalls: avg((r) => r.shopifyCalls),
			shopifyWrites: avg((r) => r.shopifyWrites),
			maxExactCalls: Math.max(...rounds.map((r) => r.exactCalls)),
			maxShopifyCalls: Math.max(...rounds.map((r) => r.shopifyCalls)),
		},
		shopifyMatchesExact: await shopMatches(env, expected),
	};
	log(
		`  ${kind}: full sync ${fullSync.exactCalls} Exact + ${fullSync.shopifyCalls} Shopify calls (${(fullSync.elapsedMs / 1000).toFixed(1)} s); ` +
			`per round ${result.perRound.exactCalls} Exact + ${result.perRound.shopifyCalls} Shopify; shop matches Exact: ${result.shopifyMatchesExact}`,
	);
	return result;
}

export async function runStockScenario(
	env: BenchEnv,
	config: StockConfig,
	log: (line: string) => void = () => undefined,
): Promise<StockResult> {
	const ours = await runFlowKind(env, config, 'ours', log);
	const baseline = await runFlowKind(env, config, 'baseline', log);
	const positions = config.items * Object.keys(WAREHOUSE_LOCATIONS).length;
	const ratio = (a: number, b: number) => round(a / Math.max(1e-9, b));
	return {
		config,
		positions,
		changesPerRound: Math.round(positions * config.changeShare),
		ours,
		baseline,
		ratio: {
			fullSyncExact: ratio(baseline.fullSync.exactCalls, ours.fullSync.exactCalls),
			fullSyncShopify: ratio(baseline.fullSync.shopifyCalls, ours.fullSync.shopifyCalls),
			roundExact: ratio(baseline.perRound.exactCalls, ours.perRound.exactCalls),
			roundShopify: ratio(baseline.perRound.shopifyCalls, ours.perRound.shopifyCalls),
		},
	};
}
