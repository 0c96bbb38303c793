/**
 * Invoicing when paid and cancelling a partly shipped order, in a real n8n with the paid orders,
 * fulfilments and order changes templates active: orders/paid twice at once gives one processed
 * invoice linked to the order; orders/paid before the import fails naming the order and invoices
 * once on retry; a partly fulfilled order that is cancelled has the rest of its delivery completed
 * in Exact, so its planned stock-out ends and the freed stock reaches Shopify.
 */
import {
	fulfillmentBody,
	nlConsumerOrders,
	orderLife,
	sellCoffeeInShopify,
} from './support/orderLife';
import {
	connect,
	E2E,
	executionFailure,
	Row,
	waitFor,
	waitForIdle,
	waitForOrFailures,
} from './support/context';

let e2e: E2E;
const {
	placeOrder,
	salesOrder,
	imported,
	orderLines,
	stockOf,
	stockAboveCommitted,
	shopifyFollows,
} = orderLife(() => e2e);
const [paid, early, partly] = nlConsumerOrders(2701);
const PAID_TEMPLATE = 'shopify-paid-orders-to-exact-invoices.json';

type Json = Record<string, any>;

beforeAll(async () => {
	e2e = await connect();
	await sellCoffeeInShopify(e2e);
});

async function invoicesOf(name: string): Promise<Row[]> {
	return (await e2e.exact.state('salesinvoice/SalesInvoices')).filter((i) => i.YourRef === name);
}

/** The order as Shopify sends it on orders/paid. */
function paidPayload(order: Json): Json {
	return { ...order, financial_status: 'paid', updated_at: '2026-11-21T10:30:00+01:00' };
}

test('orders/paid twice at once: one invoice of the ordered quantities, linked to the order and processed into an open item', async () => {
	const order = await placeOrder(paid.order);
	const exactOrder = await imported(order);
	await waitForIdle(e2e.rest);
	expect(
		await e2e.shopify.deliver('orders/paid', [paidPayload(order)], {
			copies: 2,
			concurrent: true,
		}),
	).toMatchObject({ failed: 0 });
	const [invoice] = await waitForOrFailures(
		e2e.rest,
		`processed invoice of ${order.name}`,
		async () => {
			const found = await invoicesOf(order.name);
			return found.length > 0 && found.every((i) => Number(i.Status) === 50) ? found : undefined;
		},
		180_000,
		1000,
	);
	await waitForIdle(e2e.rest);
	expect(await invoicesOf(order.name)).toHaveLength(1);
	expect(Number(invoice.AmountFC)).toBeCloseTo(Number(exactOrder.AmountFC), 2);
	const lines = (await e2e.exact.state('salesinvoice/SalesInvoiceLines')).filter(
		(l) => l.InvoiceID === invoice.InvoiceID,
	);
	expect(lines.every((l) => l.SalesOrder === exactOrder.OrderID)).toBe(true);
	// The whole order, shipped or not: the ordered quantities (shipping once per VAT rate).
	expect(lines.map((l) => [l.ItemCode, Number(l.Quantity)]).sort()).toEqual([
		['BOOK-UH-2025', 1],
		['COF-HUIS-500', 3],
		['SHIPMENT', 1],
		['SHIPMENT', 1],
		['SHOE-TERRA-42', 1],
	]);
	expect(
		(await orderLines(exactOrder.OrderID)).every(
			(l) => Number(l.QuantityInvoiced) === Number(l.Quantity),
		),
	).toBe(true);
	// Processed: an open item in Exact's receivables, for the invoice's amount.
	const receivables = await e2e.exact.state('read/financial/ReceivablesList');
	const open = receivables.find((r) => Number(r.InvoiceNumber) === Number(invoice.InvoiceNumber));
	expect(Number(open?.Amount)).toBeCloseTo(Number(invoice.AmountDC), 2);
	// Both executions succeeded: the second found nothing left to invoice.
	const runs = (await e2e.rest.executions(e2e.templateId(PAID_TEMPLATE))).filter((x) =>
		['success', 'error'].includes(x.status),
	);
	expect(runs.filter((x) => x.status === 'error')).toEqual([]);
});

