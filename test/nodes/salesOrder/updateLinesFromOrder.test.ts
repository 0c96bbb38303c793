/**
 * Sales Order → Update Lines From Order against the Exact sandbox: an order imported by the order
 * flow is edited in Shopify (quantity changed, a line removed, a line added); its Exact lines are
 * made to match while nothing was delivered or invoiced, and the changes are reported, not applied,
 * afterwards.
 */
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { enriched, importOrder, order } from './lifecycleKit';
import type { Rec } from './lifecycleKit';

const node = new ExactOnlineSalesOrder();
const update = { operation: 'updateLinesFromOrder' };

describe('Sales Order: Update Lines From Order', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	const linesOf = async (orderId: string) =>
		(await kit.state<Rec>('salesorder/SalesOrderLines'))
			.filter((l) => l.OrderID === orderId)
			.sort((a, b) => a.LineNumber - b.LineNumber)
			.map((l) => `${l.ItemCode} × ${l.Quantity}`);

	it('an edit before delivery changes, adds and deletes lines to match; the same webhook again changes nothing', async () => {
		const salesOrder = await importOrder(kit, order(7301));
		const before = await linesOf(salesOrder.OrderID);
		expect(before).toHaveLength(3); // two products and shipping
		// Edited: the first item 3 → 2, the second removed, a third item added.
		const edited = await enriched(
			kit,
			order(7301, [
				[0, 2],
				[13, 1],
			]),
		);
		await kit.clearCalls();
		const run = await kit.run(node, update, [edited]);
		expect(run.error).toBeUndefined();
		const out = run.items[0].json as Rec;
		expect(out).toMatchObject({ action: 'updated', salesOrder: { id: salesOrder.OrderID } });
		expect(out.changes.map((c: Rec) => c.kind).sort()).toEqual(['add', 'change', 'remove']);
		expect(out.warning).toBeUndefined();
		const after = await linesOf(salesOrder.OrderID);
		expect(after).toEqual([
			before[0].replace('× 3', '× 2'),
			before[2],
			expect.stringMatching(/× 1$/),
		]);
		const header = (await kit.state<Rec>('salesorder/SalesOrders')).find(
			(o) => o.OrderID === salesOrder.OrderID,
		) as Rec;
		expect(header.AmountFC).toBeCloseTo(Number(edited.totals.totalCents) / 100, 2);
		// orders/updated again (or for another reason): nothing to change, no write.
		await kit.clearCalls();
		const again = (await kit.run(node, update, [edited])).items[0].json as Rec;
		expect(again).toMatchObject({ action: 'unchanged' });
		expect((await kit.calls()).filter((c) => c.method !== 'GET')).toEqual([]);
	});

	it('after a delivery nothing is applied and each change is reported with what to do', async () => {
		const salesOrder = await importOrder(kit, order(7302), {
			salesOrder: { options: { deliverImmediately: true } },
		});
		const before = await linesOf(salesOrder.OrderID);
		const edited = await enriched(
			kit,
			order(7302, [
				[0, 2],
				[7, 1],
			]),
		);
		const out = (await kit.run(node, update, [edited])).items[0].json as Rec;
		expect(out.action).toBe('notApplied');
		expect(out.reason).toMatch(/has deliveries in Exact; nothing was changed/);
		expect(out.warning).toMatch(
			/Order #7302, line 1 \(.+\): quantity 3 → 2 not applied; change it in Exact/,
		);
		expect(await linesOf(salesOrder.OrderID)).toEqual(before);
	});

	it('an order not in Exact (never imported, or removed) is skipped', async () => {
		const doc = await enriched(kit, order(7303));
		expect((await kit.run(node, update, [doc])).items[0].json).toMatchObject({
			action: 'skipped',
			reason: expect.stringMatching(/not in Exact/),
		});
	});

	it('orders/updated of a cancelled order changes nothing (the cancellation is handled by Cancel From Order)', async () => {
		const salesOrder = await importOrder(kit, order(7304));
		const before = await linesOf(salesOrder.OrderID);
		const cancelled = order(7304, [[0, 1]]);
		cancelled.cancelled_at = '2026-07-03T10:00:00+02:00';
		const out = (await kit.run(node, update, [await enriched(kit, cancelled)])).items[0].json;
		expect(out).toMatchObject({ action: 'skipped', reason: expect.stringMatching(/cancelled/) });
		expect(await linesOf(salesOrder.OrderID)).toEqual(before);
	});
});
