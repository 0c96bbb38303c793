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
});
