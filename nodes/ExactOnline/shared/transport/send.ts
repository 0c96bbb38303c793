/**
 * One logical attempt against Exact, holding the credential's request chain: wait for the rate
 * budget, send, and recover from an expired access token.
 *
 * How n8n-core 2.8.1 behaves here (request-helper-functions.js, requestOAuth2 with isN8nRequest):
 * it signs the request with the stored token and calls httpRequest; only a *thrown* error with
 * `response.status === 401` makes it refresh (unlocked) and resend once. We pass
 * `ignoreHttpStatusErrors: true` (axios validateStatus → always true) so we can read the rate
 * headers and Exact's error body of every response; in that mode a 401 is *returned*, never thrown,
 * so n8n-core does not refresh at all. We therefore refresh ourselves, inside the chain, through
 * n8n's own `helpers.refreshOAuth2Token` (same refresh code, stores the rotated token through the
 * credentials helper), after first re-reading the credential in case another execution already
 * refreshed. If Exact rejects the refresh ("Old refresh token used": another process rotated the
 * token at the same moment) we re-read the credential until that process's token appears and
 * resend once.
 */
import { sleep } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { countCall } from '../callCounter';
import { dailyLimitError, exactErrorText, exactOperationError, scrubSecrets } from '../errors';
import {
	clockSkew,
	decideBeforeRequest,
	getRateState,
	nextRateState,
	parseRateHeaders,
	setRateState,
} from '../rateLimiter';
import type { HttpMethod } from '../retryPolicy';
import { withCredentialChain } from './credentialChain';
import { credentialKey, EXACT_CREDENTIAL, executionKey, readCredential } from './context';
import type { CredentialView, TransportContext } from './context';
import { isSameApiRoot } from './url';
import { transportSettings } from './settings';
import { waitMs } from './wait';

export interface PreparedRequest {
	method: HttpMethod;
	/** Absolute URL, or a function of the credential's base URL. */
	url: (baseUrl: string) => string;
	body?: IDataObject | IDataObject[];
	division?: number;
	entity: string;
	itemIndex?: number;
}

export type AttemptResult =
	| {
			kind: 'response';
			status: number;
			body: unknown;
			headers: Record<string, unknown>;
			secrets: Array<string | undefined>;
	  }
	| { kind: 'network'; code: string; secrets: Array<string | undefined> };

/**
 * The network error code of a failed send. n8n-core wraps the axios error in a NodeApiError whose
 * `cause` is lost (class-field semantics), but it keeps the code in `httpCode` and the original
 * message in `messages`.
 */
function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		const record = current as Record<string, unknown>;
		for (const code of [record.code, record.httpCode]) {
			if (typeof code === 'string' && /^(E[A-Z_]+|ERR_[A-Z_]+)$/.test(code)) return code;
		}
		const messages = [record.message, ...(Array.isArray(record.messages) ? record.messages : [])];
		const text = messages.filter((m) => typeof m === 'string').join(' ');
		if (/socket hang up/i.test(text)) return 'SOCKET_HANG_UP';
		if (/timeout of \d+ms exceeded/i.test(text)) return 'ECONNABORTED';
		current = record.cause;
	}
	return undefined;
}

async function sendOnce(
	ctx: TransportContext,
	req: PreparedRequest,
	cred: CredentialView,
): Promise<AttemptResult> {
	const url = req.url(cred.baseUrl);
	if (!isSameApiRoot(url, cred.baseUrl)) {
		throw exactOperationError(
			ctx.getNode(),
			`Refusing to send a request outside the credential's Exact Online site: ${url.slice(0, 120)}`,
			{
				itemIndex: req.itemIndex,
				secrets: cred.secrets,
			},
		);
	}
	const headers: IDataObject = { Accept: 'application/json', Prefer: 'return=representation' };
	if (req.method !== 'GET' && req.method !== 'DELETE') headers['Content-Type'] = 'application/json';
	const options: IHttpRequestOptions = {
		method: req.method,
		url,
		headers,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: transportSettings.requestTimeoutMs,
	};
	if (req.body !== undefined && req.method !== 'GET') options.body = req.body;
	const key = executionKey(ctx);
	if (key) countCall(key);
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			EXACT_CREDENTIAL,
			options,
		)) as IN8nHttpFullResponse;
		return {
			kind: 'response',
			status: response.statusCode,
			body: response.body,
			headers: (response.headers ?? {}) as Record<string, unknown>,
			secrets: cred.secrets,
		};
	} catch (error) {
		const code = networkCode(error);
		if (code && code !== 'ERR_CANCELED') return { kind: 'network', code, secrets: cred.secrets };
		const text = error instanceof Error ? error.message : String(error);
		throw exactOperationError(ctx.getNode(), `Exact Online ${req.entity}: ${text}`, {
			itemIndex: req.itemIndex,
			secrets: cred.secrets,
		});
	}
}

