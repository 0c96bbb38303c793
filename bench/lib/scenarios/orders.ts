/**
 * Scenarios 1 (steady state) and 2 (new shop): the same seeded orders through our flow (one order
 * per execution, a batch per execution, and the batch again with the Sales Order's After Create
 * Check off, which the template turns on) and through the peer baseline (one order per
 * execution; its calls are per item, so batching would not change them). Every run starts from
 * the same freshly seeded division, with limits high enough that nothing is throttled: these
 * scenarios count calls, scenario 4 measures the limits.
 */
import type { IDataObject } from 'n8n-workflow';

import { clearRateStates } from '../../../nodes/ExactOnline/shared/rateLimiter';
import { linesPerOrder, orderSet } from '../data/orders';
import type { OrderSet, OrderSetConfig } from '../data/orders';
import type { BenchEnv } from '../env';
import { seedCustomers, seedItems } from '../seed';
import { round, runOrders } from './orderRuns';
import type { FlowKind, OrderRunStats } from './orderRuns';

/** Exact sandbox settings of the call-counting scenarios. */
export const COUNTING_SETTINGS = { minutelyLimit: 1_000_000, dailyLimit: 10_000_000 };

export interface OrdersScenarioConfig extends OrderSetConfig {
	batchSize: number;
}

export interface OrdersScenarioResult {
	config: OrdersScenarioConfig;
	linesPerOrder: number;
	newCustomers: number;
	newSkusOrdered: number;
	ours: {
		oneOrderPerExecution: OrderRunStats;
		batchPerExecution: OrderRunStats;
		/** The batch run with the Sales Order's After Create Check on, as queue mode needs (the template has it off). */
		batchWithAfterCreateCheck: OrderRunStats;
	};
	baseline: OrderRunStats;
	/** Baseline calls per order ÷ ours. */
	ratio: {
		oneOrderPerExecution: number;
		batchPerExecution: number;
		batchWithAfterCreateCheck: number;
	};
}

async function prepare(env: BenchEnv, set: OrderSet): Promise<void> {
	await env.reset(COUNTING_SETTINGS);
	clearRateStates();
	await seedCustomers(env, set.known, set.knownSkus[0]);
	await seedItems(env, set.knownSkus);
}

async function measure(
	env: BenchEnv,
	set: OrderSet,
	flow: FlowKind,
	batchSize: number,
	log: (line: string) => void,
	afterCreateCheck?: string,
): Promise<OrderRunStats> {
	await prepare(env, set);
	const stats = await runOrders(env, {
		flow,
		orders: set.orders as IDataObject[],
		batchSize,
		concurrency: 1,
		afterCreateCheck,
	});
	const variant = afterCreateCheck ? `, After Create Check ${afterCreateCheck}` : '';
	log(
		`  ${flow} (${batchSize} order${batchSize > 1 ? 's' : ''}/execution${variant}): ${stats.exactCalls} Exact calls, ` +
			`${stats.completed}/${stats.orders} orders, ${(stats.elapsedMs / 1000).toFixed(1)} s`,
	);
	for (const failure of stats.failures) log(`    failed: ${failure}`);
	return stats;
}

export async function runOrdersScenario(
	env: BenchEnv,
	config: OrdersScenarioConfig,
	log: (line: string) => void = () => undefined,
): Promise<OrdersScenarioResult> {
	const set = orderSet(config);
	const oneOrderPerExecution = await measure(env, set, 'ours', 1, log);
	const batchPerExecution = await measure(env, set, 'ours', config.batchSize, log);
	const batchWithAfterCreateCheck = await measure(
		env,
		set,
		'ours',
		config.batchSize,
		log,
		'removeNewer',
	);
	const baseline = await measure(env, set, 'baseline', 1, log);
	const ordered = new Set(set.specs.flatMap((s) => s.lines.map((l) => l.sku.code)));
	return {
		config,
		linesPerOrder: round(linesPerOrder(set)),
		newCustomers: set.fresh.length,
		newSkusOrdered: set.newSkus.filter((s) => ordered.has(s.code)).length,
		ours: { oneOrderPerExecution, batchPerExecution, batchWithAfterCreateCheck },
		baseline,
		ratio: {
			oneOrderPerExecution: round(baseline.callsPerOrder / oneOrderPerExecution.callsPerOrder),
			batchPerExecution: round(baseline.callsPerOrder / batchPerExecution.callsPerOrder),
			batchWithAfterCreateCheck: round(
				baseline.callsPerOrder / batchWithAfterCreateCheck.callsPerOrder,
			),
		},
	};
}
