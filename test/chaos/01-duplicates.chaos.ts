/**
 * Scenario 1, duplicates: 300 small orders, each webhook delivered 1–3 times, copies concurrently,
 * some orders/updated before orders/create; plus two executions of the whole chain at the same
 * moment in one process (the keyed lock) and in two "processes" (separate module registries, no
 * shared memory: the after-create check removes the later copy). Exact has no unique key on YourRef
 * or on accounts, so a new customer's concurrent orders must not create the account twice either.
 */
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { chaosOrders, nameOf } from './support/orders';
import { isolatedNodes, runOrderWorkflow, sharedNodes } from './support/pipeline';
import type { OrderOutcome } from './support/pipeline';
import { startReceiver } from './support/receiver';
import { duplicateMasterData, reconcile } from './support/reconcile';
import { count, deliver, expectNoLeaks, writeRow } from './support/scenario';

let env: ChaosEnv;
const started = Date.now();
const orders = chaosOrders(300, 20001, 11);
const [webhookOrders, lockOrders, queueOrders] = [
	orders.slice(0, 260),
	orders.slice(260, 280),
	orders.slice(280),
];
const outcomes: OrderOutcome[] = [];
let executions = 0;

beforeAll(async () => {
	env = await startChaosEnv();
});

afterAll(async () => {
	await env.close();
});

describe('scenario 1: duplicate, concurrent and out-of-order deliveries', () => {
	it('imports 260 orders once each when every webhook arrives 1–3 times, copies at the same moment, updates first', async () => {
		const receiver = await startReceiver(env, sharedNodes);
		try {
			for (const copies of [1, 2, 3]) {
				const group = webhookOrders.filter((_, i) => i % 3 === copies - 1);
				const events = group.flatMap((order, i) =>
					i % 4 === 0
						? [
								{ topic: 'orders/updated', payload: order },
								{ topic: 'orders/create', payload: order },
							]
						: [{ topic: 'orders/create', payload: order }],
				);
				const summary = await deliver(env, receiver.url, events, {
					copies,
					concurrent: 6,
					order: 'asGiven',
				});
				expect(summary.failed).toBe(0);
			}
		} finally {
			await receiver.close();
		}
		outcomes.push(...receiver.outcomes);
		executions += receiver.executions;
		expect(receiver.executions).toBeGreaterThan(webhookOrders.length * 2);
		expect(count(receiver.outcomes, (o) => o.action === 'created')).toBe(webhookOrders.length);
	});

	it('lets a second execution that runs at the same moment in the same process wait and find the first order', async () => {
		for (const order of lockOrders) {
			const pair = await Promise.all([
				runOrderWorkflow(env, [order], sharedNodes()),
				runOrderWorkflow(env, [order], sharedNodes()),
			]);
			outcomes.push(...pair.flat());
			executions += 2;
			expect(
				pair
					.flat()
					.map((o) => o.action)
					.sort(),
			).toEqual(['created', 'skipped']);
		}
	});

	it('removes the later copy when two processes without shared memory create the same orders at once', async () => {
		const [processA, processB] = [isolatedNodes(), isolatedNodes()];
		const runs = await Promise.all([
			runOrderWorkflow(env, queueOrders, processA),
			runOrderWorkflow(env, queueOrders, processB),
		]);
		const all = runs.flat();
		outcomes.push(...all);
		executions += 2;
		// Both looked up before either posted, so both created: the race really happened…
		expect(count(all, (o) => o.reason === 'duplicate removed')).toBeGreaterThan(0);
		// …and each order ended up with exactly one "created" and one "skipped".
		for (const order of queueOrders) {
			const mine = all.filter((o) => o.name === nameOf(order));
			expect(mine.map((o) => o.action).sort()).toEqual(['created', 'skipped']);
		}
	});

	it('reconciles: 300 orders in Exact exactly once, none lost, no secret in any output', async () => {
		const rec = await reconcile(env, orders.map(nameOf), outcomes);
		const raced = count(outcomes, (o) => o.reason === 'duplicate removed');
		const master = await duplicateMasterData(env);
		writeRow(
			'1 duplicates',
			rec,
			started,
			`${executions} executions (${outcomes.length} order results); ${raced} copies removed by the after-create check; master data twice: ${JSON.stringify(master)}`,
		);
		expect(rec.duplicated).toEqual({});
		expect(rec.lostNames).toEqual([]);
		expect(rec.failures).toEqual({});
		expect(rec.imported).toBe(300);
		// Master data never twice: items by Exact's unique code and the create-race fix; accounts,
		// their contacts and delivery addresses by the per-customer lock (one process) and the
		// Find or Create Customer node's after-create check (several processes).
		expect(master).toEqual({ accounts: 0, contacts: 0, deliveryAddresses: 0, items: 0 });
		expectNoLeaks(env);
	});
});
