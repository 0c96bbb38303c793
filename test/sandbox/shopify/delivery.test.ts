import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, startReceiver, startSandbox, type Json, type Received } from './helpers';
import type { ShopifySandbox } from '../../../sandbox/shopify';

/** What n8n's Shopify Trigger does: base64 HMAC-SHA256 of the raw body with the app secret. */
function n8nAccepts(r: Received, secret: string, topic: string): boolean {
	const h = r.headers;
	if (
		!h['x-shopify-topic'] ||
		!h['x-shopify-hmac-sha256'] ||
		!h['x-shopify-shop-domain'] ||
		!h['x-shopify-api-version']
	) {
		return false;
	}
	const computed = createHmac('sha256', secret).update(r.raw).digest('base64');
	return h['x-shopify-hmac-sha256'] === computed && h['x-shopify-topic'] === topic;
}

const orderIds = (received: Received[]) =>
	received.map((r) => /"id":([0-9]+)/.exec(r.raw.toString())?.[1]);
const header = (r: Received, name: string) => r.headers[name] as string;

describe('Shopify sandbox: webhook delivery', () => {
	let sandbox: ShopifySandbox;
	let client: Client;
	beforeAll(async () => ({ sandbox, client } = await startSandbox({ appSecret: 'test-secret' })));
	afterAll(() => sandbox.close());
	beforeEach(() => client.admin('POST', 'reset'));

	const subscribe = (topic: string, address: string, version = '2024-07') =>
		client.rest('POST', `/admin/api/${version}/webhooks.json`, {
			webhook: { topic, address, format: 'json' },
		});

	it("signs each delivery so that n8n's check (and a timing-safe one) accepts it, and a wrong secret does not", async () => {
		const receiver = await startReceiver();
		try {
			await subscribe('orders/create', receiver.url);
			const res = await client.admin('POST', 'webhooks/deliver', {
				topic: 'orders/create',
				payloads: [{ id: 1, name: '#1001', note: 'ünïcødé ✓' }],
			});
			expect(res.summary).toMatchObject({ events: 1, deliveries: 1, delivered: 1, failed: 0 });
			const [r] = receiver.received;
			expect(n8nAccepts(r, 'test-secret', 'orders/create')).toBe(true);
			expect(n8nAccepts(r, 'other-secret', 'orders/create')).toBe(false);
			expect(n8nAccepts(r, 'test-secret', 'orders/paid')).toBe(false);
			const expected = createHmac('sha256', 'test-secret').update(r.raw).digest();
			expect(
				timingSafeEqual(Buffer.from(header(r, 'x-shopify-hmac-sha256'), 'base64'), expected),
			).toBe(true);
			expect(JSON.parse(r.raw.toString('utf8'))).toEqual({
				id: 1,
				name: '#1001',
				note: 'ünïcødé ✓',
			});
		} finally {
			await receiver.close();
		}
	});

	it("sends Shopify's headers: topic, shop domain, subscription API version, webhook id, event id, triggered-at", async () => {
		const receiver = await startReceiver();
		try {
			await subscribe('products/update', receiver.url, '2025-04');
			await client.admin('POST', 'webhooks/deliver', {
				topic: 'products/update',
				payloads: [{ id: 7001 }],
			});
			const h = receiver.received[0].headers;
			expect(h['content-type']).toBe('application/json');
			expect(h['x-shopify-topic']).toBe('products/update');
			expect(h['x-shopify-shop-domain']).toBe('demo-shop.myshopify.com');
			expect(h['x-shopify-api-version']).toBe('2025-04');
			expect(h['x-shopify-webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
			expect(h['x-shopify-event-id']).toMatch(/^[0-9a-f-]{36}$/);
			expect(new Date(h['x-shopify-triggered-at'] as string).getTime()).toBeGreaterThan(
				Date.now() - 60_000,
			);
		} finally {
			await receiver.close();
		}
	});

	it('keeps ids beyond 2^53 exact in the delivered body, as JSON numbers', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe('orders/create', receiver.url);
			// Raw JSON text: a number JavaScript cannot hold, and an id given as a digit string.
			const request = `{"topic":"orders/create","payloads":[{"id":"9007199254740993","customer":{"id":115310627314723954},"line_items":[{"id":976318377106520349,"variant_id":"757650484644203962","sku":"TOTE-NAT","quantity":1,"price":"24.95"}],"total_weight":0.10}]}`;
			const res = await client.rest('POST', '/__sandbox/webhooks/deliver', request, {});
			expect(res.status).toBe(200);
			const body = receiver.received[0].raw.toString('utf8');
			expect(body).toContain('"id":9007199254740993,');
			expect(body).toContain('"customer":{"id":115310627314723954}');
			expect(body).toContain('"id":976318377106520349,');
			expect(body).toContain('"variant_id":757650484644203962,');
			expect(body).toContain('"total_weight":0.10');
			expect(body).toContain('"price":"24.95"');
		} finally {
			await receiver.close();
		}
	});

	it('delivers the documented orders/create example byte for byte', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe('orders/create', receiver.url);
			const fixture = readFileSync(
				join(__dirname, '../../fixtures/shopify/docs-webhooks-2026-04/orders-create.json'),
				'utf8',
			);
			const payload = JSON.stringify(JSON.parse(fixture).response);
			const res = await client.rest(
				'POST',
				'/__sandbox/webhooks/deliver',
				`{"topic":"orders/create","payloads":[${payload}]}`,
				{},
			);
			expect(res.status).toBe(200);
			expect(receiver.received[0].raw.toString('utf8')).toBe(payload);
			expect(n8nAccepts(receiver.received[0], 'test-secret', 'orders/create')).toBe(true);
		} finally {
			await receiver.close();
		}
	});

	it('sends deliberate duplicates: one Event-Id per event, copies in the requested number', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe('orders/create', receiver.url);
			const res = await client.admin('POST', 'webhooks/deliver', {
				topic: 'orders/create',
				payloads: [{ id: 1 }, { id: 2 }],
				copies: 3,
			});
			expect(res.summary).toMatchObject({ events: 2, deliveries: 6, delivered: 6 });
			expect(orderIds(receiver.received)).toEqual(['1', '1', '1', '2', '2', '2']);
			const events = new Set(receiver.received.map((r) => header(r, 'x-shopify-event-id')));
			const webhooks = new Set(receiver.received.map((r) => header(r, 'x-shopify-webhook-id')));
			expect([events.size, webhooks.size]).toEqual([2, 6]);
			const bodies = new Set(receiver.received.map((r) => r.raw.toString()));
			expect(bodies.size).toBe(2);
		} finally {
			await receiver.close();
		}
	});

	it('can make copies share one Webhook-Id (a redelivery) instead', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe('orders/create', receiver.url);
			await client.admin('POST', 'webhooks/deliver', {
				topic: 'orders/create',
				payloads: [{ id: 1 }],
				copies: 2,
				sameWebhookId: true,
			});
			expect(new Set(receiver.received.map((r) => header(r, 'x-shopify-webhook-id'))).size).toBe(1);
		} finally {
			await receiver.close();
		}
	});

	it('delivers orders/updated before orders/create when asked for reversed order', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe('orders/create', receiver.url);
			await subscribe('orders/updated', receiver.url);
			const res = await client.admin('POST', 'orders', {
				orders: [{ id: '5000000000001', line_items: [] }],
				topics: ['orders/create', 'orders/updated'],
				order: 'reversed',
			});
			expect(res.orders).toEqual([{ id: '5000000000001', name: '#1001' }]);
			expect(receiver.received.map((r) => header(r, 'x-shopify-topic'))).toEqual([
				'orders/updated',
				'orders/create',
			]);
			expect(orderIds(receiver.received)).toEqual(['5000000000001', '5000000000001']);
		} finally {
			await receiver.close();
		}
	});

	it('shuffles reproducibly with a seed, and can send everything concurrently', async () => {
		const receiver = await startReceiver(() => 200, 50);
		try {
			await subscribe('orders/paid', receiver.url);
			const payloads = Array.from({ length: 12 }, (_, i) => ({ id: i + 1 }));
			const run = async (body: Json) => {
				receiver.received.length = 0;
				const started = Date.now();
				const res = await client.admin('POST', 'webhooks/deliver', {
					topic: 'orders/paid',
					payloads,
					...body,
				});
				expect(res.summary.delivered).toBe(payloads.length);
				return { ids: orderIds(receiver.received), ms: Date.now() - started };
			};
			const a = await run({ order: 'shuffled', seed: 42, concurrent: false });
			const b = await run({ order: 'shuffled', seed: 42, concurrent: false });
			expect(a.ids).toEqual(b.ids);
			expect(a.ids).not.toEqual(payloads.map((p) => String(p.id)));
			expect([...(a.ids as string[])].sort((x, y) => Number(x) - Number(y))).toEqual(
				payloads.map((p) => String(p.id)),
			);
			const parallel = await run({ concurrent: true });
			// Sequential: 12 × 50 ms; all at once: about one response time.
			expect(parallel.ms).toBeLessThan(a.ms / 2);
			expect(receiver.received).toHaveLength(12);
		} finally {
			await receiver.close();
		}
	});

	it('retries a failing endpoint with backoff, keeping Webhook-Id, Event-Id and body', async () => {
		const receiver = await startReceiver((n) => (n <= 2 ? 503 : 200));
		try {
			await client.admin('PUT', 'settings', { deliveryRetries: 3, deliveryRetryDelayMs: 40 });
			await subscribe('orders/create', receiver.url);
			const res = await client.admin('POST', 'webhooks/deliver', {
				topic: 'orders/create',
				payloads: [{ id: 7 }],
			});
			const [delivery] = res.deliveries;
			expect(delivery.delivered).toBe(true);
			expect(delivery.attempts.map((a: Json) => a.status)).toEqual([503, 503, 200]);
			const r = receiver.received;
			expect(new Set(r.map((x) => header(x, 'x-shopify-webhook-id'))).size).toBe(1);
			expect(new Set(r.map((x) => header(x, 'x-shopify-event-id'))).size).toBe(1);
			expect(new Set(r.map((x) => x.raw.toString())).size).toBe(1);
			// backoff doubles: 40 ms then 80 ms
			expect(r[1].at - r[0].at).toBeGreaterThanOrEqual(35);
			expect(r[2].at - r[1].at).toBeGreaterThanOrEqual(75);
		} finally {
			await receiver.close();
		}
	});

	it('gives up after the configured retries and treats a timeout as a failure', async () => {
		const receiver = await startReceiver(() => 'hang');
		try {
			await subscribe('orders/create', receiver.url);
			const res = await client.admin('POST', 'webhooks/deliver', {
				topic: 'orders/create',
				payloads: [{ id: 8 }],
				retries: 1,
				retryDelayMs: 10,
				timeoutMs: 100,
			});
			expect(res.summary).toMatchObject({ delivered: 0, failed: 1, attempts: 2 });
			expect(res.deliveries[0].attempts.map((a: Json) => a.error)).toEqual([
				'timeout after 100 ms',
				'timeout after 100 ms',
			]);
			expect(receiver.received).toHaveLength(2);
			const log = await client.admin('GET', 'deliveries');
			expect(log.deliveries).toHaveLength(1);
		} finally {
			await receiver.close();
		}
	});

	it('sends one delivery per subscription, or to an explicit address without one, and warns when nobody listens', async () => {
		const one = await startReceiver();
		const two = await startReceiver();
		try {
			await subscribe('refunds/create', one.url);
			await subscribe('refunds/create', two.url);
			await client.admin('POST', 'webhooks/deliver', {
				topic: 'refunds/create',
				payloads: [{ id: 1 }],
			});
			expect([one.received.length, two.received.length]).toEqual([1, 1]);
			expect(header(one.received[0], 'x-shopify-event-id')).toBe(
				header(two.received[0], 'x-shopify-event-id'),
			);
			const none = await client.admin('POST', 'webhooks/deliver', {
				topic: 'orders/cancelled',
				payloads: [{ id: 1 }],
			});
			expect(none.warnings).toEqual([
				'no webhook subscription for orders/cancelled: nothing delivered for it',
			]);
			await client.admin('POST', 'webhooks/deliver', {
				topic: 'orders/cancelled',
				payloads: [{ id: 1 }],
				address: one.url,
			});
			expect(header(one.received[1], 'x-shopify-topic')).toBe('orders/cancelled');
		} finally {
			await one.close();
			await two.close();
		}
	});

	it('announces stock writes with inventory_levels/update to subscribers', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe('inventory_levels/update', receiver.url);
			await client.graphql(
				'2026-04',
				`mutation { inventorySetQuantities(input: {name: "available", reason: "correction", quantities: [{inventoryItemId: "gid://shopify/InventoryItem/5002", locationId: "gid://shopify/Location/1002", quantity: 4, changeFromQuantity: 0}]}) { userErrors { code } } }`,
			);
			for (let i = 0; i < 50 && receiver.received.length === 0; i++)
				await new Promise((r) => setTimeout(r, 20));
			const body = JSON.parse(receiver.received[0].raw.toString());
			expect(body).toMatchObject({ inventory_item_id: 5002, location_id: 1002, available: 4 });
		} finally {
			await receiver.close();
		}
	});
});
