import {
	clockSkew,
	decideAfter429,
	decideBeforeRequest,
	nextRateState,
	parseRateHeaders,
} from '../../../nodes/ExactOnline/shared/rateLimiter';
import type { RateLimitSettings } from '../../../nodes/ExactOnline/shared/rateLimiter';

const settings: RateLimitSettings = {
	reserve: 1,
	marginMs: 100,
	maxWaitMs: 65_000,
	missingHeaderBackoffMs: 1_000,
	max429Retries: 3,
};
const now = 1_683_879_505_000; // 08:18:25Z
const minuteEnd = 1_683_879_540_000; // 08:19:00Z
const dayEnd = 1_683_936_000_000; // next 00:00Z

const fullHeaders = {
	'x-ratelimit-minutely-limit': '60',
	'x-ratelimit-minutely-remaining': '58',
	'x-ratelimit-minutely-reset': String(minuteEnd),
	'x-ratelimit-limit': '5000',
	'x-ratelimit-remaining': '4766',
	'x-ratelimit-reset': String(dayEnd),
};

describe('rate limiter', () => {
	it('parses Exact headers (strings, epoch ms) into numbers', () => {
		expect(parseRateHeaders(fullHeaders)).toEqual({
			minutelyLimit: 60,
			minutelyRemaining: 58,
			minutelyReset: minuteEnd,
			dailyLimit: 5000,
			dailyRemaining: 4766,
			dailyReset: dayEnd,
		});
		expect(parseRateHeaders({})).toEqual({
			minutelyLimit: undefined,
			minutelyRemaining: undefined,
			minutelyReset: undefined,
			dailyLimit: undefined,
			dailyRemaining: undefined,
			dailyReset: undefined,
		});
	});

	it('goes ahead while the minute has calls left', () => {
		const state = nextRateState(undefined, parseRateHeaders(fullHeaders), 200, 0);
		expect(decideBeforeRequest(state, now, settings)).toEqual({ action: 'go' });
		expect(decideBeforeRequest(undefined, now, settings)).toEqual({ action: 'go' });
	});

	it('waits for the minute reset when the minute is nearly spent', () => {
		const state = nextRateState(
			undefined,
			parseRateHeaders({ ...fullHeaders, 'x-ratelimit-minutely-remaining': '1' }),
			200,
			0,
		);
		expect(decideBeforeRequest(state, now, settings)).toEqual({
			action: 'wait',
			ms: minuteEnd - now + 100,
		});
		expect(decideBeforeRequest(state, minuteEnd + 1, settings)).toEqual({ action: 'go' });
	});

	it('caps a wait and corrects for a clear server clock skew', () => {
		const state = nextRateState(
			undefined,
			parseRateHeaders({ ...fullHeaders, 'x-ratelimit-minutely-remaining': '0' }),
			200,
			10_000,
		);
		expect(decideBeforeRequest(state, now, settings)).toEqual({
			action: 'wait',
			ms: minuteEnd - (now + 10_000) + 100,
		});
		expect(decideBeforeRequest(state, now, { ...settings, maxWaitMs: 50 })).toEqual({
			action: 'wait',
			ms: 50,
		});
		expect(clockSkew({ date: new Date(now + 10_000).toUTCString() }, now)).toBe(10_000);
		expect(clockSkew({ date: new Date(now + 900).toUTCString() }, now)).toBe(0);
	});

	it('fails fast when the daily budget is gone, until the daily reset', () => {
		const state = nextRateState(
			undefined,
			parseRateHeaders({ ...fullHeaders, 'x-ratelimit-remaining': '0' }),
			200,
			0,
		);
		expect(decideBeforeRequest(state, now, settings)).toEqual({
			action: 'dailyExhausted',
			resetAt: dayEnd,
		});
		expect(decideBeforeRequest(state, dayEnd + 1, settings)).toEqual({ action: 'go' });
	});

	it('on a minutely 429 ignores the zeroed daily headers and waits for the minute', () => {
		const headers = parseRateHeaders({
			'x-ratelimit-minutely-limit': '60',
			'x-ratelimit-minutely-remaining': '0',
			'x-ratelimit-minutely-reset': String(minuteEnd),
			'x-ratelimit-remaining': '0',
			'x-ratelimit-reset': '0',
		});
		const state = nextRateState(undefined, headers, 429, 0);
		expect(state.dailyRemaining).toBeUndefined();
		expect(decideAfter429(headers, now, 0, 0, settings)).toEqual({
			action: 'wait',
			ms: minuteEnd - now + 100,
		});
	});

	it('on a daily 429 reports the daily reset', () => {
		const headers = parseRateHeaders({
			'x-ratelimit-limit': '5000',
			'x-ratelimit-remaining': '0',
			'x-ratelimit-reset': String(dayEnd),
		});
		expect(decideAfter429(headers, now, 0, 0, settings)).toEqual({
			action: 'dailyExhausted',
			resetAt: dayEnd,
		});
	});

	it('backs off (bounded, doubling) on a 429 without headers and gives up after the cap', () => {
		expect(decideAfter429({}, now, 0, 0, settings)).toEqual({ action: 'wait', ms: 1_000 });
		expect(decideAfter429({}, now, 0, 2, settings)).toEqual({ action: 'wait', ms: 4_000 });
		expect(decideAfter429({}, now, 0, 3, settings)).toEqual({ action: 'giveUp' });
	});
});
