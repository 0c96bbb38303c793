/**
 * Queue scenario 1: every order's webhook arrives 1–3 times, copies at the same moment, so the main
 * instance queues them and the two workers run copies of one order side by side. No in-process lock
 * helps there: each order, account, contact, address and item must still land in Exact once.
 */
import { buildOrders } from '../../scripts/lib/orders';
import { waitFor } from '../e2e/support/context';
import {
	connectQueue,
	masterBaseline,
	Queue,
	reconcileScenario,
	recordedFailures,
} from './support/queue';
import { DUPLICATE_ORDERS } from './support/scale';

let queue: Queue;
beforeAll(async () => {
	queue = await connectQueue();
});

test(`${DUPLICATE_ORDERS} orders delivered 1–3 times to two workers: each in Exact once, no master data twice`, async () => {
	const started = Date.now();
	const baseline = await masterBaseline(queue);
	const orders = buildOrders(DUPLICATE_ORDERS, 5001);
	const names = orders.map((o) => o.name);
	for (const copies of [1, 2, 3]) {
		const group = orders.filter((_, i) => i % 3 === copies - 1);
		const summary = await queue.shopify.placeOrders(group, { copies, concurrent: 6 });
		expect(summary.failed).toBe(0);
	}
	// Both workers took part (each logs the executions it runs).
	const executions = (await queue.rest.executions(queue.templateId('shopify-orders-to-exact.json')))
		.length;
	expect(executions).toBeGreaterThanOrEqual(orders.length);
	await waitFor(
		'every order in Exact or recorded as failed',
		async () => {
			const refs = new Set(
				(await queue.exact.state('salesorder/SalesOrders')).map((o) => String(o.YourRef)),
			);
			const failed = await recordedFailures(queue);
			return names.every((n) => refs.has(n) || failed[n]) ? true : undefined;
		},
		900_000,
		3000,
	);
	const { rec, master } = await reconcileScenario(
		queue,
		'1 copies on two workers',
		names,
		started,
		baseline,
	);
	expect(rec.duplicated).toEqual({});
	expect(master).toEqual({ accounts: 0, contacts: 0, deliveryAddresses: 0, items: 0 });
	expect(rec.lostNames).toEqual([]);
	expect(rec.failures).toEqual({});
});
