/** Hostile but bookable payloads map safely; nothing but a ShopifyValidationError ever escapes. */
import { mapShopifyOrder, ShopifyValidationError } from '../../../nodes/core';
import { clone, loadFixture, mutatedOrders } from './fixtures';

type Order = Record<string, unknown> & { line_items: Array<Record<string, unknown>> };

const BASE = loadFixture('synthetic/nl-order-percentage-discount.json') as Order;

function order(change: (o: Order) => void = () => undefined): Order {
	const copy = clone(BASE);
	copy.name = '#1042';
	change(copy);
	return copy;
}

describe('tolerated variations', () => {
	it('accepts 29 February of leap years and dates without a time', () => {
		expect(
			mapShopifyOrder(order((o) => (o.processed_at = '2024-02-29T23:59:59-05:00'))).orderDate,
		).toBe('2024-02-29');
		expect(mapShopifyOrder(order((o) => (o.processed_at = '2000-02-29'))).orderDate).toBe(
			'2000-02-29',
		);
	});

	it('accepts a REST { order } wrapper', () => {
		expect(mapShopifyOrder({ order: order() }).references.orderName).toBe('#1042');
	});

	it('maps a guest checkout without customer or shipping address (POS, digital goods)', () => {
		const doc = mapShopifyOrder(
			order((o) => {
				o.customer = null;
				o.shipping_address = null;
				o.source_name = 'pos';
			}),
		);
		expect(doc.customer).toMatchObject({
			isGuest: true,
			shopifyCustomerId: null,
			name: 'Fleur Visser',
		});
		expect(doc.deliveryAddress).toBeNull();
		expect(doc.sourceName).toBe('pos');
	});

	it('names a guest without any name by the e-mail, or "Guest"', () => {
		const anonymous = (o: Order) => {
			o.customer = null;
			o.billing_address = null;
			o.shipping_address = null;
		};
		expect(mapShopifyOrder(order(anonymous)).customer.name).toBe('fleur.visser@example.nl');
		const none = mapShopifyOrder(
			order((o) => (anonymous(o), (o.email = null), (o.contact_email = null))),
		);
		expect(none.customer.name).toBe('Guest');
		expect(none.invoiceAddress).toBeNull();
	});

	it('accepts numbers for amounts and ids, strings for quantities, absent optional lists', () => {
		const doc = mapShopifyOrder(
			order((o) => {
				delete o.line_items[0].price_set;
				o.line_items[0].price = 59.95;
				o.line_items[0].quantity = '1';
				o.line_items[0].product_id = 632910392;
				delete o.shipping_lines;
				delete o.note_attributes;
			}),
		);
		expect(doc.lines[0].unitPriceInclCents).toBe(5995);
		expect(doc.lines[0].shopifyProductId).toBe('632910392');
		expect(doc.lines.some((l) => l.kind === 'shipping')).toBe(false);
		expect(doc.totals.differenceCents).toBe(595); // the removed shipping line
	});

	it('trims long descriptions to 60 characters, keeps 255 in extraDescription, never splits an emoji', () => {
		const name = '🚲'.repeat(59) + 'é' + ' — <script>alert("x")</script> ' + 'ل'.repeat(500);
		const doc = mapShopifyOrder(order((o) => (o.line_items[0].name = name)));
		const line = doc.lines[0];
		expect(Array.from(line.description)).toHaveLength(60);
		expect(line.description.endsWith('🚲é')).toBe(true);
		expect(Array.from(line.extraDescription ?? '')).toHaveLength(255);
		expect(doc.warnings).toContain(
			'Line 1: description cut to 60 characters (full text in extraDescription)',
		);
	});

	it("keeps quotes and OData operators in SKUs and e-mails verbatim (escaping is the filter builder's job)", () => {
		const doc = mapShopifyOrder(
			order((o) => {
				o.line_items[0].sku = "AB' or Code ne 'x";
				o.email = "o'brien+eq@example.com";
			}),
		);
		expect(doc.lines[0].itemCode).toBe("AB' or Code ne 'x");
		expect(doc.customer.email).toBe("o'brien+eq@example.com");
	});

	it('strips control and bidi-override characters from texts', () => {
		const doc = mapShopifyOrder(
			order((o) => (o.line_items[0].name = 'Thee\u0000 \u202eMunt\n\tgroen')),
		);
		expect(doc.lines[0].description).toBe('Thee Munt groen');
	});

	it('drops a country code that is not ISO, with a warning', () => {
		const doc = mapShopifyOrder(
			order((o) => ((o.billing_address as Record<string, unknown>).country_code = 'Netherlands')),
		);
		expect(doc.invoiceAddress?.countryCode).toBeNull();
		expect(doc.warnings).toContain(
			'billing_address.country_code "Netherlands" is not an ISO country code; ignored',
		);
	});

	it('rejects a line whose discounts add up to more than the line, naming the order and the field', () => {
		const hostile = order((o) => (o.line_items[0].discount_allocations = [{ amount: '99999.00' }]));
		expect(() => mapShopifyOrder(hostile)).toThrow(ShopifyValidationError);
		expect(() => mapShopifyOrder(hostile)).toThrow(/#1042.*line_items\[0\]\.discount_allocations add up to more than the line amount/);
	});

	it('cuts a YourRef longer than 30 characters and says so', () => {
		const doc = mapShopifyOrder(order((o) => (o.name = 'WEBSHOP-NL-2025-ORDER-#000001042-B')));
		expect(doc.references.yourRef).toBe('WEBSHOP-NL-2025-ORDER-#0000010');
		expect(doc.references.orderName).toBe('WEBSHOP-NL-2025-ORDER-#000001042-B');
		expect(doc.warnings[0]).toMatch(/YourRef cut to "WEBSHOP-NL-2025-ORDER-#0000010"/);
	});
});

describe('mutated orders never crash with anything but a ShopifyValidationError', () => {
	it('across every key of order, line, tax line, allocation, shipping line, customer, address and money set', () => {
		let mapped = 0;
		let refused = 0;
		for (const { label, order: input } of mutatedOrders(order())) {
			try {
				const doc = mapShopifyOrder(input);
				expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
				mapped++;
			} catch (error) {
				if (!(error instanceof ShopifyValidationError))
					throw new Error(`${label}: ${String(error)}`);
				expect(error.message).toMatch(/^Order (#1042|#1111|\d+|x|9+|0|-1|true|12.345): \S/);
				refused++;
			}
		}
		expect(mapped).toBeGreaterThan(500);
		expect(refused).toBeGreaterThan(300);
	});
});
