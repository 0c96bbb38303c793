/** mapShopifyCustomer → account draft, mapShopifyProduct → one item draft per variant. */
import { mapShopifyCustomer, mapShopifyProduct, ShopifyValidationError } from '../../../nodes/core';
import { clone, loadFixture, loadFixtureLossy } from './fixtures';

type Json = Record<string, unknown>;

describe('mapShopifyCustomer', () => {
	it('maps a customer with its default address, id from the gid when the number was rounded', () => {
		const customer = loadFixtureLossy('docs-webhooks-2026-04/orders-create.json').customer;
		const draft = mapShopifyCustomer(customer);
		expect(draft).toMatchObject({
			shopifyCustomerId: '115310627314723954',
			name: 'John Smith',
			firstName: 'John',
			lastName: 'Smith',
			email: 'john@example.com',
			phone: '123-123-1234',
			vatNumber: null,
			taxExempt: false,
			currency: 'USD',
		});
		expect(draft.address).toMatchObject({
			line1: '123 Elm St.',
			city: 'Ottawa',
			countryCode: 'CA',
			provinceCode: 'ON',
		});
	});

	it('accepts the REST { customer } wrapper and reads tags and a VAT number metafield', () => {
		const customer = clone(
			loadFixture('rest-2024-04/order-1001-discount-code-partially-refunded.json'),
		) as Json;
		const inner = (customer.order as Json).customer as Json;
		inner.metafields = [{ namespace: 'custom', key: 'vat_number', value: 'nl123456789b01' }];
		const draft = mapShopifyCustomer({ customer: inner });
		expect(draft.tags).toEqual(['Léon', 'Noël']);
		expect(draft).toMatchObject({
			vatNumber: 'NL123456789B01',
			vatNumberSource: 'metafield',
			shopifyCustomerId: '207119551',
		});
	});

	it('names the company as the account and finds a VAT number in it', () => {
		const draft = mapShopifyCustomer({
			id: 5,
			email: 'a@example.com',
			default_address: { company: 'Peeters Design BE0477472701', country_code: 'be' },
		});
		expect(draft).toMatchObject({
			name: 'Peeters Design BE0477472701',
			vatNumber: 'BE0477472701',
			vatNumberSource: 'billingCompany',
		});
		expect(draft.address?.countryCode).toBe('BE');
	});

	it('refuses a customer with a broken field, naming it', () => {
		expect(() => mapShopifyCustomer({ id: 77, email: { x: 1 } })).toThrow(
			new ShopifyValidationError('Customer', '77', [{ path: 'email', message: 'must be text' }]),
		);
		expect(() => mapShopifyCustomer({ id: 77, email: { x: 1 } })).toThrow(
			'Customer 77: email must be text',
		);
	});
});

describe('mapShopifyProduct', () => {
	it('maps each REST variant to an item draft with its SKU, barcode and price', () => {
		const drafts = mapShopifyProduct(
			loadFixture('rest-2024-04/product-632910392-with-variants.json'),
			{
				shopCurrency: 'USD',
			},
		);
		expect(drafts.map((d) => [d.itemCode, d.description, d.salesPriceCents, d.barcode])).toEqual([
			['IPOD2008PINK', 'IPod Nano - 8GB - Pink', 19900, '1234_pink'],
			['IPOD2008RED', 'IPod Nano - 8GB - Red', 19900, '1234_red'],
			['IPOD2008GREEN', 'IPod Nano - 8GB - Green', 19900, '1234_green'],
			['IPOD2008BLACK', 'IPod Nano - 8GB - Black', 19900, '1234_black'],
		]);
		expect(drafts[0]).toMatchObject({
			shopifyProductId: '632910392',
			shopifyVariantId: '808950810',
			shopifyInventoryItemId: '808950810',
			isStockItem: true,
			currency: 'USD',
			vendor: 'Apple',
			weightGrams: 567,
			warnings: [],
		});
	});

	it('codes variants without SKU by variant id (prefixed) taken from the gid', () => {
		const drafts = mapShopifyProduct(
			loadFixtureLossy('docs-webhooks-2026-04/products-create.json'),
			{
				itemCodePrefix: 'SHOP-',
			},
		);
		expect(
			drafts.map((d) => [d.itemCode, d.itemCodeSource, d.description, d.compareAtPriceCents]),
		).toEqual([
			['SHOP-642667041472713922', 'variantId', 'Example T-Shirt - Small', 2499],
			['SHOP-757650484644203962', 'variantId', 'Example T-Shirt - Medium', 2499],
		]);
		expect(drafts[0].shopifyProductId).toBe('788032119674292922');
		expect(drafts[0].isStockItem).toBe(false);
	});

	it('warns when variants are listed only in variant_gids', () => {
		const product = clone(loadFixture('docs-webhooks-2026-04/products-update.json')) as Json;
		(product.variant_gids as Json[]).push({
			admin_graphql_api_id: 'gid://shopify/ProductVariant/1',
		});
		expect(mapShopifyProduct(product)[0].warnings).toEqual([
			'1 variant(s) are listed only in variant_gids and were not mapped; read them through the API',
		]);
	});

	it('drops "Default Title" and cuts long titles with a warning', () => {
		const [draft] = mapShopifyProduct({
			id: 1,
			title:
				'Extra lange productnaam die echt veel te lang is voor het omschrijvingsveld van Exact',
			variants: [{ id: 2, title: 'Default Title', price: '5.00', sku: 'X1' }],
		});
		expect(draft.description).toHaveLength(60);
		expect(draft.extraDescription).toBe(
			'Extra lange productnaam die echt veel te lang is voor het omschrijvingsveld van Exact',
		);
		expect(draft.warnings).toEqual([
			'variants[0]: description cut to 60 characters (full text in extraDescription)',
		]);
	});

	it('refuses the anonymized exemplar, naming product and field', () => {
		expect(() =>
			mapShopifyProduct(loadFixture('anonymized-exemplars-2025-04/products-1.json')),
		).toThrow('Product 123: variants[0].price is not a decimal amount');
	});
});
