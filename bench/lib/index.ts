/**
 * The bench library: starts both sandboxes in this process, runs the five scenarios of issue 8
 * through real n8n executions (our nodes and the published peer node), and returns one results
 * object. bench/run.ts prints it; test/bench runs it on a tiny configuration.
 */
import os from 'os';

import type { BenchConfig } from './config';
import { startBenchEnv, TOKEN_TTL_SEC } from './env';
import { runCpuScenario } from './scenarios/cpu';
import type { CpuResult } from './scenarios/cpu';
import { COUNTING_SETTINGS, runOrdersScenario } from './scenarios/orders';
import type { OrdersScenarioResult } from './scenarios/orders';
import { SHOPIFY_FAST, runStockScenario } from './scenarios/stock';
import type { StockResult } from './scenarios/stock';
import { runThroughputScenario } from './scenarios/throughput';
import type { ThroughputResult } from './scenarios/throughput';
import { targetsOf } from './targets';
import type { TargetCheck } from './targets';

export const PEER_PACKAGE = 'n8n-nodes-exact-online@0.2.5';

export interface BenchResults {
	bench: 'exact-online-commerce';
	startedAt: string;
	durationMs: number;
	environment: { node: string; cpus: number; cpuModel: string; loadAverage1m: number };
	baseline: { package: string; how: string };
	sandboxes: Record<string, unknown>;
	scenarios: {
		steadyState: OrdersScenarioResult;
		newShop: OrdersScenarioResult;
		stock: StockResult;
		throughput: ThroughputResult;
		cpu: CpuResult;
	};
	targets: TargetCheck[];
	notes: string[];
}

const NOTES = [
	'Exact calls are counted from the Exact sandbox call log (/api/v1 requests; token requests excluded), Shopify calls from the Shopify sandbox log; flows are told apart by OAuth client.',
	"'1 order/execution' is what n8n's Shopify Trigger delivers; '25 orders/execution' is one execution per batch of 25 orders. The peer's calls are per item, so batching does not change the baseline's count. 'Baseline ÷ ours' gives one ratio per 'Ours' column.",
	"The template leaves the Sales Order's and Account's After Create Check at 'None' (right for one n8n process). The 'After Create Check on (queue mode)' column is the same flow with 'Remove Own Duplicate', as several n8n processes need: one more call per execution for the orders it created (read back together) and one per new customer.",
	"Ours does more per order than the baseline: it finds or adds the order's delivery address, looks the order up by YourRef before creating it (exactly once), and gives each new item a sales price (one extra call per new item).",
	'The peer node always sends $filter, and the sandbox rejects an empty one, so the baseline filters VAT codes on IsBlocked eq false and stock rows on ItemIsStockItem eq true.',
	'The peer node has no 429 handling on get/post, so scenarios 1-3 run with limits out of reach for both flows; scenario 4 measures our flow under the limits.',
	'Each order run is one active workflow: its static data (where our Account and Item nodes remember found records) persists between executions as n8n stores it, and concurrent executions (the burst) all start from the same static data.',
	'Stock baseline: the peer has no change feed, so every run reads all ItemWarehouses (60 rows per call) and a Code node passes on what changed; per changed position one GraphQL lookup of the SKU and one REST inventory_levels/set.',
	'Orders per window: completed orders / rate windows from the first to the last Exact call of the run (idle windows included).',
];

function peerVersion(): string {
	const pkg = require('n8n-nodes-exact-online/package.json') as { name: string; version: string };
	return `${pkg.name}@${pkg.version}`;
}

export async function runBench(
	config: BenchConfig,
	log: (line: string) => void = () => undefined,
): Promise<BenchResults> {
	const started = Date.now();
	const startedAt = new Date(started).toISOString();
	const env = await startBenchEnv();
	try {
		log('1 steady state');
		const steadyState = await runOrdersScenario(env, config.steadyState, log);
		log('2 new shop');
		const newShop = await runOrdersScenario(env, config.newShop, log);
		log('3 stock');
		const stock = await runStockScenario(env, config.stock, log);
		log('4 throughput');
		const throughput = await runThroughputScenario(env, config.throughput, log);
		log('5 cpu');
		const cpu = await runCpuScenario(env, config.cpu);
		log(`  ${cpu.ordersPerSecond} orders/s (mapping + VAT)`);
		const scenarios = { steadyState, newShop, stock, throughput, cpu };
		return {
			bench: 'exact-online-commerce',
			startedAt,
			durationMs: Date.now() - started,
			environment: {
				node: process.version,
				cpus: os.cpus().length,
				cpuModel: os.cpus()[0]?.model ?? 'unknown',
				loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
			},
			baseline: {
				package: peerVersion(),
				how: "The published peer node, loaded from npm into the same in-process n8n-core WorkflowExecute, makes every Exact call of the baseline (its own OAuth2 credential, n8n's OAuth2 handling); bench glue nodes stand in for the Code/IF nodes and, in the stock flow, for n8n's HTTP Request node to Shopify.",
			},
			sandboxes: {
				exactAccessTokenTtlSec: TOKEN_TTL_SEC,
				exactForCounting: COUNTING_SETTINGS,
				exactForThroughput: throughput.sandboxSettings,
				transportMarginMsForThroughput: throughput.transportMarginMs,
				shopifyForStock: SHOPIFY_FAST,
				note: 'Scenarios 1-3 count calls with limits out of reach; scenario 4 applies 60 calls per shortened window and 5,000 a day.',
			},
			scenarios,
			targets: targetsOf(scenarios),
			notes: NOTES,
		};
	} finally {
		await env.close();
	}
}
