import {
	codeKey,
	documentItemCodes,
	itemBodyFromDraft,
	itemChanges,
	lineCodeProblems,
	planNewItems,
	priceChanged,
	productPrice,
} from '../../../nodes/core/exact/itemDraft';
import type { ItemDraft } from '../../../nodes/core/mapping';
import { documentFor, ITEMS, withVat } from '../../nodes/flow/documents';

const options = { itemGroup: null, productsAreStockItems: true, webshopItem: true };

describe('documentItemCodes and lineCodeProblems', () => {
	it('lists every code of every document once, including the shipping item', () => {
		const a = documentFor({
			number: 1001,
			lines: [
				{ item: ITEMS[0], quantity: 1 },
				{ item: ITEMS[1], quantity: 1 },
			],
		});
		const b = documentFor({ number: 1002, lines: [{ item: ITEMS[1], quantity: 2 }] });
		b.lines[0].itemCode = ' sku-002 ';
		expect(documentItemCodes([a, b])).toEqual(['SKU-001', 'SKU-002', 'SHIPMENT']);
	});

	it('names the order and line of a line without an item code', () => {
		const doc = documentFor({ number: 1003 });
		doc.lines[0].itemCode = null;
		expect(lineCodeProblems(doc)).toEqual([
			expect.stringMatching(/^Order #1003: line 1 \("Product \d+"\) has no item code/),
		]);
	});
});

describe('planNewItems', () => {
	const doc = withVat(documentFor({ number: 1010, lines: [{ item: ITEMS[4], quantity: 3 }] }), '2');

	it('creates the missing product item with its excl.-VAT price, VAT code and flags', () => {
		const [product, shipping] = planNewItems([doc], new Set(), { ...options, itemGroup: 'g-1' });
		expect(product).toEqual({
			code: 'SKU-005',
			kind: 'product',
			body: {
				Code: 'SKU-005',
				Description: 'Product 5',
				IsSalesItem: true,
				IsStockItem: true,
				IsWebshopItem: 1,
				ItemGroup: 'g-1',
				SalesVatCode: '2',
			},
			price: doc.lines[0].unitPriceExclCents / 100,
			currency: 'EUR',
			firstOrder: '#1010',
		});
		expect(product.price).toBeLessThan(ITEMS[4].priceCents / 100);
		expect(shipping).toMatchObject({
			code: 'SHIPMENT',
			kind: 'shipping',
			price: null,
			body: { Description: 'Shipping costs', IsStockItem: false },
		});
	});

	it('skips codes that exist, compared without case and spaces', () => {
		const plans = planNewItems([doc], new Set([codeKey('sku-005 '), codeKey('shipment')]), options);
		expect(plans).toEqual([]);
	});

	it('prefers a domestic VAT code when the same item is sold under several codes', () => {
		const oss = withVat(
			documentFor({ number: 1011, lines: [{ item: ITEMS[4], quantity: 1 }] }),
			'OS1',
		);
		oss.lines[0].vat!.treatment = 'oss';
		const [product] = planNewItems([oss, doc], new Set(), {
			...options,
			webshopItem: false,
			productsAreStockItems: false,
		});
		expect(product.body).toMatchObject({ SalesVatCode: '2', IsWebshopItem: 0, IsStockItem: false });
	});
});

describe('product drafts', () => {
	const draft: ItemDraft = {
		itemCode: 'SKU-9',
		itemCodeSource: 'sku',
		sku: 'SKU-9',
		barcode: '8712345678906',
		shopifyProductId: '1',
		shopifyVariantId: '2',
		shopifyInventoryItemId: '3',
		description: 'Mug - Blue',
		extraDescription: null,
		salesPriceCents: 1210,
		compareAtPriceCents: null,
		currency: null,
		taxable: true,
		requiresShipping: true,
		isStockItem: true,
		weightGrams: 300,
		vendor: null,
		productType: null,
		status: 'active',
		warnings: [],
	};
	const productOptions = {
		...options,
		pricesIncludeVat: true,
		vatRatePercent: 21,
		salesVatCode: 'VH',
		currency: 'EUR',
	};

	it('converts an incl.-VAT price to excl. VAT, or keeps it', () => {
		expect(productPrice(draft, productOptions)).toBe(10);
		expect(productPrice(draft, { ...productOptions, pricesIncludeVat: false })).toBe(12.1);
	});

	it('builds the item body with barcode and VAT code', () => {
		expect(itemBodyFromDraft(draft, productOptions)).toEqual({
			Code: 'SKU-9',
			Description: 'Mug - Blue',
			IsSalesItem: true,
			IsStockItem: true,
			IsWebshopItem: 1,
			Barcode: '8712345678906',
			SalesVatCode: 'VH',
		});
		expect(itemBodyFromDraft({ ...draft, barcode: 'ABC' }, productOptions)).not.toHaveProperty(
			'Barcode',
		);
	});

	it('puts only changed descriptions into the update', () => {
		expect(itemChanges({ Description: 'Mug - Blue', ExtraDescription: null }, draft)).toEqual({});
		expect(itemChanges({ Description: 'Mug', ExtraDescription: 'old' }, draft)).toEqual({
			Description: 'Mug - Blue',
			ExtraDescription: '',
		});
		expect(priceChanged(10, 10.0000000001)).toBe(false);
		expect(priceChanged(undefined, 0.01)).toBe(true);
	});
});
