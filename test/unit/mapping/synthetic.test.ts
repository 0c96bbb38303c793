/**
 * The synthetic EU orders, field by field. Expected figures are worked out from the payloads
 * (Shopify's tax amounts are the truth; excl = incl − tax when prices include tax).
 */
import { mapShopifyOrder, type DocumentLine, type OrderDocument } from '../../../nodes/core';
import { fixtureText, loadFixture, loadFixtureLossy } from './fixtures';

function map(name: string, settings = {}): OrderDocument {
	return mapShopifyOrder(loadFixture(`synthetic/${name}.json`), settings);
}

function figures(line: DocumentLine) {
	return {
		incl: line.netAmountInclCents,
		excl: line.netAmountExclCents,
		tax: line.taxAmountCents,
		rate: line.taxRate,
	};
}

describe('NL consumer, taxes included, 21 % and 9 % lines with shared shipping (#1101)', () => {
	const doc = map('nl-b2c-mixed-rates-shared-shipping');

	it('books each line net of Shopify tax, at its own rate', () => {
		expect(doc.pricesIncludeTax).toBe(true);
		expect(doc.lines.map((l) => [l.kind, l.itemCode])).toEqual([
			['product', 'SHOE-TERRA-42'],
			['product', 'BOOK-UH-2025'],
			['product', 'COF-HUIS-500'],
			['shipping', 'SHIPMENT'],
		]);
		expect(doc.lines.map(figures)).toEqual([
			{ incl: 12100, excl: 10000, tax: 2100, rate: 0.21 },
			{ incl: 2000, excl: 1835, tax: 165, rate: 0.09 },
			{ incl: 3885, excl: 3564, tax: 321, rate: 0.09 },
			{ incl: 695, excl: 574, tax: 121, rate: 0.21 },
		]);
	});

	it('derives the excl. unit price at the line rate and keeps quantity × unit − discount = net', () => {
		const coffee = doc.lines[2];
		expect(coffee.quantity).toBe(3);
		expect(coffee.unitPriceInclCents).toBe(1295);
		expect(coffee.unitPriceExclCents).toBe(1188); // 12.95 − round(12.95 × 9/109 = 1.069)
		expect(coffee.discountInclCents).toBe(0);
		expect(coffee.discountExclCents).toBe(1188 * 3 - 3564); // the per-unit rounding, 0
		expect(coffee.netPrice).toBeCloseTo(35.64 / 3, 10);
	});

	it('posts excl. figures by default and incl. figures when asked', () => {
		expect(doc.pricesPosted).toBe('excl');
		expect(doc.lines[0].netAmountCents).toBe(10000);
		const incl = map('nl-b2c-mixed-rates-shared-shipping', { pricesPosted: 'incl' });
		expect(incl.lines[0].netAmountCents).toBe(12100);
		expect(incl.lines[0].unitPriceCents).toBe(12100);
		expect(incl.lines[0].netPrice).toBe(121);
	});

	it('totals the goods, shipping and tax', () => {
		expect(doc.totals).toMatchObject({
			linesInclCents: 17985,
			linesExclCents: 15399,
			shippingInclCents: 695,
			shippingExclCents: 574,
			taxCents: 2707,
			totalCents: 18680,
			shopifyTotalCents: 18680,
			shopifyTaxCents: 2707,
			differenceCents: 0,
		});
		expect(doc.warnings).toEqual([]);
	});

	it('dates the order in its own UTC offset (00:30 +02:00 is 1 April, not 31 March)', () => {
		expect(doc.orderDate).toBe('2025-04-01');
		expect(doc.processedAt).toBe('2025-04-01T00:30:02+02:00');
	});

	it('keeps invoice and delivery addresses apart', () => {
		expect(doc.invoiceAddress).toMatchObject({
			city: 'Utrecht',
			postcode: '3511 AX',
			countryCode: 'NL',
			line2: '2e verdieping',
		});
		expect(doc.deliveryAddress).toMatchObject({
			city: 'Amersfoort',
			name: 'Joost de Vries',
			line2: null,
		});
		expect(doc.customer).toMatchObject({
			name: 'Sanne de Vries',
			email: 'sanne.devries@example.com',
			isGuest: false,
			vatNumber: null,
			vatNumberSource: null,
		});
	});

	it('keeps every digit of the 19-digit ids, taken from the raw text', () => {
		const text = fixtureText('synthetic/nl-b2c-mixed-rates-shared-shipping.json');
		const orderId = /"id": (\d+),\n {2}"admin_graphql_api_id": "gid:\/\/shopify\/Order/.exec(
			text,
		)?.[1];
		expect(orderId).toHaveLength(19);
		expect(doc.references).toMatchObject({
			shopifyOrderId: orderId,
			yourRef: '#1101',
			orderNumber: 1101,
		});
		const productIds = [...text.matchAll(/"product_id": (\d+)/g)].map((m) => m[1]);
		expect(doc.lines.slice(0, 3).map((l) => l.shopifyProductId)).toEqual(productIds);
	});

	it('recovers order, customer and line ids from the gids when JSON.parse rounded them', () => {
		const lossy = mapShopifyOrder(
			loadFixtureLossy('synthetic/nl-b2c-mixed-rates-shared-shipping.json'),
		);
		expect(lossy.references.shopifyOrderId).toBe(doc.references.shopifyOrderId);
		expect(lossy.customer.shopifyCustomerId).toBe(doc.customer.shopifyCustomerId);
		expect(lossy.lines[0].shopifyLineId).toBe(doc.lines[0].shopifyLineId);
		expect(lossy.lines[0].shopifyProductId).not.toBe(doc.lines[0].shopifyProductId);
		// The item code comes from the SKU: the rounded product id changes nothing booked.
		expect(lossy.warnings.filter((w) => /too long to read exactly/.test(w))).toEqual([]);
	});

	it('warns about a rounded id only when the item code is made from it, in words a merchant reads', () => {
		const lossy = mapShopifyOrder(
			loadFixtureLossy('synthetic/nl-b2c-mixed-rates-shared-shipping.json'),
			{ itemCodeSource: 'productId' },
		);
		expect(lossy.warnings).toContain(
			'Line 1: Shopify sent the product ID as a number too long to read exactly, and the item code is made from it, so it may name the wrong item; use the SKU as Item Code From',
		);
		expect(lossy.warnings.join(' ')).not.toMatch(/parseShopifyJson|2\^53|line_items\[/);
	});
});

