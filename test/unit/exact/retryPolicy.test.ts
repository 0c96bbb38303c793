import {
	backoffDelay,
	classifyNetworkCode,
	decideRetry,
	writeSettleMs,
} from '../../../nodes/ExactOnline/shared/retryPolicy';
import type {
	AttemptFailure,
	HttpMethod,
	RetrySettings,
} from '../../../nodes/ExactOnline/shared/retryPolicy';

const settings: RetrySettings = {
	baseDelayMs: 100,
	maxDelayMs: 1_000,
	totalBudgetMs: 5_000,
	maxAttempts: 5,
};
const half = () => 0.5;

function decide(
	method: HttpMethod,
	failure: AttemptFailure,
	extra: Partial<Parameters<typeof decideRetry>[0]> = {},
) {
	return decideRetry({
		method,
		failure,
		attempt: 1,
		elapsedMs: 0,
		hasWriteCheck: false,
		settings,
		random: half,
		...extra,
	});
}

describe('retry policy', () => {
	it('backs off exponentially, capped, with jitter between half and the full step', () => {
		expect(backoffDelay(1, settings, () => 1)).toBe(100);
		expect(backoffDelay(2, settings, () => 1)).toBe(200);
		expect(backoffDelay(3, settings, () => 1)).toBe(400);
		expect(backoffDelay(10, settings, () => 1)).toBe(1_000);
		expect(backoffDelay(10, settings, () => 0)).toBe(500);
		expect(backoffDelay(1, settings, () => 0)).toBe(100); // never below the base delay
	});

	it('classifies network errors into not-sent, ambiguous and final', () => {
		expect(classifyNetworkCode('ECONNREFUSED')).toBe('notSent');
		expect(classifyNetworkCode('ECONNRESET')).toBe('ambiguous');
		expect(classifyNetworkCode('ECONNABORTED')).toBe('ambiguous');
		expect(classifyNetworkCode('ERR_CANCELED')).toBe('final');
	});

	it('retries GETs on 5xx, timeouts and resets', () => {
		expect(decide('GET', { kind: 'status', status: 503 })).toEqual({
			action: 'retry',
			delayMs: 100,
		});
		expect(decide('GET', { kind: 'status', status: 500, exactMessage: 'x' }).action).toBe('retry');
		expect(decide('GET', { kind: 'network', code: 'ECONNABORTED' }).action).toBe('retry');
		expect(decide('GET', { kind: 'network', code: 'ECONNRESET' }).action).toBe('retry');
	});

	it('never retries 4xx', () => {
		for (const status of [400, 403, 404, 405]) {
			expect(decide('GET', { kind: 'status', status })).toEqual({
				action: 'fail',
				reason: 'final',
			});
		}
	});

	it('does not retry an ambiguous write without a writeCheck', () => {
		expect(decide('POST', { kind: 'network', code: 'ECONNRESET' })).toEqual({
			action: 'fail',
			reason: 'ambiguousWrite',
		});
		expect(decide('PUT', { kind: 'status', status: 503 })).toEqual({
			action: 'fail',
			reason: 'ambiguousWrite',
		});
	});

	it('checks before retrying an ambiguous write when a writeCheck exists', () => {
		expect(
			decide('POST', { kind: 'network', code: 'ECONNABORTED' }, { hasWriteCheck: true }).action,
		).toBe('checkWrite');
		expect(decide('DELETE', { kind: 'status', status: 502 }, { hasWriteCheck: true }).action).toBe(
			'checkWrite',
		);
	});

	it('treats a write 500 with Exact error text as a final validation error', () => {
		expect(
			decide(
				'POST',
				{ kind: 'status', status: 500, exactMessage: 'Gegeven bestaat reeds.' },
				{ hasWriteCheck: true },
			),
		).toEqual({
			action: 'fail',
			reason: 'final',
		});
	});

	it('retries a write that was never sent (connection refused)', () => {
		expect(decide('POST', { kind: 'network', code: 'ECONNREFUSED' }).action).toBe('retry');
	});

	it('gives up at the attempt cap or when the next wait would exceed the time budget', () => {
		expect(decide('GET', { kind: 'status', status: 503 }, { attempt: 5 })).toEqual({
			action: 'fail',
			reason: 'budget',
		});
		expect(decide('GET', { kind: 'status', status: 503 }, { elapsedMs: 4_950 })).toEqual({
			action: 'fail',
			reason: 'budget',
		});
	});
});

describe('settling before a writeCheck', () => {
	it('waits as long again as the request timeout after a timed-out write, minus the backoff already waited', () => {
		expect(writeSettleMs({ kind: 'network', code: 'ECONNABORTED' }, 60_000, 1_000)).toBe(59_000);
		expect(writeSettleMs({ kind: 'network', code: 'ETIMEDOUT' }, 500, 40)).toBe(460);
		expect(writeSettleMs({ kind: 'status', status: 504 }, 500, 600)).toBe(0);
		expect(writeSettleMs({ kind: 'status', status: 504 }, 500, 100)).toBe(400);
	});

	it('checks at once when Exact answered or dropped the connection (its work is over)', () => {
		expect(writeSettleMs({ kind: 'status', status: 503 }, 60_000, 0)).toBe(0);
		expect(writeSettleMs({ kind: 'network', code: 'ECONNRESET' }, 60_000, 0)).toBe(0);
		expect(writeSettleMs({ kind: 'network', code: 'SOCKET_HANG_UP' }, 60_000, 0)).toBe(0);
	});
});
