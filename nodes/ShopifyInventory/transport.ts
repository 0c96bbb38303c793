/**
 * The one place the package talks HTTP to Shopify: GraphQL Admin API calls signed by the
 * shopifyAdminCommerceApi credential. It refuses URLs outside the credential's rule, respects the
 * cost bucket (waits with n8n's sleep when the last throttleStatus says the next query would not
 * fit; on "Throttled" waits for the refill and retries), retries 429/5xx/network failures a few
 * times, and turns GraphQL errors into NodeApiError.
 *
 * Retrying a mutation is safe here: every stock write carries a compare-and-swap value, so a write
 * that did land the first time fails the second time with a stale error instead of applying twice.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
} from 'n8n-workflow';

import { parseShopifyJson } from '../core/shopify/json';
import { sleepUnlessCancelled } from '../shared/sleep';

import { resolveShopifyEndpoint, ShopifyEndpointError } from '../core/stock/shopifyEndpoint';
import type { ShopifyEndpoint } from '../core/stock/shopifyEndpoint';

export const SHOPIFY_CREDENTIAL = 'shopifyAdminCommerceApi';

export type ShopifyContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface ThrottleStatus {
	maximumAvailable: number;
	currentlyAvailable: number;
	restoreRate: number;
}

export const shopifyTransportSettings = {
	timeoutMs: 60_000,
	maxThrottleRetries: 8,
	maxErrorRetries: 3,
	baseDelayMs: 1_000,
	maxWaitMs: 60_000,
	/** REST: how long in all to wait out 429s (a burst of executions shares the 2 calls/s bucket). */
	maxRateLimitWaitMs: 180_000,
};

interface Budget extends ThrottleStatus {
	at: number;
}

/** Last known cost bucket per shop (process-local hint; every response refreshes it). */
const budgets = new Map<string, Budget>();
/** Single-query cost limit per shop, when Shopify told us a lower one than 1000 (kept 10 min). */
const queryLimits = new Map<string, { limit: number; at: number }>();
const QUERY_LIMIT_TTL_MS = 10 * 60_000;

/** The query asked for more points than one query may cost; the caller should ask for less. */
export class ShopifyQueryTooCostlyError extends NodeApiError {
	readonly maxCost: number;

	constructor(node: INode, message: string, maxCost: number, itemIndex?: number) {
		super(node, { message } as JsonObject, { message, itemIndex });
		this.maxCost = maxCost;
	}
}
/** Shopify calls per execution (for the node's output), bounded. */
const callCounts = new Map<string, number>();

function executionKey(ctx: ShopifyContext): string | undefined {
	try {
		const id = ctx.getExecutionId();
		return id ? String(id) : undefined;
	} catch {
		return undefined;
	}
}

function countCall(ctx: ShopifyContext): void {
	const key = executionKey(ctx);
	if (!key) return;
	callCounts.set(key, (callCounts.get(key) ?? 0) + 1);
	if (callCounts.size > 2_000) {
		const oldest = callCounts.keys().next().value;
		if (oldest !== undefined) callCounts.delete(oldest);
	}
}

/** The error as NodeApiError/NodeOperationError (kept as is when it already is one). */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** Shopify calls made so far in this execution. */
export function getShopifyCallCount(ctx: ShopifyContext): number {
	const key = executionKey(ctx);
	return key ? (callCounts.get(key) ?? 0) : 0;
}

/** The credential's endpoint (checked against the URL rule before anything is sent). */
export async function getShopifyEndpoint(
	ctx: ShopifyContext,
	itemIndex?: number,
): Promise<ShopifyEndpoint> {
	const data = await ctx.getCredentials(SHOPIFY_CREDENTIAL);
	try {
		return resolveShopifyEndpoint(data);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
			itemIndex,
			description:
				error instanceof ShopifyEndpointError
					? 'Edit the Shopify Admin API credential.'
					: undefined,
		});
	}
}

/** The most a single query may cost for this shop (Shopify: 1000, or a smaller bucket). */
export function maxQueryCost(shopDomain: string): number {
	const budget = budgets.get(shopDomain);
	const known = queryLimits.get(shopDomain);
	const limit = known && Date.now() - known.at < QUERY_LIMIT_TTL_MS ? known.limit : 1000;
	return budget ? Math.min(limit, budget.maximumAvailable) : limit;
}

function projected(budget: Budget, now: number): number {
	const refill = ((now - budget.at) / 1000) * budget.restoreRate;
	return Math.min(budget.maximumAvailable, budget.currentlyAvailable + refill);
}

