/**
 * Create From Order with "After Create Check" on a batch: the orders created in one execution are
 * read back in ONE batched YourRef lookup after all creates (not one GET per order), and a copy
 * "another process" created during the batch is still resolved per YourRef (lowest OrderNumber
 * among the package's own copies is kept; an order a person entered is never touched). Orders to
 * deliver at once are delivered after that check, so only kept orders are delivered.
 */
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { admin } from '../../helpers/exactSandbox';
import { ITEMS } from '../flow/documents';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { customers } from '../flow/syntheticOrders';
import { ownCopy, readyDocuments } from './support';

const node = new ExactOnlineSalesOrder();
type Rec = Record<string, unknown>;

async function ready(kit: Kit, numbers: number[]): Promise<EnrichedOrderDocument[]> {
	return await readyDocuments(
		kit,
		numbers.map((number, i) => ({
			number,
			customer: customers(1, 1100 + i * 2 + 1)[0],
			guest: false,
			lines: [{ item: ITEMS[i % 50], quantity: 1 + (i % 3) }],
			shippingCents: 495,
		})),
	);
}

/** Holds this execution's first order POST, and resolves once its YourRef lookup is done. */
async function holdFirstPost(kit: Kit): Promise<void> {
	await admin(kit.sandbox, 'POST', 'faults', {
		method: 'POST',
		pathPrefix: `/api/v1/${kit.division}/salesorder/SalesOrders`,
		delayMs: 1500,
		count: 1,
	});
}

