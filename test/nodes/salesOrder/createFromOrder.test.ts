import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { admin } from '../../helpers/exactSandbox';
import { runChain } from '../flow/chain';
import { ITEMS, mapSpecs } from '../flow/documents';
import { filterOf, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { customers } from '../flow/syntheticOrders';
import { ownCopy } from './support';

const node = new ExactOnlineSalesOrder();
type Rec = Record<string, unknown>;
const create = { operation: 'createFromOrder' };

/** Documents that went through the Account and Item nodes, ready for the Sales Order node. */
async function ready(kit: Kit, numbers: number[]): Promise<EnrichedOrderDocument[]> {
	const docs = mapSpecs(
		numbers.map((number, i) => ({
			number,
			customer: customers(1, 700 + i * 2 + 1)[0],
			guest: false,
			lines: [
				{ item: ITEMS[i % 50], quantity: 2 },
				{ item: ITEMS[(i + 7) % 50], quantity: 1 },
			],
			shippingCents: 495,
		})),
	);
	const account = await kit.run(
		new (
			await import('../../../nodes/ExactOnline/Account/ExactOnlineAccount.node')
		).ExactOnlineAccount(),
		{ operation: 'findOrCreateFromOrder' },
		docs,
	);
	const items = await kit.run(
		new (await import('../../../nodes/ExactOnline/Item/ExactOnlineItem.node')).ExactOnlineItem(),
		{ operation: 'ensureItemsForOrder' },
		account.items,
	);
	return items.items.map((i) => i.json as unknown as EnrichedOrderDocument);
}

describe('Sales Order: Create From Order', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	it('looks up all YourRefs in one call and posts each order with every line inline', async () => {
		const docs = await ready(kit, [4001, 4002]);
		docs[1].paymentGateways = ['paypal'];
		const [shipping] = await kit.state<Rec>('sales/ShippingMethods');
		const warehouse = (await kit.state<Rec>('inventory/Warehouses')).find(
			(w) => w.Code === '2',
		) as Rec;
		const params = {
			...create,
			paymentCondition: '14',
			shippingMethod: String(shipping.ID),
			warehouse: { __rl: true, mode: 'id', value: String(warehouse.ID) },
			options: { gatewayConditions: { rules: [{ gateway: 'PayPal', paymentCondition: 'PP' }] } },
		};
		await kit.clearCalls();
		const result = await kit.run(node, params, docs);
		expect(result.error).toBeUndefined();
		const log = await kit.calls();
		expect(log.map((c) => c.method)).toEqual(['GET', 'POST', 'POST']);
		expect(filterOf(log[0])).toBe("(YourRef eq '#4001' or YourRef eq '#4002')");
		const orders = (await kit.state<Rec>('salesorder/SalesOrders')).filter((o) =>
			['#4001', '#4002'].includes(String(o.YourRef)),
		);
		const account = docs[0].exact.account!;
		expect(orders[0]).toMatchObject({
			OrderedBy: account.id,
			DeliverTo: account.id,
			DeliveryAddress: account.deliveryAddressId,
			OrderedByContactPerson: account.contactId,
			Description: 'Shopify order #4001',
			PaymentCondition: '14',
			ShippingMethod: shipping.ID,
			WarehouseID: warehouse.ID,
			AmountFC: docs[0].totals.totalCents / 100,
		});
		expect(orders[1].PaymentCondition).toBe('PP');
		const lines = (await kit.state<Rec>('salesorder/SalesOrderLines')).filter(
			(l) => l.OrderID === orders[0].OrderID,
		);
		expect(lines.map((l) => [l.Item, l.Quantity, l.VATCode])).toEqual(
			docs[0].lines.map((l) => [l.itemId, l.quantity, 'I21']),
		);
		expect(result.items.map((i) => i.json.action)).toEqual(['created', 'created']);
		const ref = (result.items[0].json.exact as { salesOrder: Rec }).salesOrder;
		expect(ref).toEqual({
			id: orders[0].OrderID,
			number: orders[0].OrderNumber,
			action: 'created',
			totalDifferenceCents: 0,
		});
		expect(
			result.items.map((i) => [i.json.exactCalls, i.json.exactBatchCalls, i.pairedItem]),
		).toEqual([
			[1, 3, { item: 0 }],
			[1, 3, { item: 1 }],
		]);
	});

	it('skips an order that is already imported, naming its number, with one lookup', async () => {
		const docs = await ready(kit, [4001]);
		await kit.clearCalls();
		const result = await kit.run(node, create, [docs[0], docs[0]]);
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET']);
		const number = (await kit.state<Rec>('salesorder/SalesOrders')).find(
			(o) => o.YourRef === '#4001',
		)?.OrderNumber;
		expect(result.items.map((i) => [i.json.action, i.json.reason])).toEqual([
			['skipped', `already imported as sales order ${number}`],
			['skipped', `already imported as sales order ${number}`],
		]);
	});

	it('starts each output item with a summary and makes the execution findable by order name', async () => {
		const [doc] = await ready(kit, [4090]);
		doc.exact.division = kit.division;
		const first = await kit.run(node, create, [doc]);
		const number = (await kit.state<Rec>('salesorder/SalesOrders')).find(
			(o) => o.YourRef === '#4090',
		)?.OrderNumber;
		expect(Object.keys(first.items[0].json)[0]).toBe('summary');
		expect(first.items[0].json.summary).toEqual({
			order: '#4090',
			outcome: 'imported',
			exactNumber: number,
			division: kit.division,
			warnings: expect.any(Array),
		});
		expect(first.run.data.resultData.metadata).toEqual({
			order: '#4090',
			outcome: 'imported',
			exactNumber: String(number),
			division: String(kit.division),
		});

		const again = await kit.run(node, create, [doc]);
		expect(again.items[0].json.summary).toMatchObject({
			order: '#4090',
			outcome: 'already imported',
			reason: `already imported as sales order ${number}`,
			exactNumber: number,
		});
		expect(again.run.data.resultData.metadata).toMatchObject({ outcome: 'already imported' });

		delete doc.exact.account;
		const failed = await kit.run(node, create, [doc], { onError: 'continueErrorOutput' });
		const errors = failed.outputs[failed.outputs.length - 1];
		expect(errors[0].json.error).toMatch(
			/^Order #4090: exact.account.id is missing.*\(step: Node under test\)$/,
		);
		expect(failed.run.data.resultData.metadata).toEqual({
			order: '#4090',
			outcome: 'failed',
			division: String(kit.division),
			failedStep: 'Node under test',
		});
	});

	it('creates an order delivered twice in one batch only once', async () => {
		const [doc] = await ready(kit, [4010]);
		const result = await kit.run(node, create, [doc, doc]);
		expect(result.items.map((i) => i.json.action)).toEqual(['created', 'skipped']);
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).filter((o) => o.YourRef === '#4010'),
		).toHaveLength(1);
	});

	it('refuses a document without item ids, VAT codes or account, naming the order and the field', async () => {
		const docs = await ready(kit, [4020, 4021, 4022]);
		delete docs[0].lines[1].itemId;
		delete docs[0].lines[0].vat;
		delete docs[1].exact.account;
		await kit.clearCalls();
		const result = await kit.run(node, create, docs, { continueOnFail: true });
		expect(result.items[0].json.error).toBe(
			'Order #4020: line 1 (SKU-001) has no vat.code (run the Exact Online VAT Resolver node first); line 2 (SKU-008) has no itemId (run the Exact Online Item node first)',
		);
		expect(result.items[1].json.error).toMatch(/^Order #4021: exact.account.id is missing/);
		expect(result.items[2].json.action).toBe('created');
		expect(filterOf((await kit.calls())[0])).toBe("YourRef eq '#4022'");
		const strict = await kit.run(node, create, [docs[1]]);
		expect(strict.error?.message).toMatch(/^Order #4021/);
	});

	it('delivers the whole order right after creating it, and finishes an undelivered one on a re-run', async () => {
		const docs = await ready(kit, [4030, 4031]);
		await kit.run(node, create, [docs[1]]);
		await kit.clearCalls();
		const result = await kit.run(node, { ...create, options: { deliverImmediately: true } }, docs);
		expect(result.items.map((i) => i.json.action)).toEqual(['created', 'skipped']);
		const deliveries = await kit.calls('salesorder/GoodsDeliveries', 'POST');
		expect(deliveries).toHaveLength(2);
		const orders = (await kit.state<Rec>('salesorder/SalesOrders')).filter((o) =>
			['#4030', '#4031'].includes(String(o.YourRef)),
		);
		expect(orders.map((o) => o.DeliveryStatus)).toEqual([21, 21]);
		const goods = (result.items[0].json.exact as { goodsDelivery: { id: string } }).goodsDelivery;
		expect(goods.id).toEqual(expect.any(String));
		await kit.clearCalls();
		const again = await kit.run(node, { ...create, options: { deliverImmediately: true } }, docs);
		expect(again.items.map((i) => i.json.action)).toEqual(['skipped', 'skipped']);
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET']);
	});

	it('creates one order when the response to the POST is lost', async () => {
		const [doc] = await ready(kit, [4040]);
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/salesorder/SalesOrders`,
			dropResponse: true,
		});
		const result = await kit.run(node, create, [doc]);
		expect(result.error).toBeUndefined();
		const orders = (await kit.state<Rec>('salesorder/SalesOrders')).filter(
			(o) => o.YourRef === '#4040',
		);
		expect(orders).toHaveLength(1);
		expect((result.items[0].json.exact as { salesOrder: Rec }).salesOrder.id).toBe(
			orders[0].OrderID,
		);
	});

	it('imports an order once when two executions of this process run it at the same moment', async () => {
		const [doc] = await ready(kit, [4050]);
		await kit.addCredential('second-credential');
		// Each POST takes a second, so both lookups answer before either order exists.
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/salesorder/SalesOrders`,
			delayMs: 1000,
			count: 2,
		});
		const results = await Promise.all(
			[undefined, 'second-credential'].map((credentialId) =>
				kit.run(node, create, [doc], { credentialId }),
			),
		);
		expect(results.map((r) => r.items[0].json.action).sort()).toEqual(['created', 'skipped']);
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).filter((o) => o.YourRef === '#4050'),
		).toHaveLength(1);
	});

	it('removes its own copy when another process created the same order first (After Create Check)', async () => {
		const [doc] = await ready(kit, [4051]);
		// While this run's POST is on its way, "another process" stores the same YourRef.
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/salesorder/SalesOrders`,
			delayMs: 600,
			count: 1,
		});
		const running = kit.run(node, { ...create, options: { afterCreateCheck: 'removeNewer' } }, [
			doc,
		]);
		await new Promise((resolve) => setTimeout(resolve, 250));
		const [other] = await kit.seed('salesorder/SalesOrders', [ownCopy(doc)]);
		const result = await running;
		const left = (await kit.state<Rec>('salesorder/SalesOrders')).filter(
			(o) => o.YourRef === '#4051',
		);
		expect(left.map((o) => o.OrderID)).toEqual([other.OrderID]);
		const ref = (result.items[0].json.exact as { salesOrder: Rec }).salesOrder;
		expect(ref).toMatchObject({ id: other.OrderID, action: 'skipped' });
		expect(String(result.items[0].json.warning)).toMatch(/created first by a concurrent run/);
	});

	it('only reports a duplicate when the check is set to report', async () => {
		const [doc] = await ready(kit, [4052]);
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/salesorder/SalesOrders`,
			delayMs: 600,
			count: 1,
		});
		const running = kit.run(node, { ...create, options: { afterCreateCheck: 'report' } }, [doc]);
		await new Promise((resolve) => setTimeout(resolve, 250));
		await kit.seed('salesorder/SalesOrders', [ownCopy(doc)]);
		const result = await running;
		expect(result.items[0].json.action).toBe('created');
		expect(String(result.items[0].json.warning)).toMatch(
			/Duplicate: sales orders \d+, \d+ all have YourRef #4052/,
		);
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).filter((o) => o.YourRef === '#4052'),
		).toHaveLength(2);
	});

	it('passes skipped test orders through without calls', async () => {
		const [doc] = await ready(kit, [4060]);
		doc.skip = { reason: 'test order (the settings skip test orders)' };
		await kit.clearCalls();
		const result = await kit.run(node, create, [doc]);
		expect(result.items[0].json).toMatchObject({
			action: 'skipped',
			reason: 'test order (the settings skip test orders)',
		});
		expect(await kit.calls()).toHaveLength(0);
	});

	it('runs as part of the chain: the chain helper used by the flow test creates the order', async () => {
		const docs = mapSpecs([
			{
				number: 4070,
				customer: customers(1, 791)[0],
				guest: false,
				lines: [{ item: ITEMS[3], quantity: 1 }],
				shippingCents: null,
			},
		]);
		const result = await runChain(kit, docs);
		expect(result.errors).toEqual([]);
		expect(result.orders[0].action).toBe('created');
	});
});
