import { readFileSync } from 'fs';
import path from 'path';

import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import { runListSearch } from '../../helpers/harness';
import { filterOf, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';

const node = new ExactOnlineItem();
type Rec = Record<string, unknown>;
const fixture = path.join(
	__dirname,
	'../../fixtures/shopify/docs-webhooks-2026-04/products-update.json',
);
const product = (JSON.parse(readFileSync(fixture, 'utf8')) as { response: Rec }).response;
const variants = product.variants as Rec[];
// Variant ids pass 2^53: the mapper reads them from admin_graphql_api_id, so does the test.
const codes = variants.map((v) => `SHOP-${String(v.admin_graphql_api_id).split('/').pop()}`);
const fromProduct = {
	operation: 'createOrUpdateFromProduct',
	itemCodePrefix: 'SHOP-',
	pricesIncludeVat: true,
	vatRatePercent: 21,
};

describe('Item: Create or Update From Product', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	it('creates one item per variant with its price excl. VAT, after one lookup of all codes', async () => {
		await kit.clearCalls();
		const result = await kit.run(node, fromProduct, [product]);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.code, i.json.action, i.json.price])).toEqual(
			codes.map((c) => [c, 'created', 16.52]),
		);
		expect(
			result.items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0),
		).toBe(true);
		const gets = await kit.calls('logistics/Items', 'GET');
		expect(gets).toHaveLength(1);
		expect(filterOf(gets[0])).toBe(`(${codes.map((c) => `Code eq '${c}'`).join(' or ')})`);
		const items = (await kit.state<Rec>('logistics/Items')).filter((i) =>
			codes.includes(String(i.Code)),
		);
		expect(items.map((i) => [i.Description, i.StandardSalesPrice])).toEqual([
			['Example T-Shirt - Small', 16.52],
			['Example T-Shirt - Medium', 16.52],
		]);
	});

	it("takes out each product's own VAT rate: a rule for books (9 %), none for an untaxed variant", async () => {
		const book = {
			...product,
			id: 990001,
			admin_graphql_api_id: 'gid://shopify/Product/990001',
			title: 'Cookbook',
			product_type: 'Books',
			tags: 'Gift, Paper',
			variants: [
				{
					...variants[0],
					id: 990011,
					admin_graphql_api_id: 'gid://shopify/ProductVariant/990011',
					sku: 'BOOK-1',
					price: '21.80',
				},
				{
					...variants[1],
					id: 990012,
					admin_graphql_api_id: 'gid://shopify/ProductVariant/990012',
					sku: 'BOOK-2',
					price: '21.80',
					taxable: false,
				},
			],
		};
		const params = {
			...fromProduct,
			itemCodeSource: 'sku',
			vatRateRules: { rules: [{ field: 'productType', value: 'books', ratePercent: 9 }] },
		};
		const result = await kit.run(node, params, [book, { ...product, tags: 'paper' }]);
		expect(result.error).toBeUndefined();
		expect(
			result.items.slice(0, 2).map((i) => [i.json.code, i.json.price, i.json.vatRatePercent]),
		).toEqual([
			['BOOK-1', 20, 9],
			['BOOK-2', 21.8, 0],
		]);
		const tagged = await kit.run(
			node,
			{ ...params, vatRateRules: { rules: [{ field: 'tag', value: 'GIFT', ratePercent: 9 }] } },
			[{ ...book, product_type: '' }],
		);
		expect(tagged.items[0].json).toMatchObject({ code: 'BOOK-1', vatRatePercent: 9 });
	});

	it('changes nothing for the same product, and only the changed fields for an edited one', async () => {
		await kit.clearCalls();
		const same = await kit.run(node, fromProduct, [product]);
		expect(same.items.map((i) => i.json.action)).toEqual(['found', 'found']);
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET']);
		const edited = {
			...product,
			title: 'Organic T-Shirt',
			variants: [{ ...variants[0], price: '24.20' }, variants[1]],
		};
		await kit.clearCalls();
		const result = await kit.run(node, fromProduct, [edited]);
		expect(result.items.map((i) => [i.json.action, i.json.changed])).toEqual([
			['updated', ['Description', 'Price']],
			['updated', ['Description']],
		]);
		expect(
			(await kit.calls()).map((c) => `${c.method} ${c.path.split('/').pop()?.replace(/\(.*/, '')}`),
		).toEqual([
			'GET Items',
			'PUT Items',
			'PUT Items',
			'GET SalesItemPrices',
			'PUT SalesItemPrices',
		]);
		const item = (await kit.state<Rec>('logistics/Items')).find((i) => i.Code === codes[0]);
		expect(item).toMatchObject({ Description: 'Organic T-Shirt - Small', StandardSalesPrice: 20 });
	});

	it('reports a product without variants as skipped', async () => {
		const result = await kit.run(node, fromProduct, [
			{ ...product, variants: [], variant_gids: [] },
		]);
		expect(result.items.map((i) => [i.json.action, i.json.reason])).toEqual([
			['skipped', 'the product has no variants'],
		]);
	});

	it('fails an input that is not a valid Shopify product, with continueOnFail', async () => {
		const broken = { ...product, variants: [{ ...variants[0], price: 'ten euro' }] };
		const result = await kit.run(node, fromProduct, [broken, product], { continueOnFail: true });
		expect(result.items[0].json.error).toMatch(/price/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items.slice(1).map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 1 }]);
	});
});

