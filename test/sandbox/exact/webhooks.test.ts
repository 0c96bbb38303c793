import { createHmac } from 'crypto';
import { createServer, Server } from 'http';
import type { AddressInfo } from 'net';
import { openSandbox, seed, sleep, TestSandbox } from './helpers';

interface Received {
	path: string;
	body: string;
	contentLength: string | undefined;
}

/** A webhook receiver whose answers can be scripted per path. */
class Receiver {
	readonly got: Received[] = [];
	readonly statusFor = new Map<string, number[]>();
	delayMs = 0;
	private readonly timers = new Set<NodeJS.Timeout>();
	private server!: Server;
	url = '';

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const path = req.url ?? '/';
				this.got.push({
					path,
					body: Buffer.concat(chunks).toString(),
					contentLength: req.headers['content-length'],
				});
				const queue = this.statusFor.get(path) ?? [];
				const status = queue.length > 1 ? (queue.shift() as number) : (queue[0] ?? 200);
				if (this.delayMs === 0) {
					res.writeHead(status).end();
					return;
				}
				const timer = setTimeout(() => {
					this.timers.delete(timer);
					res.writeHead(status).end();
				}, this.delayMs);
				this.timers.add(timer);
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	deliveries(path: string) {
		return this.got.filter((g) => g.path === path && g.body.length > 0);
	}

	async waitFor(path: string, n: number, timeoutMs = 5000) {
		const end = Date.now() + timeoutMs;
		while (this.deliveries(path).length < n && Date.now() < end) await sleep(20);
		return this.deliveries(path);
	}

	close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.server.closeAllConnections();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}
}

const SECRET = 'test-webhook-secret';

function parseDelivery(body: string) {
	const m = /^\{"Content":(.*),"HashCode":"([0-9A-F]{64})"\}$/.exec(body);
	if (!m) throw new Error(`not an Exact delivery: ${body}`);
	return { raw: m[1], content: JSON.parse(m[1]), hash: m[2] };
}

