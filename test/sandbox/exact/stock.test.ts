import { openSandbox, q, seed, TestSandbox } from './helpers';

interface Position {
	ItemId: string;
	WarehouseCode: string;
	CurrentStock: number;
	PlanningOut: number;
	ProjectedStock: number;
	FreeStock: number;
	Timestamp: string;
}

describe('stock, goods deliveries and stock positions', () => {
	let t: TestSandbox;
	let account: { ID: string };
	let item: { ID: string };
	let warehouses: Record<string, string>;

	const positions = async (): Promise<Position[]> => {
		const res = await t.api('GET', `sync/Inventory/StockPositions?$filter=${q('Timestamp gt 1L')}`);
		return res.json.d.results.filter((p: Position) => p.ItemId === item.ID);
	};
	const at = async (code: string) =>
		(await positions()).find((p) => p.WarehouseCode === code) as Position;
	const order = async (quantity: number, warehouse = '1') =>
		(
			await t.api('POST', 'salesorder/SalesOrders', {
				body: {
					OrderedBy: account.ID,
					WarehouseID: warehouses[warehouse],
					ApprovalStatus: 2,
					SalesOrderLines: [{ Item: item.ID, Quantity: quantity, NetPrice: 10 }],
				},
				prefer: true,
			})
		).json.d;
	const lineOf = async (orderId: string) =>
		(await t.api('GET', `salesorder/SalesOrderLines?$filter=${q(`OrderID eq guid'${orderId}'`)}`))
			.json.d.results[0];
	const deliver = (lineId: string, quantity: number) =>
		t.api('POST', 'salesorder/GoodsDeliveries', {
			body: {
				DeliveryDate: '2026-07-01',
				GoodsDeliveryLines: [{ SalesOrderLineID: lineId, QuantityDelivered: quantity }],
			},
			prefer: true,
		});

	beforeEach(async () => {
		t = await openSandbox();
		[account] = await seed(t, 'crm/Accounts', [{ Name: 'Stock BV' }]);
		[item] = await seed(t, 'logistics/Items', [
			{ Code: 'STK', Description: 'Stock item', IsStockItem: true },
		]);
		const list = (await t.api('GET', 'inventory/Warehouses?$select=ID,Code')).json.d.results;
		warehouses = Object.fromEntries(list.map((w: { ID: string; Code: string }) => [w.Code, w.ID]));
		await t.admin('POST', 'stock', { itemCode: 'STK', warehouse: '1', quantity: 10 });
	});
	afterEach(() => t.close());

	test('an open order raises PlanningOut in its warehouse and gives the stock row a new Timestamp', async () => {
		const before = await at('1');
		expect(before).toMatchObject({
			CurrentStock: 10,
			PlanningOut: 0,
			ProjectedStock: 10,
			FreeStock: 10,
		});
		await order(3);
		const after = await at('1');
		expect(after).toMatchObject({ CurrentStock: 10, PlanningOut: 3, ProjectedStock: 7 });
		expect(BigInt(after.Timestamp)).toBeGreaterThan(BigInt(before.Timestamp));
		await order(2, '2');
		expect(await at('2')).toMatchObject({ PlanningOut: 2, CurrentStock: 0 });
		expect((await at('1')).PlanningOut).toBe(3);
	});

	test('read/logistics/StockPosition answers a d array summed over warehouses', async () => {
		await order(4);
		const res = await t.api('GET', `read/logistics/StockPosition?itemId=guid'${item.ID}'`);
		expect(res.status).toBe(200);
		expect(Array.isArray(res.json.d)).toBe(true);
		expect(res.json.d[0]).toMatchObject({
			ItemId: item.ID,
			InStock: 10,
			PlanningOut: 4,
			ProjectedStock: 6,
		});
		expect((await t.api('GET', 'read/logistics/StockPosition')).status).toBe(400);
	});

	test('goods deliveries raise QuantityDelivered, move DeliveryStatus 12→20→21 and take stock out', async () => {
		const o = await order(3);
		const line = await lineOf(o.OrderID);
		const first = await deliver(line.ID, 2);
		expect(first.status).toBe(201);
		expect(first.json.d.DeliveryAccount).toBe(account.ID);
		expect(first.json.d.Warehouse).toBe(warehouses['1']);
		expect(typeof first.json.d.DeliveryNumber).toBe('number');
		expect((await lineOf(o.OrderID)).QuantityDelivered).toBe(2);
		let header = (await t.api('GET', `salesorder/SalesOrders(guid'${o.OrderID}')`)).json.d;
		expect(header.DeliveryStatus).toBe(20);
		expect(await at('1')).toMatchObject({ CurrentStock: 8, PlanningOut: 1 });
		await deliver(line.ID, 1);
		header = (await t.api('GET', `salesorder/SalesOrders(guid'${o.OrderID}')`)).json.d;
		expect(header.DeliveryStatus).toBe(21);
		// Delivered but not invoiced: the order as a whole is still partial.
		expect(header.Status).toBe(20);
		expect(await at('1')).toMatchObject({ CurrentStock: 7, PlanningOut: 0 });
	});

	test('delivering more than is open is a 500', async () => {
		const o = await order(1);
		const line = await lineOf(o.OrderID);
		const res = await deliver(line.ID, 2);
		expect(res.status).toBe(500);
		expect(res.json.error.message.value).toMatch(/open quantity/);
	});

	test('goods deliveries can be read with $top and updated with PUT, and list their lines', async () => {
		const o = await order(1);
		const d = (await deliver((await lineOf(o.OrderID)).ID, 1)).json.d;
		const put = await t.api('PUT', `salesorder/GoodsDeliveries(guid'${d.EntryID}')`, {
			body: { TrackingNumber: '3SABC' },
		});
		expect(put.status).toBe(204);
		const res = await t.api(
			'GET',
			`salesorder/GoodsDeliveries?$top=1&$expand=GoodsDeliveryLines&$filter=${q(`EntryID eq guid'${d.EntryID}'`)}`,
		);
		expect(res.json.d.results[0].TrackingNumber).toBe('3SABC');
		expect(res.json.d.results[0].GoodsDeliveryLines.results[0]).toMatchObject({
			QuantityDelivered: 1,
			Item: item.ID,
		});
	});

	test('admin stock moves (delta and quantity) change CurrentStock and the Timestamp', async () => {
		const before = await at('1');
		await t.admin('POST', 'stock', { itemId: item.ID, delta: -4 });
		const moved = await at('1');
		expect(moved.CurrentStock).toBe(6);
		expect(BigInt(moved.Timestamp)).toBeGreaterThan(BigInt(before.Timestamp));
		await t.admin('POST', 'stock', { itemCode: 'STK', warehouse: warehouses['2'], quantity: 9 });
		expect((await at('2')).CurrentStock).toBe(9);
		const bad = await t.admin('POST', 'stock', { itemCode: 'NOPE', quantity: 1 });
		expect(bad.status).toBe(400);
	});

	test('inventory/ItemWarehouses shows the per-warehouse figures', async () => {
		await order(2);
		const res = await t.api(
			'GET',
			`inventory/ItemWarehouses?$filter=${q(`Item eq guid'${item.ID}'`)}`,
		);
		const row = res.json.d.results.find((r: { WarehouseCode: string }) => r.WarehouseCode === '1');
		expect(row).toMatchObject({
			CurrentStock: 10,
			PlannedStockOut: 2,
			ProjectedStock: 8,
			ItemCode: 'STK',
		});
	});
});
