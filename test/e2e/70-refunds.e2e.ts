/**
 * A Shopify refund, delivered as a signed refunds/create webhook to n8n's Shopify Trigger, becomes one
 * Exact credit note on the imported order's customer, with the refunded line on the item and VAT code
 * of the order line (OSS stays OSS), however often Shopify delivers it.
 */
import { requestJson } from '../../scripts/lib/http';
import { buildOrders } from '../../scripts/lib/orders';
import { connect, E2E, Row, waitForIdle, waitForOrFailures } from './support/context';
import { refundOfFirstLine } from './support/refunds';

let e2e: E2E;
/** #2401: NL consumer (21 % line first), #2402: German consumer under OSS. */
const samples = buildOrders(2, 2401);

type Json = Record<string, unknown>;

beforeAll(async () => {
	e2e = await connect();
});

async function salesOrder(name: string): Promise<Row | undefined> {
	return (await e2e.exact.state('salesorder/SalesOrders')).find((o) => o.YourRef === name);
}

async function creditNotes(name: string): Promise<Row[]> {
	return (await e2e.exact.state('salesinvoice/SalesInvoices')).filter(
		(i) => i.YourRef === name && Number(i.Type) === 8021,
	);
}

async function linesOf(table: string, key: string, id: unknown): Promise<Row[]> {
	return (await e2e.exact.state(table)).filter((line) => line[key] === id);
}

/**
 * Places an order through Shopify's REST API: the shop gives it a 13-digit id, as real shops do
 * today (the refund webhook carries only that number, which n8n reads as a JavaScript number), and
 * sends orders/create to n8n.
 */
async function placeOrder(order: Json): Promise<Json> {
	const { id: _id, admin_graphql_api_id: _gid, ...body } = order;
	const res = await requestJson<{ order: Json }>(
		'POST',
		`${e2e.info.shopifyUrl}/admin/api/2026-01/orders.json`,
		{ order: body },
		{ 'X-Shopify-Access-Token': 'shpat_sandbox_token' },
	);
	expect(res.status).toBe(201);
	return res.body.order;
}

test("a refund becomes one credit note with the order line's item and VAT code, however often it is delivered", async () => {
	const stored: Json[] = [];
	for (const sample of samples) stored.push(await placeOrder(sample.order));
	for (const sample of samples) {
		await waitForOrFailures(
			e2e.rest,
			`sales order ${sample.name}`,
			() => salesOrder(sample.name),
			180_000,
			1000,
		);
	}
	const refunds = stored.map((order, i) => refundOfFirstLine(order, 880_000_000 + i * 10));
	// Every refund twice, the copies at the same moment.
	const summary = await e2e.shopify.deliver('refunds/create', refunds, {
		copies: 2,
		concurrent: true,
	});
	expect(summary).toMatchObject({ deliveries: 4, failed: 0 });

	for (const [i, sample] of samples.entries()) {
		const [note] = await waitForOrFailures(
			e2e.rest,
			`credit note of ${sample.name}`,
			async () => {
				const found = await creditNotes(sample.name);
				return found.length ? found : undefined;
			},
			180_000,
			1000,
		);
		const order = (await salesOrder(sample.name)) as Row;
		expect(note.OrderedBy).toBe(order.OrderedBy);
		expect(String(note.Description)).toContain(String(refunds[i].id));
		const [creditLine, ...others] = await linesOf(
			'salesinvoice/SalesInvoiceLines',
			'InvoiceID',
			note.InvoiceID,
		);
		expect(others).toEqual([]);
		const orderLines = await linesOf('salesorder/SalesOrderLines', 'OrderID', order.OrderID);
		const original = orderLines.find((l) => l.Item === creditLine.Item) as Row;
		expect(original).toBeDefined();
		expect(Number(creditLine.Quantity)).toBe(-1);
		expect(String(creditLine.VATCode).trim()).toBe(String(original.VATCode).trim());
		expect(sample.scenario.vatCodes).toContain(String(creditLine.VATCode).trim());
	}
	await waitForIdle(e2e.rest);
	for (const sample of samples) expect(await creditNotes(sample.name)).toHaveLength(1);
});
