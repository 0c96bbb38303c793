/**
 * Queue scenario 5: the batch order template (Shopify Orders → Get Changed Orders, then the order
 * chain in one execution) as two active copies. Their schedule triggers fire in the same minute, so
 * the main instance queues two runs at once and the workers run them side by side: both read the
 * same orders, which no webhook brought. Each order must land in Exact once, and the customers they
 * share once. The copies are set up as the README asks for queue mode (After Create Check on Remove
 * Own Duplicate in Find or Create Customer and Create Sales Order); the shipped template keeps None.
 * It is not active with the other templates (it would import every other scenario's orders), so this
 * scenario imports and activates it, and deactivates it at the end.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { projectRoot } from '../../scripts/lib/n8n';
import { buildOrders } from '../../scripts/lib/orders';
import { waitFor } from '../e2e/support/context';
import {
	connectQueue,
	masterBaseline,
	Queue,
	reconcileScenario,
	recordedFailures,
} from './support/queue';
import { QUEUE_MODE_CHECKED, setAfterCreateCheck } from './support/queueMode';
import { BATCH_ORDERS } from './support/scale';

const FILE = 'shopify-orders-to-exact-batch.json';
const template = JSON.parse(readFileSync(path.join(projectRoot, 'workflows', FILE), 'utf8')) as {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
};
const copies = [
	{ ...template },
	{ ...template, id: 'EOCordersBatch02', name: `${template.name} (second copy)` },
];

let queue: Queue;
beforeAll(async () => {
	queue = await connectQueue();
});

afterAll(async () => {
	for (const copy of copies) await queue.rest.deactivateWorkflow(copy.id).catch(() => undefined);
});

test(`the batch order template as two copies whose runs overlap on the workers: ${BATCH_ORDERS} orders each in Exact once`, async () => {
	const started = Date.now();
	const baseline = await masterBaseline(queue);
	const orders = buildOrders(BATCH_ORDERS, 5801, 9);
	const names = orders.map((o) => o.name);
	let checked = 0;
	for (const copy of copies) {
		await queue.rest.call('POST', '/rest/workflows', copy);
		await queue.rest.updateWorkflow(copy.id, (nodes) => {
			for (const node of nodes) {
				const parameters = node.parameters as Record<string, unknown>;
				// Only orders from now on: the webhook template imported the earlier scenarios' orders.
				if (String(node.type).endsWith('.shopifyOrders'))
					parameters.options = { firstRunHours: 0.05 };
				// n8n starts an every-minute schedule at a random second per workflow; both copies at
				// second 0 makes their runs start together, as a slow run still going when the next starts.
				if (String(node.type).endsWith('.scheduleTrigger'))
					parameters.rule = { interval: [{ field: 'cronExpression', expression: '0 * * * * *' }] };
			}
			checked += setAfterCreateCheck(nodes);
		});
	}
	expect(checked).toBe(copies.length * QUEUE_MODE_CHECKED.length);
	// Stored in the shop without any webhook (topics: none), e.g. while n8n was down.
	const now = Date.now();
	await queue.shopify.post('orders', {
		orders: orders.map((o, i) => ({
			...o.order,
			created_at: new Date(now - 60_000 + i * 1000).toISOString(),
			updated_at: new Date(now - 60_000 + i * 1000).toISOString(),
		})),
		topics: [],
	});
	for (const copy of copies) await queue.rest.activateWorkflow(copy.id);
	await waitFor(
		'every order in Exact or recorded as failed',
		async () => {
			const refs = new Set(
				(await queue.exact.state('salesorder/SalesOrders')).map((o) => String(o.YourRef)),
			);
			const failed = await recordedFailures(queue);
			return names.every((n) => refs.has(n) || failed[n]) ? true : undefined;
		},
		300_000,
		2000,
	);
	// Each copy also runs its next minute over orders now in Exact: still none twice.
	const runs = await waitFor(
		'two finished runs of each copy',
		async () => {
			const all = await Promise.all(copies.map((c) => queue.rest.executions(c.id)));
			return all.every(
				(r) => r.filter((x) => x.status !== 'running' && x.status !== 'new').length >= 2,
			)
				? all
				: undefined;
		},
		180_000,
		2000,
	);
	// Runs of the two copies that were under way at the same time.
	const span = (x: { startedAt: string; stoppedAt?: string | null }) => [
		Date.parse(x.startedAt),
		Date.parse(x.stoppedAt ?? x.startedAt),
	];
	const overlapping = runs[0].filter((a) =>
		runs[1].some((b) => span(a)[0] < span(b)[1] && span(b)[0] < span(a)[1]),
	).length;
	const { rec, master } = await reconcileScenario(
		queue,
		'5 batch template, overlapping runs',
		names,
		started,
		baseline,
		`two active copies, ${runs.map((r) => r.length).join(' + ')} runs (${overlapping} of the first copy's overlapping a run of the second), each reading every order; After Create Check on Remove Own Duplicate`,
	);
	expect(overlapping).toBeGreaterThanOrEqual(1);
	expect(runs.flat().filter((x) => x.status !== 'success')).toEqual([]);
	expect(rec.duplicated).toEqual({});
	expect(master).toEqual({ accounts: 0, contacts: 0, deliveryAddresses: 0, items: 0 });
	expect(rec.lostNames).toEqual([]);
	expect(rec.failures).toEqual({});
});
