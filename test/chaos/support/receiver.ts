/**
 * Stand-in for n8n's Shopify Trigger webhook (n8n-nodes-base ShopifyTrigger.webhook): a delivery
 * starts an execution only when X-Shopify-Hmac-Sha256 is the base64 HMAC-SHA256 of the raw body
 * with the app secret and the topic is one the workflow listens to; anything else is ignored. The
 * body is parsed with JSON.parse, as n8n's body parser does. The execution runs the order chain
 * and the delivery is answered when it has finished (so the sandbox's `concurrent` sets the load).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { recordOutput } from './collect';
import type { ChaosEnv } from './env';
import { runOrderWorkflow } from './pipeline';
import type { NodeSet, OrderOutcome } from './pipeline';

export interface Receiver {
	url: string;
	outcomes: OrderOutcome[];
	executions: number;
	ignored: number;
	close(): Promise<void>;
}

export function validShopifySignature(raw: Buffer, header: unknown, secret: string): boolean {
	if (typeof header !== 'string') return false;
	const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('base64'));
	const given = Buffer.from(header);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startReceiver(
	env: ChaosEnv,
	nodes: () => NodeSet,
	topics = ['orders/create', 'orders/updated'],
): Promise<Receiver> {
	const state: Omit<Receiver, 'url' | 'close'> = { outcomes: [], executions: 0, ignored: 0 };
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const topic = req.headers['x-shopify-topic'];
			const signed = validShopifySignature(
				raw,
				req.headers['x-shopify-hmac-sha256'],
				env.shopify.appSecret,
			);
			if (
				!signed ||
				typeof topic !== 'string' ||
				!topics.includes(topic) ||
				!req.headers['x-shopify-shop-domain']
			) {
				state.ignored++;
				recordOutput('receiver', `ignored delivery (${signed ? 'topic' : 'signature'})`);
				res.writeHead(200).end('{}');
				return;
			}
			state.executions++;
			let body: unknown;
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				res.writeHead(400).end();
				return;
			}
			runOrderWorkflow(env, [body], nodes(), { stopOnError: true })
				.then((outcomes) => {
					state.outcomes.push(...outcomes);
					res.writeHead(200).end('{}');
				})
				.catch((error: Error) => {
					recordOutput('receiver crash', error.stack ?? error.message);
					state.outcomes.push({
						name: String((body as { name?: unknown }).name),
						step: 'execution',
						error: error.message,
					});
					res.writeHead(500).end();
				});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/shopify-orders`,
		get outcomes() {
			return state.outcomes;
		},
		get executions() {
			return state.executions;
		},
		get ignored() {
			return state.ignored;
		},
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
