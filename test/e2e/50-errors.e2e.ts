/**
 * An order that cannot be imported (a SKU Exact cannot take as an item code) goes down the visible
 * error branch, fails its execution with the order reference and a readable reason, is recorded by
 * the error-handler workflow in its data table; the orders around it are imported as usual.
 */
import { buildOrders, withSku } from '../../scripts/lib/orders';
import { FAILURES_TABLE } from '../../scripts/lib/report';
import { connect, E2E, waitFor, waitForIdle, waitForOrFailures } from './support/context';

let e2e: E2E;
/** 43 characters: Exact item codes are at most 30. */
const BAD_SKU = 'WINTER-BUNDLE-2025-LIMITED-EDITION-GIFT-BOX';

beforeAll(async () => {
	e2e = await connect();
});

test('an order with a bad SKU lands in the error workflow with a readable reason, the rest go on', async () => {
	const [a, b, c, d, e, f] = buildOrders(6, 3001);
	const bad = withSku(c, BAD_SKU);
	await e2e.shopify.placeOrders([a, b, bad, d, e, f], { concurrent: 2 });
	const names = new Set([a, b, d, e, f].map((o) => o.name));
	await waitForOrFailures(e2e.rest, 'the five good orders in Exact', async () => {
		const orders = (await e2e.exact.state('salesorder/SalesOrders')).filter((o) => names.has(String(o.YourRef)));
		return orders.length === 5 ? orders : undefined;
	}, 300_000, 2000);
	const row = await waitFor('the failure in the error handler table', async () =>
		(await e2e.rest.dataTableRows(FAILURES_TABLE)).find((r) => r.reference === bad.name), 120_000, 1000);
	expect(row).toMatchObject({
		reference: bad.name,
		workflow: 'Shopify orders to Exact Online sales orders',
		reason: expect.stringMatching(/30/),
		executionUrl: expect.stringContaining(`/workflow/${e2e.templateId('shopify-orders-to-exact.json')}/executions/`),
	});
	expect(String(row.reason)).toContain(BAD_SKU);
	await waitForIdle(e2e.rest);
	const failedExecution = await e2e.rest.execution(String(row.executionId));
	expect(failedExecution.status).toBe('error');
	const inExact = (await e2e.exact.state('salesorder/SalesOrders')).filter((o) => o.YourRef === bad.name);
	expect(inExact).toEqual([]);
}, 420_000);
