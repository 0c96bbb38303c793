import { startExactSandbox } from '../../../sandbox/exact';
import type { ExactSandbox } from '../../../sandbox/exact';
import { clearRateStates } from '../../../nodes/ExactOnline/shared/rateLimiter';
import { configureExactTransport } from '../../../nodes/ExactOnline/shared/transport';
import { ExactProbe } from '../../helpers/ExactProbe.node';
import { admin, calls, createCredentialStore, mintTokens } from '../../helpers/exactSandbox';
import { runNode } from '../../helpers/harness';

const itemsQuery = (n: number) =>
	Array.from({ length: n }, () => ({
		op: 'request',
		path: 'logistics/Items',
		eq: ['Code', 'none'],
		qs: { $select: 'ID' },
	}));

/** Spends calls of the same app and division from "another process" (plain fetch with a token). */
async function spend(sandbox: ExactSandbox, count: number): Promise<number[]> {
	const { access_token } = await mintTokens(sandbox);
	const statuses: number[] = [];
	for (let i = 0; i < count; i++) {
		const response = await fetch(
			`${sandbox.baseUrl}/api/v1/${sandbox.division}/logistics/Items?$filter=Code%20eq%20'x'&$select=ID`,
			{ headers: { Authorization: `Bearer ${access_token}`, Accept: 'application/json' } },
		);
		await response.text();
		statuses.push(response.status);
	}
	return statuses;
}

describe('rate limits', () => {
	let sandbox: ExactSandbox;
	let restore: () => void;
	const parameters = () => ({
		division: { __rl: true, mode: 'id', value: String(sandbox.division) },
	});

	beforeAll(async () => {
		restore = configureExactTransport({
			rateLimit: { marginMs: 30, missingHeaderBackoffMs: 40, max429Retries: 4 },
			retry: { baseDelayMs: 10, maxDelayMs: 50 },
		});
		sandbox = await startExactSandbox();
	});
	afterAll(async () => {
		restore();
		await sandbox.close();
	});
	beforeEach(async () => {
		clearRateStates();
		await admin(sandbox, 'POST', 'reset', { settings: true });
	});

	it('makes 200 requests in a row within a 60-per-window limit without a single 429', async () => {
		await admin(sandbox, 'PUT', 'settings', { minutelyLimit: 60, rateWindowMs: 1500 });
		const credentials = await createCredentialStore(sandbox);
		const started = Date.now();
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: itemsQuery(200),
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(200);
		const log = await calls(sandbox, '/api/v1/');
		expect(log).toHaveLength(200);
		expect(log.filter((c) => c.status === 429)).toHaveLength(0);
		// 200 calls at 60 per window need at least three waits for a window reset
		expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 1500 - 1500);
	});

	it('waits for the minute reset after a 429 caused by another client of the same app', async () => {
		const windowMs = 4000;
		await admin(sandbox, 'PUT', 'settings', { minutelyLimit: 5, rateWindowMs: windowMs });
		const credentials = await createCredentialStore(sandbox);
		// Start spending just after a window opens, so the whole scenario stays inside one window.
		await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() % windowMs) + 20));
		expect(await spend(sandbox, 5)).toEqual([200, 200, 200, 200, 200]);
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: itemsQuery(1),
			credentials,
		});
		expect(result.error).toBeUndefined();
		const ours = (await calls(sandbox, '/api/v1/')).slice(5);
		expect(ours.map((c) => c.status)).toEqual([429, 200]);
	});

	it('recovers from injected 429s that carry no rate headers (bounded backoff)', async () => {
		const credentials = await createCredentialStore(sandbox);
		await admin(sandbox, 'POST', 'faults', {
			method: 'GET',
			pathPrefix: '/api/v1/',
			status: 429,
			count: 3,
		});
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: itemsQuery(1),
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect((await calls(sandbox, '/api/v1/')).map((c) => c.status)).toEqual([429, 429, 429, 200]);
		expect(result.items[0].json.exactCalls).toBe(4);
	});

	it('gives up after a bounded number of header-less 429s', async () => {
		const credentials = await createCredentialStore(sandbox);
		await admin(sandbox, 'POST', 'faults', {
			method: 'GET',
			pathPrefix: '/api/v1/',
			status: 429,
			count: 20,
		});
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: itemsQuery(1),
			credentials,
		});
		expect(result.error?.message).toMatch(/HTTP 429/);
		expect(await calls(sandbox, '/api/v1/')).toHaveLength(5);
	});

	it('fails with the daily-limit message, without calling, once the headers say the day is spent', async () => {
		await admin(sandbox, 'PUT', 'settings', { dailyLimit: 3 });
		const credentials = await createCredentialStore(sandbox);
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: itemsQuery(5),
			credentials,
		});
		const midnight = new Date((Math.floor(Date.now() / 86400000) + 1) * 86400000).toISOString();
		expect(result.error?.message).toBe(
			`Exact Online daily API limit reached for division ${sandbox.division}; it resets at ${midnight}`,
		);
		expect(result.error?.context?.itemIndex).toBe(3);
		expect(await calls(sandbox, '/api/v1/')).toHaveLength(3);
	});

	it('fails with the daily-limit message when Exact answers a daily 429', async () => {
		await admin(sandbox, 'PUT', 'settings', { dailyLimit: 2 });
		const credentials = await createCredentialStore(sandbox);
		expect(await spend(sandbox, 2)).toEqual([200, 200]);
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: itemsQuery(1),
			credentials,
		});
		expect(result.error?.message).toMatch(
			new RegExp(
				`^Exact Online daily API limit reached for division ${sandbox.division}; it resets at \\d{4}-\\d{2}-\\d{2}T00:00:00\\.000Z$`,
			),
		);
		expect((result.error as { httpCode?: string }).httpCode).toBe('429');
	});
});
