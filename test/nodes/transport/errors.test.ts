import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startExactSandbox } from '../../../sandbox/exact';
import type { ExactSandbox } from '../../../sandbox/exact';
import { ExactOnlineOAuth2Api } from '../../../credentials/ExactOnlineOAuth2Api.credentials';
import { ExactProbe } from '../../helpers/ExactProbe.node';
import { evaluateWithCredential, resolveCredentialData } from '../../helpers/credentials';
import type { CredentialStore } from '../../helpers/credentials';
import {
	admin,
	calls,
	createCredentialStore,
	EXACT_CREDENTIAL_ID,
} from '../../helpers/exactSandbox';
import { runNode } from '../../helpers/harness';

describe('errors and the per-item runner', () => {
	let sandbox: ExactSandbox;
	let credentials: CredentialStore;
	const parameters = () => ({
		division: { __rl: true, mode: 'id', value: String(sandbox.division) },
	});
	const ok = {
		op: 'request',
		path: 'logistics/Items',
		eq: ['Code', 'none'],
		qs: { $select: 'ID' },
	};
	const unfiltered = { op: 'request', path: 'crm/Accounts', qs: { $select: 'ID' }, marker: 'bad' };
	const secretsOf = (store: CredentialStore) => {
		const data = store.firstOfType('exactOnlineOAuth2Api').data;
		const tokens = data.oauthTokenData as { access_token: string; refresh_token: string };
		return [tokens.access_token, tokens.refresh_token, String(data.clientSecret)];
	};

	beforeAll(async () => {
		sandbox = await startExactSandbox();
		credentials = await createCredentialStore(sandbox);
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it("turns an Exact 400 into a NodeApiError with the status, Exact's text, the entity and the item", async () => {
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: [ok, unfiltered],
			credentials,
		});
		const error = result.error as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.message).toMatch(
			/^Exact Online crm\/Accounts: This endpoint has mandatory filtering applied\./,
		);
		expect(error.message).toMatch(/\[HTTP 400\]$/);
		expect(error.context.itemIndex).toBe(1);
		expect(error.description).toMatch(/GET crm\/Accounts failed with HTTP 400 \(item 1\)/);
		const text = JSON.stringify({ error, message: error.message, description: error.description });
		for (const secret of secretsOf(credentials)) expect(text).not.toContain(secret);
	});

	it('reports a 404 for an unknown key with the entity name and without retrying', async () => {
		await admin(sandbox, 'DELETE', 'calls');
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: [
				{ op: 'request', path: "logistics/Items(guid'00000000-0000-0000-0000-000000000001')" },
			],
			credentials,
		});
		expect((result.error as NodeApiError).httpCode).toBe('404');
		expect(result.error?.message).toMatch(/^Exact Online logistics\/Items: /);
		expect(await calls(sandbox, '/api/v1/')).toHaveLength(1);
	});

	it('with continueOnFail emits every input, the failed one with its error, all paired', async () => {
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: [ok, unfiltered, ok],
			credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const failed = result.items[1];
		expect(failed.json).toMatchObject({ marker: 'bad', path: 'crm/Accounts', exactCalls: 1 });
		expect(failed.json.error).toMatch(/mandatory filtering/);
		expect(result.items[0].json.exactCalls).toBe(1);
		expect(result.items[2].json).toHaveProperty('result');
	});

	it('rejects a path that is not an Exact entity path, with the item index, before sending', async () => {
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: [ok, { op: 'request', path: '../oauth2/token' }],
			credentials,
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(/Invalid Exact Online path/);
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	it('wraps errors that are not n8n errors in a NodeOperationError with the item index', async () => {
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: [ok, ok, { op: 'throwPlain', message: 'plain failure' }],
			credentials,
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('plain failure');
		expect(result.error?.context?.itemIndex).toBe(2);
	});

	it('runs a batched operation with one lookup for all items, pairing each result', async () => {
		await admin(sandbox, 'POST', 'records/logistics/Items', [
			{ Code: 'BATCH-1', Description: 'Batch item' },
		]);
		await admin(sandbox, 'DELETE', 'calls');
		const result = await runNode({
			node: new ExactProbe(),
			parameters: { ...parameters(), batch: true },
			items: [
				{ code: 'BATCH-1' },
				{ op: 'fail', message: 'bad item', code: 'X' },
				{ code: 'BATCH-2' },
			],
			credentials,
			continueOnFail: true,
		});
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({
			code: 'BATCH-1',
			found: true,
			exactBatchCalls: 1,
		});
		expect(result.items[1].json).toMatchObject({ op: 'fail', error: 'bad item' });
		expect(result.items[2].json).toMatchObject({
			code: 'BATCH-2',
			found: false,
			exactBatchCalls: 1,
		});
		expect(await calls(sandbox, '/api/v1/')).toHaveLength(1);
	});

	it('refuses a sandbox Base URL outside localhost, 127.0.0.1 and https before sending anything', async () => {
		const store = await createCredentialStore(sandbox);
		const data = store.data(EXACT_CREDENTIAL_ID);
		store.setData(EXACT_CREDENTIAL_ID, { ...data, baseUrl: 'http://exact.example.com' });
		await admin(sandbox, 'DELETE', 'calls');
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: [ok],
			credentials: store,
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(
			/http:\/\/localhost:<port>, http:\/\/127\.0\.0\.1:<port> or an https:\/\/ URL/,
		);
		expect(await calls(sandbox)).toHaveLength(0);
	});

	it("has a credential test that really calls current/Me with the credential's token", async () => {
		const cred = new ExactOnlineOAuth2Api();
		const data = resolveCredentialData(
			'exactOnlineOAuth2Api',
			credentials.data(EXACT_CREDENTIAL_ID),
		);
		expect(data.accessTokenUrl).toBe(`${sandbox.baseUrl}/api/oauth2/token`);
		expect(data.authUrl).toBe(`${sandbox.baseUrl}/api/oauth2/auth`);
		expect(data.authentication).toBe('body');
		const base = evaluateWithCredential(
			'exactOnlineOAuth2Api',
			credentials.data(EXACT_CREDENTIAL_ID),
			cred.test.request.baseURL as string,
		);
		expect(base).toBe(`${sandbox.baseUrl}/api/v1`);
		const url = `${String(base)}${cred.test.request.url}?$select=CurrentDivision`;
		const token = (data.oauthTokenData as { access_token: string }).access_token;
		const response = await fetch(url, {
			headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
		});
		expect(response.status).toBe(200);
		const body = (await response.json()) as { d: { results: Array<{ CurrentDivision: number }> } };
		expect(body.d.results[0].CurrentDivision).toBe(sandbox.division);
	});
});
