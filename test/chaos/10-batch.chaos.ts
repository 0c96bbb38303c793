/**
 * Scenario 9, n8n down for a day: 200 orders are placed while n8n is stopped and Shopify gives up
 * on their webhooks. After the restart the batch template (Shopify Orders → Get Changed Orders,
 * then the order chain in one execution) imports all 200 from Shopify's Admin API, once, even when
 * two of its runs overlap (a slow run still going when the next minute starts).
 */
import type { IDataObject } from 'n8n-workflow';

import { ShopifyOrders } from '../../nodes/ShopifyOrders/ShopifyOrders.node';
import { NODE_NAME, runNode } from '../helpers/harness';
import { addShopifyCredential } from '../nodes/shopifyInventory/shopifyFixture';
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { chaosOrders, nameOf } from './support/orders';
import { runOrderWorkflow, sharedNodes } from './support/pipeline';
import type { OrderOutcome } from './support/pipeline';
import { reconcile } from './support/reconcile';
import { writeRow } from './support/scenario';

let env: ChaosEnv;
const started = Date.now();
const HOUR = 3_600_000;
const missed = chaosOrders(200, 81001, 88, 40);

beforeAll(async () => {
	env = await startChaosEnv();
	addShopifyCredential(env.store, env.shopify);
});

afterAll(async () => {
	await env.close();
});

/** One run of the batch template: the changed orders, then the order chain on all of them. */
async function batchRun(
	staticData: IDataObject,
): Promise<{ read: number; outcomes: OrderOutcome[] }> {
	const read = await runNode({
		node: new ShopifyOrders(),
		parameters: { operation: 'getChangedOrders', options: {} } as never,
		credentials: env.store,
		staticData,
	});
	if (read.error) throw read.error;
	const orders = read.items.map((i) => i.json);
	return { read: orders.length, outcomes: await runOrderWorkflow(env, orders, sharedNodes()) };
}

describe('scenario 10: n8n stopped for 24 hours, webhooks given up', () => {
	it('the batch template imports all 200 missed orders after the restart, none twice, with two runs overlapping', async () => {
		// The last run before n8n stopped left its cursor a day ago.
		const now = Date.now();
		const cursorBefore = new Date(now - 24 * HOUR).toISOString();
		const staticData = { [`node:${NODE_NAME}`]: { ordersUpdatedAt: cursorBefore } };
		// The orders of that day, stored in Shopify without any webhook reaching n8n.
		const orders = missed.map((order, i) => ({
			...order,
			created_at: new Date(now - 23 * HOUR + i * 60_000).toISOString(),
			updated_at: new Date(now - 23 * HOUR + i * 60_000).toISOString(),
		}));
		await env.shopifyAdmin('POST', 'orders', { orders, topics: [] });

		// The first minute after the restart, and the next one starting before the first finished:
		// both begin from the static data of before the first one saved its cursor.
		const copy = () => JSON.parse(JSON.stringify(staticData)) as IDataObject;
		const [first, second] = await Promise.all([batchRun(copy()), batchRun(copy())]);
		expect(first.read).toBe(200);
		expect(second.read).toBe(200);
		const outcomes = [...first.outcomes, ...second.outcomes];
		const rec = await reconcile(env, missed.map(nameOf), outcomes);
		writeRow(
			'10 n8n down 24 h, webhooks lost: batch template',
			rec,
			started,
			`read twice by two overlapping runs; ${outcomes.filter((o) => o.action === 'skipped').length} skipped as already imported`,
		);
		expect(rec.failures).toEqual({});
		expect(rec.imported).toBe(200);
		expect(rec.duplicates).toBe(0);
		expect(rec.lost).toBe(0);
	});
});
