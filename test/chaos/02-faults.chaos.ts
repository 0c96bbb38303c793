/**
 * Scenario 2, faults: about 10 % of Exact calls answer 500/503, time out, lose the connection
 * before Exact handles them, or lose the answer after Exact committed the write (dropResponse).
 * 300 orders in executions of 30; orders that fail are retried once more, as a merchant retries a
 * failed execution. Every order ends in Exact exactly once.
 */
import { configureExactTransport } from '../../nodes/ExactOnline/shared/transport';
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { chaosOrders, nameOf } from './support/orders';
import { runOrderWorkflow, sharedNodes } from './support/pipeline';
import type { OrderOutcome } from './support/pipeline';
import { duplicateMasterData, reconcile, reasonSummary } from './support/reconcile';
import { expectNoLeaks, writeRow } from './support/scenario';

let env: ChaosEnv;
const started = Date.now();
const orders = chaosOrders(300, 30001, 22, 60);
const BATCH = 30;

beforeAll(async () => {
	env = await startChaosEnv();
	configureExactTransport({ requestTimeoutMs: 500 });
});

afterAll(async () => {
	await env.close();
});

async function importAll(list: Array<Record<string, unknown>>): Promise<OrderOutcome[]> {
	const outcomes: OrderOutcome[] = [];
	for (let i = 0; i < list.length; i += BATCH) {
		outcomes.push(...(await runOrderWorkflow(env, list.slice(i, i + BATCH), sharedNodes())));
	}
	return outcomes;
}

describe('scenario 2: 10 % of Exact calls fail', () => {
	it('imports all 300 orders exactly once through 500/503s, timeouts, resets and answers lost after commit', async () => {
		const pathPrefix = `/api/v1/${env.division}/`;
		const many = 1_000_000;
		await env.admin('POST', 'faults', [
			{ pathPrefix, status: 503, probability: 0.02, count: many },
			{ pathPrefix, status: 500, message: '', probability: 0.02, count: many },
			{ pathPrefix, delayMs: 800, probability: 0.02, count: many },
			{ pathPrefix, resetConnection: true, probability: 0.02, count: many },
			{ pathPrefix, dropResponse: true, probability: 0.025, count: many },
		]);
		const first = await importAll(orders);
		const failedFirst = first.filter((o) => o.error);
		const retried = await importAll(
			orders.filter((o) => failedFirst.some((f) => f.name === nameOf(o))),
		);
		await env.admin('DELETE', 'faults');

		const log = (await env.admin<{ calls: Array<{ fault?: string }> }>('GET', 'calls')).calls;
		const faulted = log.filter((c) => c.fault).length;
		const drops = log.filter((c) => c.fault === 'dropResponse').length;
		expect(faulted / log.length).toBeGreaterThan(0.06);
		expect(drops).toBeGreaterThan(5);

		const last = new Map<string, OrderOutcome>();
		for (const o of [...first, ...retried])
			if (!o.error || !last.has(o.name) || last.get(o.name)?.error) last.set(o.name, o);
		const rec = await reconcile(env, orders.map(nameOf), [...last.values()]);
		const master = await duplicateMasterData(env);
		const firstReasons = reasonSummary(
			Object.fromEntries(failedFirst.map((f) => [f.name, `${f.step}: ${f.error}`])),
		);
		writeRow(
			'2 faults',
			rec,
			started,
			`${faulted} of ${log.length} Exact calls faulted (${drops} answers dropped after commit); ` +
				`${failedFirst.length} orders failed the first run and were retried once` +
				(firstReasons.length ? ` (${firstReasons.slice(0, 3).join('; ')})` : '') +
				`; master data twice: ${JSON.stringify(master)}`,
			failedFirst.length,
		);
		expect(rec.duplicated).toEqual({});
		expect(rec.lostNames).toEqual([]);
		expect(rec.failures).toEqual({});
		expect(rec.imported).toBe(300);
		expect(master).toEqual({ accounts: 0, contacts: 0, deliveryAddresses: 0, items: 0 });
		expectNoLeaks(env);
	});
});