describe('OSS consumer orders at destination rates', () => {
	it('DE (#1102): 19 % and 7 % lines, 19 % shipping, German delivery address', () => {
		const doc = map('de-b2c-oss');
		expect(doc.lines.map(figures)).toEqual([
			{ incl: 8995, excl: 7559, tax: 1436, rate: 0.19 },
			{ incl: 2400, excl: 2243, tax: 157, rate: 0.07 },
			{ incl: 995, excl: 836, tax: 159, rate: 0.19 },
		]);
		expect(doc.deliveryAddress).toMatchObject({
			countryCode: 'DE',
			postcode: '10435',
			provinceCode: 'BE',
		});
		expect(doc.lines[0].taxRates).toEqual([
			{ rate: 0.19, title: 'DE MwSt', amountCents: 1436, channelLiable: false },
		]);
		expect(doc.customer.locale).toBe('de-DE');
	});

	it('FR (#1103): 20 % and the three-decimal 5.5 % rate, free shipping with a 0.00 tax line', () => {
		const doc = map('fr-b2c-oss');
		expect(doc.lines.map(figures)).toEqual([
			{ incl: 9980, excl: 8317, tax: 1663, rate: 0.2 },
			{ incl: 1500, excl: 1422, tax: 78, rate: 0.055 },
			{ incl: 0, excl: 0, tax: 0, rate: 0.2 },
		]);
		expect(doc.lines[2].kind).toBe('shipping');
		expect(doc.totals.differenceCents).toBe(0);
	});
});

