/**
 * Orders from the Shopify sandbox, delivered as signed webhooks to the URL n8n's own Shopify Trigger
 * registered, become Exact sales orders with the right VAT code on every line, exactly once however
 * often and however concurrently Shopify delivers them.
 */
import { buildOrders, SampleOrder } from '../../scripts/lib/orders';
import { connect, E2E, Row, waitForIdle, waitForOrFailures } from './support/context';

let e2e: E2E;
const first = buildOrders(50, 2001);
const second = buildOrders(10, 2101);

beforeAll(async () => {
	e2e = await connect();
});

async function salesOrdersOf(samples: SampleOrder[]): Promise<Row[]> {
	const names = new Set(samples.map((s) => s.name));
	return (await e2e.exact.state('salesorder/SalesOrders')).filter((o) => names.has(String(o.YourRef)));
}

async function linesByOrder(): Promise<Map<string, Row[]>> {
	const byOrder = new Map<string, Row[]>();
	for (const line of await e2e.exact.state('salesorder/SalesOrderLines')) {
		const key = String(line.OrderID);
		byOrder.set(key, [...(byOrder.get(key) ?? []), line]);
	}
	return byOrder;
}

async function waitForSalesOrders(samples: SampleOrder[], count: number): Promise<Row[]> {
	return await waitForOrFailures(e2e.rest, `${count} sales orders`, async () => {
		const orders = await salesOrdersOf(samples);
		return orders.length >= count ? orders : undefined;
	}, 420_000, 2000);
}

test('the Shopify Trigger registered its webhook with the shop', async () => {
	const { webhooks } = await e2e.shopify.get<{ webhooks: Array<{ topic: string; address: string }> }>('webhooks');
	expect(webhooks).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ topic: 'orders/create', address: expect.stringContaining(`${e2e.info.n8nUrl}/webhook/`) }),
		]),
	);
});

test('50 orders (domestic, OSS, ICP, export, discounts, shipping) become 50 sales orders with the right VAT codes', async () => {
	const summary = await e2e.shopify.placeOrders(first, { concurrent: 4 });
	expect(summary).toMatchObject({ events: 50, delivered: 50, failed: 0 });
	const orders = await waitForSalesOrders(first, 50);
	const lines = await linesByOrder();
	for (const sample of first) {
		const order = orders.find((o) => o.YourRef === sample.name);
		const codes = (lines.get(String(order?.OrderID)) ?? []).map((l) => String(l.VATCode ?? '').trim());
		const expected = { order: sample.name, scenario: sample.scenario.file, lines: true, codes: true };
		expect({ ...expected, lines: codes.length >= 1, codes: codes.every((c) => sample.scenario.vatCodes.includes(c)) }).toEqual(
			expected,
		);
	}
	expect(orders).toHaveLength(50);
}, 480_000);

test('every webhook delivered twice, some concurrently, still gives one sales order per order', async () => {
	const stored = await e2e.shopify.get<{ orders: Array<Record<string, unknown>> }>('orders');
	const firstNames = new Set(first.map((s) => s.name));
	const payloads = stored.orders.filter((o) => firstNames.has(String(o.name)));
	expect(payloads).toHaveLength(50);
	// Known orders again, twice each, shuffled, 8 at a time; new orders twice each, all at once.
	const again = await e2e.shopify.deliver('orders/create', payloads, { copies: 2, concurrent: 8, order: 'shuffled', seed: 7 });
	expect(again).toMatchObject({ deliveries: 100, failed: 0 });
	const fresh = await e2e.shopify.placeOrders(second, { copies: 2, concurrent: true });
	expect(fresh).toMatchObject({ deliveries: 20, failed: 0 });
	await waitForSalesOrders(second, 10);
	await waitForIdle(e2e.rest);
	const all = await salesOrdersOf([...first, ...second]);
	const perRef = new Map<string, number>();
	for (const o of all) perRef.set(String(o.YourRef), (perRef.get(String(o.YourRef)) ?? 0) + 1);
	expect([...perRef.values()].filter((n) => n > 1)).toEqual([]);
	expect(all).toHaveLength(60);
}, 480_000);
