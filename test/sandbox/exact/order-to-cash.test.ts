import { openSandbox, q, seed, TestSandbox } from './helpers';

/**
 * The sales order after its creation: approval before delivery, deliveries, order-to-invoice
 * (InvoiceSalesOrders), processing (PrintedSalesInvoices) and the changes Exact refuses on
 * delivered, invoiced or completed orders.
 */
describe('order to cash: approval, deliveries, invoicing from orders, order changes', () => {
	let t: TestSandbox;
	let account: { ID: string };
	let items: Array<{ ID: string }>;

	beforeEach(async () => {
		t = await openSandbox();
		[account] = await seed(t, 'crm/Accounts', [{ Name: 'Cash BV', Status: 'C' }]);
		items = await seed(t, 'logistics/Items', [
			{ Code: 'OTC-1', Description: 'First', IsStockItem: true },
			{ Code: 'OTC-2', Description: 'Second', IsStockItem: true },
		]);
		await t.admin('POST', 'stock', [
			{ itemCode: 'OTC-1', quantity: 10 },
			{ itemCode: 'OTC-2', quantity: 10 },
		]);
	});
	afterEach(() => t.close());

	const createOrder = async (approve = true) => {
		const res = await t.api('POST', 'salesorder/SalesOrders', {
			body: {
				OrderedBy: account.ID,
				YourRef: '#2001',
				...(approve ? { ApprovalStatus: 2 } : {}),
				SalesOrderLines: [
					{ Item: items[0].ID, Quantity: 3, NetPrice: 10, VATCode: 'V21' },
					{ Item: items[1].ID, Quantity: 1, NetPrice: 20, VATCode: 'V21' },
				],
			},
			prefer: true,
		});
		expect(res.status).toBe(201);
		return res.json.d as { OrderID: string; OrderNumber: number; ApprovalStatus: number };
	};
	const lines = async (orderId: string) =>
		(
			await t.api(
				'GET',
				`salesorder/SalesOrderLines?$filter=${q(`OrderID eq guid'${orderId}'`)}&$orderby=LineNumber`,
			)
		).json.d.results;
	const header = async (orderId: string) =>
		(await t.api('GET', `salesorder/SalesOrders(guid'${orderId}')`)).json.d;
	const deliver = (parts: Array<[string, number]>) =>
		t.api('POST', 'salesorder/GoodsDeliveries', {
			body: {
				DeliveryDate: '2026-07-01',
				TrackingNumber: '3STEST',
				GoodsDeliveryLines: parts.map(([id, n]) => ({
					SalesOrderLineID: id,
					QuantityDelivered: n,
				})),
			},
			prefer: true,
		});
	const invoiceOrders = (ids: string[], invoiceMode: number, extra: Record<string, unknown> = {}) =>
		t.api('POST', 'salesinvoice/InvoiceSalesOrders', {
			body: {
				SalesOrderIDs: ids.map((SalesOrderID) => ({ SalesOrderID })),
				CreateMode: 1,
				InvoiceMode: invoiceMode,
				JournalCode: '70',
				...extra,
			},
		});
	const invoicesOf = async (orderId: string) =>
		(
			await t.api(
				'GET',
				`salesinvoice/SalesInvoiceLines?$filter=${q(`SalesOrder eq guid'${orderId}'`)}&$select=InvoiceID,Quantity,SalesOrderLine,AmountFC`,
			)
		).json.d.results;

	test('a goods delivery needs an approved order (ApprovalStatus 2); a PUT of 2 approves it', async () => {
		const order = await createOrder(false);
		expect(order.ApprovalStatus).toBe(1);
		const [first] = await lines(order.OrderID);
		const refused = await deliver([[first.ID, 1]]);
		expect(refused.status).toBe(500);
		expect(refused.json.error.message.value).toMatch(/not approved/);
		const wrong = await t.api('PUT', `salesorder/SalesOrders(guid'${order.OrderID}')`, {
			body: { ApprovalStatus: 0 },
		});
		expect(wrong.status).toBe(500);
		const approve = await t.api('PUT', `salesorder/SalesOrders(guid'${order.OrderID}')`, {
			body: { ApprovalStatus: 2 },
		});
		expect(approve.status).toBe(204);
		expect((await header(order.OrderID)).ApprovalStatus).toBe(2);
		expect((await deliver([[first.ID, 1]])).status).toBe(201);
	});

	test('deliveries: partial, not more than open, no DELETE; statuses follow delivery and invoicing', async () => {
		const order = await createOrder();
		const [a, b] = await lines(order.OrderID);
		const d1 = await deliver([[a.ID, 2]]);
		expect(d1.status).toBe(201);
		expect(d1.json.d.TrackingNumber).toBe('3STEST');
		expect(await header(order.OrderID)).toMatchObject({
			DeliveryStatus: 20,
			Status: 20,
			InvoiceStatus: 12,
		});
		expect((await deliver([[a.ID, 2]])).status).toBe(500);
		const del = await t.api('DELETE', `salesorder/GoodsDeliveries(guid'${d1.json.d.EntryID}')`);
		expect(del.status).toBe(405);
		expect(
			(
				await deliver([
					[a.ID, 1],
					[b.ID, 1],
				])
			).status,
		).toBe(201);
		// Fully delivered but not invoiced: partial overall, not complete.
		expect(await header(order.OrderID)).toMatchObject({
			DeliveryStatus: 21,
			InvoiceStatus: 12,
			Status: 20,
		});
		const run = await invoiceOrders([order.OrderID], 0);
		expect(run.status).toBe(201);
		expect(run.json.d).toMatchObject({ NumberOfCreatedInvoices: 1, NumberOfFailedInvoices: 0 });
		expect(await header(order.OrderID)).toMatchObject({ InvoiceStatus: 21, Status: 21 });
		// A completed order takes no changes.
		const put = await t.api('PUT', `salesorder/SalesOrders(guid'${order.OrderID}')`, {
			body: { Remarks: 'late change' },
		});
		expect(put.status).toBe(500);
		expect(put.json.error.message.value).toMatch(/complete/);
		const addLine = await t.api('POST', 'salesorder/SalesOrderLines', {
			body: { OrderID: order.OrderID, Item: items[0].ID, Quantity: 1 },
		});
		expect(addLine.status).toBe(500);
	});

	test('InvoiceSalesOrders by quantity delivered invoices only what was delivered and not invoiced', async () => {
		const order = await createOrder();
		const [a, b] = await lines(order.OrderID);
		const nothing = await invoiceOrders([order.OrderID], 0);
		expect(nothing.json.d).toMatchObject({ NumberOfCreatedInvoices: 0, NumberOfFailedInvoices: 1 });
		expect(nothing.json.d.Errors).toMatch(/nothing to invoice/);
		await deliver([[a.ID, 2]]);
		await invoiceOrders([order.OrderID], 0);
		let invoiced = await invoicesOf(order.OrderID);
		expect(invoiced).toHaveLength(1);
		expect(invoiced[0]).toMatchObject({ Quantity: 2, SalesOrderLine: a.ID, AmountFC: 20 });
		const invoice = (
			await t.api('GET', `salesinvoice/SalesInvoices(guid'${invoiced[0].InvoiceID}')`)
		).json.d;
		expect(invoice).toMatchObject({
			Status: 20,
			Journal: '70',
			YourRef: '#2001',
			OrderNumber: order.OrderNumber,
		});
		expect(await header(order.OrderID)).toMatchObject({ InvoiceStatus: 20 });
		// The same call again: nothing new to invoice.
		expect((await invoiceOrders([order.OrderID], 0)).json.d.NumberOfCreatedInvoices).toBe(0);
		await deliver([
			[a.ID, 1],
			[b.ID, 1],
		]);
		await invoiceOrders([order.OrderID], 0);
		invoiced = await invoicesOf(order.OrderID);
		expect(invoiced.map((l: { Quantity: number }) => l.Quantity).sort()).toEqual([1, 1, 2]);
		const [line] = (await lines(order.OrderID)).filter((l: { ID: string }) => l.ID === a.ID);
		expect(line.QuantityInvoiced).toBe(3);
	});

	test('InvoiceSalesOrders by quantity ordered, required fields, and PrintedSalesInvoices processes to 50', async () => {
		const order = await createOrder();
		const missing = await t.api('POST', 'salesinvoice/InvoiceSalesOrders', {
			body: { SalesOrderIDs: [{ SalesOrderID: order.OrderID }], CreateMode: 1, InvoiceMode: 1 },
		});
		expect(missing.status).toBe(500);
		expect(missing.json.error.message.value).toMatch(/JournalCode/);
		const run = await invoiceOrders([order.OrderID], 1);
		expect(run.json.d.NumberOfCreatedInvoices).toBe(1);
		const [first] = await invoicesOf(order.OrderID);
		expect(await header(order.OrderID)).toMatchObject({
			InvoiceStatus: 21,
			DeliveryStatus: 12,
			Status: 20,
		});
		// Invoiced lines cannot be deleted or lowered below what was invoiced; the order cannot be deleted.
		const [a] = await lines(order.OrderID);
		expect((await t.api('DELETE', `salesorder/SalesOrderLines(guid'${a.ID}')`)).status).toBe(500);
		expect((await t.api('DELETE', `salesorder/SalesOrders(guid'${order.OrderID}')`)).status).toBe(
			500,
		);
		const print = await t.api('POST', 'salesinvoice/PrintedSalesInvoices', {
			body: { InvoiceID: first.InvoiceID, SendEmailToCustomer: false },
		});
		expect(print.status).toBe(201);
		const invoice = (await t.api('GET', `salesinvoice/SalesInvoices(guid'${first.InvoiceID}')`))
			.json.d;
		expect(invoice.Status).toBe(50);
		const again = await t.api('POST', 'salesinvoice/PrintedSalesInvoices', {
			body: { InvoiceID: first.InvoiceID },
		});
		expect(again.status).toBe(500);
		const change = await t.api('PUT', `salesinvoice/SalesInvoices(guid'${first.InvoiceID}')`, {
			body: { Remarks: 'x' },
		});
		expect(change.status).toBe(500);
		expect((await t.api('GET', 'salesinvoice/InvoiceSalesOrders')).status).toBe(405);
	});

	test('order lines of an open order: POST, PUT and DELETE change totals and planned stock', async () => {
		const order = await createOrder();
		const [a, b] = await lines(order.OrderID);
		const add = await t.api('POST', 'salesorder/SalesOrderLines', {
			body: {
				OrderID: order.OrderID,
				Item: items[1].ID,
				Quantity: 2,
				NetPrice: 20,
				VATCode: 'V21',
			},
			prefer: true,
		});
		expect(add.status).toBe(201);
		expect(add.json.d.LineNumber).toBe(3);
		expect(
			(await t.api('PUT', `salesorder/SalesOrderLines(guid'${a.ID}')`, { body: { Quantity: 5 } }))
				.status,
		).toBe(204);
		expect((await t.api('DELETE', `salesorder/SalesOrderLines(guid'${b.ID}')`)).status).toBe(204);
		const h = await header(order.OrderID);
		expect(h.AmountFCExclVat).toBe(90); // 5 × 10 + 2 × 20
		const stock = await t.api('GET', `read/logistics/StockPosition?itemId=guid'${items[0].ID}'`);
		expect(stock.json.d[0].PlanningOut).toBe(5);
		// After a delivery the line cannot go below the delivered quantity, nor be deleted.
		await deliver([[a.ID, 4]]);
		expect(
			(await t.api('PUT', `salesorder/SalesOrderLines(guid'${a.ID}')`, { body: { Quantity: 3 } }))
				.status,
		).toBe(500);
		expect((await t.api('DELETE', `salesorder/SalesOrderLines(guid'${a.ID}')`)).status).toBe(500);
	});
});