describe('BE business customers with a VAT number in note_attributes', () => {
	it('valid number (#1104): found, normalised, tax exempt with the reverse-charge exemption', () => {
		const doc = map('be-b2b-valid-vat');
		expect(doc.customer).toMatchObject({
			name: 'Janssens Fietsen BV',
			company: 'Janssens Fietsen BV',
			firstName: 'Pieter',
			vatNumber: 'BE0477472701',
			vatNumberSource: 'noteAttribute',
			taxExempt: true,
			taxExemptions: ['EU_REVERSE_CHARGE_EXEMPTION_RULE'],
		});
		expect(doc.pricesIncludeTax).toBe(false);
		expect(
			doc.lines.map((l) => [
				l.quantity,
				l.unitPriceExclCents,
				l.netAmountExclCents,
				l.netAmountInclCents,
				l.taxRate,
			]),
		).toEqual([
			[4, 25000, 100000, 100000, null],
			[10, 3750, 37500, 37500, null],
			[1, 1500, 1500, 1500, null],
		]);
		expect(doc.totals.totalCents).toBe(139000);
		expect(doc.references.poNumber).toBe('PO-2025-0611');
		expect(doc.financialStatus).toBe('pending');
	});

	it('invalid number (#1105): still extracted (the VAT engine judges it) from the BTW-nummer attribute', () => {
		const doc = map('be-b2b-invalid-vat');
		expect(doc.customer.vatNumber).toBe('BE0477472702');
		expect(doc.customer.vatNumberSource).toBe('noteAttribute');
		expect(doc.customer.taxExempt).toBe(false);
		expect(doc.lines.map(figures)).toEqual([
			{ incl: 30250, excl: 25000, tax: 5250, rate: 0.21 },
			{ incl: 1029, excl: 850, tax: 179, rate: 0.21 },
		]);
	});
});

describe('exports and special territories', () => {
	it.each([
		['us-export', 'US', '10118', 19023],
		['uk-export', 'GB', 'N1 0PN', 11168],
		['es-canary-islands', 'ES', '35002', 5490],
		['gb-northern-ireland', 'GB', 'BT7 1JJ', 7690],
	])('%s ships to %s %s and totals %d cents', (name, country, postcode, total) => {
		const doc = map(name);
		expect(doc.deliveryAddress).toMatchObject({ countryCode: country, postcode });
		expect(doc.totals.totalCents).toBe(total);
		expect(doc.totals.differenceCents).toBe(0);
	});

	it('untaxed export lines have no rate and equal excl. and incl. amounts', () => {
		for (const name of ['us-export', 'uk-export', 'es-canary-islands']) {
			for (const line of map(name).lines) {
				expect(line.taxRate).toBeNull();
				expect(line.taxRates).toEqual([]);
				expect(line.netAmountExclCents).toBe(line.netAmountInclCents);
			}
		}
	});

	it('Northern Ireland carries Shopify GB VAT 20 % on goods and shipping', () => {
		const doc = map('gb-northern-ireland');
		expect(doc.lines.map(figures)).toEqual([
			{ incl: 6495, excl: 5412, tax: 1083, rate: 0.2 },
			{ incl: 1195, excl: 996, tax: 199, rate: 0.2 },
		]);
	});
});

