/**
 * Exact Online is the stock master: a stock change in Exact reaches the Shopify sandbox within the
 * next scheduled run (every minute) and, through Exact's webhook and the Exact Online Trigger, within
 * seconds. Runs after the products test, which created the items TOTE-NAT and TOTE-BLK.
 */
import { connect, E2E, waitFor } from './support/context';

let e2e: E2E;
const INSTANT = 'exact-stock-to-shopify-instant.json';
const SCHEDULED = 'exact-stock-to-shopify.json';

beforeAll(async () => {
	e2e = await connect();
	for (const sku of ['TOTE-NAT', 'TOTE-BLK']) {
		await waitFor(`item ${sku} in Exact`, async () =>
			(await e2e.exact.state('logistics/Items')).some((i) => String(i.Code).trim() === sku) ? true : undefined,
		);
	}
});

async function setStock(sku: string, quantity: number): Promise<number> {
	await e2e.exact.post('stock', { itemCode: sku, warehouse: '1', quantity });
	return Date.now();
}

async function waitForShopify(sku: string, quantity: number, timeoutMs: number): Promise<number> {
	await waitFor(`${sku} = ${quantity} at location 1001`, async () =>
		(await e2e.shopify.available(sku))['1001'] === quantity ? true : undefined, timeoutMs, 250);
	return Date.now();
}

test('with only the schedule active, a stock change reaches Shopify within the next run', async () => {
	await e2e.rest.deactivateWorkflow(e2e.templateId(INSTANT));
	const scheduledRuns = (await e2e.rest.executions(e2e.templateId(SCHEDULED))).length;
	const changed = await setStock('TOTE-BLK', 17);
	const arrived = await waitForShopify('TOTE-BLK', 17, 75_000);
	expect(arrived - changed).toBeLessThanOrEqual(75_000);
	expect((await e2e.rest.executions(e2e.templateId(SCHEDULED))).length).toBeGreaterThan(scheduledRuns);
});

test('through the Exact Online Trigger, a stock change reaches Shopify within seconds', async () => {
	await e2e.rest.activateWorkflow(e2e.templateId(INSTANT));
	await waitFor('the Exact webhook subscription', async () => {
		const { subscriptions } = await e2e.exact.get<{ subscriptions: unknown[] }>('webhooks');
		return subscriptions.length === 1 ? true : undefined;
	}, 60_000);
	const changed = await setStock('TOTE-NAT', 33);
	const arrived = await waitForShopify('TOTE-NAT', 33, 20_000);
	expect(arrived - changed).toBeLessThan(10_000);
	const runs = await e2e.rest.executions(e2e.templateId(INSTANT));
	expect(runs.some((r) => r.status === 'success' && r.mode === 'webhook')).toBe(true);
});