async function lookupDone(kit: Kit): Promise<void> {
	for (let i = 0; i < 200; i++) {
		if ((await kit.calls('salesorder/SalesOrders', 'GET')).length > 0) return;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error('the YourRef lookup never happened');
}

const ordersWithRef = async (kit: Kit, ref: string) =>
	(await kit.state<Rec>('salesorder/SalesOrders')).filter((o) => o.YourRef === ref);

describe('Sales Order: After Create Check reads a batch back in one lookup', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	it('25 new orders cost 25 POSTs + 1 YourRef lookup + 1 read-back, and a race copy made during the batch is removed', async () => {
		const numbers = Array.from({ length: 25 }, (_, i) => 4101 + i);
		const docs = await ready(kit, numbers);
		await kit.clearCalls();
		await holdFirstPost(kit);
		const running = kit.run(
			node,
			{ operation: 'createFromOrder', options: { afterCreateCheck: 'removeNewer' } },
			docs,
		);
		// While the first POST is held (after the lookup), "another process" creates #4101 and
		// #4125, and a person enters an order with YourRef #4113 by hand.
		await lookupDone(kit);
		const [first] = await kit.seed('salesorder/SalesOrders', [ownCopy(docs[0])]);
		const [last] = await kit.seed('salesorder/SalesOrders', [ownCopy(docs[24])]);
		const [byHand] = await kit.seed('salesorder/SalesOrders', [
			{ ...ownCopy(docs[12]), Description: 'Entered by hand' },
		]);
		const result = await running;
		expect(result.error).toBeUndefined();

		const log = await kit.calls('salesorder/SalesOrders');
		const posts = log.filter((c) => c.method === 'POST');
		const gets = log.filter((c) => c.method === 'GET');
		expect(posts).toHaveLength(25);
		expect(gets).toHaveLength(2);
		// The read-back comes after every create and asks for every created YourRef at once.
		expect(log.indexOf(gets[1])).toBeGreaterThan(log.indexOf(posts[24]));
		const readBack = decodeURIComponent(String(gets[1].query ?? ''));
		for (const n of numbers) expect(readBack).toContain(`YourRef eq '#${n}'`);
		// Only the two copies of this run that lost the race are deleted.
		expect(log.filter((c) => c.method === 'DELETE')).toHaveLength(2);
		expect(await kit.calls()).toHaveLength(29);

		const actions = result.items.map((i) => i.json.action);
		expect(actions[0]).toBe('skipped');
		expect(actions[24]).toBe('skipped');
		expect(actions.slice(1, 24)).toEqual(Array(23).fill('created'));
		for (const [index, other] of [
			[0, first],
			[24, last],
		] as const) {
			const json = result.items[index].json;
			expect((json.exact as { salesOrder: Rec }).salesOrder).toMatchObject({
				id: other.OrderID,
				action: 'skipped',
				reason: 'duplicate removed',
			});
			expect(json.reason).toBe('duplicate removed');
			expect(String(json.warning)).toMatch(/created first by a concurrent run/);
			expect((await ordersWithRef(kit, `#${numbers[index]}`)).map((o) => o.OrderID)).toEqual([
				other.OrderID,
			]);
		}
		// The hand-entered order is not the package's: both stay, the import is kept as created.
		const ids13 = (await ordersWithRef(kit, '#4113')).map((o) => o.OrderID);
		expect(ids13).toHaveLength(2);
		expect(ids13).toContain(byHand.OrderID);
		for (const n of numbers.slice(1, 24).filter((n) => n !== 4113))
			expect(await ordersWithRef(kit, `#${n}`)).toHaveLength(1);
		// Per item: its POST (+ DELETE), the read-back on the first item; the batch shows all 29.
		const perItem = result.items.map((i) => Number(i.json.exactCalls));
		expect(perItem.slice(0, 3)).toEqual([3, 1, 1]);
		expect(perItem[24]).toBe(2);
		expect(perItem.reduce((a, b) => a + b, 0)).toBe(28);
		expect(result.items.every((i) => i.json.exactBatchCalls === 29)).toBe(true);
	});

	it('a single order is still read back with one lookup', async () => {
		const docs = await ready(kit, [4140]);
		await kit.clearCalls();
		const result = await kit.run(
			node,
			{ operation: 'createFromOrder', options: { afterCreateCheck: 'removeNewer' } },
			docs,
		);
		expect(result.items[0].json.action).toBe('created');
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET', 'POST', 'GET']);
	});

	it('an order twice in the input points both items at the order kept after the check', async () => {
		const [doc] = await ready(kit, [4160]);
		await kit.clearCalls();
		await holdFirstPost(kit);
		const running = kit.run(
			node,
			{ operation: 'createFromOrder', options: { afterCreateCheck: 'removeNewer' } },
			[doc, doc],
		);
		await lookupDone(kit);
		const [other] = await kit.seed('salesorder/SalesOrders', [ownCopy(doc)]);
		const result = await running;
		expect((await ordersWithRef(kit, '#4160')).map((o) => o.OrderID)).toEqual([other.OrderID]);
		expect(result.items.map((i) => (i.json.exact as { salesOrder: Rec }).salesOrder.id)).toEqual([
			other.OrderID,
			other.OrderID,
		]);
		expect(result.items.map((i) => i.json.action)).toEqual(['skipped', 'skipped']);
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET', 'POST', 'GET', 'DELETE']);
	});

	it('delivers only the kept orders when Deliver Immediately is on', async () => {
		const docs = await ready(kit, [4150, 4151, 4152]);
		await kit.clearCalls();
		await holdFirstPost(kit);
		const running = kit.run(
			node,
			{
				operation: 'createFromOrder',
				options: { afterCreateCheck: 'removeNewer', deliverImmediately: true },
			},
			docs,
		);
		await lookupDone(kit);
		const [other] = await kit.seed('salesorder/SalesOrders', [ownCopy(docs[0])]);
		const result = await running;
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.action)).toEqual(['skipped', 'created', 'created']);
		expect((await ordersWithRef(kit, '#4150')).map((o) => o.OrderID)).toEqual([other.OrderID]);
		const deliveries = await kit.calls('salesorder/GoodsDeliveries', 'POST');
		expect(deliveries).toHaveLength(2);
		const orderOfLine = new Map(
			(await kit.state<Rec>('salesorder/SalesOrderLines')).map((l) => [l.ID, l.OrderID]),
		);
		const delivered = (await kit.state<Rec>('salesorder/GoodsDeliveryLines')).map((l) =>
			orderOfLine.get(l.SalesOrderLineID),
		);
		for (const doc of docs.slice(1)) {
			const [order] = await ordersWithRef(kit, doc.references.yourRef);
			expect(delivered).toContain(order.OrderID);
		}
		expect(delivered).not.toContain(other.OrderID);
		expect(
			(result.items[0].json.exact as { goodsDelivery?: unknown }).goodsDelivery,
		).toBeUndefined();
	});
});
