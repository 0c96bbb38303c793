/**
 * Sales Order → Deliver From Fulfilment against the Exact sandbox: an order imported by the order
 * flow is fulfilled in Shopify in two parts; each fulfilment becomes one goods delivery of exactly
 * its lines and quantities, once, with the invoice option following Exact's order-to-invoice path.
 */
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { importOrder, order } from './lifecycleKit';
import type { Rec } from './lifecycleKit';

const node = new ExactOnlineSalesOrder();

/** A fulfillments/create body shipping `parts` ([line index, quantity]) of the order. */
function fulfillment(shopify: Rec, id: number, seq: number, parts: Array<[number, number]>): Rec {
	return {
		id,
		admin_graphql_api_id: `gid://shopify/Fulfillment/${id}`,
		order_id: shopify.id,
		name: `${shopify.name}.${seq}`,
		status: 'success',
		created_at: '2026-07-02T14:05:24+02:00',
		location_id: 1001,
		tracking_company: 'PostNL',
		tracking_number: `3S${id}`,
		tracking_numbers: [`3S${id}`],
		line_items: parts.map(([i, quantity]) => ({ ...shopify.line_items[i], quantity })),
	};
}

const deliver = (invoice = 'never') => ({
	operation: 'deliverFromFulfillment',
	invoice,
	journal: '70',
});

