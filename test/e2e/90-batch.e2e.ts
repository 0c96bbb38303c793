/**
 * The batch order template in a real n8n: imported as a merchant imports it (credentials linked by
 * name), activated next to a second copy of itself so two runs read the same orders at the same
 * minute, it imports orders whose webhooks never reached n8n, each once. Runs last: it deactivates
 * both copies when done.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { projectRoot } from '../../scripts/lib/n8n';
import { buildOrders } from '../../scripts/lib/orders';
import { connect, E2E, waitForOrFailures } from './support/context';

let e2e: E2E;
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
const orders = buildOrders(12, 8001, 8);

beforeAll(async () => {
	e2e = await connect();
});

afterAll(async () => {
	for (const copy of copies) await e2e.rest.deactivateWorkflow(copy.id).catch(() => undefined);
});

test('imports orders whose webhooks never arrived, once, with two runs reading them at the same time', async () => {
	for (const copy of copies) {
		// n8n 2.x keeps the id of an imported workflow; n8n 1.x gives it a new one.
		copy.id = (await e2e.rest.call<{ id: string }>('POST', '/rest/workflows', copy)).id;
		// Only orders from now on: the webhook template already imported the earlier ones.
		await e2e.rest.updateWorkflow(copy.id, (nodes) => {
			for (const node of nodes) {
				if (String(node.type).endsWith('.shopifyOrders'))
					(node.parameters as Record<string, unknown>).options = { firstRunHours: 0.05 };
			}
		});
	}
	// Stored in the shop without any webhook (topics: none), e.g. while n8n was down.
	const now = Date.now();
	await e2e.shopify.post('orders', {
		orders: orders.map((o, i) => ({
			...o.order,
			updated_at: new Date(now - 60_000 + i * 1000).toISOString(),
			created_at: new Date(now - 60_000 + i * 1000).toISOString(),
		})),
		topics: [],
	});
	for (const copy of copies) await e2e.rest.activateWorkflow(copy.id);
	const names = new Set(orders.map((o) => o.name));
	const imported = await waitForOrFailures(
		e2e.rest,
		'12 sales orders from the batch template',
		async () => {
			const found = (await e2e.exact.state('salesorder/SalesOrders')).filter((o) =>
				names.has(String(o.YourRef)),
			);
			return found.length >= orders.length ? found : undefined;
		},
		180_000,
		2000,
	);
	// Both copies ran at least once and read the same orders; wait for their second minute too.
	await waitForOrFailures(
		e2e.rest,
		'two runs of each copy',
		async () => {
			const runs = await Promise.all(copies.map((c) => e2e.rest.executions(c.id)));
			return runs.every((r) => r.filter((x) => x.status === 'success').length >= 2)
				? true
				: undefined;
		},
		150_000,
		2000,
	);
	const after = (await e2e.exact.state('salesorder/SalesOrders')).filter((o) =>
		names.has(String(o.YourRef)),
	);
	expect(imported.length).toBe(orders.length);
	expect(after).toHaveLength(orders.length);
	expect(new Set(after.map((o) => String(o.YourRef))).size).toBe(orders.length);
});
