/**
 * Sales Order → Invoice Order (orders/paid) and Cancel From Order (orders/cancelled) against the
 * Exact sandbox, on orders imported by the order flow; the input item is the Shopify order.
 */
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { importOrder, order } from './lifecycleKit';
import type { Rec } from './lifecycleKit';

const node = new ExactOnlineSalesOrder();

/** A fulfillments/create body shipping `parts` ([line index, quantity]) of the order. */
function fulfillment(shopify: Rec, id: number, parts: Array<[number, number]>): Rec {
	return {
		id,
		admin_graphql_api_id: `gid://shopify/Fulfillment/${id}`,
		order_id: shopify.id,
		name: `${shopify.name}.1`,
		status: 'success',
		created_at: '2026-07-02T14:05:24+02:00',
		location_id: 1001,
		tracking_number: `3S${id}`,
		line_items: parts.map(([i, quantity]) => ({ ...shopify.line_items[i], quantity })),
	};
}
const deliver = (invoice = 'never') => ({
	operation: 'deliverFromFulfillment',
	invoice,
	journal: '70',
});

describe('Sales Order: Invoice Order and Cancel From Order', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	const invoicesOf = async (name: string) =>
		(await kit.state<Rec>('salesinvoice/SalesInvoices')).filter((i) => i.YourRef === name);
	const planningOut = async (itemCode: string) => {
		const item = (await kit.state<Rec>('logistics/Items')).find((i) => i.Code === itemCode) as Rec;
		return (await kit.state<Rec>('inventory/ItemWarehouses'))
			.filter((w) => w.Item === item.ID)
			.reduce((sum, w) => sum + Number(w.PlannedStockOut ?? 0), 0);
	};

	it('invoices a paid order once, for the ordered quantities, linked to its lines and processed', async () => {
		const shopify = order(7201);
		const salesOrder = await importOrder(kit, shopify);
		const first = await kit.run(node, { operation: 'invoiceFromOrder' }, [shopify]);
		expect(first.error).toBeUndefined();
		const out = first.items[0].json as Rec;
		expect(out).toMatchObject({ action: 'invoiced', orderName: shopify.name });
		expect(out.invoices).toEqual([expect.objectContaining({ action: 'created', status: 50 })]);
		const [invoice] = await invoicesOf(shopify.name);
		expect(invoice).toMatchObject({ Status: 50, Journal: '70', AmountFC: salesOrder.AmountFC });
		const lines = (await kit.state<Rec>('salesinvoice/SalesInvoiceLines')).filter(
			(l) => l.InvoiceID === invoice.InvoiceID,
		);
		expect(lines.every((l) => l.SalesOrder === salesOrder.OrderID)).toBe(true);
		expect(lines.map((l) => l.Quantity)).toEqual([3, 1, 1]);
		// orders/paid delivered twice: the second finds nothing left to invoice.
		const second = (await kit.run(node, { operation: 'invoiceFromOrder' }, [shopify])).items[0]
			.json;
		expect(second).toMatchObject({ action: 'skipped', invoices: [] });
		expect(await invoicesOf(shopify.name)).toHaveLength(1);
	});

	it('a cancelled order with nothing delivered is deleted and its planned stock-out ends; twice is harmless', async () => {
		const shopify = order(7202);
		await importOrder(kit, shopify);
		const sku = shopify.line_items[0].sku as string;
		const planned = await planningOut(sku);
		expect(planned).toBeGreaterThanOrEqual(3);
		const run = (await kit.run(node, { operation: 'cancelFromOrder' }, [shopify])).items[0]
			.json as Rec;
		expect(run).toMatchObject({ action: 'deleted' });
		expect(await planningOut(sku)).toBe(planned - 3);
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).some((o) => o.YourRef === shopify.name),
		).toBe(false);
		const again = (await kit.run(node, { operation: 'cancelFromOrder' }, [shopify])).items[0].json;
		expect(again).toMatchObject({ action: 'skipped' });
	});

	it('a delivered or invoiced order is kept, and the output points at the refunds template', async () => {
		const shopify = order(7203);
		const salesOrder = await importOrder(kit, shopify);
		await kit.run(node, { operation: 'invoiceFromOrder' }, [shopify]);
		const run = (await kit.run(node, { operation: 'cancelFromOrder' }, [shopify])).items[0]
			.json as Rec;
		expect(run).toMatchObject({ action: 'kept', salesOrder: { id: salesOrder.OrderID } });
		expect(run.reason).toMatch(/refunds template/);
		expect(run.warning).toMatch(/still lowers free stock/);
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).some(
				(o) => o.OrderID === salesOrder.OrderID,
			),
		).toBe(true);
	});

	it("finds the order of a shop with an Order Reference Prefix, and not another shop's order of the same name", async () => {
		const shopify = order(7205);
		const salesOrder = await importOrder(kit, shopify, {}, 'BE-');
		const other = await kit.run(
			node,
			{ operation: 'cancelFromOrder', orderReferencePrefix: 'NL-' },
			[shopify],
		);
		expect(other.items[0].json).toMatchObject({ action: 'skipped' });
		const run = await kit.run(node, { operation: 'cancelFromOrder', orderReferencePrefix: 'BE-' }, [
			shopify,
		]);
		expect(run.items[0].json).toMatchObject({
			action: 'deleted',
			salesOrder: { id: salesOrder.OrderID },
		});
	});

	it('invoicing an order that is not in Exact fails naming the order', async () => {
		const shopify = order(7204);
		const run = await kit.run(node, { operation: 'invoiceFromOrder' }, [shopify], {
			continueOnFail: true,
		});
		expect(String(run.items[0].json.error)).toMatch(`Order ${shopify.name}: no Exact sales order`);
	});

	const linesOf = async (orderId: string) =>
		(await kit.state<Rec>('salesorder/SalesOrderLines'))
			.filter((l) => l.OrderID === orderId)
			.sort((a, b) => a.LineNumber - b.LineNumber);
	const invoiceLinesOf = async (orderId: string) =>
		(await kit.state<Rec>('salesinvoice/SalesInvoiceLines')).filter(
			(l) => l.SalesOrder === orderId,
		);

	it('"when paid" and "when fulfilled" both on: paid first invoices all, the fulfilment invoices nothing more', async () => {
		const shopify = order(7206);
		const salesOrder = await importOrder(kit, shopify);
		// orders/paid twice at once, then the fulfilment with "invoice delivered quantities".
		const paid = await Promise.all([
			kit.run(node, { operation: 'invoiceFromOrder' }, [shopify]),
			kit.run(node, { operation: 'invoiceFromOrder' }, [shopify]),
		]);
		expect(paid.map((r) => r.items[0].json.action).sort()).toEqual(['invoiced', 'skipped']);
		const fulfil = await kit.run(node, deliver('delivered'), [
			fulfillment(shopify, 880101, [
				[0, 3],
				[1, 1],
			]),
		]);
		expect(fulfil.items[0].json).toMatchObject({ action: 'delivered', invoices: [] });
		expect(await invoicesOf(shopify.name)).toHaveLength(1);
		expect((await linesOf(salesOrder.OrderID)).map((l) => l.QuantityInvoiced)).toEqual([3, 1, 1]);
	});

	it('"when fulfilled" first, then paid: the paid run invoices only the rest; every unit once', async () => {
		const shopify = order(7207);
		const salesOrder = await importOrder(kit, shopify);
		await kit.run(node, deliver('delivered'), [fulfillment(shopify, 880111, [[0, 2]])]);
		const paid = (await kit.run(node, { operation: 'invoiceFromOrder' }, [shopify])).items[0]
			.json as Rec;
		expect(paid).toMatchObject({ action: 'invoiced' });
		await kit.run(node, deliver('delivered'), [
			fulfillment(shopify, 880112, [
				[0, 1],
				[1, 1],
			]),
		]);
		expect(await invoicesOf(shopify.name)).toHaveLength(2);
		const lines = await linesOf(salesOrder.OrderID);
		expect(lines.map((l) => l.QuantityInvoiced)).toEqual([3, 1, 1]);
		const invoiced = await invoiceLinesOf(salesOrder.OrderID);
		expect(invoiced.reduce((n, l) => n + Number(l.Quantity), 0)).toBe(5);
	});

	it('paid before imported: a clear error, nothing written; the retry after the import invoices once', async () => {
		const shopify = order(7208);
		const early = await kit.run(node, { operation: 'invoiceFromOrder' }, [shopify], {
			continueOnFail: true,
		});
		expect(String(early.items[0].json.error)).toMatch(
			`Order ${shopify.name}: no Exact sales order with this YourRef (not imported yet; retry)`,
		);
		expect(await invoicesOf(shopify.name)).toHaveLength(0);
		await importOrder(kit, shopify);
		const retried = await Promise.all([
			kit.run(node, { operation: 'invoiceFromOrder' }, [shopify]),
			kit.run(node, { operation: 'invoiceFromOrder' }, [shopify]),
		]);
		expect(retried.map((r) => r.items[0].json.action).sort()).toEqual(['invoiced', 'skipped']);
		expect(await invoicesOf(shopify.name)).toEqual([expect.objectContaining({ Status: 50 })]);
	});

	it('a partly delivered order that is cancelled has the rest of its delivery completed: its planned stock-out ends, once', async () => {
		const shopify = order(7209);
		const salesOrder = await importOrder(kit, shopify);
		const sku = shopify.line_items[0].sku as string;
		const other = shopify.line_items[1].sku as string;
		await kit.run(node, deliver(), [fulfillment(shopify, 880121, [[0, 1]])]);
		const planned = await planningOut(sku);
		const plannedOther = await planningOut(other);
		await kit.clearCalls();
		// orders/cancelled arrives twice at once: one completes the rest, the other finds it done.
		const both = await Promise.all([
			kit.run(node, { operation: 'cancelFromOrder' }, [shopify]),
			kit.run(node, { operation: 'cancelFromOrder' }, [shopify]),
		]);
		const outs = both.map((r) => r.items[0].json as Rec);
		expect(outs.map((o) => o.action).sort()).toEqual(['completed', 'skipped']);
		const run = outs.find((o) => o.action === 'completed') as Rec;
		expect(run).toMatchObject({
			action: 'completed',
			salesOrder: { id: salesOrder.OrderID, number: salesOrder.OrderNumber },
			releasedLines: [
				expect.objectContaining({ itemCode: sku, quantity: 2 }),
				expect.objectContaining({ itemCode: other, quantity: 1 }),
			],
		});
		expect(run.reason).toMatch(/refunds template/);
		expect(run.reason).toMatch(/can still be invoiced/);
		expect(
			(await kit.calls()).filter((c) => c.method === 'POST').map((c) => c.path.split('/').pop()),
		).toEqual(['CompleteSalesOrder']);
		expect(await planningOut(sku)).toBe(planned - 2);
		expect(await planningOut(other)).toBe(plannedOther - 1);
		const header = (await kit.state<Rec>('salesorder/SalesOrders')).find(
			(o) => o.OrderID === salesOrder.OrderID,
		) as Rec;
		expect(header).toMatchObject({ DeliveryStatus: 21, InvoiceStatus: 12 });
		// The cancellation webhook again, twice at once: the rest is complete, nothing is written.
		await kit.clearCalls();
		const again = await Promise.all([
			kit.run(node, { operation: 'cancelFromOrder' }, [shopify]),
			kit.run(node, { operation: 'cancelFromOrder' }, [shopify]),
		]);
		for (const r of again)
			expect(r.items[0].json).toMatchObject({
				action: 'skipped',
				reason: expect.stringMatching(/completed/),
			});
		expect((await kit.calls()).filter((c) => c.method !== 'GET')).toEqual([]);
		// What was delivered can still be invoiced (and only that).
		const invoice = (await kit.run(node, { operation: 'invoiceFromOrder' }, [shopify])).items[0]
			.json as Rec;
		expect(invoice).toMatchObject({ action: 'invoiced' });
		expect((await invoiceLinesOf(salesOrder.OrderID)).map((l) => l.Quantity)).toEqual([1, 1]);
		// A late fulfilment of the rest delivers nothing and says why.
		const late = await kit.run(node, deliver(), [fulfillment(shopify, 880122, [[0, 2]])]);
		expect(late.items[0].json).toMatchObject({
			action: 'skipped',
			reason: expect.stringMatching(/completed in Exact/),
		});
	});

	it('Partly Delivered Orders: Leave Open keeps the order and warns that the rest still lowers free stock', async () => {
		const shopify = order(7210);
		const salesOrder = await importOrder(kit, shopify);
		const sku = shopify.line_items[0].sku as string;
		await kit.run(node, deliver(), [fulfillment(shopify, 880131, [[0, 1]])]);
		const planned = await planningOut(sku);
		const run = (
			await kit.run(node, { operation: 'cancelFromOrder', partlyDelivered: 'warn' }, [shopify])
		).items[0].json as Rec;
		expect(run).toMatchObject({ action: 'kept', salesOrder: { id: salesOrder.OrderID } });
		expect(run.warning).toMatch(/still lowers free stock/);
		expect(await planningOut(sku)).toBe(planned);
	});
});
