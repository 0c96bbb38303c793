/** Test helpers: a sandbox per test file, GraphQL/REST/admin calls, and a webhook receiver. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	startShopifySandbox,
	type ShopifySandbox,
	type ShopifySandboxOptions,
} from '../../../sandbox/shopify';

export interface Json {
	[key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class Client {
	constructor(readonly sandbox: ShopifySandbox) {}

	async graphql(
		version: string,
		query: string,
		variables?: Record<string, unknown>,
		token = this.sandbox.accessToken,
	): Promise<{ status: number; body: Json }> {
		const res = await fetch(`${this.sandbox.baseUrl}/admin/api/${version}/graphql.json`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token },
			body: JSON.stringify({ query, variables }),
		});
		return { status: res.status, body: (await res.json()) as Json };
	}

	async rest(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = { 'X-Shopify-Access-Token': this.sandbox.accessToken },
	): Promise<{ status: number; body: Json; text: string; headers: Headers }> {
		const res = await fetch(`${this.sandbox.baseUrl}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', ...headers },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		const text = await res.text();
		return {
			status: res.status,
			body: text ? (JSON.parse(text) as Json) : {},
			text,
			headers: res.headers,
		};
	}

	async admin(method: string, path: string, body?: unknown): Promise<Json> {
		const res = await this.rest(method, `/__sandbox/${path}`, body, {});
		if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
		return res.body;
	}
}

export async function startSandbox(opts: ShopifySandboxOptions = {}) {
	const sandbox = await startShopifySandbox({ port: 0, ...opts });
	return { sandbox, client: new Client(sandbox) };
}

export interface Received {
	headers: http.IncomingHttpHeaders;
	raw: Buffer;
	at: number;
}

/**
 * A webhook endpoint that records every request (headers and raw body). `reply` picks the
 * status for the n-th request (1-based); 'hang' never answers.
 */
export async function startReceiver(
	reply: (n: number, r: Received) => number | 'hang' = () => 200,
	delayMs = 0,
) {
	const received: Received[] = [];
	const hanging: http.ServerResponse[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const r = { headers: req.headers, raw: Buffer.concat(chunks), at: Date.now() };
			received.push(r);
			const status = reply(received.length, r);
			if (status === 'hang') {
				hanging.push(res);
				return;
			}
			setTimeout(() => res.writeHead(status).end(), delayMs);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	return {
		url,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				hanging.forEach((res) => res.destroy());
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

export const gidOf = (type: string, id: string | number) => `gid://shopify/${type}/${id}`;
