import { openSandbox, q, seed, TestSandbox } from './helpers';

describe('salesorder/SalesOrders and SalesOrderLines', () => {
	let t: TestSandbox;
	let account: { ID: string; MainContact: string };
	let item: { ID: string; Description: string };
	let other: { ID: string };
	beforeAll(async () => {
		t = await openSandbox();
		[account] = await seed(t, 'crm/Accounts', [
			{ Name: 'Order BV', Status: 'C', City: 'Ede', AddressLine1: 'Dorp 1' },
		]);
		await seed(t, 'crm/Contacts', [{ Account: account.ID, FirstName: 'Olga', LastName: 'Order' }]);
		await seed(t, 'crm/Addresses', [
			{ Account: account.ID, Type: 4, AddressLine1: 'Lever 2', City: 'Ede' },
		]);
		[other] = await seed(t, 'crm/Accounts', [{ Name: 'Other BV' }]);
		[item] = await seed(t, 'logistics/Items', [
			{ Code: 'ORD-1', Description: 'Orderable thing', StandardSalesPrice: 50, IsStockItem: true },
		]);
	});
	afterAll(() => t.close());

	const post = (body: unknown) => t.api('POST', 'salesorder/SalesOrders', { body, prefer: true });
	const order = (lines: unknown[], extra: Record<string, unknown> = {}) =>
		post({ OrderedBy: account.ID, SalesOrderLines: lines, ...extra });

	test('a minimal POST gets the defaults Exact fills in', async () => {
		const res = await order([{ Item: item.ID, Quantity: 1, NetPrice: 100 }], {
			OrderDate: '2026-06-25',
		});
		expect(res.status).toBe(201);
		const d = res.json.d;
		const main = (await t.api('GET', `crm/Accounts(guid'${account.ID}')?$select=MainContact`)).json
			.d.MainContact;
		const warehouses = await t.api(
			'GET',
			`inventory/Warehouses?$filter=${q('Main eq 1')}&$select=ID,Code`,
		);
		const delivery = await t.api(
			'GET',
			`crm/Addresses?$filter=${q(`Account eq guid'${account.ID}' and Type eq 4`)}&$select=ID`,
		);
		expect(d).toMatchObject({
			OrderedBy: account.ID,
			DeliverTo: account.ID,
			InvoiceTo: account.ID,
			OrderedByContactPerson: main,
			DeliverToContactPerson: main,
			InvoiceToContactPerson: main,
			DeliveryAddress: delivery.json.d.results[0].ID,
			OrderDate: '/Date(1782345600000)/',
			DeliveryDate: '/Date(1782345600000)/',
			WarehouseID: warehouses.json.d.results[0].ID,
			WarehouseCode: '1',
			Currency: 'EUR',
			PaymentCondition: '00',
			ApprovalStatus: 1,
			ApprovalStatusDescription: 'Automatically',
			Status: 12,
			DeliveryStatus: 12,
			InvoiceStatus: 12,
			StatusDescription: 'Open',
			OrderedByName: 'Order BV',
		});
		expect(typeof d.OrderNumber).toBe('number');
		expect(d.SalesOrderLines.__deferred.uri).toBe(`${d.__metadata.uri}/SalesOrderLines`);
	});

	test('prices are kept to the division price decimals (2): NetPrice 3.3333 becomes 3.33, the amount 9.99', async () => {
		const res = await order([
			{ Item: item.ID, Quantity: 3, NetPrice: 3.3333333333, UnitPrice: 3.3333333333 },
		]);
		expect(res.status).toBe(201);
		const [line] = (
			await t.api(
				'GET',
				`salesorder/SalesOrderLines?$filter=${q(`OrderID eq guid'${res.json.d.OrderID}'`)}`,
			)
		).json.d.results;
		expect(line).toMatchObject({ NetPrice: 3.33, UnitPrice: 3.33, AmountFC: 9.99 });
	});

	test('an order in another currency gets its division amount (EUR) from financial/ExchangeRates; without a rate it is refused', async () => {
		const usd = await order([{ Item: item.ID, Quantity: 1, NetPrice: 100 }], { Currency: 'USD' });
		expect(usd.status).toBe(201);
		expect(usd.json.d).toMatchObject({ Currency: 'USD', AmountFC: 100, AmountDC: 92 });
		const jpy = await order([{ Item: item.ID, Quantity: 1, NetPrice: 100 }], { Currency: 'JPY' });
		expect(jpy.status).toBe(500);
		expect(JSON.stringify(jpy.json)).toMatch(/there is no exchange rate from JPY to EUR/);
	});

	test('OrderNumber is sequential', async () => {
		const a = (await order([{ Item: item.ID, NetPrice: 1 }])).json.d.OrderNumber;
		const b = (await order([{ Item: item.ID, NetPrice: 1 }])).json.d.OrderNumber;
		expect(b).toBe(a + 1);
	});

	test('lines take the item description, list price and a line number', async () => {
		const d = (await order([{ Item: item.ID, Quantity: 3 }])).json.d;
		const lines = await t.api(
			'GET',
			`salesorder/SalesOrderLines?$filter=${q(`OrderID eq guid'${d.OrderID}'`)}`,
		);
		expect(lines.json.d.results).toHaveLength(1);
		expect(lines.json.d.results[0]).toMatchObject({
			LineNumber: 1,
			Description: 'Orderable thing',
			UnitPrice: 50,
			NetPrice: 50,
			Quantity: 3,
			AmountFC: 150,
			OrderNumber: d.OrderNumber,
			QuantityDelivered: 0,
		});
	});

	test('VAT code type E: prices exclude VAT', async () => {
		const d = (await order([{ Item: item.ID, Quantity: 2, NetPrice: 100, VATCode: 'V21' }])).json.d;
		expect(d.AmountFCExclVat).toBe(200);
		expect(d.AmountFC).toBe(242);
		const line = (
			await t.api('GET', `salesorder/SalesOrderLines?$filter=${q(`OrderID eq guid'${d.OrderID}'`)}`)
		).json.d.results[0];
		expect(line).toMatchObject({
			VATCode: 'V21',
			VATPercentage: 0.21,
			VATAmount: 42,
			AmountFC: 200,
		});
	});

	test('VAT code type I: prices include VAT, rounded per line', async () => {
		const d = (
			await order([
				{ Item: item.ID, Quantity: 2, NetPrice: 100, VATCode: 'I21' },
				{ Item: item.ID, Quantity: 1, NetPrice: 10.9, VATCode: 'I9' },
			])
		).json.d;
		// 200 incl. 21% → VAT 34.71; 10.90 incl. 9% → VAT 0.90
		expect(d.AmountFC).toBe(210.9);
		expect(d.AmountFCExclVat).toBe(175.29);
	});

	test('a blocked or unknown VAT code on a line is a 500', async () => {
		const blocked = await order([{ Item: item.ID, NetPrice: 1, VATCode: 'OLD' }]);
		expect(blocked.status).toBe(500);
		expect(blocked.json.error.message.value).toMatch(/blocked/);
		expect((await order([{ Item: item.ID, NetPrice: 1, VATCode: 'ZZZ' }])).status).toBe(500);
	});

	test('OrderedBy and SalesOrderLines are mandatory', async () => {
		expect((await post({ SalesOrderLines: [{ Item: item.ID }] })).status).toBe(500);
		expect((await post({ OrderedBy: account.ID, SalesOrderLines: [] })).status).toBe(500);
		expect((await post({ OrderedBy: account.ID, SalesOrderLines: [{ Quantity: 1 }] })).status).toBe(
			500,
		);
	});

	test('OrderedBy, DeliverTo and InvoiceTo cannot change on PUT (500); other fields merge', async () => {
		const d = (await order([{ Item: item.ID, NetPrice: 5 }], { YourRef: 'REF-1' })).json.d;
		const url = `salesorder/SalesOrders(guid'${d.OrderID}')`;
		for (const field of ['OrderedBy', 'DeliverTo', 'InvoiceTo']) {
			const res = await t.api('PUT', url, { body: { [field]: other.ID } });
			expect(res.status).toBe(500);
		}
		expect(
			(await t.api('PUT', url, { body: { OrderedBy: account.ID, Description: 'Changed' } })).status,
		).toBe(204);
		const after = (await t.api('GET', url)).json.d;
		expect(after).toMatchObject({
			Description: 'Changed',
			YourRef: 'REF-1',
			OrderedBy: account.ID,
		});
	});

	test('$expand=SalesOrderLines inlines the lines; navigation lists them', async () => {
		const d = (
			await order([
				{ Item: item.ID, NetPrice: 1 },
				{ Item: item.ID, NetPrice: 2 },
			])
		).json.d;
		const expanded = await t.api(
			'GET',
			`salesorder/SalesOrders(guid'${d.OrderID}')?$expand=SalesOrderLines`,
		);
		expect(
			expanded.json.d.SalesOrderLines.results.map((l: { NetPrice: number }) => l.NetPrice),
		).toEqual([1, 2]);
		const byFilter = await t.api(
			'GET',
			`salesorder/SalesOrders?$filter=${q(`OrderID eq guid'${d.OrderID}'`)}&$expand=SalesOrderLines&$select=OrderID,SalesOrderLines/LineNumber`,
		);
		expect(byFilter.json.d.results[0].SalesOrderLines.results[1]).toEqual({
			__metadata: expect.any(Object),
			LineNumber: 2,
		});
		const nav = await t.api('GET', `salesorder/SalesOrders(guid'${d.OrderID}')/SalesOrderLines`);
		expect(nav.json.d.results).toHaveLength(2);
	});

	test('lines posted on their own need OrderID and update the order totals', async () => {
		const d = (await order([{ Item: item.ID, NetPrice: 10, VATCode: 'V21' }])).json.d;
		expect(
			(await t.api('POST', 'salesorder/SalesOrderLines', { body: { Item: item.ID } })).status,
		).toBe(500);
		const line = await t.api('POST', 'salesorder/SalesOrderLines', {
			body: { OrderID: d.OrderID, Item: item.ID, NetPrice: 5, Quantity: 2, VATCode: 'V21' },
			prefer: true,
		});
		expect(line.status).toBe(201);
		expect(line.json.d.LineNumber).toBe(2);
		const after = (await t.api('GET', `salesorder/SalesOrders(guid'${d.OrderID}')`)).json.d;
		expect(after.AmountFCExclVat).toBe(20);
		expect(after.AmountFC).toBe(24.2);
	});

	test('an account used in an order cannot be deleted; deleting the order removes its lines', async () => {
		const d = (await order([{ Item: item.ID, NetPrice: 1 }])).json.d;
		expect((await t.api('DELETE', `crm/Accounts(guid'${account.ID}')`)).status).toBe(500);
		expect((await t.api('DELETE', `salesorder/SalesOrders(guid'${d.OrderID}')`)).status).toBe(204);
		const lines = await t.api(
			'GET',
			`salesorder/SalesOrderLines?$filter=${q(`OrderID eq guid'${d.OrderID}'`)}`,
		);
		expect(lines.json.d.results).toHaveLength(0);
	});
});
