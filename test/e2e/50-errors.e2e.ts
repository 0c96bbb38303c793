/**
 * An order that cannot be imported (a SKU Exact cannot take as an item code) stops its execution at
 * the failing step with the order reference and a readable reason, is recorded by the error-handler
 * workflow in the status table with that step; the orders around it are imported as usual. A failed
 * execution retried as the editor does (Executions → Retry) after the cause is fixed imports the
 * order once and marks its row resolved; so does Shopify sending the order again. Executions carry
 * n8n's custom execution data (order, outcome, Exact number), so they can be found by order name.
 */
import { buildOrders, withSku } from '../../scripts/lib/orders';
import { STATUS_TABLE } from '../../scripts/lib/report';
import { connect, E2E, unflatten, waitFor, waitForIdle, waitForOrFailures } from './support/context';

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
		(await e2e.rest.dataTableRows(STATUS_TABLE)).find((r) => r.reference === bad.name), 120_000, 1000);
	expect(row).toMatchObject({
		reference: bad.name,
		status: 'failed',
		node: 'Find or Create Items',
		workflow: 'Shopify orders to Exact Online sales orders',
		reason: expect.stringMatching(/30/),
		executionUrl: expect.stringContaining(`/workflow/${e2e.templateId('shopify-orders-to-exact.json')}/executions/`),
	});
	expect(String(row.reason)).toContain(BAD_SKU);
	await waitForIdle(e2e.rest);
	const failedExecution = await e2e.rest.execution(String(row.executionId));
	expect(failedExecution.status).toBe('error');
	expect(failedExecution.customData).toMatchObject({ order: bad.name, outcome: 'failed', failedStep: 'Find or Create Items' });
	expect(String(row.reason)).not.toMatch(/step:/);
	const inExact = (await e2e.exact.state('salesorder/SalesOrders')).filter((o) => o.YourRef === bad.name);
	expect(inExact).toEqual([]);
}, 420_000);

/** The orders workflow's executions whose custom data names this order, newest first. */
async function executionsOfOrder(name: string): Promise<Array<Awaited<ReturnType<E2E['rest']['execution']>>>> {
	const list = await e2e.rest.executions(e2e.templateId('shopify-orders-to-exact.json'));
	const found = [];
	for (const summary of list.slice(0, 40)) {
		const execution = await e2e.rest.execution(summary.id);
		if (execution.customData?.order === name) found.push(execution);
	}
	return found;
}

test('an order that failed is imported when Shopify sends it again: its row says resolved, both executions say why', async () => {
	const [order] = buildOrders(1, 3101);
	await e2e.exact.post('faults', {
		method: 'POST',
		pathRegex: 'salesorder/SalesOrders($|\\?)',
		status: 403,
		count: 1,
		message: 'Forbidden: the app has no rights on sales orders',
	});
	try {
		await e2e.shopify.placeOrders([order]);
		const failed = await waitFor('the failed order in the status table', async () =>
			(await e2e.rest.dataTableRows(STATUS_TABLE)).find((r) => r.reference === order.name && r.status === 'failed'), 180_000, 1000);
		expect(failed).toMatchObject({ node: 'Create Sales Order', reason: expect.stringMatching(/Forbidden/) });
	} finally {
		await fetch(`${e2e.info.exactUrl}/__sandbox/faults`, { method: 'DELETE' });
	}
	await waitForIdle(e2e.rest);
	const stored = await e2e.shopify.get<{ orders: Array<Record<string, unknown>> }>('orders');
	const payload = stored.orders.find((o) => o.name === order.name);
	expect(await e2e.shopify.deliver('orders/create', [payload])).toMatchObject({ deliveries: 1, failed: 0 });
	const [salesOrder] = await waitForOrFailures(e2e.rest, 'the order in Exact', async () => {
		const found = (await e2e.exact.state('salesorder/SalesOrders')).filter((o) => o.YourRef === order.name);
		return found.length ? found : undefined;
	}, 180_000, 1000);
	const row = await waitFor('the row marked resolved', async () =>
		(await e2e.rest.dataTableRows(STATUS_TABLE)).find((r) => r.reference === order.name && r.status === 'resolved'), 120_000, 1000);
	expect(row).toMatchObject({ exactNumber: String(salesOrder.OrderNumber) });
	await waitForIdle(e2e.rest);

	const executions = await executionsOfOrder(order.name);
	const imported = executions.find((x) => x.status === 'success');
	const failedRun = executions.find((x) => x.status === 'error');
	expect(failedRun?.customData).toMatchObject({ order: order.name, outcome: 'failed', failedStep: 'Create Sales Order' });
	expect(imported?.customData).toEqual({
		order: order.name,
		outcome: 'imported',
		exactNumber: String(salesOrder.OrderNumber),
		division: expect.stringMatching(/^\d+$/),
	});
	const runData = (unflatten(String(imported?.data)).resultData as { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> }).runData;
	const output = runData['Create Sales Order'][0].data.main[0][0].json;
	expect(Object.keys(output)[0]).toBe('summary');
	expect(output.summary).toMatchObject({
		order: order.name,
		outcome: 'imported',
		exactNumber: salesOrder.OrderNumber,
		division: Number(imported?.customData?.division),
		warnings: expect.any(Array),
	});
}, 480_000);

