/**
 * Queue scenario 4: a worker is killed (SIGKILL, as an out-of-memory kill or a crashed container)
 * while it runs orders. n8n does not run a stalled job again (Bull's maxStalledCount is 0) and marks
 * the execution crashed; Shopify's next delivery of the order (an orders/updated, a retry, or the
 * merchant's "resend") must then import it once: never twice, whatever the killed run had written.
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
import { KILL_ORDERS } from './support/scale';

let queue: Queue;
beforeAll(async () => {
	queue = await connectQueue();
});

afterAll(async () => {
	await queue.worker(0, 'start');
});

test(`a worker killed in the middle of ${KILL_ORDERS} orders: each imported once after the next delivery`, async () => {
	const started = Date.now();
	const baseline = await masterBaseline(queue);
	const orders = buildOrders(KILL_ORDERS, 5601);
	const names = orders.map((o) => o.name);
	const inExact = async () => {
		const refs = new Set(
			(await queue.exact.state('salesorder/SalesOrders')).map((o) => String(o.YourRef)),
		);
		return names.filter((n) => refs.has(n));
	};
	const delivery = queue.shopify.placeOrders(orders, { concurrent: 4 });
	// Kill worker 1 as soon as the first orders of the batch land, when it has others in hand.
	await waitFor(
		'the first order of the batch in Exact',
		async () => ((await inExact()).length >= 1 ? true : undefined),
		300_000,
		100,
	);
	const killed = await queue.worker(0, 'kill', 'SIGKILL');
	expect(killed.running).toBe(false);
	const atKill = (await inExact()).length;
	await delivery;
	await queue.worker(0, 'start');
	// What the surviving worker finished; the rest were lost with the killed worker.
	await new Promise((resolve) => setTimeout(resolve, 15_000));
	const firstPass = await inExact();
	// Shopify delivers each order again (as orders/updated does after any change, or a resend).
	const stored = await queue.shopify.get<{ orders: Array<Record<string, unknown>> }>('orders');
	const payloads = stored.orders.filter((o) => names.includes(String(o.name)));
	expect(payloads).toHaveLength(orders.length);
	const again = await queue.shopify.deliver('orders/create', payloads, { concurrent: 4 });
	expect(again.failed).toBe(0);
	await waitFor(
		'every order in Exact or recorded as failed',
		async () => {
			const present = new Set(await inExact());
			const failed = await recordedFailures(queue);
			return names.every((n) => present.has(n) || failed[n]) ? true : undefined;
		},
		600_000,
		3000,
	);
	const { rec, master } = await reconcileScenario(
		queue,
		'4 worker SIGKILL',
		names,
		started,
		baseline,
		`killed with ${atKill} of ${names.length} imported; ${names.length - firstPass.length} missing until the next delivery`,
	);
	expect(rec.duplicated).toEqual({});
	expect(master).toEqual({ accounts: 0, contacts: 0, deliveryAddresses: 0, items: 0 });
	expect(rec.lostNames).toEqual([]);
	expect(rec.failures).toEqual({});
});
