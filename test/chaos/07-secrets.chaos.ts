/**
 * Scenario 7, secrets: the refresh fails because the client secret is wrong, the refresh token is
 * garbage or already used, the access token is refused, Exact answers errors; then every error
 * (the thrown objects inspected in depth, n8n's run data), output item and n8n log line this suite
 * produced in scenarios 1–7 is searched for every access and refresh token issued, the client
 * secrets, the Exact webhook secret and the Shopify app secret and access token.
 */
import { inspect } from 'node:util';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ExactOnlineVatResolver } from '../../nodes/ExactOnline/VatResolver/ExactOnlineVatResolver.node';
import { EXACT_CREDENTIAL_ID } from '../helpers/exactSandbox';
import { runNode } from '../helpers/harness';
import {
	leakedSecrets,
	readCollected,
	readSecrets,
	recordOutput,
	recordRow,
	recordSecrets,
} from './support/collect';
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { chaosOrders } from './support/orders';
import { runOrderWorkflow, sharedNodes } from './support/pipeline';

let env: ChaosEnv;
const started = Date.now();
const orders = chaosOrders(4, 80001, 77, 4);
let provoked = 0;

beforeAll(async () => {
	env = await startChaosEnv({ refreshGuardSec: 0 });
});

afterAll(async () => {
	await env.close();
});

type TokenData = { access_token: string; refresh_token: string };
const tokenData = () => env.store.data(EXACT_CREDENTIAL_ID).oauthTokenData as unknown as TokenData;

function setCredential(
	change: (data: ICredentialDataDecryptedObject, tokens: TokenData) => void,
): void {
	const data = env.store.data(EXACT_CREDENTIAL_ID);
	const tokens = { ...(data.oauthTokenData as unknown as TokenData) };
	change(data, tokens);
	data.oauthTokenData = tokens as unknown as ICredentialDataDecryptedObject;
	env.store.setData(EXACT_CREDENTIAL_ID, data);
}

/** Runs the first Exact node without continueOnFail and records the thrown error in depth. */
async function provoke(label: string): Promise<string> {
	const result = await runNode({
		node: new ExactOnlineVatResolver(),
		parameters: {
			operation: 'listCodes',
			division: { __rl: true, mode: 'id', value: String(env.division) },
		} as never,
		items: [{}],
		credentials: env.store,
	});
	const message = String(result.error?.message ?? '');
	recordOutput(`provoked ${label}`, inspect(result.error, { depth: 8, showHidden: true }));
	recordOutput(`provoked ${label} run`, JSON.stringify(result.run));
	provoked++;
	return message;
}

describe('scenario 7: no secret in any error, output or log line', () => {
	it('fails clearly, without secrets, when the client secret is wrong, the refresh token is garbage or the token is refused', async () => {
		const good = env.store.data(EXACT_CREDENTIAL_ID);
		const wrongSecret = `wrong-client-secret-${Date.now()}`;
		const garbage = `garbage-refresh-token-${Date.now()}`;
		recordSecrets([wrongSecret, garbage]);

		await env.admin('POST', 'tokens/expire');
		setCredential((data) => (data.clientSecret = wrongSecret));
		expect(await provoke('wrong client secret')).toMatch(/refuse|refresh|invalid|unauthori/i);
		recordOutput(
			'wrong client secret chain',
			JSON.stringify(await runOrderWorkflow(env, orders.slice(0, 2), sharedNodes())),
		);

		env.store.setData(EXACT_CREDENTIAL_ID, good);
		setCredential((_, tokens) => (tokens.refresh_token = garbage));
		expect(await provoke('garbage refresh token')).toMatch(/refuse|refresh|invalid|unauthori/i);

		env.store.setData(EXACT_CREDENTIAL_ID, good);
		const minted = await env.admin<TokenData>('POST', 'tokens', {});
		recordSecrets([minted.access_token, minted.refresh_token]);
		setCredential((_, tokens) =>
			Object.assign(tokens, {
				access_token: minted.access_token,
				refresh_token: minted.refresh_token,
			}),
		);
		await env.admin('POST', 'tokens/expire');
		// Another process uses this refresh token first: ours is now an old one.
		await fetch(`${env.exact.baseUrl}/api/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: minted.refresh_token,
				client_id: env.exact.clientId,
				client_secret: env.exact.clientSecret,
			}).toString(),
		}).then(async (r) => {
			const body = (await r.json()) as TokenData;
			recordSecrets([body.access_token, body.refresh_token]);
		});
		expect(await provoke('refresh token used elsewhere')).toMatch(
			/refuse|refresh|reconnect|unauthori/i,
		);

		// Exact itself failing, with the good credential back.
		env.store.setData(EXACT_CREDENTIAL_ID, good);
		await env.admin('POST', 'faults', {
			pathPrefix: `/api/v1/${env.division}/`,
			status: 500,
			message: 'Internal error',
			count: 50,
		});
		await provoke('Exact 500');
		recordOutput(
			'Exact 500 chain',
			JSON.stringify(await runOrderWorkflow(env, orders.slice(2), sharedNodes())),
		);
		await env.admin('DELETE', 'faults');
		expect(tokenData().access_token).toBeTruthy();
	});

	it('finds none of the secrets of scenarios 1–7 in anything the suite collected', async () => {
		const secrets = [...new Set([...readSecrets(), ...env.secrets()])];
		const text = readCollected();
		const leaks = leakedSecrets(text, secrets);
		recordRow({
			scenario: '7 secrets',
			orders: 0,
			imported: 0,
			failed: 0,
			reasons: [],
			duplicates: 0,
			lost: 0,
			seconds: Math.round((Date.now() - started) / 100) / 10,
			notes: `${secrets.length} secrets searched in ${(text.length / 1e6).toFixed(1)} MB of errors, outputs and log lines (${provoked} provoked failures); leaks: ${leaks.length}`,
		});
		expect(secrets.length).toBeGreaterThan(10);
		// The search itself finds a secret where there is one (the stored credential).
		expect(
			leakedSecrets(inspect(env.store.data(EXACT_CREDENTIAL_ID)), secrets).length,
		).toBeGreaterThanOrEqual(3);
		expect(text.length).toBeGreaterThan(10_000);
		expect(leaks).toEqual([]);
	});
});