describe('webhook subscriptions and deliveries', () => {
	let t: TestSandbox;
	let rx: Receiver;
	const subscribe = (topic: string, path: string, extra: Record<string, unknown> = {}) =>
		t.api('POST', 'webhooks/WebhookSubscriptions', {
			body: { CallbackURL: `${rx.url}${path}`, Topic: topic, ...extra },
			prefer: true,
		});

	beforeEach(async () => {
		rx = new Receiver();
		await rx.start();
		t = await openSandbox({ settings: { webhookSecret: SECRET, webhookRetryDelaysMs: [50, 50] } });
	});
	afterEach(async () => {
		await t.close();
		await rx.close();
	});

	test('subscribing first sends an empty POST to the callback', async () => {
		const res = await subscribe('Accounts', '/accounts');
		expect(res.status).toBe(201);
		expect(res.json.d).toMatchObject({
			Topic: 'Accounts',
			CallbackURL: `${rx.url}/accounts`,
			ClientID: t.sb.clientId,
		});
		const probe = rx.got.find((g) => g.path === '/accounts');
		expect(probe).toEqual({ path: '/accounts', body: '', contentLength: '0' });
		const list = await t.api('GET', 'webhooks/WebhookSubscriptions');
		expect(list.json.d.results).toHaveLength(1);
	});

	test('a callback that answers non-2xx fails the subscription with 500 "Invalid: Post to callback URL…"', async () => {
		rx.statusFor.set('/broken', [500]);
		const res = await subscribe('Items', '/broken');
		expect(res.status).toBe(500);
		expect(res.json.error.message.value).toMatch(
			/^Invalid: Post to callback URL endpoint returns 500/,
		);
		expect((await t.api('GET', 'webhooks/WebhookSubscriptions')).json.d.results).toHaveLength(0);
	});

	test('topics are checked, and IsInstant is only for GoodsDeliveries', async () => {
		expect((await subscribe('Nonsense', '/x')).status).toBe(500);
		expect((await subscribe('Items', '/x', { IsInstant: true })).status).toBe(500);
		expect((await subscribe('GoodsDeliveries', '/x', { IsInstant: true })).status).toBe(201);
	});

	test('changes are delivered as compact signed JSON: HashCode = upper hex HMAC-SHA256 of the raw Content', async () => {
		await subscribe('Accounts', '/accounts');
		const created = await t.api('POST', 'crm/Accounts', { body: { Name: 'Hook BV' } });
		const id = created.json.d.ID;
		const [delivery] = await rx.waitFor('/accounts', 1);
		const { raw, content, hash } = parseDelivery(delivery.body);
		expect(hash).toBe(createHmac('sha256', SECRET).update(raw).digest('hex').toUpperCase());
		expect(content).toEqual({
			Topic: 'Accounts',
			ClientId: t.sb.clientId,
			Division: t.div,
			Action: 'Create',
			Key: id,
			ExactOnlineEndpoint: `${t.base}/api/v1/${t.div}/crm/Accounts(guid'${id}')`,
			EventCreatedOn: expect.any(String),
		});
		await t.api('PUT', `crm/Accounts(guid'${id}')`, { body: { City: 'Ede' } });
		await t.api('DELETE', `crm/Accounts(guid'${id}')`);
		const all = await rx.waitFor('/accounts', 3);
		expect(all.map((d) => parseDelivery(d.body).content.Action)).toEqual([
			'Create',
			'Update',
			'Delete',
		]);
	});

	test('orders, deliveries, items and stock positions are delivered to their topics', async () => {
		for (const topic of ['Items', 'SalesOrders', 'GoodsDeliveries', 'StockPositions'])
			await subscribe(topic, `/${topic}`);
		const [account] = await seed(t, 'crm/Accounts', [{ Name: 'Topic BV' }]);
		const item = (
			await t.api('POST', 'logistics/Items', {
				body: { Code: 'HOOK', Description: 'Hook', IsStockItem: true },
			})
		).json.d;
		expect(parseDelivery((await rx.waitFor('/Items', 1))[0].body).content.Key).toBe(item.ID);
		await t.admin('POST', 'stock', { itemCode: 'HOOK', quantity: 5 });
		const stock = parseDelivery((await rx.waitFor('/StockPositions', 1))[0].body).content;
		expect(stock.Key).toBe(item.ID);
		const order = (
			await t.api('POST', 'salesorder/SalesOrders', {
				body: {
					OrderedBy: account.ID,
					ApprovalStatus: 2,
					SalesOrderLines: [{ Item: item.ID, Quantity: 1, NetPrice: 1 }],
				},
			})
		).json.d;
		expect(parseDelivery((await rx.waitFor('/SalesOrders', 1))[0].body).content.Key).toBe(
			order.OrderID,
		);
		expect(await rx.waitFor('/StockPositions', 2)).toHaveLength(2);
		const line = (
			await t.api('GET', `salesorder/SalesOrders(guid'${order.OrderID}')/SalesOrderLines`)
		).json.d.results[0];
		await t.api('POST', 'salesorder/GoodsDeliveries', {
			body: {
				DeliveryDate: '2026-07-01',
				GoodsDeliveryLines: [{ SalesOrderLineID: line.ID, QuantityDelivered: 1 }],
			},
		});
		expect(await rx.waitFor('/GoodsDeliveries', 1)).toHaveLength(1);
		expect(await rx.waitFor('/StockPositions', 3)).toHaveLength(3);
		expect(await rx.waitFor('/SalesOrders', 2)).toHaveLength(2);
	});

	test('deliveries that get a non-2xx answer are retried', async () => {
		await subscribe('Accounts', '/flaky');
		rx.statusFor.set('/flaky', [503, 200]);
		await t.api('POST', 'crm/Accounts', { body: { Name: 'Retry BV' } });
		const got = await rx.waitFor('/flaky', 2);
		expect(got).toHaveLength(2);
		expect(got[0].body).toBe(got[1].body);
		let log: Array<{ status: number }> = [];
		for (let i = 0; i < 50 && log.length < 2; i++) {
			log = (await t.admin('GET', 'webhooks')).json.deliveries;
			await sleep(20);
		}
		expect(log.map((d) => d.status)).toEqual([503, 200]);
	});

	test('deliveries do not hold up the API answer', async () => {
		await subscribe('Accounts', '/slow');
		rx.delayMs = 1500;
		const started = Date.now();
		expect((await t.api('POST', 'crm/Accounts', { body: { Name: 'Fast BV' } })).status).toBe(201);
		expect(Date.now() - started).toBeLessThan(1000);
		expect(await rx.waitFor('/slow', 1)).toHaveLength(1);
	});

	test('after DELETE of the subscription nothing more is delivered', async () => {
		const sub = (await subscribe('Accounts', '/gone')).json.d;
		expect((await t.api('DELETE', `webhooks/WebhookSubscriptions(guid'${sub.ID}')`)).status).toBe(
			204,
		);
		await t.api('POST', 'crm/Accounts', { body: { Name: 'Quiet BV' } });
		await sleep(200);
		expect(rx.deliveries('/gone')).toHaveLength(0);
	});
});
