/** Request routing: /admin/api/{version}/… (auth, faults, GraphQL, REST) and /__sandbox/…. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { adminRoute } from './admin/routes';
import { SandboxInputError } from './catalog';
import type { CallRecord, SandboxCore } from './core';
import { runGraphql } from './graphql/endpoint';
import { HttpError, queryParams, readBody, sendJson } from './http';
import { parseLossless, type JsonObject, type JsonValue } from './json';
import { resourceRoutes } from './rest/resources';
import type { RestResponse } from './rest/types';
import { webhookRoutes } from './rest/webhooks';
import { resolveVersion } from './versions';

const UNAUTHORIZED = {
	errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};

function authorized(core: SandboxCore, req: IncomingMessage): boolean {
	const token = req.headers['x-shopify-access-token'];
	if (token !== undefined) return token === core.config.accessToken;
	// n8n's legacy "API key" credential sends basic auth; Shopify accepts the token as password.
	const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
	if (!basic) return false;
	const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
	return decoded.slice(decoded.indexOf(':') + 1) === core.config.accessToken;
}

function parseJsonBody(text: string): JsonValue | undefined {
	if (text.trim() === '') return undefined;
	try {
		return parseLossless(text);
	} catch (error) {
		throw new HttpError(400, { errors: `Invalid JSON body: ${(error as Error).message}` });
	}
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		signal.addEventListener('abort', done, { once: true });
	});
}

async function handleApi(
	core: SandboxCore,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
	record: Omit<CallRecord, 'seq'>,
): Promise<void> {
	const method = req.method ?? 'GET';
	const fault = core.takeFault(method, url.pathname);
	if (fault) record.fault = fault.mode;
	if (fault?.mode === 'status') {
		record.status = fault.status;
		return sendJson(res, fault.status, fault.body ?? { errors: 'Internal Server Error' });
	}
	if (fault?.mode === 'reset') {
		record.status = 0;
		req.socket.destroy();
		return;
	}
	if (fault?.mode === 'delay') await sleep(fault.delayMs, core.closing.signal);
	const match = /^\/admin\/api\/([^/]+)\/+(.+)$/.exec(url.pathname); // n8n sends "2024-07//webhooks"
	const version = match ? resolveVersion(match[1]) : undefined;
	let status = 404;
	let body: unknown = { errors: 'Not Found' };
	let headers: Record<string, string> = {};
	let lossless = true;
	if (!authorized(core, req)) {
		status = 401;
		body = UNAUTHORIZED;
	} else if (match && version) {
		record.apiVersion = version;
		headers['X-Shopify-API-Version'] = version;
		const text = await readBody(req);
		if (match[2] === 'graphql.json' && method === 'POST') {
			const out = await runGraphql(core, version, text, String(req.headers['content-type'] ?? ''));
			Object.assign(record, {
				operationName: out.operationName,
				rootFields: out.rootFields,
				requestedCost: out.requestedCost,
				actualCost: out.actualCost,
				cost: out.requestedCost === null ? null : (out.actualCost ?? 0),
				throttled: out.throttled,
			});
			status = out.status;
			body = out.body;
			lossless = false;
		} else {
			const out = rest(core, method, match[2], url, version, parseJsonBody(text));
			status = out.status;
			body = out.body;
			headers = { ...headers, ...out.headers };
		}
	}
	record.status = status;
	if (fault?.mode === 'dropAfterCommit') {
		// The work is done and stored; the client never hears about it.
		req.socket.destroy();
		return;
	}
	sendJson(res, status, body, headers, lossless);
}

function rest(
	core: SandboxCore,
	method: string,
	path: string,
	url: URL,
	version: string,
	body: JsonValue | undefined,
): RestResponse {
	const bucket = core.restBucket;
	if (!bucket.take(1)) {
		return {
			status: 429,
			body: {
				errors:
					'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
			},
			headers: {
				'Retry-After': '2.0',
				'X-Shopify-Shop-Api-Call-Limit': `${bucket.size}/${bucket.size}`,
			},
		};
	}
	const used = Math.ceil(bucket.size - bucket.available());
	const req = { method, path, query: queryParams(url), body, version, baseUrl: core.baseUrl };
	const out = webhookRoutes(core, req) ??
		resourceRoutes(core, req) ?? { status: 404, body: { errors: 'Not Found' } };
	return {
		...out,
		headers: { 'X-Shopify-Shop-Api-Call-Limit': `${used}/${bucket.size}`, ...out.headers },
	};
}

export function createHandler(core: SandboxCore) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		const started = Date.now();
		const url = new URL(req.url ?? '/', 'http://sandbox');
		res.setHeader('X-Request-Id', randomUUID());
		const work = async () => {
			if (url.pathname === '/__sandbox' || url.pathname.startsWith('/__sandbox/')) {
				const text = await readBody(req);
				const parsed = parseJsonBody(text) ?? {};
				const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as JsonObject;
				const out = await adminRoute(
					core,
					req.method ?? 'GET',
					url.pathname,
					queryParams(url),
					body,
				);
				return out
					? sendJson(res, out.status, out.body, {}, false)
					: sendJson(res, 404, { error: 'Not Found' });
			}
			if (!url.pathname.startsWith('/admin/')) return sendJson(res, 404, { errors: 'Not Found' });
			const record: Omit<CallRecord, 'seq'> = {
				time: new Date(started).toISOString(),
				method: req.method ?? 'GET',
				path: url.pathname + url.search,
				kind: url.pathname.endsWith('/graphql.json') ? 'graphql' : 'rest',
				apiVersion: null,
				operationName: null,
				rootFields: [],
				requestedCost: null,
				actualCost: null,
				cost: null,
				throttled: false,
				status: 0,
				durationMs: 0,
				fault: null,
			};
			try {
				await handleApi(core, req, res, url, record);
			} catch (error) {
				record.status = error instanceof HttpError ? error.status : 500;
				throw error;
			} finally {
				record.durationMs = Date.now() - started;
				core.logCall(record);
			}
		};
		work().catch((error: unknown) => {
			if (error instanceof HttpError) return sendJson(res, error.status, error.body);
			if (error instanceof SandboxInputError)
				return sendJson(res, 400, { error: error.message }, {}, false);
			sendJson(res, 500, { errors: `Internal sandbox error: ${(error as Error).message}` });
		});
	};
}