test('orders/paid before the import fails naming the order and writes nothing; the retry after the import invoices once', async () => {
	const workflowId = e2e.templateId(PAID_TEMPLATE);
	const known = new Set((await e2e.rest.executions(workflowId)).map((x) => x.id));
	// Shopify's payload of an order the orders workflow has not seen yet.
	const payload = paidPayload({ ...early.order, id: 990_000_000_123 });
	expect(await e2e.shopify.deliver('orders/paid', [payload])).toMatchObject({ failed: 0 });
	const failed = await waitFor(
		'the failed orders/paid execution',
		async () =>
			(await e2e.rest.executions(workflowId)).find((x) => !known.has(x.id) && x.status === 'error'),
		120_000,
		1000,
	);
	const why = await executionFailure(e2e.rest, failed.id);
	expect(why.text).toContain(`Order ${early.name}: no Exact sales order with this YourRef`);
	expect(why.text).toContain('not imported yet; retry');
	expect(await invoicesOf(early.name)).toEqual([]);

	const order = await placeOrder(early.order);
	await imported(order);
	await waitForIdle(e2e.rest);
	// The merchant retries the failed execution (Executions → Retry): the order is invoiced.
	const retry = await e2e.rest.raw('POST', `/rest/executions/${failed.id}/retry`, {
		loadWorkflow: true,
	});
	expect(retry.status).toBeLessThan(300);
	await waitForOrFailures(
		e2e.rest,
		`invoice of ${order.name} after the retry`,
		async () => {
			const found = await invoicesOf(order.name);
			return found.length > 0 && found.every((i) => Number(i.Status) === 50) ? found : undefined;
		},
		180_000,
		1000,
	);
	await waitForIdle(e2e.rest);
	// Shopify sends orders/paid once more: nothing new.
	expect(
		await e2e.shopify.deliver('orders/paid', [paidPayload(order)], { copies: 1 }),
	).toMatchObject({ failed: 0 });
	await waitForIdle(e2e.rest);
	expect(await invoicesOf(order.name)).toHaveLength(1);
});

test('a partly fulfilled order that is cancelled: the rest of its delivery is completed, its planned stock-out ends and Shopify gets the freed stock', async () => {
	const order = await placeOrder(partly.order);
	const exactOrder = await imported(order);
	await waitForIdle(e2e.rest);
	await stockAboveCommitted('COF-HUIS-500', 40);
	await shopifyFollows('COF-HUIS-500');
	// One of the three bags ships.
	const parcel = fulfillmentBody(order, 770_000_101, 1, [[2, 1]]);
	expect(await e2e.shopify.deliver('fulfillments/create', [parcel])).toMatchObject({ failed: 0 });
	await waitForOrFailures(
		e2e.rest,
		`delivery of 1 bag of ${order.name}`,
		async () => {
			const coffee = (await orderLines(exactOrder.OrderID)).find(
				(l) => l.ItemCode === 'COF-HUIS-500',
			);
			return Number(coffee?.QuantityDelivered) === 1 ? true : undefined;
		},
		180_000,
		1000,
	);
	await waitForIdle(e2e.rest);
	const freeBefore = await shopifyFollows('COF-HUIS-500');
	const before = await stockOf('COF-HUIS-500');
	await fetch(`${e2e.info.exactUrl}/__sandbox/calls`, { method: 'DELETE' });

	const cancelled = {
		...order,
		cancelled_at: '2026-11-21T11:00:00+01:00',
		cancel_reason: 'customer',
	};
	expect(
		await e2e.shopify.deliver('orders/cancelled', [cancelled], { copies: 2, concurrent: true }),
	).toMatchObject({ failed: 0 });
	await waitForOrFailures(
		e2e.rest,
		`completed delivery of ${order.name}`,
		async () => (Number((await salesOrder(order.name))?.DeliveryStatus) === 21 ? true : undefined),
		180_000,
		1000,
	);
	await waitForIdle(e2e.rest);
	// The order stays (a delivery is real); what shipped is unchanged; completed once.
	const lines = await orderLines(exactOrder.OrderID);
	expect(lines.map((l) => [l.ItemCode, Number(l.QuantityDelivered)])).toEqual([
		['SHOE-TERRA-42', 0],
		['BOOK-UH-2025', 0],
		['COF-HUIS-500', 1],
		['SHIPMENT', 1],
		['SHIPMENT', 1],
	]);
	const { calls } = await e2e.exact.get<{ calls: Array<{ method: string; path: string }> }>(
		'calls',
	);
	expect(
		calls.filter((c) => c.method === 'POST' && c.path.endsWith('salesorder/CompleteSalesOrder')),
	).toHaveLength(1);
	// The 2 bags that will not ship no longer lower the free stock; nothing left the warehouse.
	expect(await stockOf('COF-HUIS-500')).toEqual({
		current: before.current,
		planned: before.planned - 2,
	});
	// The stock template pushed the 2 freed bags to Shopify.
	expect(await shopifyFollows('COF-HUIS-500')).toBe(freeBefore + 2);
});
