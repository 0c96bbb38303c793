/** exactRequest: one Exact REST call with retries, rate-limit waits and error mapping. */
import type { IDataObject } from 'n8n-workflow';

import { parseExactDatesDeep } from '../../../core/exact/date';
import {
	dailyLimitError,
	exactErrorText,
	exactHttpError,
	exactNetworkError,
	exactOperationError,
} from '../errors';
import { decideAfter429, parseRateHeaders, clockSkew } from '../rateLimiter';
import { decideRetry, writeSettleMs } from '../retryPolicy';
import type { AttemptFailure, HttpMethod } from '../retryPolicy';
import type { TransportContext } from './context';
import { resolveDivision } from './division';
import { sendWithAuth } from './send';
import type { AttemptResult, PreparedRequest } from './send';
import { transportSettings } from './settings';
import { buildUrl, entityName, isDivisionless, isValidPath } from './url';
import type { ExactQuery } from './url';
import { waitMs } from './wait';

export interface ExactRequest<T = unknown> {
	method: HttpMethod;
	/** 'crm/Accounts', `crm/Accounts(guid'…')`, 'read/logistics/StockPosition', 'current/Me', … */
	path: string;
	qs?: ExactQuery;
	body?: IDataObject | IDataObject[];
	/** Division number; default: the node's 'division' parameter, else the user's current one. */
	division?: number;
	itemIndex?: number;
	/** Name used in error texts (default: the path without its key). */
	entity?: string;
	/** For writes: looks up whether the write already happened. Only with it may a write be
	 * retried after an ambiguous failure (timeout, reset, 5xx without Exact's error text). */
	writeCheck?: () => Promise<T | undefined>;
	/** Convert `/Date(ms)/` strings to ISO (see parseExactDate). Default false. */
	parseDates?: boolean;
}

export type RawOutcome<T> =
	| {
			kind: 'http';
			status: number;
			body: unknown;
			headers: Record<string, unknown>;
			division?: number;
	  }
	| { kind: 'checked'; value: T };

function isSuccess(status: number): boolean {
	return status >= 200 && status < 300;
}

/** Division for a request: none for current/… paths, else explicit or resolved. */
export async function divisionFor(
	ctx: TransportContext,
	req: ExactRequest<unknown>,
): Promise<number | undefined> {
	if (isDivisionless(req.path)) return undefined;
	if (req.division !== undefined) {
		if (!Number.isSafeInteger(req.division) || req.division <= 0) {
			throw exactOperationError(
				ctx.getNode(),
				`Invalid Exact Online division: ${String(req.division)}`,
				{
					itemIndex: req.itemIndex,
				},
			);
		}
		return req.division;
	}
	return await resolveDivision.call(ctx, req.itemIndex ?? 0);
}

/**
 * Sends `req` (or `nextUrl`, a `__next` link followed verbatim) until it succeeds, a retry rule
 * gives up, or a writeCheck reports the write already happened.
 */
export async function sendExact<T>(
	ctx: TransportContext,
	req: ExactRequest<T>,
	nextUrl?: string,
	knownDivision?: number,
): Promise<RawOutcome<T>> {
	if (!nextUrl && !isValidPath(req.path)) {
		throw exactOperationError(
			ctx.getNode(),
			`Invalid Exact Online path: ${JSON.stringify(req.path)}`,
			{
				itemIndex: req.itemIndex,
			},
		);
	}
	const division = nextUrl ? knownDivision : await divisionFor(ctx, req);
	const entity = req.entity ?? entityName(req.path);
	const prepared: PreparedRequest = {
		method: req.method,
		url: (base) => nextUrl ?? buildUrl(base, req.path, division, req.qs),
		body: req.body,
		division,
		entity,
		itemIndex: req.itemIndex,
	};
	const started = Date.now();
	let attempt = 0;
	let retry429 = 0;
	for (;;) {
		attempt++;
		const result: AttemptResult = await sendWithAuth(ctx, prepared);
		let failure: AttemptFailure;
		if (result.kind === 'response') {
			if (isSuccess(result.status)) {
				return {
					kind: 'http',
					status: result.status,
					body: result.body,
					headers: result.headers,
					division,
				};
			}
			if (result.status === 429) {
				const headers = parseRateHeaders(result.headers);
				const skew = clockSkew(result.headers, Date.now());
				const decision = decideAfter429(
					headers,
					Date.now(),
					skew,
					retry429,
					transportSettings.rateLimit,
				);
				if (decision.action === 'dailyExhausted') {
					throw dailyLimitError(ctx.getNode(), division, decision.resetAt, req.itemIndex);
				}
				if (decision.action === 'wait') {
					retry429++;
					attempt--; // a 429 was not processed: it does not use up a retry
					await waitMs(ctx, decision.ms);
					continue;
				}
			}
			if (result.status < 500) {
				throw exactHttpError(ctx.getNode(), {
					status: result.status,
					body: result.body,
					reason: typeof result.headers.reason === 'string' ? result.headers.reason : undefined,
					method: req.method,
					entity,
					itemIndex: req.itemIndex,
					secrets: result.secrets,
				});
			}
			failure = {
				kind: 'status',
				status: result.status,
				exactMessage: exactErrorText(result.body),
			};
		} else {
			failure = { kind: 'network', code: result.code };
		}
		const decision = decideRetry({
			method: req.method,
			failure,
			attempt,
			elapsedMs: Date.now() - started,
			hasWriteCheck: typeof req.writeCheck === 'function',
			settings: transportSettings.retry,
			random: transportSettings.random,
		});
		if (decision.action === 'fail') {
			if (result.kind === 'response') {
				throw exactHttpError(ctx.getNode(), {
					status: result.status,
					body: result.body,
					method: req.method,
					entity,
					itemIndex: req.itemIndex,
					secrets: result.secrets,
					hint:
						decision.reason === 'ambiguousWrite'
							? 'The write may or may not have been processed; it was not retried to avoid a duplicate.'
							: undefined,
				});
			}
			throw exactNetworkError(ctx.getNode(), {
				code: failure.kind === 'network' ? failure.code : 'unknown',
				method: req.method,
				entity,
				itemIndex: req.itemIndex,
				attempts: attempt,
				ambiguousWrite: decision.reason === 'ambiguousWrite',
			});
		}
		await waitMs(ctx, decision.delayMs);
		if (decision.action === 'checkWrite' && req.writeCheck) {
			const settle = writeSettleMs(failure, transportSettings.requestTimeoutMs, decision.delayMs);
			if (settle > 0) await waitMs(ctx, settle);
			const existing = await req.writeCheck();
			if (existing !== undefined) return { kind: 'checked', value: existing };
		}
	}
}

/** The unwrapped body: d.results, d (object or read/… array), a $count number, or undefined. */
export function unwrapBody(body: unknown): unknown {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'number') return body;
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
		return body;
	}
	if (typeof body === 'object' && 'd' in (body as object)) {
		const d = (body as { d: unknown }).d;
		if (
			d &&
			typeof d === 'object' &&
			!Array.isArray(d) &&
			Array.isArray((d as IDataObject).results)
		) {
			return (d as IDataObject).results;
		}
		return d;
	}
	return body;
}

export async function exactRequest<T = unknown>(
	this: TransportContext,
	req: ExactRequest<T>,
): Promise<T> {
	const outcome = await sendExact<T>(this, req);
	if (outcome.kind === 'checked') return outcome.value;
	const value = unwrapBody(outcome.body);
	return (req.parseDates ? parseExactDatesDeep(value) : value) as T;
}
