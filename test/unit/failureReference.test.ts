import { failureReference, referencedMessage } from '../../nodes/core/failureReference';

describe('failureReference: the order a failed item is about', () => {
	it('reads an order document, a refund document, a Shopify order and a Shopify fulfilment', () => {
		expect(
			failureReference({ source: 'shopify', type: 'order', references: { orderName: '#1042' } }),
		).toEqual({ order: '#1042' });
		expect(
			failureReference({
				source: 'shopify',
				type: 'refund',
				references: { orderName: '#1042', refundId: 908 },
			}),
		).toEqual({ order: '#1042', refund: '908' });
		expect(failureReference({ name: '#1042', line_items: [] })).toEqual({ order: '#1042' });
		expect(failureReference({ name: '#1042.2', order_id: 55, line_items: [] })).toEqual({
			order: '#1042',
		});
	});

	it('gives nothing for items that carry no order', () => {
		expect(failureReference({ sku: 'A' })).toBeNull();
		expect(failureReference({ name: 'Warehouse 1' })).toBeNull();
		expect(failureReference({ source: 'shopify', references: {} })).toBeNull();
	});
});

describe('referencedMessage: the error workflow reads the order from the start', () => {
	const order = { order: '#1042' };
	it('puts the order first in an Exact refusal', () => {
		expect(referencedMessage('Exact Online Accounts: Forbidden [HTTP 403]', order)).toBe(
			'Order #1042: Exact Online Accounts: Forbidden [HTTP 403]',
		);
	});
	it('keeps a message that starts with the order, and rewords one that names it differently', () => {
		expect(referencedMessage('Order #1042: no VAT code', order)).toBe('Order #1042: no VAT code');
		expect(referencedMessage('Order #1042, line 2: not applied', order)).toBe(
			'Order #1042: line 2: not applied',
		);
		expect(referencedMessage('Order #1042 was created as sales order 7', order)).toBe(
			'Order #1042: the order was created as sales order 7',
		);
		expect(referencedMessage('Order #10421: other order', order)).toBe(
			'Order #1042: Order #10421: other order',
		);
	});
	it('names a refund and its order', () => {
		const refund = { order: '#1042', refund: '908' };
		expect(referencedMessage('Exact Online SalesInvoices: Forbidden [HTTP 403]', refund)).toBe(
			'Refund 908 of Shopify order #1042: Exact Online SalesInvoices: Forbidden [HTTP 403]',
		);
		expect(referencedMessage('Refund 908 of order #1042: no line', refund)).toBe(
			'Refund 908 of Shopify order #1042: no line',
		);
		expect(referencedMessage('Refund 908 of order #1042 has no line to credit', refund)).toBe(
			'Refund 908 of Shopify order #1042: the refund has no line to credit',
		);
	});
});
