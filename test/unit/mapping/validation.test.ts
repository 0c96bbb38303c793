/** Refused payloads name the order and the field path. */
import { mapShopifyOrder, ShopifyValidationError } from '../../../nodes/core';
import { clone, loadFixture } from './fixtures';

type Order = Record<string, unknown> & { line_items: Array<Record<string, unknown>> };

const BASE = loadFixture('synthetic/nl-order-percentage-discount.json') as Order;

function order(change: (o: Order) => void = () => undefined): Order {
	const copy = clone(BASE);
	copy.name = '#1042';
	change(copy);
	return copy;
}

function failure(input: unknown): ShopifyValidationError {
	try {
		mapShopifyOrder(input);
	} catch (error) {
		if (error instanceof ShopifyValidationError) return error;
		throw new Error(`expected a ShopifyValidationError, got ${String(error)}`);
	}
	throw new Error('expected the order to be refused');
}

describe('validation messages name the order and the field path', () => {
	it('line price that is not a decimal', () => {
		const error = failure(order((o) => (o.line_items[2].price = 'abc')));
		expect(error.message).toBe('Order #1042: line_items[2].price is not a decimal amount');
		expect(error.orderName).toBe('#1042');
		expect(error.path).toBe('line_items[2].price');
		expect(error.issues).toEqual([
			{ path: 'line_items[2].price', message: 'is not a decimal amount' },
		]);
		expect(error.name).toBe('ShopifyValidationError');
	});

	it.each<[string, (o: Order) => void, string]>([
		[
			'exponent notation',
			(o) => (o.line_items[0].price = '1e3'),
			'line_items[0].price is not a decimal amount',
		],
		['missing price', (o) => delete o.line_items[1].price, 'line_items[1].price is missing'],
		[
			'negative price',
			(o) => (o.line_items[0].price = '-5.00'),
			'line_items[0].price must not be negative',
		],
		[
			'boolean price',
			(o) => (o.line_items[0].price = true),
			'line_items[0].price is not a decimal amount',
		],
		['missing currency', (o) => delete o.currency, 'currency is missing'],
		[
			'unknown currency shape',
			(o) => (o.currency = 'Euro'),
			'currency is not an ISO currency code',
		],
		[
			'negative quantity',
			(o) => (o.line_items[0].quantity = -1),
			'line_items[0].quantity must be between 0 and 1000000',
		],
		[
			'huge quantity',
			(o) => (o.line_items[0].quantity = 1e9),
			'line_items[0].quantity must be between 0 and 1000000',
		],
		[
			'fractional quantity',
			(o) => (o.line_items[0].quantity = 1.5),
			'line_items[0].quantity must be a whole number',
		],
		[
			'missing quantity',
			(o) => (o.line_items[0].quantity = null),
			'line_items[0].quantity is missing',
		],
		[
			'missing total_price',
			(o) => delete o.total_price_set && delete o.total_price,
			'total_price is missing',
		],
		[
			'line_items not a list',
			(o) => ((o as Record<string, unknown>).line_items = {}),
			'line_items must be a list (got object)',
		],
		[
			'no line_items',
			(o) => delete (o as Record<string, unknown>).line_items,
			'line_items is missing',
		],
		[
			'tax rate above 1',
			(o) => ((o.line_items[0].tax_lines as Array<Record<string, unknown>>)[0].rate = 21),
			'line_items[0].tax_lines[0].rate is not a tax rate between 0 and 1',
		],
		[
			'tax amount not decimal',
			(o) => ((o.line_items[0].tax_lines as Array<Record<string, unknown>>)[0].price = 'NaN'),
			'line_items[0].tax_lines[0].price is not a decimal amount',
		],
		[
			'discount amount missing',
			(o) =>
				((o.line_items[0].discount_allocations as Array<Record<string, unknown>>)[0].amount = null),
			'line_items[0].discount_allocations[0].amount is missing',
		],
		[
			'id that is not an id',
			(o) => ((o.id = 'abc'), (o.admin_graphql_api_id = null)),
			'id is not a Shopify id',
		],
		['no id at all', (o) => ((o.id = null), (o.admin_graphql_api_id = null)), 'id is missing'],
		[
			'processed_at not a date',
			(o) => (o.processed_at = 'yesterday'),
			'processed_at is not a date',
		],
		[
			'impossible date',
			(o) => (o.processed_at = '2025-02-30T10:00:00+01:00'),
			'processed_at is not a date',
		],
		[
			'29 February of a common year',
			(o) => (o.processed_at = '2025-02-29T10:00:00+01:00'),
			'processed_at is not a date',
		],
		['29 February 1900', (o) => (o.processed_at = '1900-02-29'), 'processed_at is not a date'],
		['no date', (o) => ((o.processed_at = null), (o.created_at = null)), 'processed_at is missing'],
		[
			'taxes_included not boolean',
			(o) => (o.taxes_included = 'yes'),
			'taxes_included must be true or false',
		],
		[
			'customer not an object',
			(o) => (o.customer = 'Bob'),
			'customer must be an object (got string)',
		],
		[
			'title not text',
			(o) => (o.line_items[0].title = { html: '<b>' }),
			'line_items[0].title must be text',
		],
	])('%s', (_case, change, message) => {
		expect(failure(order(change)).message).toBe(`Order #1042: ${message}`);
	});

	it('refuses more decimals than the currency has (shop set amount wins, named by its path)', () => {
		const error = failure(
			order((o) => {
				const set = o.line_items[0].price_set as { shop_money: { amount: string } };
				set.shop_money.amount = '59.955';
			}),
		);
		expect(error.message).toBe(
			'Order #1042: line_items[0].price_set.shop_money.amount has more decimals than EUR allows (2)',
		);
	});

	it('refuses a JPY amount with sen, books whole yen with a JPY unit divisor', () => {
		const yen = (price: string) => ({
			id: 7,
			name: '#7',
			currency: 'JPY',
			processed_at: '2025-01-01T10:00:00+09:00',
			total_price: price,
			line_items: [{ title: 'Matcha', quantity: 2, price }],
		});
		expect(failure(yen('5995.50')).message).toBe(
			'Order #7: line_items[0].price has more decimals than JPY allows (0)',
		);
		const doc = mapShopifyOrder({ ...yen('5995'), total_price: '11990' });
		expect(doc.lines[0]).toMatchObject({
			unitPriceInclCents: 5995,
			netAmountCents: 11990,
			netPrice: 5995,
		});
		expect(doc.totals.differenceCents).toBe(0);
	});

	it('refuses amounts beyond 2^53 cents, and price × quantity beyond it, naming the line', () => {
		const big = (o: Order) => {
			delete o.line_items[0].price_set;
			o.line_items[0].price = '99999999999999999.99';
		};
		expect(failure(order(big)).message).toBe(
			'Order #1042: line_items[0].price is out of range (amount beyond 2^53 cents)',
		);
		const product = (o: Order) => {
			delete o.line_items[0].price_set;
			o.line_items[0].price = '90000000000000.00';
			o.line_items[0].quantity = 1000;
		};
		expect(failure(order(product)).message).toBe(
			'Order #1042: line_items[0].quantity is out of range (amount beyond 2^53 cents)',
		);
	});

	it('refuses lines whose amounts fit one by one but not together', () => {
		const line = { title: 'Gold bar', quantity: 1, price: '40000000000000.00' };
		const error = failure({
			id: 1,
			name: '#1042',
			currency: 'EUR',
			processed_at: '2025-01-01',
			total_price: '1.00',
			line_items: [line, line, line],
		});
		expect(error.message).toBe(
			'Order #1042: line_items add up to an amount out of range (beyond 2^53 cents)',
		);
	});

	it('lists several problems in one message', () => {
		const error = failure(order((o) => ((o.currency = 1), (o.line_items[1].quantity = 'two'))));
		expect(error.issues.map((i) => i.path)).toEqual(['currency', 'line_items[1].quantity']);
		expect(error.message).toBe(
			'Order #1042: currency is not an ISO currency code; line_items[1].quantity must be a whole number',
		);
	});

	it('names an order without a name by its number, then by its id', () => {
		expect(failure(order((o) => ((o.name = null), (o.currency = null)))).message).toBe(
			'Order #1111: currency is missing',
		);
		const byId = failure(
			order((o) => ((o.name = null), (o.order_number = null), (o.currency = null))),
		);
		expect(byId.orderName).toBe(String((BASE.admin_graphql_api_id as string).split('/').pop()));
	});

	it.each([
		['a string', 'order', '(not an object)', 'payload must be a JSON object (got string)'],
		['a list', [], '(not an object)', 'payload must be a JSON object (got a list)'],
		['null', null, '(not an object)', 'payload must be a JSON object (got null)'],
	])('refuses %s as payload', (_case, input, label, message) => {
		const error = failure(input);
		expect(error.message).toBe(`Order ${label}: ${message}`);
	});
});
