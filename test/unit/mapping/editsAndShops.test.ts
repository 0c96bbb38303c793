/**
 * Orders edited before import book what the customer still buys; refunded quantities stay booked
 * (their credit notes take them back). Several shops in one Exact division keep their YourRefs
 * apart with an order reference prefix, on orders and refunds alike.
 */
import { mapShopifyOrder, mapShopifyRefund } from '../../../nodes/core';
import { clone, loadFixture } from './fixtures';

type Json = Record<string, unknown>;
const ORDER_1001 = 'rest-2024-04/order-1001-discount-code-partially-refunded.json';
const order1001 = () => clone(loadFixture(ORDER_1001).order as Json);

describe('order edits before import', () => {
	it('books a refunded line at its ordered quantity (the credit note takes it back), without an edit warning', () => {
		// #1001: lines 1 and 3 have current_quantity 0, both refunded: nothing was edited away.
		const doc = mapShopifyOrder(order1001());
		expect(doc.lines.filter((l) => l.kind === 'product').map((l) => l.quantity)).toEqual([1, 1, 1]);
		expect(doc.warnings.join(' ')).not.toMatch(/removed by an order edit/);
	});

	it('leaves out what an edit removed, with discount and tax pro rata, and still reconciles with Shopify', () => {
		const before = mapShopifyOrder(order1001());
		const order = order1001();
		const lines = order.line_items as Json[];
		// Line 2 was ordered once and removed by an order edit (no refund of it).
		lines[1].current_quantity = 0;
		const doc = mapShopifyOrder(order);
		expect(doc.lines[1].quantity).toBe(0);
		expect(doc.lines[1].netAmountInclCents).toBe(0);
		expect(doc.warnings).toContain(
			'line_items[1] "IPod Nano - 8gb - red": 1 of 1 removed by an order edit; 0 booked',
		);
		expect(doc.totals.differenceCents).toBe(before.totals.differenceCents);
		expect(doc.totals.totalCents).toBe(
			before.totals.totalCents - before.lines[1].netAmountInclCents,
		);
	});

	it('books 2 of 3 units when an edit lowered the quantity, the discount shrinking in proportion', () => {
		const order = order1001();
		const line = (order.line_items as Json[])[1];
		line.quantity = 3;
		line.current_quantity = 2;
		line.discount_allocations = [{ amount: '3.00', discount_application_index: 0 }];
		line.tax_lines = [];
		const doc = mapShopifyOrder(order);
		expect(doc.lines[1]).toMatchObject({ quantity: 2, netAmountExclCents: 2 * 19900 - 200 });
	});
});

describe('order reference prefix (several shops, one division)', () => {
	it('puts the prefix before the order name in YourRef and the description, on the order and its refunds', () => {
		const order = order1001();
		const doc = mapShopifyOrder(order, { orderReferencePrefix: 'NL-' });
		expect(doc.references).toMatchObject({
			yourRef: 'NL-#1001',
			orderName: '#1001',
			description: 'Shopify order NL-#1001',
		});
		const refund = (order.refunds as Json[])[0];
		const credit = mapShopifyRefund(refund, order, { orderReferencePrefix: 'NL-' });
		expect(credit.references.yourRef).toBe('NL-#1001');
		expect(mapShopifyOrder(order).references.yourRef).toBe('#1001');
	});

	it('refuses a prefix longer than 10 characters', () => {
		expect(() =>
			mapShopifyOrder(order1001(), { orderReferencePrefix: 'VERY-LONG-PREFIX-' }),
		).toThrow(/orderReferencePrefix/);
	});
});