async function wait(ctx: ShopifyContext, ms: number): Promise<void> {
	if (ms <= 0) return;
	const signal =
		typeof (ctx as IExecuteFunctions).getExecutionCancelSignal === 'function'
			? (ctx as IExecuteFunctions).getExecutionCancelSignal()
			: undefined;
	await sleepUnlessCancelled(Math.min(ms, shopifyTransportSettings.maxWaitMs), signal);
}

/** Milliseconds until `cost` points are available (0 when they are, or nothing is known). */
export function msUntilAffordable(shopDomain: string, cost: number, now = Date.now()): number {
	const budget = budgets.get(shopDomain);
	if (!budget || budget.restoreRate <= 0) return 0;
	const missing = Math.min(cost, budget.maximumAvailable) - projected(budget, now);
	return missing > 0 ? Math.ceil((missing / budget.restoreRate) * 1000) + 50 : 0;
}

function recordThrottle(shopDomain: string, body: unknown): ThrottleStatus | undefined {
	const status = (body as { extensions?: { cost?: { throttleStatus?: ThrottleStatus } } })
		?.extensions?.cost?.throttleStatus;
	if (!status || typeof status.currentlyAvailable !== 'number') return undefined;
	budgets.set(shopDomain, { ...status, at: Date.now() });
	return status;
}

interface GraphqlError {
	message?: string;
	extensions?: { code?: string; maxCost?: number };
}

function isThrottled(errors: GraphqlError[]): boolean {
	return errors.some((e) => e.extensions?.code === 'THROTTLED' || e.message === 'Throttled');
}

/** A failure without an HTTP answer (reset, timeout, refused), looked for along the cause chain. */
function isNetworkError(error: unknown): boolean {
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		const record = current as { code?: unknown; message?: unknown; cause?: unknown };
		const code = record.code;
		if (code === 'ERR_CANCELED') return false;
		if (typeof code === 'string' && /^(E[A-Z_]+|ERR_SOCKET[A-Z_]*)$/.test(code)) return true;
		const message = typeof record.message === 'string' ? record.message : '';
		if (/socket hang up|timeout of \d+ms exceeded|closed unexpectedly/i.test(message)) return true;
		current = record.cause;
	}
	return false;
}

export interface GraphqlRequest {
	query: string;
	variables?: IDataObject;
	/** Requested cost, to wait for the bucket before sending. */
	estimatedCost: number;
	itemIndex?: number;
	/** What the call does, for error texts ("resolve SKUs"). */
	purpose: string;
}

function apiError(
	ctx: ShopifyContext,
	req: GraphqlRequest,
	message: string,
	httpCode?: number,
): NodeApiError {
	return new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message: `Shopify (${req.purpose}): ${message}`,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
		itemIndex: req.itemIndex,
	});
}

/** One GraphQL operation; returns `data`. */
export async function shopifyGraphql<T>(
	ctx: ShopifyContext,
	endpoint: ShopifyEndpoint,
	req: GraphqlRequest,
): Promise<T> {
	let throttleRetries = 0;
	let errorRetries = 0;
	for (;;) {
		await wait(ctx, msUntilAffordable(endpoint.shopDomain, req.estimatedCost));
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: endpoint.graphqlUrl,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: { query: req.query, variables: req.variables ?? {} },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: shopifyTransportSettings.timeoutMs,
		};
		countCall(ctx);
		let response: IN8nHttpFullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				SHOPIFY_CREDENTIAL,
				options,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			if (isNetworkError(error) && errorRetries < shopifyTransportSettings.maxErrorRetries) {
				errorRetries++;
				await wait(ctx, shopifyTransportSettings.baseDelayMs * 2 ** (errorRetries - 1));
				continue;
			}
			throw new NodeApiError(ctx.getNode(), error as JsonObject, {
				message: `Shopify (${req.purpose}): ${(error as Error)?.message ?? 'request failed'}`,
				itemIndex: req.itemIndex,
			});
		}
		const status = response.statusCode;
		const body = response.body as { data?: T; errors?: GraphqlError[] | unknown } | undefined;
		recordThrottle(endpoint.shopDomain, body);
		if (status === 429 || status >= 500) {
			if (errorRetries < shopifyTransportSettings.maxErrorRetries) {
				errorRetries++;
				const retryAfter = Number((response.headers ?? {})['retry-after']);
				const delay =
					Number.isFinite(retryAfter) && retryAfter > 0
						? retryAfter * 1000
						: shopifyTransportSettings.baseDelayMs * 2 ** (errorRetries - 1);
				await wait(ctx, delay);
				continue;
			}
			throw apiError(ctx, req, `HTTP ${status} after ${errorRetries + 1} attempts`, status);
		}
		if (status < 200 || status >= 300) {
			const detail =
				typeof (body as { errors?: unknown })?.errors === 'string'
					? (body as { errors: string }).errors
					: JSON.stringify(body ?? '').slice(0, 300);
			const hint =
				status === 401 || status === 403 ? ' (check the access token and the app scopes)' : '';
			throw apiError(ctx, req, `HTTP ${status}${hint}: ${detail}`, status);
		}
		const errors = Array.isArray(body?.errors) ? (body?.errors as GraphqlError[]) : [];
		if (errors.length > 0 && isThrottled(errors)) {
			if (throttleRetries >= shopifyTransportSettings.maxThrottleRetries) {
				throw apiError(
					ctx,
					req,
					'still throttled after waiting for the cost bucket to refill',
					429,
				);
			}
			throttleRetries++;
			const ms = msUntilAffordable(endpoint.shopDomain, req.estimatedCost);
			await wait(ctx, Math.max(ms, 250));
			continue;
		}
		const tooCostly = errors.find((e) => e.extensions?.code === 'MAX_COST_EXCEEDED');
		if (tooCostly) {
			const limit = Number(tooCostly.extensions?.maxCost);
			if (Number.isFinite(limit) && limit > 0) {
				queryLimits.set(endpoint.shopDomain, { limit, at: Date.now() });
			}
			throw new ShopifyQueryTooCostlyError(
				ctx.getNode(),
				`Shopify (${req.purpose}): ${tooCostly.message ?? 'query too costly'}`,
				maxQueryCost(endpoint.shopDomain),
				req.itemIndex,
			);
		}
		if (errors.length > 0) {
			throw apiError(
				ctx,
				req,
				errors
					.map((e) => e.message ?? JSON.stringify(e))
					.join('; ')
					.slice(0, 500),
			);
		}
		if (!body || body.data === undefined || body.data === null) {
			throw apiError(ctx, req, 'the response has no data');
		}
		return body.data;
	}
}