describe('Item: generic operations', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	it('creates an item with a sales price once; the second create is skipped', async () => {
		const params = {
			operation: 'create',
			code: 'MUG-1',
			description: 'Mug',
			additionalFields: { salesPrice: 7.5, isStockItem: false, isWebshopItem: true },
		};
		await kit.clearCalls();
		const first = await kit.run(node, params, [{}]);
		expect(first.items[0].json).toMatchObject({
			Code: 'MUG-1',
			IsStockItem: false,
			IsWebshopItem: 1,
			StandardSalesPrice: 7.5,
			action: 'created',
		});
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET', 'POST', 'GET', 'PUT']);
		const second = await kit.run(node, params, [{}]);
		expect(second.items[0].json).toMatchObject({
			action: 'skipped',
			reason: 'an item with this code already exists',
		});
	});

	it('gets an item by code or by ID', async () => {
		const byCode = await kit.run(
			node,
			{ operation: 'get', itemId: { __rl: true, mode: 'code', value: 'mug-1' } },
			[{}],
		);
		expect(byCode.items[0].json).toMatchObject({ Code: 'MUG-1', action: 'found', exactCalls: 2 });
		const byId = await kit.run(
			node,
			{
				operation: 'get',
				itemId: { __rl: true, mode: 'id', value: String(byCode.items[0].json.ID) },
			},
			[{}],
		);
		expect(byId.items[0].json).toMatchObject({ Code: 'MUG-1', exactCalls: 1 });
		const missing = await kit.run(
			node,
			{ operation: 'get', itemId: { __rl: true, mode: 'code', value: 'NOPE' } },
			[{}],
			{ continueOnFail: true },
		);
		expect(missing.items[0].json.error).toBe('No item with code NOPE in this division');
	});

	it('lists items by filters', async () => {
		await kit.clearCalls();
		const result = await kit.run(
			node,
			{ operation: 'getAll', returnAll: true, filters: { description: 'mug', isStockItem: false } },
			[{}],
		);
		expect(result.items.map((i) => i.json.Code)).toEqual(['MUG-1']);
		expect(filterOf((await kit.calls('logistics/Items'))[0])).toBe(
			"substringof('mug', Description) eq true and IsStockItem eq false",
		);
	});

	it('updates fields and the price of an item', async () => {
		const result = await kit.run(
			node,
			{
				operation: 'update',
				itemId: { __rl: true, mode: 'code', value: 'MUG-1' },
				updateFields: { description: 'Big mug', salesPrice: 9 },
			},
			[{}],
		);
		expect(result.items[0].json).toMatchObject({
			Description: 'Big mug',
			StandardSalesPrice: 9,
			action: 'updated',
		});
		expect((await kit.state<Rec>('logistics/Items')).find((i) => i.Code === 'MUG-1')).toMatchObject(
			{ Description: 'Big mug', StandardSalesPrice: 9 },
		);
	});

	it('creates or updates by code, sending only what changed', async () => {
		const params = (description: string, salesPrice: number) => ({
			operation: 'upsert',
			code: 'CAP-1',
			description,
			additionalFields: { salesPrice },
		});
		expect((await kit.run(node, params('Cap', 5), [{}])).items[0].json.action).toBe('created');
		await kit.clearCalls();
		expect((await kit.run(node, params('Cap', 5), [{}])).items[0].json).toMatchObject({
			action: 'found',
			reason: 'unchanged',
		});
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET']);
		const changed = await kit.run(node, params('Cap', 6), [{}]);
		expect(changed.items[0].json).toMatchObject({
			action: 'updated',
			changed: ['StandardSalesPrice'],
		});
	});

	it('lists sales items for the item picker', async () => {
		const { results } = await runListSearch({
			node,
			method: 'searchItems',
			credentials: kit.credentials,
			filter: 'CAP',
		});
		expect(results.map((r) => r.name)).toEqual(['CAP-1 · Cap']);
	});
});
