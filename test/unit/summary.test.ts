import { executionData, summarizeDocument, withSummaryFirst } from '../../nodes/core/summary';

const order = (exact: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
	source: 'shopify',
	type: 'order',
	references: { orderName: '#1042', yourRef: '#1042' },
	warnings: ['Shipping: split over two rates'],
	exact: { division: 3012345, ...exact },
	lines: [],
	...extra,
});

describe('run summary of an order or refund', () => {
	it('says an order was imported, with its Exact number and division', () => {
		expect(summarizeDocument(order({ salesOrder: { number: 17, action: 'created' } }))).toEqual({
			order: '#1042',
			outcome: 'imported',
			exactNumber: 17,
			division: 3012345,
			warnings: ['Shipping: split over two rates'],
		});
	});

	it('says an order was already imported, and why', () => {
		const summary = summarizeDocument(
			order({
				salesOrder: { number: 17, action: 'skipped', reason: 'already imported as sales order 17' },
			}),
		);
		expect(summary).toMatchObject({
			outcome: 'already imported',
			reason: 'already imported as sales order 17',
		});
	});

	it('an order on its way (before the Sales Order node) and a skipped test order', () => {
		expect(summarizeDocument(order())).toMatchObject({ outcome: 'in progress', exactNumber: null });
		expect(summarizeDocument(order({}, { skip: { reason: 'test order' } }))).toMatchObject({
			outcome: 'skipped',
			reason: 'test order',
		});
	});

	it('a refund: its id, its order, the credit note number', () => {
		const refund = {
			source: 'shopify',
			type: 'refund',
			references: { orderName: '#1042', refundId: '901' },
			warnings: [],
			exact: { creditNote: { number: 24700003, action: 'created' } },
		};
		expect(summarizeDocument(refund)).toEqual({
			order: '#1042',
			refund: '901',
			outcome: 'credited',
			exactNumber: 24700003,
			division: null,
			warnings: [],
		});
	});

	it('is not made for other json, and goes first when it is', () => {
		expect(summarizeDocument({ Code: 'SKU-1' })).toBeNull();
		expect(withSummaryFirst({ Code: 'SKU-1' })).toEqual({ Code: 'SKU-1' });
		const out = withSummaryFirst({ ...order(), summary: 'old' });
		expect(Object.keys(out)[0]).toBe('summary');
		expect(out.summary).toMatchObject({ order: '#1042' });
	});
});

describe('custom execution data', () => {
	const imported = summarizeDocument(order({ salesOrder: { number: 17, action: 'created' } }))!;

	it('one order: its name, outcome, number and division', () => {
		expect(executionData([imported], [])).toEqual({
			order: '#1042',
			outcome: 'imported',
			exactNumber: '17',
			division: '3012345',
		});
	});

	it('a failed order names the step', () => {
		expect(
			executionData([], [{ summary: summarizeDocument(order()), step: 'Resolve VAT Codes' }]),
		).toEqual({
			order: '#1042',
			outcome: 'failed',
			division: '3012345',
			failedStep: 'Resolve VAT Codes',
		});
	});

	it('several orders: names joined, outcomes counted, values within 255 characters', () => {
		const many = Array.from({ length: 60 }, (_, i) => ({ ...imported, order: `#${2000 + i}` }));
		const data = executionData(many, [
			{ summary: { ...imported, order: '#9999' }, step: 'Find or Create Items' },
		]);
		expect(data.outcome).toBe('60 imported, 1 failed');
		expect(data.order.length).toBeLessThanOrEqual(255);
		expect(data.order.startsWith('#2000, #2001')).toBe(true);
		expect(Object.keys(data).every((k) => /^[A-Za-z0-9_]{1,50}$/.test(k))).toBe(true);
	});
});