/**
 * One REST Admin API read (`GET /admin/api/{version}/{path}`), for what only REST returns in the
 * shape the package maps: orders as Shopify's order webhooks deliver them. Retries 429/5xx and
 * network failures a few times (REST's leaky bucket answers 429 with Retry-After).
 */
export async function shopifyRestGet<T>(
	ctx: ShopifyContext,
	endpoint: ShopifyEndpoint,
	path: string,
	qs: IDataObject,
	purpose: string,
	itemIndex?: number,
): Promise<T> {
	const req = { purpose, itemIndex } as GraphqlRequest;
	let retries = 0;
	let rateLimitWaitedMs = 0;
	for (;;) {
		countCall(ctx);
		let response: IN8nHttpFullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, SHOPIFY_CREDENTIAL, {
				method: 'GET',
				url: `${endpoint.baseUrl}/admin/api/${endpoint.apiVersion}/${path}`,
				qs,
				headers: { Accept: 'application/json' },
				// As text: order, line and customer ids may be beyond 2^53 (parseShopifyJson keeps them).
				json: false,
				encoding: 'text',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: shopifyTransportSettings.timeoutMs,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			if (isNetworkError(error) && retries < shopifyTransportSettings.maxErrorRetries) {
				retries++;
				await wait(ctx, shopifyTransportSettings.baseDelayMs * 2 ** (retries - 1));
				continue;
			}
			throw new NodeApiError(ctx.getNode(), error as JsonObject, {
				message: `Shopify (${purpose}): ${(error as Error)?.message ?? 'request failed'}`,
				itemIndex,
			});
		}
		const status = response.statusCode;
		const retryAfter = Number((response.headers ?? {})['retry-after']);
		if (status === 429 && rateLimitWaitedMs < shopifyTransportSettings.maxRateLimitWaitMs) {
			// A GET is always safe to repeat. The jitter spreads executions that were refused together.
			const ms =
				(Number.isFinite(retryAfter) && retryAfter > 0
					? retryAfter * 1000
					: shopifyTransportSettings.baseDelayMs) *
				(1 + Math.random() / 2);
			rateLimitWaitedMs += ms;
			await wait(ctx, ms);
			continue;
		}
		if (status >= 500 && retries < shopifyTransportSettings.maxErrorRetries) {
			retries++;
			await wait(ctx, shopifyTransportSettings.baseDelayMs * 2 ** (retries - 1));
			continue;
		}
		if (status < 200 || status >= 300) {
			const hint =
				status === 401 || status === 403 ? ' (check the access token and the app scopes)' : '';
			throw apiError(
				ctx,
				req,
				`HTTP ${status}${hint}: ${JSON.stringify(response.body ?? '').slice(0, 300)}`,
				status,
			);
		}
		const body = response.body as unknown;
		if (typeof body !== 'string') return body as T;
		try {
			return parseShopifyJson(body) as T;
		} catch (error) {
			throw apiError(ctx, req, `the answer is not JSON: ${(error as Error).message}`, status);
		}
	}
}
