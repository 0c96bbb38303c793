import { openSandbox, TestSandbox } from './helpers';

const MINUTELY = [
	'x-ratelimit-minutely-limit',
	'x-ratelimit-minutely-remaining',
	'x-ratelimit-minutely-reset',
];
const DAILY = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

function header(res: { headers: Headers }, name: string): string | null {
	return res.headers.get(name);
}

describe('Exact rate limits', () => {
	let t: TestSandbox;
	const limits = (settings: Record<string, unknown>) => t.admin('PUT', 'settings', settings);
	beforeEach(async () => {
		// Start each test one second into a fresh clock minute so no window ends mid-test.
		const clockOffsetMs = 60000 - (Date.now() % 60000) + 1000;
		t = await openSandbox({ settings: { minutelyLimit: 60, dailyLimit: 5000, clockOffsetMs } });
	});
	afterEach(() => t.close());

	test('the HTTP Date follows the sandbox clock, so it agrees with the rate-limit resets', async () => {
		const offset = 240_000 - (Date.now() % 60000) + 1000; // minutes ahead, tokens still valid
		await limits({ clockOffsetMs: offset });
		const res = await t.api('GET', 'system/Divisions');
		const date = Date.parse(String(header(res, 'date')));
		const minuteReset = Number(header(res, 'x-ratelimit-minutely-reset'));
		expect(Math.abs(date - (Date.now() + offset))).toBeLessThan(3000);
		expect(minuteReset - date).toBeGreaterThan(0);
		expect(minuteReset - date).toBeLessThanOrEqual(61000);
	});

	test('every /api/v1 answer carries the six X-RateLimit headers with epoch-ms resets', async () => {
		const res = await t.api('GET', 'system/Divisions');
		for (const h of [...MINUTELY, ...DAILY]) expect(header(res, h)).toMatch(/^\d+$/);
		expect(header(res, 'x-ratelimit-minutely-limit')).toBe('60');
		expect(header(res, 'x-ratelimit-minutely-remaining')).toBe('59');
		expect(header(res, 'x-ratelimit-limit')).toBe('5000');
		expect(header(res, 'x-ratelimit-remaining')).toBe('4999');
		const minuteReset = Number(header(res, 'x-ratelimit-minutely-reset'));
		const dayReset = Number(header(res, 'x-ratelimit-reset'));
		expect(String(minuteReset)).toHaveLength(13);
		expect(minuteReset % 60000).toBe(0);
		expect(minuteReset - Date.now()).toBeLessThanOrEqual(120000);
		expect(dayReset % 86400000).toBe(0);
		expect(dayReset - Date.now()).toBeLessThanOrEqual(86400000);
		const errorRes = await t.api('GET', 'crm/Accounts');
		expect(errorRes.status).toBe(400);
		expect(header(errorRes, 'x-ratelimit-minutely-remaining')).toBe('58');
	});

	test('current/Me counts toward the default division', async () => {
		await t.api('GET', '/api/v1/current/Me');
		const res = await t.api('GET', 'system/Divisions');
		expect(header(res, 'x-ratelimit-minutely-remaining')).toBe('58');
		const other = await t.api('GET', '/api/v1/3012346/system/Divisions');
		expect(header(other, 'x-ratelimit-minutely-remaining')).toBe('59');
	});

	test('the 61st call in a minute gets 429 with only the Minutely headers', async () => {
		for (let i = 0; i < 60; i++) expect((await t.api('GET', 'system/Divisions')).status).toBe(200);
		const res = await t.api('GET', 'system/Divisions');
		expect(res.status).toBe(429);
		for (const h of MINUTELY) expect(header(res, h)).not.toBeNull();
		expect(header(res, 'x-ratelimit-minutely-remaining')).toBe('0');
		for (const h of DAILY) expect(header(res, h)).toBeNull();
		expect(res.json.error.message.value).toMatch(/minutely/);
	});

	test('the minute is a fixed window of rateWindowMs on the sandbox clock', async () => {
		await limits({ minutelyLimit: 2, rateWindowMs: 60000 });
		await t.api('GET', 'system/Divisions');
		const second = await t.api('GET', 'system/Divisions');
		expect((await t.api('GET', 'system/Divisions')).status).toBe(429);
		const reset = Number(header(second, 'x-ratelimit-minutely-reset'));
		await limits({ clockOffsetMs: reset - Date.now() + 5 });
		const after = await t.api('GET', 'system/Divisions');
		expect(after.status).toBe(200);
		expect(Number(header(after, 'x-ratelimit-minutely-reset'))).toBe(reset + 60000);
	});

	test('limits are per client and per division', async () => {
		await limits({ minutelyLimit: 1 });
		expect((await t.api('GET', 'system/Divisions')).status).toBe(200);
		expect((await t.api('GET', 'system/Divisions')).status).toBe(429);
		expect((await t.api('GET', '/api/v1/3012346/system/Divisions')).status).toBe(200);
		const other = await t.mintToken('second-app');
		expect((await t.api('GET', 'system/Divisions', { token: other })).status).toBe(200);
	});

	test('the daily limit gives a 429 with only the daily headers, and resets at 00:00 UTC', async () => {
		await limits({ dailyLimit: 3 });
		for (let i = 0; i < 3; i++) expect((await t.api('GET', 'system/Divisions')).status).toBe(200);
		const res = await t.api('GET', 'system/Divisions');
		expect(res.status).toBe(429);
		for (const h of DAILY) expect(header(res, h)).not.toBeNull();
		for (const h of MINUTELY) expect(header(res, h)).toBeNull();
		expect(header(res, 'x-ratelimit-remaining')).toBe('0');
		const reset = Number(header(res, 'x-ratelimit-reset'));
		await limits({ clockOffsetMs: reset - Date.now() + 1000, accessTokenTtlSec: 10 ** 9 });
		const fresh = await t.mintToken();
		expect((await t.api('GET', 'system/Divisions', { token: fresh })).status).toBe(200);
	});

	test('with errorBlock, the 11th error within an hour blocks that endpoint', async () => {
		await limits({ errorBlock: true });
		for (let i = 0; i < 10; i++) expect((await t.api('GET', 'crm/Accounts')).status).toBe(400);
		expect((await t.api('GET', 'crm/Accounts?$filter=Name%20eq%20%27x%27')).status).toBe(200);
		expect((await t.api('GET', 'crm/Accounts')).status).toBe(400);
		const blocked = await t.api('GET', 'crm/Accounts?$filter=Name%20eq%20%27x%27');
		expect(blocked.status).toBe(429);
		expect(blocked.json.error.message.value).toMatch(/blocked/);
		expect((await t.api('GET', 'system/Divisions')).status).toBe(200);
		const { clockOffsetMs } = (await t.admin('GET', 'settings')).json;
		await limits({ clockOffsetMs: clockOffsetMs + 3600000 + 1000, accessTokenTtlSec: 10 ** 9 });
		const fresh = await t.mintToken();
		expect(
			(await t.api('GET', 'crm/Accounts?$filter=Name%20eq%20%27x%27', { token: fresh })).status,
		).toBe(200);
	});

	test('without errorBlock, errors never block', async () => {
		for (let i = 0; i < 15; i++) expect((await t.api('GET', 'crm/Accounts')).status).toBe(400);
		expect((await t.api('GET', 'crm/Accounts?$filter=Name%20eq%20%27x%27')).status).toBe(200);
	});
});
