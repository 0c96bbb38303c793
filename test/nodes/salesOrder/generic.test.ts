import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import { runListSearch } from '../../helpers/harness';
import { filterOf, runLoadOptions, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';

const node = new ExactOnlineSalesOrder();
type Rec = Record<string, unknown>;
const byNumber = (n: unknown) => ({ __rl: true, mode: 'number', value: String(n) });

describe('Sales Order: generic operations', () => {
	let kit: Kit;
	let open: Rec;
	let delivered: Rec;
	beforeAll(async () => {
		kit = await startKit();
		const accounts = await kit.state<Rec>('crm/Accounts');
		const items = await kit.state<Rec>('logistics/Items');
		const line = (code: string, quantity: number) => ({
			Item: items.find((i) => i.Code === code)?.ID,
			Quantity: quantity,
		});
		[open, delivered] = await kit.seed('salesorder/SalesOrders', [
			{
				OrderedBy: accounts[0].ID,
				YourRef: 'OPEN-1',
				Description: 'Open order',
				SalesOrderLines: [line('FIETS-001', 1), line('BOEK-042', 2)],
			},
			{
				OrderedBy: accounts[1].ID,
				YourRef: 'SENT-1',
				Description: 'Delivered order',
				ApprovalStatus: 2,
				SalesOrderLines: [line('KOFFIE-250', 1)],
			},
		]);
		const [deliveredLine] = (await kit.state<Rec>('salesorder/SalesOrderLines')).filter(
			(l) => l.OrderID === delivered.OrderID,
		);
		await kit.seed('salesorder/GoodsDeliveries', [
			{
				DeliveryDate: '2026-03-02',
				GoodsDeliveryLines: [{ SalesOrderLineID: deliveredLine.ID, QuantityDelivered: 1 }],
			},
		]);
	});
	afterAll(async () => kit.close());

	it('gets an order with its lines by number or ID', async () => {
		await kit.clearCalls();
		const result = await kit.run(node, { operation: 'get', orderId: byNumber(open.OrderNumber) }, [
			{},
		]);
		expect(result.items[0].json).toMatchObject({
			OrderID: open.OrderID,
			YourRef: 'OPEN-1',
			action: 'found',
			exactCalls: 2,
		});
		expect((result.items[0].json.SalesOrderLines as Rec[]).map((l) => l.Quantity)).toEqual([1, 2]);
		const log = await kit.calls();
		expect(filterOf(log[0])).toBe(`OrderNumber eq ${open.OrderNumber}`);
		expect(log[1].query).toContain('$expand=SalesOrderLines');
		const byId = await kit.run(
			node,
			{ operation: 'get', orderId: { __rl: true, mode: 'id', value: String(open.OrderID) } },
			[{}],
		);
		expect(byId.items[0].json.OrderNumber).toBe(open.OrderNumber);
	});

	it('lists orders by reference and status, with lines when asked', async () => {
		await kit.clearCalls();
		const result = await kit.run(
			node,
			{
				operation: 'getAll',
				returnAll: true,
				filters: { yourRef: 'SENT-1', status: 20 },
				options: { includeLines: true },
			},
			[{}],
		);
		expect(result.items.map((i) => i.json.OrderID)).toEqual([delivered.OrderID]);
		expect((result.items[0].json.SalesOrderLines as Rec[]).length).toBe(1);
		expect(filterOf((await kit.calls())[0])).toBe("YourRef eq 'SENT-1' and Status eq 20");
	});

	it('updates header fields with one PUT after locating the order', async () => {
		await kit.clearCalls();
		const result = await kit.run(
			node,
			{
				operation: 'update',
				orderId: byNumber(open.OrderNumber),
				updateFields: { remarks: 'Call first', deliveryDate: '2026-04-01T00:00:00' },
			},
			[{}],
		);
		expect(result.items[0].json).toMatchObject({
			OrderID: open.OrderID,
			Remarks: 'Call first',
			DeliveryDate: '2026-04-01',
			action: 'updated',
		});
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET', 'PUT']);
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).find((o) => o.OrderID === open.OrderID)
				?.Remarks,
		).toBe('Call first');
	});

	it('cancels an undelivered order by deleting it; a second cancel is skipped; a delivered one fails', async () => {
		const first = await kit.run(
			node,
			{ operation: 'cancel', orderId: byNumber(open.OrderNumber) },
			[{}],
		);
		expect(first.items[0].json).toMatchObject({ OrderID: open.OrderID, action: 'deleted' });
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).some((o) => o.OrderID === open.OrderID),
		).toBe(false);
		const again = await kit.run(
			node,
			{ operation: 'cancel', orderId: byNumber(open.OrderNumber) },
			[{}],
		);
		expect(again.items[0].json).toMatchObject({
			action: 'skipped',
			reason: 'no such sales order (already cancelled or deleted)',
		});
		const sent = await kit.run(
			node,
			{ operation: 'cancel', orderId: byNumber(delivered.OrderNumber) },
			[{}],
			{ continueOnFail: true },
		);
		expect(sent.items[0].json.error).toBe(
			`Sales order ${delivered.OrderNumber} has deliveries (status 20); Exact's API cannot cancel it`,
		);
		expect(sent.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('offers payment conditions, shipping methods and warehouses to pick from', async () => {
		const conditions = await runLoadOptions(kit, node, 'getPaymentConditions');
		expect(conditions.map((c) => c.value)).toEqual(['00', '14', '30', 'IDL', 'PP']);
		const methods = await runLoadOptions(kit, node, 'getShippingMethods');
		expect(methods.map((m) => m.name)).toEqual([
			'AFH · Afhalen in de winkel',
			'DHL · DHL Parcel',
			'POSTNL · PostNL pakket',
		]);
		const warehouses = await runLoadOptions(kit, node, 'getWarehouses');
		expect(warehouses.map((w) => w.name)).toEqual([
			'1 · Hoofdmagazijn Utrecht (main)',
			'2 · Magazijn Rotterdam',
		]);
		const { results } = await runListSearch({
			node,
			method: 'searchWarehouses',
			credentials: kit.credentials,
			filter: 'rotter',
		});
		expect(results.map((r) => r.name)).toEqual(['2 · Magazijn Rotterdam']);
		const groups = await runLoadOptions(kit, new ExactOnlineItem(), 'getItemGroups');
		expect(groups.map((g) => g.name)).toEqual([
			'001 · Handelsgoederen (default)',
			'002 · Verzendkosten',
			'003 · Diensten',
		]);
	});
});
