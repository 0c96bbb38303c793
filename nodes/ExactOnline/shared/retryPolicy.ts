/**
 * Pure retry policy of the Exact transport (unit-tested without I/O).
 *
 * - GETs are retried on 5xx, timeouts and connection resets with capped exponential backoff plus
 *   jitter, within a total time budget and an attempt cap.
 * - Writes (POST/PUT/DELETE) are never retried blindly: after an ambiguous failure (the request may
 *   have been processed) they are retried only when the caller supplied a writeCheck, which is run
 *   first and decides whether the write already happened.
 * - A write failure that is certainly unprocessed (connection refused) may be retried.
 * - 4xx other than 401/429 are final: Exact blocks an endpoint after 10 errors an hour.
 * - 429 and 401 are handled by the rate limiter and the token logic, not here.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RetrySettings {
	baseDelayMs: number;
	maxDelayMs: number;
	/** Total wall-clock budget for retries of one request, from its first attempt. */
	totalBudgetMs: number;
	/** Attempts including the first. */
	maxAttempts: number;
}

/** What went wrong with one attempt. */
export type AttemptFailure =
	| { kind: 'status'; status: number; exactMessage?: string }
	| { kind: 'network'; code: string };

export type NetworkClass = 'notSent' | 'ambiguous' | 'final';

export type RetryDecision =
	| { action: 'retry'; delayMs: number }
	| { action: 'checkWrite'; delayMs: number }
	| { action: 'fail'; reason: 'final' | 'budget' | 'ambiguousWrite' };

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const AMBIGUOUS = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'SOCKET_HANG_UP',
	'ERR_BAD_RESPONSE',
]);

const TIMEOUTS = new Set([
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * How long to wait before a writeCheck after `failure`, beyond the backoff already waited. A write
 * we stopped waiting for (timeout, 504) may still be running on Exact's side and commit later; a
 * lookup made at once would miss it and the retry would create a second record. So give it as long
 * again as we waited for the answer. A 5xx answer or a reset after the work means it has finished.
 */
export function writeSettleMs(
	failure: AttemptFailure,
	requestTimeoutMs: number,
	waitedMs: number,
): number {
	const timedOut =
		(failure.kind === 'network' && TIMEOUTS.has(failure.code)) ||
		(failure.kind === 'status' && failure.status === 504);
	return timedOut ? Math.max(0, requestTimeoutMs - waitedMs) : 0;
}

export function classifyNetworkCode(code: string): NetworkClass {
	if (NOT_SENT.has(code)) return 'notSent';
	if (AMBIGUOUS.has(code)) return 'ambiguous';
	return 'final';
}

export function isWrite(method: HttpMethod): boolean {
	return method !== 'GET';
}

/** Capped exponential backoff with jitter in [50%, 100%] of the step, never below the base. */
export function backoffDelay(
	attempt: number,
	settings: RetrySettings,
	random: () => number,
): number {
	const step = Math.min(settings.baseDelayMs * 2 ** Math.max(0, attempt - 1), settings.maxDelayMs);
	const jittered = step * (0.5 + 0.5 * Math.min(1, Math.max(0, random())));
	return Math.round(Math.max(settings.baseDelayMs, jittered));
}

/**
 * `attempt` is the number of the attempt that just failed (1-based); `elapsedMs` is the time since
 * the first attempt started.
 */
export function decideRetry(input: {
	method: HttpMethod;
	failure: AttemptFailure;
	attempt: number;
	elapsedMs: number;
	hasWriteCheck: boolean;
	settings: RetrySettings;
	random: () => number;
}): RetryDecision {
	const { method, failure, attempt, elapsedMs, hasWriteCheck, settings, random } = input;
	let transient: 'safe' | 'ambiguous' | 'no';
	if (failure.kind === 'status') {
		if (failure.status < 500) transient = 'no';
		// A 500 carrying Exact's error text is a business validation error ("Gegeven bestaat
		// reeds."), final for a write; for a read it may be transient, so it is retried.
		else if (isWrite(method) && failure.status === 500 && failure.exactMessage) transient = 'no';
		else transient = 'ambiguous';
	} else {
		const cls = classifyNetworkCode(failure.code);
		transient = cls === 'notSent' ? 'safe' : cls === 'ambiguous' ? 'ambiguous' : 'no';
	}
	if (transient === 'no') return { action: 'fail', reason: 'final' };
	const delayMs = backoffDelay(attempt, settings, random);
	if (attempt >= settings.maxAttempts || elapsedMs + delayMs > settings.totalBudgetMs) {
		return { action: 'fail', reason: 'budget' };
	}
	if (!isWrite(method) || transient === 'safe') return { action: 'retry', delayMs };
	if (!hasWriteCheck) return { action: 'fail', reason: 'ambiguousWrite' };
	return { action: 'checkWrite', delayMs };
}
