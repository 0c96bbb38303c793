/**
 * A product created and then changed in Shopify reaches Exact as items (one per variant, code = SKU)
 * through n8n's Shopify Trigger and the products template.
 */
import { requestJson } from '../../scripts/lib/http';
import { connect, E2E, Row, waitFor } from './support/context';

let e2e: E2E;
/** A product of the sandbox shop: Canvas Tote Bag, variants TOTE-NAT and TOTE-BLK. */
const PRODUCT_ID = '7001';
let product: Record<string, unknown>;

beforeAll(async () => {
	e2e = await connect();
	const res = await requestJson<{ product: Record<string, unknown> }>(
		'GET',
		`${e2e.info.shopifyUrl}/admin/api/2026-01/products/${PRODUCT_ID}.json`,
		undefined,
		{ 'X-Shopify-Access-Token': 'shpat_sandbox_token' },
	);
	product = res.body.product;
});

async function item(code: string): Promise<Row | undefined> {
	return (await e2e.exact.state('logistics/Items')).find((i) => String(i.Code).trim() === code);
}

function variants(p: Record<string, unknown>): Array<Record<string, unknown>> {
	return p.variants as Array<Record<string, unknown>>;
}

test('a new Shopify product becomes one Exact item per variant', async () => {
	const summary = await e2e.shopify.deliver('products/create', [product]);
	expect(summary).toMatchObject({ delivered: 1, failed: 0 });
	for (const variant of variants(product)) {
		const found = await waitFor(`item ${String(variant.sku)}`, () => item(String(variant.sku)), 60_000);
		expect(String(found.Description)).toContain(String(product.title));
	}
});

test('a product update changes the item: description and sales price', async () => {
	const [first] = variants(product);
	const newPrice = (Number(first.price) + 5).toFixed(2);
	const updated = {
		...product,
		title: 'Canvas Tote Bag Deluxe',
		variants: variants(product).map((v, i) => (i === 0 ? { ...v, price: newPrice } : v)),
	};
	const before = await item(String(first.sku));
	const summary = await e2e.shopify.deliver('products/update', [updated]);
	expect(summary).toMatchObject({ delivered: 1, failed: 0 });
	const after = await waitFor('the item description to change', async () => {
		const found = await item(String(first.sku));
		return found && String(found.Description).includes('Deluxe') ? found : undefined;
	}, 60_000);
	expect(after.ID).toBe(before?.ID);
	// Shopify's price includes 21 % VAT; Exact gets it without (the price is its own call, after the item).
	const expected = Math.round((Number(newPrice) / 1.21) * 100) / 100;
	const price = await waitFor('the sales price to change', async () => {
		const row = (await e2e.exact.state('logistics/SalesItemPrices')).find((p) => p.Item === after.ID);
		return row && Math.abs(Number(row.Price) - expected) < 0.006 ? row : undefined;
	}, 60_000);
	expect(Number(price.Price)).toBeCloseTo(expected, 2);
});
