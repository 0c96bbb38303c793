/** What each merchant setting changes in the order document. */
import {
	DEFAULT_MAPPING_SETTINGS,
	findVatNumberInText,
	mapShopifyOrder,
	MappingSettingsError,
	resolveSettings,
	type MappingSettings,
} from '../../../nodes/core';
import { clone, loadFixture } from './fixtures';

type Json = Record<string, unknown>;

function base(): Json & { line_items: Json[] } {
	return clone(loadFixture('synthetic/nl-b2c-mixed-rates-shared-shipping.json')) as Json & {
		line_items: Json[];
	};
}

function map(order: Json, settings: Partial<MappingSettings> = {}) {
	return mapShopifyOrder(order, settings);
}

describe('item codes', () => {
	it('use the SKU by default', () => {
		expect(map(base()).lines[0]).toMatchObject({
			itemCode: 'SHOE-TERRA-42',
			itemCodeSource: 'sku',
		});
	});

	it('fall back to the variant id, then the product id, with the prefix', () => {
		const order = base();
		order.line_items[0].sku = '  ';
		order.line_items[1].sku = null;
		order.line_items[1].variant_id = null;
		order.line_items[2].sku = null;
		order.line_items[2].variant_id = null;
		order.line_items[2].product_id = null;
		const doc = map(order, { itemCodePrefix: 'SH-' });
		const variantId = String(base().line_items[0].variant_id);
		const productId = String(base().line_items[1].product_id);
		expect(doc.lines[0]).toMatchObject({
			itemCode: `SH-${variantId}`,
			itemCodeSource: 'variantId',
			sku: null,
		});
		expect(doc.lines[1]).toMatchObject({
			itemCode: `SH-${productId}`,
			itemCodeSource: 'productId',
		});
		expect(doc.lines[2]).toMatchObject({ itemCode: null, itemCodeSource: null });
	});

	it('start from the variant or product id when configured, ending with the SKU', () => {
		const order = base();
		const variantId = String(order.line_items[0].variant_id);
		const productId = String(order.line_items[0].product_id);
		expect(map(order, { itemCodeSource: 'variantId' }).lines[0].itemCode).toBe(variantId);
		expect(map(order, { itemCodeSource: 'productId', itemCodePrefix: 'P' }).lines[0].itemCode).toBe(
			`P${productId}`,
		);
		order.line_items[0].product_id = null;
		order.line_items[0].variant_id = null;
		expect(map(order, { itemCodeSource: 'productId' }).lines[0].itemCode).toBe('SHOE-TERRA-42');
	});

	it('give shipping lines the shipping item code', () => {
		const doc = map(base(), { shippingItemCode: 'VERZEND' });
		expect(doc.lines[3]).toMatchObject({
			kind: 'shipping',
			itemCode: 'VERZEND',
			itemCodeSource: 'setting',
			quantity: 1,
		});
		expect(doc.lines[3].description).toBe('PostNL Standaard');
	});
});

describe('VAT number sources, in the configured order', () => {
	function withAll(): Json {
		const order = base();
		order.company_location_tax_id = 'NL 8001.23.456.B01';
		order.note_attributes = [{ name: 'BTW-nummer', value: 'nl 123456789b01' }];
		(order.customer as Json).metafields = [
			{ namespace: 'custom', key: 'vat_number', value: 'DE123456789' },
		];
		(order.billing_address as Json).company = 'Acme B.V. (BTW BE 0477.472.701) Amsterdam';
		(order.customer as Json).note = 'VAT: FR12345678901 please';
		return order;
	}

	it.each<[MappingSettings['vatNumberSources'], string | null, string | null]>([
		[['companyLocation', 'noteAttribute'], 'NL800123456B01', 'companyLocation'],
		[['noteAttribute', 'companyLocation'], 'NL123456789B01', 'noteAttribute'],
		[['metafield'], 'DE123456789', 'metafield'],
		[['billingCompany'], 'BE0477472701', 'billingCompany'],
		[['customerNote'], 'FR12345678901', 'customerNote'],
		[[], null, null],
	])('%j finds %s', (sources, vatNumber, source) => {
		const doc = map(withAll(), { vatNumberSources: sources });
		expect(doc.customer.vatNumber).toBe(vatNumber);
		expect(doc.customer.vatNumberSource).toBe(source);
	});

	it('reads the company location tax id a node attached from GraphQL, and its exemptions', () => {
		const order = base();
		order.company = { id: 98765, location_id: 43210 };
		order.companyLocation = {
			taxSettings: {
				taxRegistrationId: 'BE0477472701',
				taxExempt: true,
				taxExemptions: ['EU_REVERSE_CHARGE_EXEMPTION_RULE'],
			},
		};
		const doc = map(order);
		expect(doc.customer).toMatchObject({
			vatNumber: 'BE0477472701',
			vatNumberSource: 'companyLocation',
			taxExempt: true,
			taxExemptions: ['EU_REVERSE_CHARGE_EXEMPTION_RULE'],
			shopifyCompanyId: '98765',
			shopifyCompanyLocationId: '43210',
		});
	});

	it('reads a metafield given as a nested map, and custom note attribute names', () => {
		const order = base();
		(order.customer as Json).metafields = { sufio: { vat_number: { value: 'ATU12345678' } } };
		expect(map(order, { vatNumberMetafield: 'sufio.vat_number' }).customer.vatNumber).toBe(
			'ATU12345678',
		);
		order.note_attributes = [{ name: ' Umsatzsteuer-ID ', value: 'DE 123 456 789' }];
		const doc = map(order, { vatNumberNoteAttributes: ['umsatzsteuer-id'] });
		expect(doc.customer).toMatchObject({
			vatNumber: 'DE123456789',
			vatNumberSource: 'noteAttribute',
		});
	});

	it('finds VAT numbers in free text but not ordinary words', () => {
		const pattern = DEFAULT_MAPPING_SETTINGS.vatNumberPattern;
		expect(findVatNumberInText('Janssens BV - BE0477472701', pattern)).toBe('BE0477472701');
		expect(findVatNumberInText('btw: nl 1234.56.789.b01 Utrecht', pattern)).toBe('NL123456789B01');
		expect(findVatNumberInText('ESX1234567X', pattern)).toBe('ESX1234567X');
		expect(findVatNumberInText('De Vries Bakkerij', pattern)).toBeNull();
		expect(findVatNumberInText('DE VRIES 12', pattern)).toBeNull();
		expect(findVatNumberInText('Deutsche Bank DE 12 Berlin', pattern)).toBeNull();
		expect(findVatNumberInText(null, pattern)).toBeNull();
	});
});

