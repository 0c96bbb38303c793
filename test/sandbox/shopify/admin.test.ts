import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, gidOf, startSandbox, type Json } from './helpers';
import { startShopifySandbox, type ShopifySandbox } from '../../../sandbox/shopify';

describe('Shopify sandbox: control API (/__sandbox/)', () => {
	let sandbox: ShopifySandbox;
	let client: Client;
	beforeAll(async () => ({ sandbox, client } = await startSandbox()));
	afterAll(() => sandbox.close());
	beforeEach(() => client.admin('POST', 'reset'));

	it('starts with the two seeded locations and the edge-case products', async () => {
		const { locations } = await client.admin('GET', 'locations');
		expect(locations.map((l: Json) => [l.id, l.name])).toEqual([
			['1001', 'Amsterdam warehouse'],
			['1002', 'Rotterdam store'],
		]);
		const { products } = await client.admin('GET', 'products');
		const variants = products.flatMap((p: Json) => p.variants);
		expect(variants.find((v: Json) => v.sku === 'BUNDLE-START')).toMatchObject({
			requiresComponents: true,
		});
		expect(variants.find((v: Json) => v.sku === 'GIFT-25')).toMatchObject({ tracked: false });
		expect(variants.some((v: Json) => v.sku === null)).toBe(true);
	});

	it('seeds products with variants, prices, tracking, bundle flag and stock per location (by id or name)', async () => {
		await client.admin('POST', 'locations', {
			locations: [{ name: 'Utrecht pop-up', isActive: false }],
		});
		await client.admin('POST', 'products', {
			products: [
				{
					title: 'Linen Apron',
					variants: [
						{
							sku: 'APRON-S',
							price: '19.95',
							inventory: { 'Amsterdam warehouse': 4, 1002: { available: 2, committed: 1 } },
						},
						{ sku: 'APRON-KIT', bundle: true },
					],
				},
			],
		});
		const report = await client.admin('GET', 'inventory?sku=APRON-S');
		expect(report.bySku).toEqual({ 'APRON-S': { 1001: 4, 1002: 2 } });
		expect(report.levels[1]).toMatchObject({
			locationName: 'Rotterdam store',
			committed: 1,
			on_hand: 3,
		});
		const { body } = await client.graphql(
			'2026-04',
			`{ productVariants(first: 5, query: "sku:APRON-S OR sku:APRON-KIT") { nodes { sku price requiresComponents product { title hasVariantsThatRequiresComponents } } } }`,
		);
		expect(body.data.productVariants.nodes).toEqual([
			{
				sku: 'APRON-S',
				price: '19.95',
				requiresComponents: false,
				product: { title: 'Linen Apron', hasVariantsThatRequiresComponents: true },
			},
			{
				sku: 'APRON-KIT',
				price: '0.00',
				requiresComponents: true,
				product: { title: 'Linen Apron', hasVariantsThatRequiresComponents: true },
			},
		]);
		const inactive = await client.graphql(
			'2026-04',
			`{ a: locations(first: 5) { nodes { name } } b: locations(first: 5, includeInactive: true) { nodes { name isActive } } }`,
		);
		expect(inactive.body.data.a.nodes).toHaveLength(2);
		expect(inactive.body.data.b.nodes[2]).toEqual({ name: 'Utrecht pop-up', isActive: false });
	});

	it('rejects a product seed naming an unknown location with 400', async () => {
		const res = await client.rest(
			'POST',
			'/__sandbox/products',
			{ products: [{ title: 'X', variants: [{ sku: 'X', inventory: { Nowhere: 1 } }] }] },
			{},
		);
		expect(res.status).toBe(400);
		expect(res.body.error).toBe('unknown location "Nowhere"');
	});

	it('resets stock, subscriptions and logs', async () => {
		await client.admin('PUT', 'inventory', {
			levels: [{ sku: 'TOTE-NAT', locationId: 1001, available: 1 }],
		});
		await client.admin('POST', 'webhooks', {
			topic: 'orders/create',
			address: 'http://127.0.0.1:9/x',
		});
		await client.graphql('2026-04', '{ shop { name } }');
		await client.admin('POST', 'reset');
		expect((await client.admin('GET', 'inventory?sku=TOTE-NAT')).bySku['TOTE-NAT']['1001']).toBe(
			25,
		);
		expect((await client.admin('GET', 'webhooks')).webhooks).toEqual([]);
		expect((await client.admin('GET', 'calls')).calls).toEqual([]);
	});

	it('can reset to an empty shop and back to the seed', async () => {
		await client.admin('POST', 'reset', { mode: 'empty' });
		expect((await client.admin('GET', 'locations')).locations).toEqual([]);
		expect((await client.admin('GET', 'products')).products).toEqual([]);
		await client.admin('POST', 'reset');
		expect((await client.admin('GET', 'products')).products).toHaveLength(6);
		expect((await client.admin('GET', '')).endpoints.length).toBeGreaterThan(5);
	});

	it('rejects unknown settings and reports the current ones', async () => {
		const bad = await client.rest('PUT', '/__sandbox/settings', { bucketsize: 5 }, {});
		expect([bad.status, bad.body.error]).toEqual([400, 'unknown setting bucketsize']);
		const settings = await client.admin('PUT', 'settings', {
			deliveryRetries: 8,
			apiVersionDefault: '2026-01',
		});
		expect(settings).toMatchObject({
			deliveryRetries: 8,
			apiVersionDefault: '2026-01',
			bucketSize: 1000,
			restoreRate: 50,
		});
	});

	it('injects faults: a status for the next N matching calls, then normal answers', async () => {
		await client.admin('POST', 'faults', {
			pathPrefix: '/admin/api/2026-04/graphql.json',
			count: 2,
			status: 503,
		});
		const statuses = [];
		for (let i = 0; i < 3; i++)
			statuses.push((await client.graphql('2026-04', '{ shop { name } }')).status);
		expect(statuses).toEqual([503, 503, 200]);
		const { calls } = await client.admin('GET', 'calls');
		expect(calls.map((c: Json) => [c.status, c.fault])).toEqual([
			[503, 'status'],
			[503, 'status'],
			[200, null],
		]);
	});

	it('drops the response after committing a write (the client sees a reset, the stock changed)', async () => {
		await client.admin('POST', 'faults', { pathPrefix: '/admin/api/', mode: 'dropAfterCommit' });
		const write = client.graphql(
			'2026-04',
			`mutation { inventorySetQuantities(input: {name: "available", reason: "correction", quantities: [{inventoryItemId: "${gidOf('InventoryItem', 5001)}", locationId: "${gidOf('Location', 1001)}", quantity: 11, changeFromQuantity: 25}]}) { userErrors { code } } }`,
		);
		await expect(write).rejects.toThrow();
		expect((await client.admin('GET', 'inventory?sku=TOTE-NAT')).bySku['TOTE-NAT']['1001']).toBe(
			11,
		);
		await client.admin('POST', 'faults', { mode: 'reset', count: 1 });
		await expect(client.graphql('2026-04', '{ shop { name } }')).rejects.toThrow();
		expect((await client.graphql('2026-04', '{ shop { name } }')).status).toBe(200);
	});

	it('stores orders and can commit their stock (available down, committed up)', async () => {
		const res = await client.admin('POST', 'orders', {
			orders: [
				{
					line_items: [
						{ sku: 'TOTE-NAT', quantity: 3 },
						{ variant_id: 4003, quantity: 1 },
						{ sku: 'BUNDLE-START', quantity: 1 },
					],
				},
			],
			topics: [],
			commitInventory: true,
		});
		expect(res.orders[0].id).toMatch(/^[0-9]{13}$/);
		const report = await client.admin('GET', 'inventory');
		const level = (sku: string) =>
			report.levels.find((l: Json) => l.sku === sku && l.locationId === '1001');
		expect(level('TOTE-NAT')).toMatchObject({ available: 22, committed: 3 });
		expect(level('MUG-WHITE')).toMatchObject({ available: 99, committed: 3 });
		expect(level('BUNDLE-START')).toMatchObject({ available: 10, committed: 0 });
		const { orders } = await client.admin('GET', 'orders');
		expect(orders[0].line_items[0].id).toMatch(/^[0-9]+$/);
	});

	it('serves HTTPS when given a key and certificate', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'shopify-sandbox-tls-'));
		try {
			execFileSync(
				'openssl',
				[
					'req',
					'-x509',
					'-newkey',
					'rsa:2048',
					'-nodes',
					'-days',
					'1',
					'-subj',
					'/CN=demo-shop.myshopify.com',
					'-keyout',
					join(dir, 'key.pem'),
					'-out',
					join(dir, 'cert.pem'),
				],
				{ stdio: 'ignore' },
			);
			const tls = {
				key: readFileSync(join(dir, 'key.pem'), 'utf8'),
				cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
			};
			const secure = await startShopifySandbox({ port: 0, tls });
			try {
				expect(secure.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:[0-9]+$/);
				const status = await new Promise<number>((resolve, reject) => {
					https
						.get(
							`${secure.baseUrl}/admin/api/2024-07/products.json`,
							{
								ca: tls.cert,
								servername: 'demo-shop.myshopify.com',
								headers: { 'X-Shopify-Access-Token': secure.accessToken },
							},
							(res) => {
								res.resume();
								resolve(res.statusCode ?? 0);
							},
						)
						.on('error', reject);
				});
				expect(status).toBe(200);
			} finally {
				await secure.close();
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
