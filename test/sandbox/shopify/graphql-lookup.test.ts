import { Client, gidOf, startSandbox, type Json } from './helpers';
import type { ShopifySandbox } from '../../../sandbox/shopify';

const VARIANT_FIELDS = `
	id sku title requiresComponents
	product { id title hasVariantsThatRequiresComponents }
	inventoryItem {
		id tracked sku
		inventoryLevels(first: 5) {
			nodes { location { id name } quantities(names: ["available", "on_hand", "committed"]) { name quantity } }
		}
	}`;

describe('Shopify sandbox: GraphQL lookups', () => {
	let sandbox: ShopifySandbox;
	let client: Client;
	beforeAll(async () => ({ sandbox, client } = await startSandbox()));
	afterAll(() => sandbox.close());

	const skus = (body: Json) => body.data.productVariants.nodes.map((n: Json) => n.sku);

	it('finds several variants in one query with sku:X OR sku:Y, including a quoted SKU with a space', async () => {
		const { status, body } = await client.graphql(
			'2025-10',
			`query Lookup($q: String) { productVariants(first: 25, query: $q) { nodes { ${VARIANT_FIELDS} } } }`,
			{ q: 'sku:TOTE-NAT OR sku:"SOCKS 39-42" OR sku:NOPE' },
		);
		expect(status).toBe(200);
		expect(body.errors).toBeUndefined();
		expect(skus(body)).toEqual(['TOTE-NAT', 'SOCKS 39-42']);
		const tote = body.data.productVariants.nodes[0];
		expect(tote.id).toBe(gidOf('ProductVariant', 4001));
		expect(tote.inventoryItem).toMatchObject({
			id: gidOf('InventoryItem', 5001),
			tracked: true,
			sku: 'TOTE-NAT',
		});
		expect(tote.inventoryItem.inventoryLevels.nodes[0]).toEqual({
			location: { id: gidOf('Location', 1001), name: 'Amsterdam warehouse' },
			quantities: [
				{ name: 'available', quantity: 25 },
				{ name: 'on_hand', quantity: 25 },
				{ name: 'committed', quantity: 0 },
			],
		});
	});

	it('matches SKUs case-insensitively, with a trailing * as prefix, and skips variants without a SKU', async () => {
		const some = await client.graphql(
			'2025-10',
			`{ productVariants(first: 10, query: "sku:tote-blk OR sku:SOCKS*") { nodes { sku } } }`,
		);
		expect(skus(some.body)).toEqual(['TOTE-BLK', 'SOCKS 39-42', 'SOCKS 43-46']);
		const all = await client.graphql(
			'2025-10',
			`{ productVariants(first: 10, query: "sku:*") { nodes { sku } } }`,
		);
		expect(skus(all.body)).toHaveLength(7);
		expect(skus(all.body)).not.toContain(null);
	});

	it('with fuzzySkuSearch on, sku:X also finds SKUs that merely contain the token X', async () => {
		const query = `{ productVariants(first: 10, query: "sku:TOTE") { nodes { sku } } }`;
		expect(skus((await client.graphql('2026-04', query)).body)).toEqual([]);
		await client.admin('PUT', 'settings', { fuzzySkuSearch: true });
		try {
			expect(skus((await client.graphql('2026-04', query)).body)).toEqual(['TOTE-NAT', 'TOTE-BLK']);
		} finally {
			await client.admin('PUT', 'settings', { fuzzySkuSearch: false });
		}
	});

	it('flags the bundle and the untracked variant', async () => {
		const { body } = await client.graphql(
			'2026-04',
			`{ productVariants(first: 5, query: "sku:BUNDLE-START OR sku:GIFT-25") { nodes { ${VARIANT_FIELDS} } } }`,
		);
		const [gift, bundle] = body.data.productVariants.nodes;
		expect(gift).toMatchObject({
			sku: 'GIFT-25',
			requiresComponents: false,
			inventoryItem: { tracked: false },
		});
		expect(bundle).toMatchObject({
			sku: 'BUNDLE-START',
			requiresComponents: true,
			product: { hasVariantsThatRequiresComponents: true },
		});
	});

	it('pages with first/after and reports pageInfo', async () => {
		const page = (after?: string) =>
			client.graphql(
				'2025-01',
				`query($after: String) { productVariants(first: 3, after: $after) { nodes { sku } pageInfo { hasNextPage endCursor } } }`,
				{ after },
			);
		const seen: string[] = [];
		let after: string | undefined;
		for (let i = 0; i < 5; i++) {
			const { body } = await page(after);
			seen.push(...skus(body));
			if (!body.data.productVariants.pageInfo.hasNextPage) break;
			after = body.data.productVariants.pageInfo.endCursor;
		}
		expect(seen).toHaveLength(8);
		expect(new Set(seen).size).toBe(8);
	});

	it('requires first or last on a connection', async () => {
		const { body } = await client.graphql('2025-01', `{ productVariants { nodes { sku } } }`);
		expect(body.errors[0].message).toBe('you must provide one of first or last');
	});

	it('lists locations with ids and names', async () => {
		const { body } = await client.graphql(
			'2024-07',
			`{ locations(first: 10) { nodes { id name isActive } } }`,
		);
		expect(body.data.locations.nodes).toEqual([
			{ id: gidOf('Location', 1001), name: 'Amsterdam warehouse', isActive: true },
			{ id: gidOf('Location', 1002), name: 'Rotterdam store', isActive: true },
		]);
	});

	it('reads one inventory item by id and inventory items by SKU query', async () => {
		const one = await client.graphql(
			'2026-01',
			`{ inventoryItem(id: "${gidOf('InventoryItem', 5003)}") { id sku tracked inventoryLevels(first: 5) { nodes { location { name } } } } }`,
		);
		expect(one.body.data.inventoryItem).toEqual({
			id: gidOf('InventoryItem', 5003),
			sku: 'MUG-WHITE',
			tracked: true,
			inventoryLevels: { nodes: [{ location: { name: 'Amsterdam warehouse' } }] },
		});
		const many = await client.graphql(
			'2026-01',
			`{ inventoryItems(first: 10, query: "sku:MUG-WHITE OR sku:GIFT-25") { nodes { id sku } } }`,
		);
		expect(many.body.data.inventoryItems.nodes.map((n: Json) => n.sku)).toEqual([
			'MUG-WHITE',
			'GIFT-25',
		]);
	});

	it("answers 401 with Shopify's message when the access token is wrong or missing", async () => {
		const bad = await client.graphql('2025-10', '{ shop { name } }', undefined, 'shpat_wrong');
		expect(bad.status).toBe(401);
		expect(bad.body).toEqual({
			errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
		});
		const none = await client.rest('GET', '/admin/api/2024-07/products.json', undefined, {});
		expect(none.status).toBe(401);
	});

	it('serves every version from 2024-07 to 2026-10, falls forward from older ones, 404s newer ones', async () => {
		for (const v of ['2024-07', '2024-10', '2025-04', '2025-07', '2026-07', '2026-10']) {
			const { status, body } = await client.graphql(v, '{ shop { myshopifyDomain } }');
			expect([v, status, body.data?.shop.myshopifyDomain]).toEqual([
				v,
				200,
				'demo-shop.myshopify.com',
			]);
		}
		const old = await client.rest('POST', '/admin/api/2023-01/graphql.json', {
			query: '{ shop { name } }',
		});
		expect(old.headers.get('x-shopify-api-version')).toBe('2024-07');
		const future = await client.rest('POST', '/admin/api/2027-04/graphql.json', {
			query: '{ shop { name } }',
		});
		expect(future.status).toBe(404);
	});
});
