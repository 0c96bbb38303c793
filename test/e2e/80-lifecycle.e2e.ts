/**
 * The order after import, in a real n8n with the fulfilments and order changes templates active:
 * an order fulfilled in two parts gets two goods deliveries in Exact, an order edited before
 * fulfilment gets matching lines, a cancelled order leaves Exact's planned stock; every webhook is
 * delivered twice at the same moment and nothing happens twice.
 */
import {
	fulfillmentBody,
	nlConsumerOrders,
	orderLife,
	sellCoffeeInShopify,
} from './support/orderLife';
import { connect, E2E, waitForIdle, waitForOrFailures } from './support/context';

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
const [fulfilled, edited, cancelled, invoiced] = nlConsumerOrders(2501);

beforeAll(async () => {
	e2e = await connect();
	await sellCoffeeInShopify(e2e);
});

test('an order fulfilled in two parts becomes two goods deliveries of exactly those quantities, each once', async () => {
	const order = await placeOrder(fulfilled.order);
	const exactOrder = await imported(order);
	await waitForIdle(e2e.rest);
	const before = await stockOf('COF-HUIS-500');
	const first = fulfillmentBody(order, 770_000_001, 1, [
		[0, 1],
		[2, 2],
	]);
	const second = fulfillmentBody(order, 770_000_002, 2, [
		[1, 1],
		[2, 1],
	]);
	expect(
		await e2e.shopify.deliver('fulfillments/create', [first], { copies: 2, concurrent: true }),
	).toMatchObject({ failed: 0 });
	await waitForOrFailures(
		e2e.rest,
		`first delivery of ${order.name}`,
		async () => {
			const lines = await orderLines(exactOrder.OrderID);
			return lines.some((l) => Number(l.QuantityDelivered) > 0) ? lines : undefined;
		},
		180_000,
		1000,
	);
	expect(
		await e2e.shopify.deliver('fulfillments/create', [second], { copies: 2, concurrent: true }),
	).toMatchObject({ failed: 0 });
	const lines = await waitForOrFailures(
		e2e.rest,
		`second delivery of ${order.name}`,
		async () => {
			const found = await orderLines(exactOrder.OrderID);
			return found.every((l) => Number(l.QuantityDelivered) === Number(l.Quantity))
				? found
				: undefined;
		},
		180_000,
		1000,
	);
	await waitForIdle(e2e.rest);
	// Products delivered as fulfilled; the shipping lines (one per VAT rate) went with the first parcel.
	expect(lines.map((l) => [l.ItemCode, Number(l.Quantity), Number(l.QuantityDelivered)])).toEqual([
		['SHOE-TERRA-42', 1, 1],
		['BOOK-UH-2025', 1, 1],
		['COF-HUIS-500', 3, 3],
		['SHIPMENT', 1, 1],
		['SHIPMENT', 1, 1],
	]);
	const deliveries = (await e2e.exact.state('salesorder/GoodsDeliveries')).filter((d) =>
		String(d.Description).endsWith(` of ${order.name}`),
	);
	expect(deliveries.map((d) => d.TrackingNumber).sort()).toEqual([
		'3SE2E770000001',
		'3SE2E770000002',
	]);
	// The template's Queue-Mode Guard claimed each delivery on the Shopify order and marked it delivered.
	const claims = (
		await e2e.shopify.get<{ calls: Array<{ rootFields?: string[] }> }>('calls')
	).calls.filter((c) => c.rootFields?.includes('metafieldsSet'));
	expect(claims.length).toBeGreaterThanOrEqual(4);
	const deliveryLines = (await e2e.exact.state('salesorder/GoodsDeliveryLines')).filter((l) =>
		deliveries.some((d) => d.EntryID === l.EntryID),
	);
	expect(deliveryLines.map((l) => Number(l.QuantityDelivered)).sort()).toEqual([1, 1, 1, 1, 1, 2]);
	// The template's Invoice option is Never: no invoice.
	expect(
		(await e2e.exact.state('salesinvoice/SalesInvoices')).filter((i) => i.YourRef === order.name),
	).toEqual([]);
	// The 3 bags left the warehouse: out of CurrentStock and no longer planned.
	expect(await stockOf('COF-HUIS-500')).toEqual({
		current: before.current - 3,
		planned: before.planned - 3,
	});
});

