/**
 * Scenario 4: a burst of orders against Exact's real limits (60 calls per window per app and
 * division, 5,000 a day) with the window shortened so the run takes seconds. The sandbox's rate
 * headers carry resets consistent with the short window, and the transport's safety margin after a
 * reset is scaled by the same factor. Counted from the call log: orders per window, 429s, failures.
 * A third run adds another client on the same app and division ("a neighbour") that takes a share
 * of every window in a burst, the only case in which our transport should see 429s.
 */
import type { IDataObject } from 'n8n-workflow';

import { clearRateStates } from '../../../nodes/ExactOnline/shared/rateLimiter';
import {
	configureExactTransport,
	transportSettings,
} from '../../../nodes/ExactOnline/shared/transport';
import { orderSet } from '../data/orders';
import type { OrderSet, OrderSetConfig } from '../data/orders';
import type { BenchEnv, ExactCall } from '../env';
import { seedCustomers, seedItems } from '../seed';
import { countByEntity, round, runOrders } from './orderRuns';
import type { OrderRunStats } from './orderRuns';

export interface ThroughputConfig extends OrderSetConfig {
	rateWindowMs: number;
	minutelyLimit: number;
	batchSize: number;
	/** Calls the neighbour makes per window in the shared-quota run. */
	neighbourCallsPerWindow: number;
}

export interface ThroughputRun extends OrderRunStats {
	/** Rate windows from the first to the last call (idle ones included). */
	windows: number;
	ordersPerWindow: number;
	callsPerWindow: number;
	neighbourCalls?: number;
	neighbour429?: number;
}

export interface ThroughputResult {
	config: ThroughputConfig;
	sandboxSettings: Record<string, number>;
	transportMarginMs: number;
	oneOrderPerExecution: ThroughputRun;
	batchPerExecution: ThroughputRun;
	/** The batch burst with the Sales Order's After Create Check on, as queue mode needs (the template has it off). */
	batchWithAfterCreateCheck: ThroughputRun;
	batchWithNeighbour: ThroughputRun;
}

const NEIGHBOUR_PATH = 'logistics/ItemGroups';

function windowsOf(calls: ExactCall[], windowMs: number): number {
	if (calls.length === 0) return 0;
	const index = calls.map((c) => Math.floor(Date.parse(c.time) / windowMs));
	return Math.max(...index) - Math.min(...index) + 1;
}

/**
 * Another client on the same app and division (another integration of the shop): in the middle of
 * every rate window it sends a burst of GETs at once, until stopped. It ignores the rate headers.
 */
function startNeighbour(
	env: BenchEnv,
	token: string,
	perWindow: number,
	windowMs: number,
): () => Promise<void> {
	let stopped = false;
	const url = `${env.exact.baseUrl}/api/v1/${env.division}/${NEIGHBOUR_PATH}?$select=ID`;
	const get = () =>
		fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } })
			.then((response) => response.arrayBuffer())
			.catch(() => undefined);
	const loop = (async () => {
		while (!stopped) {
			const now = Date.now();
			const middle = Math.floor(now / windowMs) * windowMs + windowMs / 2;
			await new Promise((resolve) =>
				setTimeout(resolve, (middle > now ? middle : middle + windowMs) - now),
			);
			if (!stopped) await Promise.all(Array.from({ length: perWindow }, get));
		}
	})();
	return async () => {
		stopped = true;
		await loop;
	};
}

async function burst(
	env: BenchEnv,
	config: ThroughputConfig,
	set: OrderSet,
	batchSize: number,
	neighbour: boolean,
	afterCreateCheck?: string,
): Promise<ThroughputRun> {
	const orders = set.orders as IDataObject[];
	await env.reset(settingsOf(config)); // the admin API that seeds is not rate limited
	await seedCustomers(env, set.known, set.knownSkus[0]);
	await seedItems(env, set.knownSkus);
	clearRateStates();
	const executions = Math.ceil(orders.length / batchSize);
	let stop: (() => Promise<void>) | undefined;
	if (neighbour) {
		const tokens = await env.exactAdmin<{ access_token: string }>('POST', 'tokens', {});
		stop = startNeighbour(
			env,
			tokens.access_token,
			config.neighbourCallsPerWindow,
			config.rateWindowMs,
		);
	}
	// Everything arrives at once: every execution starts immediately.
	const stats = await runOrders(env, {
		flow: 'ours',
		orders,
		batchSize,
		concurrency: executions,
		afterCreateCheck,
	});
	await stop?.();
	const all = await env.exactCalls();
	const ours = all.filter(
		(c) => c.clientId === env.exact.clientId && !c.path.endsWith(NEIGHBOUR_PATH),
	);
	const windows = windowsOf(ours, config.rateWindowMs);
	// The neighbour shares the client id: take its calls out of our figures.
	const run: ThroughputRun = {
		...stats,
		exactCalls: ours.length,
		callsPerOrder: round(ours.length / orders.length),
		callsByEntity: countByEntity(ours),
		status429: ours.filter((c) => c.status === 429).length,
		windows,
		ordersPerWindow: round(stats.completed / Math.max(1, windows)),
		callsPerWindow: round(ours.length / Math.max(1, windows)),
	};
	if (neighbour) {
		const theirs = all.filter((c) => c.path.endsWith(NEIGHBOUR_PATH));
		run.neighbourCalls = theirs.length;
		run.neighbour429 = theirs.filter((c) => c.status === 429).length;
	}
	return run;
}

function settingsOf(config: ThroughputConfig): Record<string, number> {
	return {
		minutelyLimit: config.minutelyLimit,
		dailyLimit: 5000,
		rateWindowMs: config.rateWindowMs,
	};
}

export async function runThroughputScenario(
	env: BenchEnv,
	config: ThroughputConfig,
	log: (line: string) => void = () => undefined,
): Promise<ThroughputResult> {
	const set = orderSet(config);
	// The production margin (500 ms after a 60 s window's reset) scaled to the short window.
	const marginMs = Math.max(
		5,
		Math.round((transportSettings.rateLimit.marginMs * config.rateWindowMs) / 60_000),
	);
	const restore = configureExactTransport({ rateLimit: { marginMs } });
	try {
		const describe = (label: string, r: ThroughputRun) =>
			log(
				`  ${label}: ${r.completed}/${r.orders} orders in ${r.windows} windows (${r.ordersPerWindow}/window), ` +
					`${r.status429} × 429, ${r.failed} failed, ${(r.elapsedMs / 1000).toFixed(1)} s`,
			);
		const oneOrderPerExecution = await burst(env, config, set, 1, false);
		describe('1 order/execution', oneOrderPerExecution);
		const batchPerExecution = await burst(env, config, set, config.batchSize, false);
		describe(`${config.batchSize} orders/execution`, batchPerExecution);
		const batchWithAfterCreateCheck = await burst(
			env,
			config,
			set,
			config.batchSize,
			false,
			'removeNewer',
		);
		describe(
			`${config.batchSize} orders/execution, After Create Check removeNewer`,
			batchWithAfterCreateCheck,
		);
		const batchWithNeighbour = await burst(env, config, set, config.batchSize, true);
		describe(`${config.batchSize} orders/execution + neighbour`, batchWithNeighbour);
		return {
			config,
			sandboxSettings: settingsOf(config),
			transportMarginMs: marginMs,
			oneOrderPerExecution,
			batchPerExecution,
			batchWithAfterCreateCheck,
			batchWithNeighbour,
		};
	} finally {
		restore();
		clearRateStates();
	}
}