describe('Sales Order: Deliver From Fulfilment', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	/** The goods deliveries (EntryIDs) with lines on the order. */
	const deliveries = async (orderNumber: number) => [
		...new Set(
			(await kit.state<Rec>('salesorder/GoodsDeliveryLines'))
				.filter((l) => l.SalesOrderNumber === orderNumber)
				.map((l) => l.EntryID),
		),
	];
	const lines = async (orderId: string) =>
		(await kit.state<Rec>('salesorder/SalesOrderLines'))
			.filter((l) => l.OrderID === orderId)
			.sort((a, b) => a.LineNumber - b.LineNumber);

	it('two partial fulfilments become two deliveries of exactly their quantities, each once', async () => {
		const shopify = order(7101);
		const salesOrder = await importOrder(kit, shopify);
		const first = fulfillment(shopify, 880001, 1, [[0, 2]]);
		await kit.clearCalls();
		const run1 = await kit.run(node, deliver(), [first]);
		expect(run1.error).toBeUndefined();
		const out1 = run1.items[0].json as Rec;
		expect(out1).toMatchObject({
			action: 'delivered',
			orderName: shopify.name,
			trackingNumber: '3S880001',
		});
		expect(out1.salesOrder).toEqual({ id: salesOrder.OrderID, number: salesOrder.OrderNumber });
		// The fulfilled units, and the shipping line (Shopify never fulfils it) with the first parcel.
		expect(out1.goodsDelivery.lines).toEqual([
			expect.objectContaining({ quantity: 2, lineNumber: 1 }),
			expect.objectContaining({ quantity: 1, lineNumber: 3, itemCode: 'SHIPMENT' }),
		]);
		// Look up the key, the order and its lines, approve the order once, post the delivery.
		expect(
			(await kit.calls()).map((c) => `${c.method} ${c.path.split('/').slice(-2).join('/')}`),
		).toEqual([
			'GET salesorder/GoodsDeliveries',
			'GET salesorder/SalesOrders',
			'GET salesorder/SalesOrderLines',
			expect.stringMatching(/^PUT salesorder\/SalesOrders/),
			'POST salesorder/GoodsDeliveries',
		]);
		let orderLines = await lines(salesOrder.OrderID);
		expect(orderLines.map((l) => l.QuantityDelivered)).toEqual([2, 0, 1]);

		// The same webhook again (Shopify retries), twice at once: nothing more is delivered.
		const again = await Promise.all([
			kit.run(node, deliver(), [first]),
			kit.run(node, deliver(), [first]),
		]);
		for (const r of again)
			expect(r.items[0].json).toMatchObject({
				action: 'skipped',
				reason: expect.stringMatching(/already delivered/),
			});
		expect(await deliveries(salesOrder.OrderNumber)).toHaveLength(1);

		const second = fulfillment(shopify, 880002, 2, [
			[0, 1],
			[1, 1],
		]);
		const run2 = await kit.run(node, deliver(), [second]);
		expect(run2.items[0].json).toMatchObject({ action: 'delivered' });
		orderLines = await lines(salesOrder.OrderID);
		expect(orderLines.map((l) => l.QuantityDelivered)).toEqual([3, 1, 1]);
		const header = (await kit.state<Rec>('salesorder/GoodsDeliveries')).filter((d) =>
			String(d.Description).endsWith(` of ${shopify.name}`),
		);
		expect(header.map((d) => d.TrackingNumber).sort()).toEqual(['3S880001', '3S880002']);
	});

	it('after Deliver Immediately a fulfilment delivers nothing twice and says why', async () => {
		const shopify = order(7102);
		const salesOrder = await importOrder(kit, shopify, {
			salesOrder: { options: { deliverImmediately: true } },
		});
		expect((await lines(salesOrder.OrderID)).map((l) => l.QuantityDelivered)).toEqual([3, 1, 1]);
		const result = await kit.run(node, deliver(), [
			fulfillment(shopify, 880011, 1, [
				[0, 3],
				[1, 1],
			]),
		]);
		const out = result.items[0].json as Rec;
		expect(out).toMatchObject({ action: 'skipped', goodsDelivery: null });
		expect(out.warnings.join(' ')).toMatch(/delivered in Exact already/);
		expect(await deliveries(salesOrder.OrderNumber)).toHaveLength(1);
	});

	it('invoices what was delivered, per fulfilment, and processes the invoice; once', async () => {
		const shopify = order(7103);
		const salesOrder = await importOrder(kit, shopify);
		const first = fulfillment(shopify, 880021, 1, [[0, 2]]);
		const out1 = (await kit.run(node, deliver('delivered'), [first])).items[0].json as Rec;
		expect(out1.invoices).toEqual([expect.objectContaining({ action: 'created', status: 50 })]);
		const invoiceLines = async () =>
			(await kit.state<Rec>('salesinvoice/SalesInvoiceLines')).filter(
				(l) => l.SalesOrder === salesOrder.OrderID,
			);
		// The first invoice: the two bags and the shipping.
		expect((await invoiceLines()).map((l) => l.Quantity)).toEqual([2, 1]);
		// A repeat of the webhook invoices nothing new.
		const repeat = (await kit.run(node, deliver('delivered'), [first])).items[0].json as Rec;
		expect(repeat).toMatchObject({ action: 'skipped', invoices: [] });
		await kit.run(node, deliver('delivered'), [
			fulfillment(shopify, 880022, 2, [
				[0, 1],
				[1, 1],
			]),
		]);
		expect((await invoiceLines()).map((l) => l.Quantity).sort()).toEqual([1, 1, 1, 2]);
		const invoices = (await kit.state<Rec>('salesinvoice/SalesInvoices')).filter(
			(i) => i.YourRef === shopify.name,
		);
		expect(invoices).toHaveLength(2);
		expect(invoices.every((i) => i.Status === 50)).toBe(true);
	});

	it('a fulfilment of an order not imported yet fails naming the order; a cancelled one is skipped', async () => {
		const shopify = order(7104);
		const result = await kit.run(node, deliver(), [fulfillment(shopify, 880031, 1, [[0, 1]])], {
			continueOnFail: true,
		});
		expect(String(result.items[0].json.error)).toMatch(
			`no Exact sales order with YourRef ${shopify.name}`,
		);
		const cancelled = { ...fulfillment(shopify, 880032, 1, [[0, 1]]), status: 'cancelled' };
		const skipped = await kit.run(node, deliver(), [cancelled]);
		expect(skipped.items[0].json).toMatchObject({
			action: 'skipped',
			reason: expect.stringMatching(/cancelled/),
		});
	});

	it('out of order: a fulfilment before the import fails, its retry after the import delivers once; a cancellation after it keeps the order', async () => {
		const shopify = order(7105);
		const early = fulfillment(shopify, 880041, 1, [
			[0, 3],
			[1, 1],
		]);
		const failed = await kit.run(node, deliver(), [early], { continueOnFail: true });
		expect(String(failed.items[0].json.error)).toMatch(/no Exact sales order/);
		const salesOrder = await importOrder(kit, shopify);
		const retried = await Promise.all([
			kit.run(node, deliver(), [early]),
			kit.run(node, deliver(), [early]),
		]);
		expect(retried.map((r) => r.items[0].json.action).sort()).toEqual(['delivered', 'skipped']);
		expect(await deliveries(salesOrder.OrderNumber)).toHaveLength(1);
		const cancel = await kit.run(node, { operation: 'cancelFromOrder' }, [shopify]);
		expect(cancel.items[0].json).toMatchObject({
			action: 'kept',
			reason: expect.stringMatching(/deliveries/),
		});
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).some(
				(o) => o.OrderID === salesOrder.OrderID,
			),
		).toBe(true);
	});

	it("delivers from the warehouse the fulfilment's location maps to, moving the order there first", async () => {
		const shopify = order(7106);
		const salesOrder = await importOrder(kit, shopify);
		const warehouses = await kit.state<Rec>('inventory/Warehouses');
		const rotterdam = warehouses.find((w) => String(w.Code).trim() === '2') as Rec;
		expect(salesOrder.WarehouseID).not.toBe(rotterdam.ID);
		const parcel = { ...fulfillment(shopify, 880051, 1, [[0, 3]]), location_id: 1002 };
		const picked = { __rl: true, mode: 'list', value: '1002', cachedResultName: 'Rotterdam' };
		const map = { locationWarehouses: { rules: [{ locationId: picked, warehouse: '2' }] } };
		const out = (await kit.run(node, { ...deliver(), options: map }, [parcel])).items[0]
			.json as Rec;
		expect(out).toMatchObject({ action: 'delivered' });
		expect(out.warnings.join(' ')).toMatch(/moved to the warehouse of location 1002/);
		const [delivery] = (await kit.state<Rec>('salesorder/GoodsDeliveries')).filter((d) =>
			String(d.Description).startsWith('Shopify fulfilment 880051 '),
		);
		expect(delivery.Warehouse).toBe(rotterdam.ID);
		const unknown = { ...fulfillment(shopify, 880052, 2, [[1, 1]]), location_id: 1003 };
		const bad = await kit.run(
			node,
			{
				...deliver(),
				options: { locationWarehouses: { rules: [{ locationId: '1003', warehouse: '9' }] } },
			},
			[unknown],
			{ continueOnFail: true },
		);
		expect(String(bad.items[0].json.error)).toMatch(
			/warehouse '9' \(mapped from location 1003\) does not exist/,
		);
	});
});
