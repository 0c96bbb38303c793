import { Client, startSandbox, type Json } from './helpers';
import type { ShopifySandbox } from '../../../sandbox/shopify';

describe('Shopify sandbox: REST as n8n calls it', () => {
	let sandbox: ShopifySandbox;
	let client: Client;
	beforeAll(async () => ({ sandbox, client } = await startSandbox()));
	afterAll(() => sandbox.close());
	beforeEach(() => client.admin('POST', 'reset'));

	const address = 'http://127.0.0.1:5678/webhook/abc/webhook';

	it('subscribes, finds the subscription by topic (checkExists), and deletes it like the Shopify Trigger', async () => {
		// checkExists: GET /webhooks?topic=… (no .json), nothing yet
		const before = await client.rest('GET', '/admin/api/2024-07/webhooks?topic=orders%2Fcreate');
		expect(before.status).toBe(200);
		expect(before.body).toEqual({ webhooks: [] });
		// create: POST /webhooks.json
		const created = await client.rest('POST', '/admin/api/2024-07/webhooks.json', {
			webhook: { topic: 'orders/create', address, format: 'json' },
		});
		expect(created.status).toBe(201);
		const webhook = created.body.webhook;
		expect(webhook).toMatchObject({
			topic: 'orders/create',
			address,
			format: 'json',
			api_version: '2024-07',
		});
		expect(Number.isSafeInteger(webhook.id)).toBe(true);
		expect(created.text).toMatch(new RegExp(`"id":${webhook.id},`));
		// another topic does not show up under this one
		await client.rest('POST', '/admin/api/2024-07/webhooks.json', {
			webhook: { topic: 'orders/paid', address, format: 'json' },
		});
		const listed = await client.rest('GET', '/admin/api/2024-07/webhooks?topic=orders%2Fcreate');
		expect(listed.body.webhooks.map((w: Json) => [w.id, w.address])).toEqual([
			[webhook.id, address],
		]);
		// delete: DELETE /webhooks/{id}.json
		const deleted = await client.rest('DELETE', `/admin/api/2024-07/webhooks/${webhook.id}.json`);
		expect(deleted.status).toBe(200);
		const after = await client.rest('GET', '/admin/api/2024-07/webhooks?topic=orders%2Fcreate');
		expect(after.body.webhooks).toEqual([]);
		const again = await client.rest('DELETE', `/admin/api/2024-07/webhooks/${webhook.id}.json`);
		expect(again.status).toBe(404);
		expect((await client.admin('GET', 'webhooks')).webhooks.map((w: Json) => w.topic)).toEqual([
			'orders/paid',
		]);
	});

	it("answers the Shopify Trigger's double-slash path (/admin/api/2024-07//webhooks) as n8n 2.8.4 sends it", async () => {
		const listed = await client.rest('GET', '/admin/api/2024-07//webhooks?topic=orders%2Fcreate');
		expect(listed.status).toBe(200);
		expect(Array.isArray(listed.body.webhooks)).toBe(true);
	});

	it('refuses a duplicate subscription, an unknown topic and a blank address with 422', async () => {
		const body = { webhook: { topic: 'orders/create', address, format: 'json' } };
		expect((await client.rest('POST', '/admin/api/2024-07/webhooks.json', body)).status).toBe(201);
		const dup = await client.rest('POST', '/admin/api/2024-07/webhooks.json', body);
		expect([dup.status, dup.body]).toEqual([
			422,
			{ errors: { address: ['for this topic has already been taken'] } },
		]);
		const topic = await client.rest('POST', '/admin/api/2024-07/webhooks.json', {
			webhook: { topic: 'orders/eaten', address },
		});
		expect(topic.status).toBe(422);
		expect(topic.body.errors.topic[0]).toMatch(/^Invalid topic specified: orders\/eaten/);
		const blank = await client.rest('POST', '/admin/api/2024-07/webhooks.json', {
			webhook: { topic: 'orders/paid', address: '' },
		});
		expect(blank.body).toEqual({ errors: { address: ["can't be blank"] } });
	});

	it("accepts n8n's legacy API-key credential (basic auth with the token as password)", async () => {
		const auth = `Basic ${Buffer.from(`key:${sandbox.accessToken}`).toString('base64')}`;
		const ok = await client.rest(
			'GET',
			'/admin/api/2024-07/webhooks?topic=orders%2Fcreate',
			undefined,
			{ Authorization: auth },
		);
		expect(ok.status).toBe(200);
		const wrong = `Basic ${Buffer.from('key:nope').toString('base64')}`;
		expect(
			(await client.rest('GET', '/admin/api/2024-07/webhooks', undefined, { Authorization: wrong }))
				.status,
		).toBe(401);
	});

	it('answers the credential test GET products.json with products, variants and numeric ids', async () => {
		const res = await client.rest('GET', '/admin/api/2024-07/products.json');
		expect(res.status).toBe(200);
		const tote = res.body.products.find((p: Json) => p.id === 7001);
		expect(
			tote.variants.map((v: Json) => [v.sku, v.inventory_item_id, v.inventory_quantity]),
		).toEqual([
			['TOTE-NAT', 5001, 30],
			['TOTE-BLK', 5002, 10],
		]);
		expect(
			res.body.products.find((p: Json) => p.id === 7005).has_variants_that_requires_components,
		).toBe(true);
		const paged = await client.rest('GET', '/admin/api/2024-07/products.json?limit=2');
		expect(paged.body.products).toHaveLength(2);
		expect(paged.headers.get('link')).toMatch(/page_info=.*rel="next"/);
	});

	it('lists locations and inventory levels, and sets a level through the legacy endpoint', async () => {
		const locations = await client.rest('GET', '/admin/api/2025-01/locations.json');
		expect(locations.body.locations.map((l: Json) => [l.id, l.name])).toEqual([
			[1001, 'Amsterdam warehouse'],
			[1002, 'Rotterdam store'],
		]);
		const set = await client.rest('POST', '/admin/api/2024-07/inventory_levels/set.json', {
			location_id: 1002,
			inventory_item_id: 5002,
			available: 7,
		});
		expect(set.body.inventory_level).toMatchObject({
			inventory_item_id: 5002,
			location_id: 1002,
			available: 7,
		});
		const levels = await client.rest(
			'GET',
			'/admin/api/2024-07/inventory_levels.json?inventory_item_ids=5002',
		);
		expect(levels.body.inventory_levels.map((l: Json) => l.available)).toEqual([10, 7]);
	});

	it('creates and reads orders with ids beyond 2^53 intact', async () => {
		const created = await client.rest('POST', '/admin/api/2024-07/orders.json', {
			order: {
				email: 'a@example.com',
				line_items: [{ sku: 'TOTE-NAT', quantity: 1, price: '24.95' }],
			},
		});
		expect(created.status).toBe(201);
		expect(created.body.order).toMatchObject({ name: '#1001', order_number: 1001 });
		await client.admin('POST', 'orders', {
			orders: [{ id: '820982911946154508', name: '#9999' }],
			topics: [],
		});
		const listed = await client.rest('GET', '/admin/api/2024-07/orders.json?status=any');
		expect(listed.text).toContain('"id":820982911946154508');
		const one = await client.rest('GET', '/admin/api/2024-07/orders/820982911946154508.json');
		expect(one.text).toContain('"name":"#9999"');
	});

	it('rate-limits REST calls with a leaky bucket: 429, Retry-After and the call-limit header', async () => {
		await client.admin('PUT', 'settings', { restBucketSize: 3, restLeakRate: 0.5 });
		const statuses: number[] = [];
		let last: Headers | undefined;
		for (let i = 0; i < 4; i++) {
			const res = await client.rest('GET', '/admin/api/2024-07/shop.json');
			statuses.push(res.status);
			last = res.headers;
		}
		expect(statuses).toEqual([200, 200, 200, 429]);
		expect(last?.get('retry-after')).toBe('2.0');
		expect(last?.get('x-shopify-shop-api-call-limit')).toBe('3/3');
	});
});
