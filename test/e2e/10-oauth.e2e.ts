/**
 * The Exact Online credential is connected the way a merchant connects it: n8n builds the authorize
 * URL, Exact (the sandbox) approves and redirects to n8n's callback, n8n swaps the code for tokens and
 * stores them; every Exact call n8n makes afterwards carries that app's tokens.
 */
import { EXACT_APP } from '../../scripts/lib/stack';
import { connect, E2E } from './support/context';

interface Call {
	method: string;
	path: string;
	query: string;
	status: number;
	clientId: string | null;
}

let e2e: E2E;
beforeAll(async () => {
	e2e = await connect();
});

test('n8n sends the merchant to Exact with the app, its callback URL and a state', () => {
	const url = new URL(e2e.info.oauth.authorizeUrl);
	expect(`${url.origin}${url.pathname}`).toBe(`${e2e.info.exactUrl}/api/oauth2/auth`);
	expect(url.searchParams.get('client_id')).toBe(EXACT_APP.clientId);
	expect(url.searchParams.get('redirect_uri')).toBe(`${e2e.info.n8nUrl}/rest/oauth2-credential/callback`);
	expect(url.searchParams.get('response_type')).toBe('code');
	expect(url.searchParams.get('state')).toEqual(expect.any(String));
});

test("Exact's redirect reaches n8n's callback with a code, and n8n stores the tokens", async () => {
	const callback = new URL(e2e.info.oauth.callbackUrl);
	expect(callback.searchParams.get('code')).toMatch(/!/); // Exact's codes carry '!'
	const calls = (await e2e.exact.get<{ calls: Call[] }>('calls?pathPrefix=/api/oauth2')).calls;
	const grants = calls.filter((c) => c.path === '/api/oauth2/token' && c.method === 'POST');
	expect(grants[0]?.status).toBe(200);
	const credential = await e2e.rest.call<{ name: string; type: string }>(
		'GET',
		`/rest/credentials/${e2e.info.credentialIds.exact}`,
	);
	expect(credential).toMatchObject({ name: 'Exact Online account', type: 'exactOnlineOAuth2Api' });
});

test("every Exact API call n8n made is signed with the app's tokens and accepted", async () => {
	const calls = (await e2e.exact.get<{ calls: Call[] }>('calls?pathPrefix=/api/v1')).calls;
	expect(calls.length).toBeGreaterThan(0);
	expect(new Set(calls.map((c) => c.clientId))).toEqual(new Set([EXACT_APP.clientId]));
	expect(calls.filter((c) => c.status === 401)).toEqual([]);
});

test('the instant stock workflow subscribed to Exact webhooks under that app', async () => {
	const { subscriptions } = await e2e.exact.get<{ subscriptions: Array<Record<string, string>> }>('webhooks');
	expect(subscriptions).toEqual([
		expect.objectContaining({ Topic: 'StockPositions', ClientID: EXACT_APP.clientId, CallbackURL: expect.stringContaining(`${e2e.info.n8nUrl}/webhook/`) }),
	]);
});