describe('document-level settings', () => {
	it('mark test orders to skip, or not', () => {
		const order = base();
		order.test = true;
		expect(map(order).skip).toEqual({ reason: 'test order (the settings skip test orders)' });
		expect(map(order, { skipTestOrders: false }).skip).toBeNull();
		expect(map(base()).skip).toBeNull();
	});

	it('add a rounding line for a small difference when asked, and only warn otherwise', () => {
		const order = base();
		order.total_price = '186.82';
		(order.total_price_set as { shop_money: { amount: string } }).shop_money.amount = '186.82';
		const warned = map(order);
		expect(warned.totals.differenceCents).toBe(2);
		expect(warned.warnings).toContain(
			'Totals differ from Shopify by 0.02 EUR (2 cents): Shopify total_price 186.82, document 186.80',
		);
		const rounded = map(order, { addRoundingLine: true });
		expect(rounded.lines[4]).toMatchObject({
			kind: 'rounding',
			itemCode: 'ROUNDING',
			netAmountInclCents: 2,
			taxRate: null,
		});
		expect(rounded.totals).toMatchObject({
			differenceCents: 0,
			roundingCents: 2,
			totalCents: 18682,
		});
		const tooBig = map(order, { addRoundingLine: true, roundingLineMaxCents: 1 });
		expect(tooBig.lines).toHaveLength(4);
		expect(tooBig.totals.differenceCents).toBe(2);
	});

	it('book tips and duties as lines, or leave them out', () => {
		const order = base();
		order.total_tip_received = '2.50';
		order.line_items[0].duties = [
			{
				id: 1,
				harmonized_system_code: '640399',
				price_set: { shop_money: { amount: '4.20', currency_code: 'EUR' } },
				tax_lines: [],
			},
		];
		order.total_price = '193.50';
		delete order.total_price_set;
		const doc = map(order, { tipItemCode: 'FOOI' });
		expect(doc.lines.slice(4).map((l) => [l.kind, l.itemCode, l.netAmountInclCents])).toEqual([
			['tip', 'FOOI', 250],
			['duty', 'DUTY', 420],
		]);
		expect(doc.lines[5].description).toBe(
			'Import duty Wandelschoen Terra - 42 / Bruin (HS 640399)',
		);
		expect(doc.totals).toMatchObject({ otherInclCents: 670, differenceCents: 0 });
		const skipped = map(order, { tips: 'skip', duties: 'skip' });
		expect(skipped.lines).toHaveLength(4);
		expect(skipped.totals).toMatchObject({ skippedCents: 670, differenceCents: 0 });
	});

	it('refuse invalid settings with the setting named', () => {
		expect(() => resolveSettings({ itemCodeSource: 'barcode' as never })).toThrow(
			new MappingSettingsError(
				'Invalid mapping setting itemCodeSource: "barcode" (expected sku, variantId, productId)',
			),
		);
		expect(() => resolveSettings({ vatNumberPattern: '([' })).toThrow(
			/^Invalid mapping setting vatNumberPattern: /,
		);
		expect(() => resolveSettings({ vatNumberSources: ['email' as never] })).toThrow(
			/vatNumberSources/,
		);
		expect(() => resolveSettings({ shippingItemCode: ' ' })).toThrow(/shippingItemCode/);
		expect(() => resolveSettings({ roundingLineMaxCents: -1 })).toThrow(/roundingLineMaxCents/);
		expect(() => resolveSettings({ shopCurrency: 'euro' })).toThrow(/shopCurrency/);
	});

	it('keep defaults for undefined settings and do not share the defaults object', () => {
		const settings = resolveSettings({ pricesPosted: undefined, shopCurrency: 'eur' });
		expect(settings.pricesPosted).toBe('excl');
		expect(settings.shopCurrency).toBe('EUR');
		settings.vatNumberSources.push('customerNote');
		expect(DEFAULT_MAPPING_SETTINGS.vatNumberSources).not.toContain('customerNote');
		expect(resolveSettings().vatNumberSources).not.toContain('customerNote');
		expect(Object.isFrozen(DEFAULT_MAPPING_SETTINGS)).toBe(true);
	});
});
