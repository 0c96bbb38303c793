import { startExactSandbox, ExactSandbox } from '../../../sandbox/exact';

/** The README's curl walkthrough, step by step, with plain HTTP and the default limits. */
describe('README walkthrough', () => {
	let sb: ExactSandbox;
	beforeAll(async () => {
		// One second into a fresh clock minute, so the 61 calls share one rate window.
		sb = await startExactSandbox({
			port: 0,
			settings: { clockOffsetMs: 60000 - (Date.now() % 60000) + 1000 },
		});
	});
	afterAll(() => sb.close());

	test('OAuth code flow, current/Me, 130 seeded accounts paged 60+60+10, and a 429 on call 61', async () => {
		const redirect = 'http://localhost:5678/callback';
		const auth = await fetch(
			`${sb.baseUrl}/api/oauth2/auth?client_id=sandbox-client&redirect_uri=${encodeURIComponent(redirect)}&response_type=code&state=s1`,
			{ redirect: 'manual' },
		);
		const code = decodeURIComponent(
			/code=([^&]+)/.exec(auth.headers.get('location') ?? '')?.[1] ?? '',
		);
		const tokenRes = await fetch(`${sb.baseUrl}/api/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: redirect,
				client_id: 'sandbox-client',
				client_secret: 'sandbox-secret',
			}).toString(),
		});
		const token = ((await tokenRes.json()) as { access_token: string }).access_token;
		const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
		const get = (url: string) =>
			fetch(url.startsWith('http') ? url : `${sb.baseUrl}${url}`, { headers });

		const me = (await (await get('/api/v1/current/Me')).json()) as {
			d: { results: Array<{ CurrentDivision: number }> };
		};
		const division = me.d.results[0].CurrentDivision;
		expect(division).toBe(3012345);

		const accounts = Array.from({ length: 130 }, (_, i) => ({
			Name: `Walk ${i + 1}`,
			City: 'Walkhaven',
		}));
		const seeded = await fetch(`${sb.baseUrl}/__sandbox/records/crm/Accounts`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(accounts),
		});
		expect(seeded.status).toBe(200);

		let url: string | undefined =
			`/api/v1/${division}/crm/Accounts?$filter=City%20eq%20'Walkhaven'&$select=ID,Code,Name`;
		const sizes: number[] = [];
		while (url) {
			const page = (await (await get(url)).json()) as {
				d: { results: unknown[]; __next?: string };
			};
			sizes.push(page.d.results.length);
			url = page.d.__next;
		}
		expect(sizes).toEqual([60, 60, 10]);

		let used = 1 + sizes.length;
		while (used < 60) {
			expect((await get(`/api/v1/${division}/system/Divisions`)).status).toBe(200);
			used += 1;
		}
		const limited = await get(`/api/v1/${division}/system/Divisions`);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-minutely-remaining')).toBe('0');
	});
});