describe('discounts', () => {
	it('100 % discount line (#1110): net 0, the whole unit price is the discount, tax 0', () => {
		const doc = map('nl-full-discount-line');
		const tote = doc.lines[1];
		expect(figures(tote)).toEqual({ incl: 0, excl: 0, tax: 0, rate: 0.21 });
		expect(tote.discountInclCents).toBe(1495);
		expect(tote.unitPriceExclCents).toBe(1236); // 14.95 − round(14.95 × 21/121 = 2.595)
		expect(tote.discountExclCents).toBe(1236);
		expect(doc.totals.differenceCents).toBe(0);
	});

	it('order-level percentage (#1111): Shopify allocations per line, tax after discount', () => {
		const doc = map('nl-order-percentage-discount');
		expect(doc.lines.map((l) => l.discountInclCents)).toEqual([600, 490, 240, 0]);
		expect(doc.lines.map(figures).slice(0, 3)).toEqual([
			{ incl: 5395, excl: 4459, tax: 936, rate: 0.21 },
			{ incl: 4410, excl: 4046, tax: 364, rate: 0.09 },
			{ incl: 2157, excl: 1783, tax: 374, rate: 0.21 },
		]);
		expect(doc.totals.shopifyDiscountCents).toBe(1330);
		expect(doc.totals.differenceCents).toBe(0);
	});

	it('order-level fixed amount (#1112): 15.00 as Shopify allocated it, plus a free-shipping allocation', () => {
		const doc = map('nl-order-fixed-discount');
		expect(doc.lines.map((l) => l.discountInclCents)).toEqual([732, 585, 183, 495]);
		const shipping = doc.lines[3];
		expect(figures(shipping)).toEqual({ incl: 0, excl: 0, tax: 0, rate: 0.21 });
		expect(doc.totals.shopifyDiscountCents).toBe(1995);
		expect(doc.totals.totalCents).toBe(8735);
		expect(doc.warnings).toEqual([]);
	});

	it('posts the excl. discount when prices are posted excl. VAT', () => {
		const doc = map('nl-order-fixed-discount');
		for (const line of doc.lines) expect(line.discountCents).toBe(line.discountExclCents);
	});
});

describe('gift card sale (#1113)', () => {
	it('is a giftCard line with the gift card item code, untaxed, not shipped', () => {
		const line = map('nl-gift-card').lines[0];
		expect(line).toMatchObject({
			kind: 'giftCard',
			itemCode: 'GIFTCARD',
			itemCodeSource: 'setting',
			giftCard: true,
			taxable: false,
			requiresShipping: false,
			taxRate: null,
			netAmountInclCents: 5000,
			netAmountExclCents: 5000,
			description: 'Cadeaubon - €50',
		});
	});

	it('can be left out; the document says so and still reconciles', () => {
		const doc = map('nl-gift-card', { giftCardLines: 'skip' });
		expect(doc.lines.map((l) => l.kind)).toEqual(['product', 'shipping']);
		expect(doc.lines[0].lineNumber).toBe(1);
		expect(doc.totals.skippedCents).toBe(5000);
		expect(doc.totals.differenceCents).toBe(0);
		expect(doc.warnings).toEqual([
			'giftCard line "Cadeaubon - €50" (50.00) left out by the settings',
		]);
	});
});

describe('multi-currency presentment (#1114: USD shop, EUR presentment)', () => {
	const doc = map('usd-shop-eur-presentment');

	it('books the shop currency from shop_money and keeps the presentment currency and total', () => {
		expect(doc.currency).toBe('USD');
		expect(doc.presentmentCurrency).toBe('EUR');
		expect(doc.lines[0].unitPriceInclCents).toBe(5401);
		expect(figures(doc.lines[0])).toEqual({ incl: 10802, excl: 8927, tax: 1875, rate: 0.21 });
		expect(doc.totals.totalCents).toBe(11445);
		expect(doc.totals.presentmentTotalCents).toBe(10585);
		expect(doc.totals.differenceCents).toBe(0);
	});

	it('prefers price_set.shop_money over a plain price that disagrees', () => {
		const order = loadFixture('synthetic/usd-shop-eur-presentment.json');
		(order.line_items as Array<Record<string, unknown>>)[0].price = '49.95';
		expect(mapShopifyOrder(order).lines[0].unitPriceInclCents).toBe(5401);
	});
});