function isRefreshRejected(error: unknown): boolean {
	const record = (error ?? {}) as Record<string, unknown>;
	if (record.code === 'EAUTH') return true;
	if (record.status === 400 || record.status === 401) return true;
	const text = `${String(record.message ?? '')} ${JSON.stringify(record.body ?? '')}`;
	return /old refresh token|invalid_grant|unauthorized_client|access_denied/i.test(text);
}

/** Re-reads the credential until its refresh token differs from `stale` (another process stored). */
async function waitForRotatedToken(
	ctx: TransportContext,
	stale: string | undefined,
	itemIndex?: number,
): Promise<CredentialView | undefined> {
	const { attempts, delayMs } = transportSettings.refreshReread;
	for (let i = 0; i < attempts; i++) {
		const cred = await readCredential(ctx, itemIndex);
		if (cred.refreshToken && cred.refreshToken !== stale) return cred;
		await sleep(delayMs);
	}
	return undefined;
}

async function recoverFrom401(
	ctx: TransportContext,
	req: PreparedRequest,
	used: CredentialView,
): Promise<AttemptResult> {
	const fresh = await readCredential(ctx, req.itemIndex);
	if (fresh.accessToken && fresh.accessToken !== used.accessToken)
		return await sendOnce(ctx, req, fresh);
	try {
		await ctx.helpers.refreshOAuth2Token.call(ctx, EXACT_CREDENTIAL);
	} catch (error) {
		const body = (error as { body?: unknown })?.body;
		const reason = scrubSecrets(
			exactErrorText(body) ?? (error as Error)?.message ?? 'unknown',
			fresh.secrets,
		);
		const rotated = isRefreshRejected(error)
			? await waitForRotatedToken(ctx, fresh.refreshToken, req.itemIndex)
			: undefined;
		if (!rotated) {
			throw exactOperationError(
				ctx.getNode(),
				`Exact Online refused to refresh the access token: ${reason}`,
				{
					itemIndex: req.itemIndex,
					description:
						'Reconnect the Exact Online credential (Exact allows each refresh token to be used once).',
					secrets: fresh.secrets,
				},
			);
		}
		return await sendOnce(ctx, req, rotated);
	}
	return await sendOnce(ctx, req, await readCredential(ctx, req.itemIndex));
}

function rateKey(ctx: TransportContext, division: number | undefined): string {
	return `${credentialKey(ctx)}|${division ?? 'none'}`;
}

/** Records the rate headers of a response in the per-division state. */
export function recordRateHeaders(
	ctx: TransportContext,
	division: number | undefined,
	result: AttemptResult,
): void {
	if (result.kind !== 'response') return;
	const key = rateKey(ctx, division);
	const skew = clockSkew(result.headers, Date.now());
	setRateState(
		key,
		nextRateState(getRateState(key), parseRateHeaders(result.headers), result.status, skew),
	);
}

/** The attempt, serialised per credential (see the file comment). */
export async function sendWithAuth(
	ctx: TransportContext,
	req: PreparedRequest,
): Promise<AttemptResult> {
	return await withCredentialChain(credentialKey(ctx), async () => {
		const state = getRateState(rateKey(ctx, req.division));
		const decision = decideBeforeRequest(state, Date.now(), transportSettings.rateLimit);
		if (decision.action === 'dailyExhausted') {
			throw dailyLimitError(ctx.getNode(), req.division, decision.resetAt, req.itemIndex);
		}
		// One wait for the minute's reset; a 429 afterwards is handled by the caller.
		if (decision.action === 'wait') await waitMs(ctx, decision.ms);
		const cred = await readCredential(ctx, req.itemIndex);
		let result = await sendOnce(ctx, req, cred);
		if (result.kind === 'response' && result.status === 401) {
			recordRateHeaders(ctx, req.division, result);
			result = await recoverFrom401(ctx, req, cred);
		}
		recordRateHeaders(ctx, req.division, result);
		return result;
	});
}
