/**
 * Exact Online rate limits, driven by its response headers (epoch-ms resets; limits apply per app
 * per division). The decisions are pure functions; the state map below is per process, keyed by
 * credential and division, and only touched while the credential's request chain is held.
 */
import type { ExactRateLimitHeaders } from '../../core/exact/types';

export interface RateLimitSettings {
	/** Wait for the minute's reset when at most this many calls are left. */
	reserve: number;
	/** Added after a reset time so the server's window has really rolled over. */
	marginMs: number;
	/** Upper bound of any single rate-limit wait. */
	maxWaitMs: number;
	/** Backoff after a 429 without usable headers: base, doubled per retry, capped at maxWaitMs. */
	missingHeaderBackoffMs: number;
	/** 429s tolerated for one request before giving up. */
	max429Retries: number;
}

export interface RateState extends ExactRateLimitHeaders {
	/** Server clock minus local clock, when the Date header shows a clear skew (> 2 s). */
	skewMs: number;
}

export type RateDecision =
	| { action: 'go' }
	| { action: 'wait'; ms: number }
	| { action: 'dailyExhausted'; resetAt?: number }
	| { action: 'giveUp' };

type HeaderBag = Record<string, unknown>;

function header(headers: HeaderBag, name: string): string | undefined {
	const raw = headers[name] ?? headers[name.toLowerCase()];
	const value = Array.isArray(raw) ? raw[0] : raw;
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

function numberHeader(headers: HeaderBag, name: string): number | undefined {
	const text = header(headers, name);
	if (text === undefined) return undefined;
	const n = Number(text);
	return Number.isFinite(n) ? n : undefined;
}

export function parseRateHeaders(headers: HeaderBag): ExactRateLimitHeaders {
	return {
		minutelyLimit: numberHeader(headers, 'x-ratelimit-minutely-limit'),
		minutelyRemaining: numberHeader(headers, 'x-ratelimit-minutely-remaining'),
		minutelyReset: numberHeader(headers, 'x-ratelimit-minutely-reset'),
		dailyLimit: numberHeader(headers, 'x-ratelimit-limit'),
		dailyRemaining: numberHeader(headers, 'x-ratelimit-remaining'),
		dailyReset: numberHeader(headers, 'x-ratelimit-reset'),
	};
}

/** Server-minus-local clock skew from the HTTP Date header (1 s resolution, so only > 2 s counts). */
export function clockSkew(headers: HeaderBag, localNow: number): number {
	const text = header(headers, 'date');
	const server = text ? Date.parse(text) : NaN;
	if (Number.isNaN(server)) return 0;
	const skew = server - localNow;
	return Math.abs(skew) > 2000 ? skew : 0;
}

function hasMinutely(h: ExactRateLimitHeaders): boolean {
	return h.minutelyRemaining !== undefined && h.minutelyReset !== undefined;
}

function hasDaily(h: ExactRateLimitHeaders): boolean {
	return h.dailyRemaining !== undefined && h.dailyReset !== undefined;
}

/**
 * New state after a response. On a 429 Exact sends only the family that caused it (the other reads
 * 0 or is missing), so a 429 updates the minutely family when present, else the daily one.
 */
export function nextRateState(
	previous: RateState | undefined,
	headers: ExactRateLimitHeaders,
	status: number,
	skewMs: number,
): RateState {
	const state: RateState = { ...(previous ?? {}), skewMs };
	const takeMinutely = hasMinutely(headers);
	const takeDaily = hasDaily(headers) && (status !== 429 || !takeMinutely);
	if (takeMinutely) {
		state.minutelyLimit = headers.minutelyLimit ?? state.minutelyLimit;
		state.minutelyRemaining = headers.minutelyRemaining;
		state.minutelyReset = headers.minutelyReset;
	}
	if (takeDaily) {
		state.dailyLimit = headers.dailyLimit ?? state.dailyLimit;
		state.dailyRemaining = headers.dailyRemaining;
		state.dailyReset = headers.dailyReset;
	}
	return state;
}

/** Before sending: fail fast when the day is spent, wait when the minute is (nearly) spent. */
export function decideBeforeRequest(
	state: RateState | undefined,
	localNow: number,
	settings: RateLimitSettings,
): RateDecision {
	if (!state) return { action: 'go' };
	const now = localNow + state.skewMs;
	if (state.dailyRemaining !== undefined && state.dailyRemaining <= 0) {
		if (state.dailyReset === undefined || state.dailyReset > now) {
			return { action: 'dailyExhausted', resetAt: state.dailyReset };
		}
	}
	if (
		state.minutelyRemaining !== undefined &&
		state.minutelyReset !== undefined &&
		state.minutelyRemaining <= settings.reserve &&
		state.minutelyReset > now
	) {
		return {
			action: 'wait',
			ms: Math.min(state.minutelyReset - now + settings.marginMs, settings.maxWaitMs),
		};
	}
	return { action: 'go' };
}

/** After a 429: `retry429` is how many 429s this request has already had (0 for the first). */
export function decideAfter429(
	headers: ExactRateLimitHeaders,
	localNow: number,
	skewMs: number,
	retry429: number,
	settings: RateLimitSettings,
): RateDecision {
	const now = localNow + skewMs;
	if (hasMinutely(headers) && (headers.minutelyRemaining ?? 0) <= 0) {
		if (retry429 >= settings.max429Retries) return { action: 'giveUp' };
		const ms = Math.max(0, (headers.minutelyReset ?? now) - now) + settings.marginMs;
		return { action: 'wait', ms: Math.min(ms, settings.maxWaitMs) };
	}
	if (hasDaily(headers) && (headers.dailyRemaining ?? 0) <= 0) {
		return { action: 'dailyExhausted', resetAt: headers.dailyReset };
	}
	if (retry429 >= settings.max429Retries) return { action: 'giveUp' };
	const ms = settings.missingHeaderBackoffMs * 2 ** retry429;
	return { action: 'wait', ms: Math.min(ms, settings.maxWaitMs) };
}

const states = new Map<string, RateState>();

export function getRateState(key: string): RateState | undefined {
	return states.get(key);
}

export function setRateState(key: string, state: RateState): void {
	states.delete(key);
	states.set(key, state);
	if (states.size > 1000) {
		const oldest = states.keys().next().value;
		if (oldest !== undefined) states.delete(oldest);
	}
}

/** Forget all rate state (tests). */
export function clearRateStates(): void {
	states.clear();
}
