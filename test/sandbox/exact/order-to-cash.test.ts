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

	const complete = (body: Record<string, unknown>, line = false) =>
		t.api('POST', line ? 'salesorder/CompleteSalesOrderLine' : 'salesorder/CompleteSalesOrder', {
			body,
		});
	const stockOf = async (itemId: string) =>
		(await t.api('GET', `read/logistics/StockPosition?itemId=guid'${itemId}'`)).json.d[0];

	test('CompleteSalesOrder completes the rest of a partly delivered order: planned stock-out ends, no more deliveries or changes, cannot be undone', async () => {
		const order = await createOrder();
		const [a, b] = await lines(order.OrderID);
		expect((await deliver([[a.ID, 1]])).status).toBe(201);
		expect(await stockOf(items[0].ID)).toMatchObject({ PlanningOut: 2 });
		expect(await stockOf(items[1].ID)).toMatchObject({ PlanningOut: 1 });
		const sync = async () =>
			(await t.api('GET', `sync/Inventory/StockPositions?$filter=${q('Timestamp gt 1L')}`)).json.d
				.results as Array<{ ItemId: string; Timestamp: string; PlanningOut: number }>;
		const before = new Map((await sync()).map((r) => [r.ItemId, r]));
		const done = await complete({
			OrderID: order.OrderID,
			CompleteDelivery: true,
			CompleteInvoice: false,
		});
		expect(done.status).toBe(201);
		expect(done.json.d).toMatchObject({ ErrorMessage: null, OrderID: order.OrderID });
		expect(done.json.d.SuccessMessage).toMatch(/completed/);
		// The undelivered rest no longer lowers free stock, and the sync timestamp moved for both items.
		expect(await stockOf(items[0].ID)).toMatchObject({ PlanningOut: 0 });
		expect(await stockOf(items[1].ID)).toMatchObject({ PlanningOut: 0 });
		for (const row of await sync()) {
			if (row.ItemId !== items[0].ID && row.ItemId !== items[1].ID) continue;
			expect(BigInt(row.Timestamp)).toBeGreaterThan(BigInt(before.get(row.ItemId)!.Timestamp));
			expect(row.PlanningOut).toBe(0);
		}
		// Delivery complete, invoice still open: the delivered goods can be invoiced.
		expect(await header(order.OrderID)).toMatchObject({
			DeliveryStatus: 21,
			InvoiceStatus: 12,
			Status: 20,
		});
		const [la, lb] = await lines(order.OrderID);
		expect([la.DeliveryStatus, lb.DeliveryStatus]).toEqual([21, 21]);
		// No more deliveries, no PUT of the order or its lines, no new lines.
		const more = await deliver([[b.ID, 1]]);
		expect(more.status).toBe(500);
		expect(more.json.error.message.value).toMatch(/delivery is completed/);
		expect(
			(
				await t.api('PUT', `salesorder/SalesOrders(guid'${order.OrderID}')`, {
					body: { Remarks: 'x' },
				})
			).status,
		).toBe(500);
		expect(
			(await t.api('PUT', `salesorder/SalesOrderLines(guid'${a.ID}')`, { body: { Quantity: 5 } }))
				.status,
		).toBe(500);
		expect(
			(
				await t.api('POST', 'salesorder/SalesOrderLines', {
					body: { OrderID: order.OrderID, Item: items[1].ID, Quantity: 1 },
				})
			).status,
		).toBe(500);
		// Invoicing by quantity ordered now invoices only what was delivered.
		expect((await invoiceOrders([order.OrderID], 1)).json.d.NumberOfCreatedInvoices).toBe(1);
		const invoiced = await invoicesOf(order.OrderID);
		expect(invoiced.map((l: { Quantity: number }) => l.Quantity)).toEqual([1]);
		expect(await header(order.OrderID)).toMatchObject({
			DeliveryStatus: 21,
			InvoiceStatus: 21,
			Status: 21,
		});
		// Cannot be undone, and a second call finds nothing left.
		const again = await complete({ OrderID: order.OrderID, CompleteDelivery: true });
		expect(again.status).toBe(201);
		expect(again.json.d.ErrorMessage).toMatch(/already complete/);
		expect(again.json.d.SuccessMessage).toBeNull();
		expect((await t.api('GET', 'salesorder/CompleteSalesOrder')).status).toBe(405);
	});

	test('CompleteSalesOrder answers ErrorMessage for an unknown order or nothing chosen, and refuses a malformed body', async () => {
		const order = await createOrder();
		const unknown = await complete({
			OrderID: '00000000-0000-0000-0000-000000000001',
			CompleteDelivery: true,
		});
		expect(unknown.status).toBe(201);
		expect(unknown.json.d.ErrorMessage).toMatch(/does not exist/);
		const nothing = await complete({ OrderID: order.OrderID });
		expect(nothing.json.d.ErrorMessage).toMatch(/CompleteDelivery/);
		expect((await complete({ CompleteDelivery: true })).status).toBe(500);
		expect((await complete({ OrderID: order.OrderID, CompleteDelivery: 'yes' })).status).toBe(500);
		// Nothing changed: the order is still open and fully planned.
		expect(await header(order.OrderID)).toMatchObject({ DeliveryStatus: 12, Status: 12 });
		expect(await stockOf(items[0].ID)).toMatchObject({ PlanningOut: 3 });
	});

	test('CompleteSalesOrderLine completes one line: its rest leaves planned stock, the other line still ships', async () => {
		const order = await createOrder();
		const [a, b] = await lines(order.OrderID);
		const done = await complete({ ID: a.ID, CompleteDelivery: true }, true);
		expect(done.json.d).toMatchObject({ ErrorMessage: null, ID: a.ID });
		expect(await stockOf(items[0].ID)).toMatchObject({ PlanningOut: 0 });
		expect(await stockOf(items[1].ID)).toMatchObject({ PlanningOut: 1 });
		expect((await deliver([[a.ID, 1]])).status).toBe(500);
		expect((await deliver([[b.ID, 1]])).status).toBe(201);
		expect(await header(order.OrderID)).toMatchObject({ DeliveryStatus: 21 });
		const unknown = await complete(
			{ ID: '00000000-0000-0000-0000-000000000002', CompleteDelivery: true },
			true,
		);
		expect(unknown.json.d.ErrorMessage).toMatch(/does not exist/);
		// CompleteInvoice of a line: nothing more is invoiced for it.
		const inv = await complete({ ID: b.ID, CompleteInvoice: true }, true);
		expect(inv.json.d.ErrorMessage).toBeNull();
		const run = await invoiceOrders([order.OrderID], 0);
		expect(run.json.d.NumberOfCreatedInvoices).toBe(0);
	});
});
