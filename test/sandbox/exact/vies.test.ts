import { openSandbox, TestSandbox } from './helpers';

describe('VIES stand-in', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await openSandbox({ settings: { minutelyLimit: 1 } });
	});
	afterEach(() => t.close());

	const get = async (cc: string, number: string) => {
		const res = await fetch(`${t.base}/taxation_customs/vies/rest-api/ms/${cc}/vat/${number}`);
		return { status: res.status, json: (await res.json()) as Record<string, unknown> };
	};
	const check = async (countryCode: string, vatNumber: string) => {
		const res = await fetch(`${t.base}/taxation_customs/vies/rest-api/check-vat-number`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ countryCode, vatNumber }),
		});
		return { status: res.status, json: (await res.json()) as Record<string, unknown> };
	};

	test('numbers are valid by default, in the shape of the VIES REST API', async () => {
		const res = await get('BE', '0123456749');
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ isValid: true, userError: 'VALID', vatNumber: '0123456749' });
		expect(typeof res.json.name).toBe('string');
		expect(typeof res.json.address).toBe('string');
		expect(Date.parse(String(res.json.requestDate))).not.toBeNaN();
		const post = await check('NL', '001234567B01');
		expect(post.json).toMatchObject({ countryCode: 'NL', vatNumber: '001234567B01', valid: true });
	});

	test('numbers listed through the admin API are invalid', async () => {
		await t.admin('POST', 'vies/invalid', { vatNumbers: ['DE 123.456.789'] });
		expect((await get('DE', '123456789')).json).toMatchObject({
			isValid: false,
			userError: 'INVALID',
		});
		expect((await check('DE', 'DE123456789')).json).toMatchObject({ valid: false });
		expect((await get('DE', '987654321')).json.isValid).toBe(true);
	});

	test('viesDown makes it answer MS_UNAVAILABLE (503 on the POST)', async () => {
		await t.admin('PUT', 'settings', { viesDown: true });
		expect((await get('FR', '12345678901')).json).toMatchObject({
			isValid: false,
			userError: 'MS_UNAVAILABLE',
		});
		const post = await check('FR', '12345678901');
		expect(post.status).toBe(503);
		expect(JSON.stringify(post.json)).toContain('MS_UNAVAILABLE');
	});

	test('VIES calls are not rate-limited and not in the Exact call log', async () => {
		for (let i = 0; i < 3; i++) expect((await get('NL', '001234567B01')).status).toBe(200);
		expect((await t.admin('GET', 'calls')).json.calls).toHaveLength(0);
	});
});
