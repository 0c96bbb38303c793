/**
 * Queue scenario 1: every order's webhook arrives 1–3 times, copies at the same moment, so the main
 * instance queues them and the two workers run copies of one order side by side. No in-process lock
 * helps there: each order, account, contact, address and item must still land in Exact once. Then a
 * refund of every third order, delivered 1–3 times the same way, must be one credit note.
 */
import { buildOrders } from '../../scripts/lib/orders';
import { waitFor, waitForIdle } from '../e2e/support/context';
import { refundOfFirstLine } from '../e2e/support/refunds';
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
	// Ids as a shop gives them today (13 digits): a refund webhook carries its order's id as a bare
	// number, which n8n reads as a JavaScript number.
	const orders = buildOrders(DUPLICATE_ORDERS, 5001).map((sample, i) => {
		const id = 5_000_000_000_000 + i * 100;
		const lines = (sample.order.line_items as Array<Record<string, unknown>>).map((line, k) => ({
			...line,
			id: id + k + 1,
			admin_graphql_api_id: `gid://shopify/LineItem/${id + k + 1}`,
		}));
		const admin_graphql_api_id = `gid://shopify/Order/${id}`;
		return { ...sample, order: { ...sample.order, id, admin_graphql_api_id, line_items: lines } };
	});
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
	// Refunds of every third order, each delivered 1–3 times at once.
	const stored = await queue.shopify.get<{ orders: Array<Record<string, unknown>> }>('orders');
	const refunded = stored.orders.filter((o) => names.indexOf(String(o.name)) % 3 === 0);
	const refunds = refunded.map((order, i) => refundOfFirstLine(order, 870_000_000 + i * 10));
	for (const copies of [1, 2, 3]) {
		const group = refunds.filter((_, i) => i % 3 === copies - 1);
		if (group.length === 0) continue;
		const summary = await queue.shopify.deliver('refunds/create', group, { copies, concurrent: 6 });
		expect(summary.failed).toBe(0);
	}
	await waitForIdle(queue.rest, 5000, 600_000);
	const notes = (await queue.exact.state('salesinvoice/SalesInvoices')).filter(
		(i) => Number(i.Type) === 8021,
	);
	const failed = await recordedFailures(queue);
	const refundOutcomes = refunded.map((o, i) => {
		const refundId = String(refunds[i].id);
		const failure = Object.entries(failed).find(
			([reference, reason]) =>
				reference.includes(refundId) || reason.includes(refundId) || reason.includes(String(o.id)),
		);
		return {
			order: String(o.name),
			notes: notes.filter((n) => String(n.Description).includes(refundId)).length,
			failed: failure ? failure.join(': ') : undefined,
		};
	});
	const creditNoteDuplicates = refundOutcomes.reduce((a, r) => a + Math.max(0, r.notes - 1), 0);

	const { rec, master } = await reconcileScenario(
		queue,
		'1 copies on two workers',
		names,
		started,
		baseline,
		`${refunds.length} refunds delivered 1–3 times: ${refundOutcomes.filter((r) => r.notes === 1).length} credit notes once, ${creditNoteDuplicates} duplicated, ${refundOutcomes.filter((r) => r.notes === 0).length} missing`,
	);
	expect(refundOutcomes.filter((r) => r.notes !== 1)).toEqual([]);
	expect(rec.duplicated).toEqual({});
	expect(master).toEqual({ accounts: 0, contacts: 0, deliveryAddresses: 0, items: 0 });
	expect(rec.lostNames).toEqual([]);
	expect(rec.failures).toEqual({});
});
