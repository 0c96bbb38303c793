import { openSandbox, TestSandbox } from './helpers';

const REDIRECT = 'https://n8n.example/rest/oauth2-credential/callback';

async function authorize(
	t: TestSandbox,
	state = 'xyz',
): Promise<{ location: string; code: string }> {
	const url =
		`${t.base}/api/oauth2/auth?client_id=${t.sb.clientId}&redirect_uri=${encodeURIComponent(REDIRECT)}` +
		`&response_type=code&state=${state}&force_login=0`;
	const res = await fetch(url, { redirect: 'manual' });
	expect(res.status).toBe(302);
	const location = res.headers.get('location') as string;
	const code = decodeURIComponent(/[?&]code=([^&]+)/.exec(location)?.[1] ?? '');
	return { location, code };
}

async function tokenCall(t: TestSandbox, form: Record<string, string>, basic = false) {
	const body = new URLSearchParams(form);
	const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
	if (basic) {
		headers.Authorization = `Basic ${Buffer.from(`${t.sb.clientId}:${t.sb.clientSecret}`).toString('base64')}`;
	} else {
		body.set('client_id', t.sb.clientId);
		body.set('client_secret', t.sb.clientSecret);
	}
	const res = await fetch(`${t.base}/api/oauth2/token`, {
		method: 'POST',
		headers,
		body: body.toString(),
	});
	return {
		status: res.status,
		headers: res.headers,
		json: (await res.json()) as Record<string, string>,
	};
}

async function exchange(t: TestSandbox, basic = false) {
	const { code } = await authorize(t);
	return tokenCall(t, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, basic);
}

const setOffset = (t: TestSandbox, clockOffsetMs: number) =>
	t.admin('PUT', 'settings', { clockOffsetMs });

describe('Exact sandbox OAuth2', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await openSandbox();
	});
	afterAll(() => t.close());
	afterEach(() => setOffset(t, 0));

	test('authorize auto-approves and redirects with state and a URL-encoded code containing "!"', async () => {
		const { location, code } = await authorize(t, 'my-state');
		expect(location.startsWith(`${REDIRECT}?code=`)).toBe(true);
		expect(location).toContain('&state=my-state');
		expect(code).toContain('!');
		expect(location).not.toContain('!');
		expect(location).toContain('%21');
	});

	test('code exchange with secret in the body returns expires_in "600" as a string and token_type bearer', async () => {
		const res = await exchange(t);
		expect(res.status).toBe(200);
		expect(res.json.expires_in).toBe('600');
		expect(res.json.token_type).toBe('bearer');
		expect(typeof res.json.access_token).toBe('string');
		expect(typeof res.json.refresh_token).toBe('string');
		const me = await t.api('GET', '/api/v1/current/Me', { token: res.json.access_token });
		expect(me.status).toBe(200);
	});

	test('client credentials are accepted as HTTP Basic too, and a wrong secret is refused', async () => {
		expect((await exchange(t, true)).status).toBe(200);
		const { code } = await authorize(t);
		const bad = await fetch(`${t.base}/api/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: REDIRECT,
				client_id: t.sb.clientId,
				client_secret: 'wrong',
			}).toString(),
		});
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: string }).error).toBe('invalid_client');
	});

	test('expires_in follows accessTokenTtlSec', async () => {
		await t.admin('PUT', 'settings', { accessTokenTtlSec: 900 });
		const res = await exchange(t);
		await t.admin('PUT', 'settings', { accessTokenTtlSec: 600 });
		expect(res.json.expires_in).toBe('900');
	});

	test('an authorization code works once', async () => {
		const { code } = await authorize(t);
		const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
		expect((await tokenCall(t, form)).status).toBe(200);
		const again = await tokenCall(t, form);
		expect(again.status).toBe(400);
		expect(again.json.error).toBe('invalid_grant');
	});

	test('a code that was not URL-decoded is refused', async () => {
		const { location } = await authorize(t);
		const raw = /[?&]code=([^&]+)/.exec(location)?.[1] as string;
		const res = await tokenCall(t, {
			grant_type: 'authorization_code',
			code: raw,
			redirect_uri: REDIRECT,
		});
		expect(res.status).toBe(400);
	});

	test('an authorization code expires after 3 minutes', async () => {
		const { code } = await authorize(t);
		await setOffset(t, 181000);
		const res = await tokenCall(t, {
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT,
		});
		expect(res.status).toBe(400);
		expect(res.json.error).toBe('invalid_grant');
	});

	test('access tokens expire after accessTokenTtlSec and then get 401', async () => {
		const res = await exchange(t);
		const token = res.json.access_token;
		await setOffset(t, 599000);
		expect((await t.api('GET', 'system/Divisions', { token })).status).toBe(200);
		await setOffset(t, 601000);
		expect((await t.api('GET', 'system/Divisions', { token })).status).toBe(401);
	});

	test('an unknown bearer token gets 401', async () => {
		const res = await t.api('GET', 'system/Divisions', { token: 'nonsense' });
		expect(res.status).toBe(401);
		expect(res.json.error.message.value).toBeTruthy();
	});

	test('refreshing before refreshGuardSec gives 400 access_denied with a TooEarlyToRefreshTokens Reason', async () => {
		const first = await exchange(t);
		await setOffset(t, 500000);
		const early = await tokenCall(t, {
			grant_type: 'refresh_token',
			refresh_token: first.json.refresh_token,
		});
		expect(early.status).toBe(400);
		expect(early.json.error).toBe('access_denied');
		expect(early.headers.get('reason')).toMatch(/^TooEarlyToRefreshTokens/);
		await setOffset(t, 571000);
		const ok = await tokenCall(t, {
			grant_type: 'refresh_token',
			refresh_token: first.json.refresh_token,
		});
		expect(ok.status).toBe(200);
	});

	test('refresh tokens rotate; an old one gets 401 "Old refresh token used." and the new chain lives on', async () => {
		const first = await exchange(t);
		await setOffset(t, 600000);
		const second = await tokenCall(t, {
			grant_type: 'refresh_token',
			refresh_token: first.json.refresh_token,
		});
		expect(second.status).toBe(200);
		expect(second.json.refresh_token).not.toBe(first.json.refresh_token);
		const old = await tokenCall(t, {
			grant_type: 'refresh_token',
			refresh_token: first.json.refresh_token,
		});
		expect(old.status).toBe(401);
		expect(old.json).toEqual({
			error: 'unauthorized_client',
			error_description: 'Old refresh token used.',
		});
		await setOffset(t, 1200000);
		const third = await tokenCall(t, {
			grant_type: 'refresh_token',
			refresh_token: second.json.refresh_token,
		});
		expect(third.status).toBe(200);
		expect(
			(await t.api('GET', 'system/Divisions', { token: third.json.access_token })).status,
		).toBe(200);
	});

	test('admin token minting and expiring: expired tokens get 401, and may be refreshed at once', async () => {
		const minted = (await t.admin('POST', 'tokens', {})).json;
		expect(minted.client_id).toBe(t.sb.clientId);
		expect((await t.api('GET', 'system/Divisions', { token: minted.access_token })).status).toBe(
			200,
		);
		expect((await t.admin('POST', 'tokens/expire')).json.expired).toBeGreaterThan(0);
		expect((await t.api('GET', 'system/Divisions', { token: minted.access_token })).status).toBe(
			401,
		);
		const refreshed = await tokenCall(t, {
			grant_type: 'refresh_token',
			refresh_token: minted.refresh_token,
		});
		expect(refreshed.status).toBe(200);
	});
});