test('an order edited before fulfilment gets matching lines in Exact; the webhook twice changes nothing more', async () => {
	const order = await placeOrder(edited.order);
	const exactOrder = await imported(order);
	await waitForIdle(e2e.rest);
	// Shopify's order edit: 2 of the 3 bags of coffee removed (current_quantity), totals updated.
	const after = structuredClone(order);
	after.line_items[2].current_quantity = 1;
	const removed = 2 * Math.round(Number(after.line_items[2].price) * 100);
	after.current_total_price = (
		(Math.round(Number(order.total_price) * 100) - removed) /
		100
	).toFixed(2);
	expect(
		await e2e.shopify.deliver('orders/updated', [after], { copies: 2, concurrent: true }),
	).toMatchObject({ failed: 0 });
	await waitForOrFailures(
		e2e.rest,
		`edited lines of ${order.name}`,
		async () => {
			const lines = await orderLines(exactOrder.OrderID);
			const coffee = lines.find((l) => l.ItemCode === 'COF-HUIS-500');
			return coffee && Number(coffee.Quantity) === 1 ? lines : undefined;
		},
		180_000,
		1000,
	);
	await waitForIdle(e2e.rest);
	const lines = await orderLines(exactOrder.OrderID);
	// The shipping lines are as imported: the edit removed goods, not shipping.
	expect(lines.map((l) => [l.ItemCode, Number(l.Quantity)])).toEqual([
		['SHOE-TERRA-42', 1],
		['BOOK-UH-2025', 1],
		['COF-HUIS-500', 1],
		['SHIPMENT', 1],
		['SHIPMENT', 1],
	]);
});

test('a cancelled order with nothing delivered leaves Exact and its planned stock; twice is harmless', async () => {
	const order = await placeOrder(cancelled.order);
	const exactOrder = await imported(order);
	await waitForIdle(e2e.rest);
	// 40 bags free in the main warehouse, above what open orders (this one's 3 included) will take.
	await stockAboveCommitted('COF-HUIS-500', 40);
	const freeBefore = await shopifyFollows('COF-HUIS-500');
	const before = await stockOf('COF-HUIS-500');
	const payload = {
		...order,
		cancelled_at: '2026-11-21T11:00:00+01:00',
		cancel_reason: 'customer',
	};
	expect(
		await e2e.shopify.deliver('orders/cancelled', [payload], { copies: 2, concurrent: true }),
	).toMatchObject({ failed: 0 });
	await waitForOrFailures(
		e2e.rest,
		`removal of ${order.name}`,
		async () => ((await salesOrder(order.name)) ? undefined : true),
		180_000,
		1000,
	);
	await waitForIdle(e2e.rest);
	expect(await orderLines(exactOrder.OrderID)).toEqual([]);
	// Its 3 bags no longer lower the free stock pushed to Shopify; nothing left the warehouse.
	expect(await stockOf('COF-HUIS-500')).toEqual({
		current: before.current,
		planned: before.planned - 3,
	});
	// The stock template pushed the 3 freed bags to Shopify.
	expect(await shopifyFollows('COF-HUIS-500')).toBe(freeBefore + 3);
});

test('with Invoice: What Was Delivered, each part shipped becomes one processed invoice linked to the order, once', async () => {
	const workflowId = e2e.templateId('shopify-fulfilments-to-exact.json');
	const setInvoice = async (invoice: string) => {
		await e2e.rest.updateWorkflow(workflowId, (nodes) => {
			const node = nodes.find((n) => n.name === 'Deliver Fulfilment') as {
				parameters: Record<string, unknown>;
			};
			node.parameters.invoice = invoice;
			node.parameters.journal = '70';
		});
		await e2e.rest.activateWorkflow(workflowId);
	};
	await setInvoice('delivered');
	try {
		const order = await placeOrder(invoiced.order);
		const exactOrder = await imported(order);
		await waitForIdle(e2e.rest);
		const parts = [
			fulfillmentBody(order, 770_000_011, 1, [[2, 3]]),
			fulfillmentBody(order, 770_000_012, 2, [
				[0, 1],
				[1, 1],
			]),
		];
		const invoices = async () =>
			(await e2e.exact.state('salesinvoice/SalesInvoices')).filter((i) => i.YourRef === order.name);
		for (const [i, part] of parts.entries()) {
			expect(
				await e2e.shopify.deliver('fulfillments/create', [part], { copies: 2, concurrent: true }),
			).toMatchObject({ failed: 0 });
			await waitForOrFailures(
				e2e.rest,
				`invoice ${i + 1} of ${order.name}`,
				async () => {
					const found = await invoices();
					return found.length === i + 1 && found.every((inv) => Number(inv.Status) === 50)
						? found
						: undefined;
				},
				180_000,
				1000,
			);
		}
		await waitForIdle(e2e.rest);
		const all = await invoices();
		expect(all).toHaveLength(2);
		const lines = (await e2e.exact.state('salesinvoice/SalesInvoiceLines')).filter((l) =>
			all.some((inv) => inv.InvoiceID === l.InvoiceID),
		);
		expect(lines.every((l) => l.SalesOrder === exactOrder.OrderID)).toBe(true);
		// The shipping (two lines, one per VAT rate) is invoiced once, with the first parcel.
		expect(lines.map((l) => [l.ItemCode, Number(l.Quantity)]).sort()).toEqual([
			['BOOK-UH-2025', 1],
			['COF-HUIS-500', 3],
			['SHIPMENT', 1],
			['SHIPMENT', 1],
			['SHOE-TERRA-42', 1],
		]);
	} finally {
		await setInvoice('never');
	}
});
