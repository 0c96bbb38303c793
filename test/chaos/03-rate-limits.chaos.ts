/**
 * Scenario 3, rate limits: another client on the same app and division spends 45 of every 60
 * calls of the (shortened) minute, and the daily budget runs out midway. Orders wait for the
 * minute; once the day is spent they fail with "daily … limit …, resets at …"; re-run after the
 * reset (the sandbox clock moved to the next UTC day, a fresh n8n process) every order is in Exact
 * exactly once.
 */
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { startHog } from './support/hog';
import type { Hog } from './support/hog';
import { chaosOrders, nameOf } from './support/orders';
import { isolatedNodes, runOrderWorkflow, sharedNodes } from './support/pipeline';
import type { NodeSet, OrderOutcome } from './support/pipeline';
import { reconcile } from './support/reconcile';
import { expectNoLeaks, writeRow } from './support/scenario';

let env: ChaosEnv;
let hog: Hog;
const started = Date.now();
const orders = chaosOrders(60, 40001, 33, 25);
const BATCH = 6;
const first: OrderOutcome[] = [];

beforeAll(async () => {
	env = await startChaosEnv({ minutelyLimit: 60, rateWindowMs: 1500 });
	const minted = await env.admin<{ access_token: string }>('POST', 'tokens', {});
	hog = await startHog(env, minted.access_token, 15);
});

afterAll(async () => {
	await hog.stop();
	await env.close();
});

async function usage(): Promise<{ minute: number; day: number }> {
	const all = await env.admin<Record<string, { minute: number; day: number }>>('GET', 'rate');
	return all[`${env.exact.clientId}|${env.division}`];
}

async function importAll(
	list: Array<Record<string, unknown>>,
	nodes: () => NodeSet,
	onBatch?: (n: number) => Promise<void>,
) {
	const outcomes: OrderOutcome[] = [];
	for (let i = 0; i < list.length; i += BATCH) {
		await onBatch?.(i / BATCH);
		outcomes.push(...(await runOrderWorkflow(env, list.slice(i, i + BATCH), nodes())));
	}
	return outcomes;
}

describe('scenario 3: minutely and daily rate limits', () => {
	it('waits for the minute while another client spends most of it, then fails the rest clearly when the day is spent', async () => {
		first.push(
			...(await importAll(orders, sharedNodes, async (batch) => {
				// Midway, the day's budget is set to what has been used plus a little.
				if (batch === 5)
					await env.admin('PUT', 'settings', { dailyLimit: (await usage()).day + 12 });
			})),
		);
		const log = (
			await env.admin<{ calls: Array<{ status: number; path: string }> }>('GET', 'calls')
		).calls;
		const api = log.filter((c) => c.path.startsWith('/api/v1/'));
		const minutely429 = api.filter((c) => c.status === 429).length;
		// The other client competed for every minute (it leaves only 15 of 60 calls when it gets
		// there first); the nodes waited for their share, and no order failed for the minute.
		expect(hog.calls).toBeGreaterThan(150);
		expect(first.filter((o) => o.error && !/daily API limit/.test(o.error))).toEqual([]);
		const failed = first.filter((o) => o.error);
		expect(failed.length).toBeGreaterThan(0);
		expect(first.filter((o) => o.action === 'created').length).toBeGreaterThanOrEqual(25);
		for (const f of failed)
			expect(f.error).toMatch(
				/daily API limit reached for division \d+; it resets at \d{4}-\d\d-\d\dT00:00:00/,
			);
		const rec = await reconcile(env, orders.map(nameOf), first);
		writeRow(
			'3 limits, day spent',
			rec,
			started,
			`the other client made ${hog.calls} of ${api.length} calls; ${minutely429} answers 429`,
		);
		expect(rec.duplicated).toEqual({});
		expect(rec.lostNames).toEqual([]);
		expect(rec.failed).toBe(failed.length);
	});

	it('imports the failed orders once when they are run again after the daily reset', async () => {
		await hog.stop();
		const now = Date.now();
		const nextUtcMidnight = (Math.floor(now / 86_400_000) + 1) * 86_400_000;
		await env.admin('PUT', 'settings', { clockOffsetMs: nextUtcMidnight - now + 1_000 });
		const failedNames = new Set(first.filter((o) => o.error).map((o) => o.name));
		const nextDay = isolatedNodes(); // the next day's execution: a process without yesterday's rate state
		const again = await importAll(
			orders.filter((o) => failedNames.has(nameOf(o))),
			() => nextDay,
		);
		const rec = await reconcile(env, orders.map(nameOf), [
			...first.filter((o) => !o.error),
			...again,
		]);
		writeRow('3 limits, re-run after reset', rec, started, `${failedNames.size} orders re-run`);
		expect(again.filter((o) => o.error)).toEqual([]);
		expect(rec.duplicated).toEqual({});
		expect(rec.lostNames).toEqual([]);
		expect(rec.imported).toBe(orders.length);
		expectNoLeaks(env);
	});
});
