/**
 * Scenario 6, webhooks: forged Shopify deliveries (no, wrong or hex signature; a body altered after
 * signing) start nothing, while Shopify's genuine ones import; a replayed genuine Shopify delivery
 * books nothing twice. The Exact Online Trigger refuses forged Exact deliveries and handles a
 * replayed genuine one without writing anything to Exact.
 */
import { createHmac } from 'node:crypto';

import { ExactOnlineTrigger } from '../../nodes/ExactOnline/Trigger/ExactOnlineTrigger.node';
import { eventually, startWebhookHost } from '../nodes/trigger/webhookHost';
import type { WebhookHost } from '../nodes/trigger/webhookHost';
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { chaosOrders, nameOf } from './support/orders';
import { sharedNodes } from './support/pipeline';
import { startReceiver } from './support/receiver';
import type { Receiver } from './support/receiver';
import { exactOrderCounts, reconcile } from './support/reconcile';
import { deliver, expectNoLeaks, writeRow } from './support/scenario';

let env: ChaosEnv;
let receiver: Receiver;
const started = Date.now();
const genuine = chaosOrders(20, 70001, 66, 10);
const forged = chaosOrders(20, 70101, 67, 10);

beforeAll(async () => {
	env = await startChaosEnv();
	receiver = await startReceiver(env, sharedNodes);
});

afterAll(async () => {
	await receiver.close();
	await env.close();
});

async function postToReceiver(body: string, headers: Record<string, string>): Promise<number> {
	const response = await fetch(receiver.url, {
		method: 'POST',
		body,
		headers: {
			'Content-Type': 'application/json',
			'X-Shopify-Topic': 'orders/create',
			'X-Shopify-Shop-Domain': 'demo-shop.myshopify.com',
			...headers,
		},
	});
	await response.arrayBuffer();
	return response.status;
}

describe('scenario 6: forged and replayed webhooks', () => {
	it('imports genuine Shopify deliveries and ignores forged ones, replays booking nothing twice', async () => {
		const events = genuine.map((payload) => ({ topic: 'orders/create', payload }));
		expect((await deliver(env, receiver.url, events, { concurrent: 4 })).delivered).toBe(20);
		const sign = (
			body: string,
			secret = env.shopify.appSecret,
			encoding: 'base64' | 'hex' = 'base64',
		) => createHmac('sha256', secret).update(body).digest(encoding);
		const before = receiver.executions;
		for (const [i, order] of forged.entries()) {
			const body = JSON.stringify(order);
			const variants: Array<[string, Record<string, string>]> = [
				[body, {}],
				[body, { 'X-Shopify-Hmac-Sha256': sign(body, 'guessed-secret') }],
				[body, { 'X-Shopify-Hmac-Sha256': sign(body, env.shopify.appSecret, 'hex') }],
				[
					body.replace(/"total_price":"[^"]*"/, '"total_price":"0.01"'),
					{ 'X-Shopify-Hmac-Sha256': sign(body) },
				],
				[`${body} `, { 'X-Shopify-Hmac-Sha256': sign(body) }],
			];
			const [forgedBody, headers] = variants[i % variants.length];
			expect(await postToReceiver(forgedBody, headers)).toBe(200); // answered, nothing started
		}
		expect(receiver.executions).toBe(before);
		expect(receiver.ignored).toBe(forged.length);

		// Replays: the same bytes and signature as Shopify's, delivered again (an attacker or a retry).
		const replayed = genuine.slice(0, 5).map((order) => JSON.stringify(order));
		for (const body of replayed)
			expect(await postToReceiver(body, { 'X-Shopify-Hmac-Sha256': sign(body) })).toBe(200);
		expect(receiver.executions).toBe(before + 5);

		const counts = await exactOrderCounts(env);
		for (const order of forged) expect(counts.get(nameOf(order))).toBeUndefined();
		const rec = await reconcile(env, genuine.map(nameOf), receiver.outcomes);
		writeRow(
			'6 webhooks (Shopify)',
			rec,
			started,
			`${forged.length} forged deliveries ignored, 5 replays skipped`,
		);
		expect(rec.imported).toBe(20);
		expect(rec.duplicates).toBe(0);
		expect(rec.lost).toBe(0);
		expect(receiver.outcomes.filter((o) => o.action === 'skipped')).toHaveLength(5);
	});

	it('refuses forged Exact deliveries and handles a replayed genuine one without writing to Exact', async () => {
		const host: WebhookHost = await startWebhookHost(
			new ExactOnlineTrigger(),
			{
				division: { __rl: true, mode: 'id', value: String(env.division) },
				topics: ['StockPositions'],
				webhookSecret: env.webhookSecret,
				options: { fetchRecord: true },
			},
			env.store,
		);
		try {
			await host.activate();
			await env.admin('POST', `stock?division=${env.division}`, {
				itemCode: 'FIETS-001',
				warehouse: '1',
				quantity: 17,
			});
			await eventually(() => host.executions.length === 1);
			const log = await env.admin<{ deliveries: Array<{ body: string; status: number }> }>(
				'GET',
				'webhooks',
			);
			const original = log.deliveries.find((d) => d.body && d.status === 200)?.body as string;
			expect(original).toContain('"HashCode"');
			const content = JSON.parse(original).Content as Record<string, unknown>;
			const json = JSON.stringify(content);
			const hash = (secret: string, text = json) =>
				createHmac('sha256', secret).update(text).digest('hex').toUpperCase();
			const forgeries = [
				`{"Content":${json},"HashCode":"${hash('guessed-secret')}"}`,
				`{"Content":${json.replace('"Update"', '"Delete"')},"HashCode":"${hash(env.webhookSecret)}"}`,
				`{"Content":${json},"HashCode":"${hash(env.webhookSecret).toLowerCase()}x"}`,
				`{"Content":${json}}`,
				`{"Content":${JSON.stringify(content, null, 1)},"HashCode":"${hash(env.webhookSecret)}"}`,
			];
			const post = async (body: string) => {
				const response = await fetch(host.url, {
					method: 'POST',
					body,
					headers: { 'Content-Type': 'application/json' },
				});
				await response.arrayBuffer();
				return response.status;
			};
			for (const body of forgeries) expect(await post(body)).toBe(401);
			expect(host.executions).toHaveLength(1);

			await env.admin('DELETE', 'calls');
			for (let i = 0; i < 3; i++) expect(await post(original)).toBe(200);
			expect(host.executions).toHaveLength(4);
			expect(host.executions.slice(1).map((e) => e[0].json)).toEqual(
				Array(3).fill(host.executions[0][0].json),
			);
			const calls = (await env.admin<{ calls: Array<{ method: string }> }>('GET', 'calls')).calls;
			expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
			writeRow(
				'6 webhooks (Exact)',
				{
					orders: 0,
					imported: 0,
					failed: 0,
					reasons: [],
					duplicates: 0,
					lost: 0,
					duplicated: {},
					lostNames: [],
					failures: {},
					falseFailures: [],
				},
				started,
				`${forgeries.length} forged Exact deliveries refused (401), 3 replays read only`,
			);
			await host.deactivate();
		} finally {
			await host.close();
		}
		expectNoLeaks(env);
	});
});
