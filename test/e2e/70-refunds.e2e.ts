/**
 * A Shopify refund, delivered as a signed refunds/create webhook to n8n's Shopify Trigger, becomes one
 * Exact credit note on the imported order's customer, with the refunded line on the item and VAT code
 * of the order line (OSS stays OSS), however often Shopify delivers it. Every refund has its row in the
 * status table (`refund <id>`: credited with the credit note's number, failed with the reason, and
 * resolved once a failed refund is booked).
 */
import { requestJson } from '../../scripts/lib/http';
import { buildOrders } from '../../scripts/lib/orders';
import { STATUS_TABLE } from '../../scripts/lib/report';
import { connect, E2E, Row, waitFor, waitForIdle, waitForOrFailures } from './support/context';
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

	// The status table: a row per refund with the credit note's number. The two copies of a refund
	// ran at the same moment, so either may have written last: "credited" or "already credited".
	const rows = await e2e.rest.dataTableRows(STATUS_TABLE);
	for (const [i, sample] of samples.entries()) {
		const [note] = await creditNotes(sample.name);
		const mine = rows.filter((r) => r.reference === `refund ${refunds[i].id}`);
		expect(mine.length).toBeGreaterThanOrEqual(1);
		for (const row of mine) {
			expect(row).toMatchObject({
				status: expect.stringMatching(/^(credited|already credited)$/),
				exactNumber: String(note.InvoiceNumber),
				reason: expect.stringContaining(`order ${sample.name}`),
				workflow: 'Shopify refunds to Exact Online credit notes',
			});
		}
	}
}, 420_000);

test('a refund delivered once has a credited row that stays credited; one that failed has a failed row and is resolved when Shopify sends it again', async () => {
	const [plain, failing] = buildOrders(2, 2411);
	const orders = [await placeOrder(plain.order), await placeOrder(failing.order)];
	for (const sample of [plain, failing]) {
		await waitForOrFailures(e2e.rest, `sales order ${sample.name}`, () => salesOrder(sample.name), 180_000, 1000);
	}
	const rowsOf = async (reference: string) =>
		(await e2e.rest.dataTableRows(STATUS_TABLE)).filter((r) => r.reference === reference);

	// Delivered once: credited, with the credit note's number; delivered again later: still credited.
	const first = refundOfFirstLine(orders[0], 880_000_100);
	expect(await e2e.shopify.deliver('refunds/create', [first])).toMatchObject({ deliveries: 1, failed: 0 });
	const credited = await waitFor('the credited refund in the status table', async () =>
		(await rowsOf(`refund ${first.id}`)).find((r) => r.status === 'credited'), 180_000, 1000);
	const [firstNote] = await creditNotes(plain.name);
	expect(credited).toMatchObject({
		exactNumber: String(firstNote.InvoiceNumber),
		reason: `order ${plain.name}`,
		workflow: 'Shopify refunds to Exact Online credit notes',
		executionId: expect.stringMatching(/^\d+$/),
	});
	await waitForIdle(e2e.rest);
	expect(await e2e.shopify.deliver('refunds/create', [first])).toMatchObject({ deliveries: 1, failed: 0 });
	await waitForIdle(e2e.rest);
	expect((await rowsOf(`refund ${first.id}`)).map((r) => r.status)).toEqual(['credited']);
	expect(await creditNotes(plain.name)).toHaveLength(1);

	// Exact refuses the credit note once: a failed row from the error handler, naming the step.
	const refund = refundOfFirstLine(orders[1], 880_000_200);
	const reference = `refund ${refund.id}`;
	await e2e.exact.post('faults', {
		method: 'POST',
		pathRegex: 'salesinvoice/SalesInvoices($|\\?)',
		status: 403,
		count: 1,
		message: 'Forbidden: the app has no rights on sales invoices',
	});
	try {
		expect(await e2e.shopify.deliver('refunds/create', [refund])).toMatchObject({ deliveries: 1, failed: 0 });
		const failed = await waitFor('the failed refund in the status table', async () =>
			(await rowsOf(reference)).find((r) => r.status === 'failed'), 180_000, 1000);
		expect(failed).toMatchObject({
			workflow: 'Shopify refunds to Exact Online credit notes',
			node: 'Create Credit Note',
			reason: expect.stringMatching(/Forbidden/),
		});
	} finally {
		await fetch(`${e2e.info.exactUrl}/__sandbox/faults`, { method: 'DELETE' });
	}
	await waitForIdle(e2e.rest);
	expect(await creditNotes(failing.name)).toEqual([]);

	// Sent again: booked, and the row says resolved with the credit note's number.
	expect(await e2e.shopify.deliver('refunds/create', [refund])).toMatchObject({ deliveries: 1, failed: 0 });
	const [note] = await waitForOrFailures(e2e.rest, `credit note of ${failing.name}`, async () => {
		const found = await creditNotes(failing.name);
		return found.length ? found : undefined;
	}, 180_000, 1000);
	const resolved = await waitFor('the refund row marked resolved', async () =>
		(await rowsOf(reference)).find((r) => r.status === 'resolved'), 120_000, 1000);
	expect(resolved).toMatchObject({ exactNumber: String(note.InvoiceNumber), reason: `order ${failing.name}` });
	await waitForIdle(e2e.rest);
	// Sent once more: still one credit note and one row, still resolved.
	expect(await e2e.shopify.deliver('refunds/create', [refund])).toMatchObject({ deliveries: 1, failed: 0 });
	await waitForIdle(e2e.rest);
	expect(await creditNotes(failing.name)).toHaveLength(1);
	expect((await rowsOf(reference)).map((r) => r.status)).toEqual(['resolved']);
}, 720_000);