test('a failed order is imported once when its execution is retried after the cause is fixed; its row says resolved', async () => {
	const [order] = buildOrders(1, 3201);
	const workflowId = e2e.templateId('shopify-orders-to-exact.json');
	await e2e.exact.post('faults', {
		method: 'POST',
		pathRegex: 'salesorder/SalesOrders($|\\?)',
		status: 403,
		count: 1,
		message: 'Forbidden: the app has no rights on sales orders',
	});
	let failed: Record<string, unknown>;
	try {
		await e2e.shopify.placeOrders([order]);
		failed = await waitFor('the failed order in the status table', async () =>
			(await e2e.rest.dataTableRows(STATUS_TABLE)).find((r) => r.reference === order.name && r.status === 'failed'), 180_000, 1000);
	} finally {
		// The merchant fixes the cause (here: gives the app its rights back in Exact).
		await fetch(`${e2e.info.exactUrl}/__sandbox/faults`, { method: 'DELETE' });
	}
	expect(failed).toMatchObject({ node: 'Create Sales Order', reason: expect.stringMatching(/Forbidden/) });
	expect(String(failed.reason)).not.toMatch(/^Order /);
	await waitForIdle(e2e.rest);
	const execution = await e2e.rest.execution(String(failed.executionId));
	expect(execution).toMatchObject({ status: 'error', workflowId });

	// Executions → the failed execution → Retry (with the saved workflow), as the editor calls it.
	const retry = await e2e.rest.raw('POST', `/rest/executions/${execution.id}/retry`, { loadWorkflow: true });
	expect(retry.status).toBeLessThan(300);
	const [salesOrder] = await waitForOrFailures(e2e.rest, 'the order in Exact after the retry', async () => {
		const found = (await e2e.exact.state('salesorder/SalesOrders')).filter((o) => o.YourRef === order.name);
		return found.length ? found : undefined;
	}, 180_000, 1000);
	const row = await waitFor('the row marked resolved', async () =>
		(await e2e.rest.dataTableRows(STATUS_TABLE)).find((r) => r.reference === order.name && r.status === 'resolved'), 120_000, 1000);
	expect(row).toMatchObject({ exactNumber: String(salesOrder.OrderNumber) });
	await waitForIdle(e2e.rest);
	expect((await e2e.exact.state('salesorder/SalesOrders')).filter((o) => o.YourRef === order.name)).toHaveLength(1);
	const runs = await executionsOfOrder(order.name);
	expect(runs.map((x) => x.status).sort()).toEqual(['error', 'success']);
}, 480_000);
