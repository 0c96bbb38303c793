import { describeBlockedChange, planOrderEdit } from '../../../nodes/core/exact/orderEdit';

const line = (id: string, n: number, item: string, qty: number, price: number, extra = {}) => ({
	ID: id,
	LineNumber: n,
	Item: item,
	ItemCode: item.toUpperCase(),
	Description: `Item ${item}`,
	Quantity: qty,
	NetPrice: price,
	VATCode: 'I21',
	QuantityDelivered: 0,
	QuantityInvoiced: 0,
	...extra,
});
const want = (item: string, qty: number, price: number, vat = 'I21') => ({
	Item: item,
	Quantity: qty,
	NetPrice: price,
	VATCode: vat,
	Description: `Item ${item}`,
});

describe('planOrderEdit', () => {
	const existing = [
		line('1', 1, 'a', 3, 10),
		line('2', 2, 'b', 1, 20),
		line('3', 3, 'ship', 1, 4.95),
	];

	test('the same lines: no change', () => {
		const plan = planOrderEdit(
			[want('a', 3, 10), want('b', 1, 20), want('ship', 1, 4.95)],
			existing,
			{},
		);
		expect(plan.changes).toEqual([]);
		expect(plan.blocked).toBeNull();
	});

	test('quantity, price and VAT changes become PUTs of only what changed; new lines POSTs; missing lines DELETEs', () => {
		const plan = planOrderEdit(
			[want('a', 2, 10), want('ship', 1, 5.95, 'I9'), want('c', 1, 7)],
			existing,
			{ OrderNumber: 12 },
		);
		expect(plan.puts).toEqual([
			{ id: '1', body: { Quantity: 2 } },
			{ id: '3', body: { NetPrice: 5.95, VATCode: 'I9' } },
		]);
		expect(plan.posts).toEqual([want('c', 1, 7)]);
		expect(plan.deletes).toEqual(['2']);
		expect(plan.changes.map((c) => c.what)).toEqual([
			'quantity 3 → 2',
			'price 4.95 → 5.95, VAT code I21 → I9',
			'added 1 × Item c at 7.00',
			'removed 1 × B',
		]);
		expect(plan.blocked).toBeNull();
	});

	test('an item on two lines (a whole-cent split) pairs each with its own line', () => {
		const split = [line('1', 1, 'a', 2, 3.33), line('2', 2, 'a', 1, 3.34)];
		expect(planOrderEdit([want('a', 2, 3.33), want('a', 1, 3.34)], split, {}).changes).toEqual([]);
		const plan = planOrderEdit([want('a', 1, 3.33), want('a', 1, 3.34)], split, {});
		expect(plan.puts).toEqual([{ id: '1', body: { Quantity: 1 } }]);
	});

	test('the rounding line is left out', () => {
		const withRounding = [
			...existing,
			line('9', 4, 'round', 1, 0.01, { Description: 'Rounding difference' }),
		];
		expect(
			planOrderEdit([want('a', 3, 10), want('b', 1, 20), want('ship', 1, 4.95)], withRounding, {})
				.changes,
		).toEqual([]);
	});

	test('once anything was delivered or invoiced the changes are blocked, and each is explained', () => {
		const delivered = [
			line('1', 1, 'a', 3, 10, { QuantityDelivered: 1 }),
			existing[1],
			existing[2],
		];
		const plan = planOrderEdit(
			[want('a', 2, 10), want('b', 1, 20), want('ship', 1, 4.95)],
			delivered,
			{ OrderNumber: 7 },
		);
		expect(plan.blocked).toBe('sales order 7 has deliveries in Exact');
		expect(describeBlockedChange(plan.changes[0], '#1001')).toBe(
			'Order #1001, line 1 (A): quantity 3 → 2 not applied; change it in Exact by hand, or book the difference with a credit note',
		);
		const invoiced = [line('1', 1, 'a', 3, 10, { QuantityInvoiced: 3 }), existing[1], existing[2]];
		expect(
			planOrderEdit([want('a', 3, 10), want('b', 1, 20)], invoiced, { OrderNumber: 7 }).blocked,
		).toBe('sales order 7 has an invoice in Exact');
		// No change: not blocked, whatever was delivered.
		expect(
			planOrderEdit([want('a', 3, 10), want('b', 1, 20), want('ship', 1, 4.95)], delivered, {})
				.blocked,
		).toBeNull();
	});
});
