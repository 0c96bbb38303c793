import { startExactSandbox } from '../../../sandbox/exact';
import type { ExactSandbox } from '../../../sandbox/exact';
import { configureExactTransport } from '../../../nodes/ExactOnline/shared/transport';
import { ExactProbe } from '../../helpers/ExactProbe.node';
import type { CredentialStore } from '../../helpers/credentials';
import { admin, calls, createCredentialStore, refreshDirectly } from '../../helpers/exactSandbox';
import { runNode } from '../../helpers/harness';

type ProbeClass = typeof ExactProbe;

const SETTINGS = { refreshReread: { attempts: 20, delayMs: 25 } };

/** A second copy of the probe with its own transport module state: "another n8n process". */
function probeFromAnotherProcess(): ProbeClass {
	let Isolated: ProbeClass | undefined;
	jest.isolateModules(() => {
		Isolated = (require('../../helpers/ExactProbe.node') as { ExactProbe: ProbeClass }).ExactProbe;
		const transport = require('../../../nodes/ExactOnline/shared/transport') as {
			configureExactTransport: typeof configureExactTransport;
		};
		transport.configureExactTransport(SETTINGS);
	});
	return Isolated as ProbeClass;
}

describe('OAuth2 token refresh and the refresh-token race', () => {
	let sandbox: ExactSandbox;
	let restore: () => void;
	const parameters = () => ({
		division: { __rl: true, mode: 'id', value: String(sandbox.division) },
	});
	const getItems = (n: number) =>
		Array.from({ length: n }, () => ({
			op: 'request',
			path: 'logistics/Items',
			eq: ['Code', 'none'],
			qs: { $select: 'ID' },
		}));
	const refreshToken = (store: CredentialStore) =>
		(store.firstOfType('exactOnlineOAuth2Api').data.oauthTokenData as { refresh_token: string })
			.refresh_token;

	/** The stored refresh token works: after the guard time it buys a new pair. */
	async function expectStoredRefreshTokenWorks(store: CredentialStore) {
		await admin(sandbox, 'POST', 'tokens/expire');
		const answer = await refreshDirectly(sandbox, refreshToken(store));
		expect(answer.status).toBe(200);
		expect(answer.body.refresh_token).toEqual(expect.any(String));
	}

	beforeAll(async () => {
		restore = configureExactTransport(SETTINGS);
		sandbox = await startExactSandbox();
	});
	afterAll(async () => {
		restore();
		await sandbox.close();
	});
	beforeEach(async () => {
		await admin(sandbox, 'DELETE', 'faults');
		await admin(sandbox, 'DELETE', 'calls');
	});

	it('refreshes an expired access token through n8n and stores the rotated pair', async () => {
		const store = await createCredentialStore(sandbox);
		const before = refreshToken(store);
		await admin(sandbox, 'POST', 'tokens/expire');
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: getItems(2),
			credentials: store,
		});
		expect(result.error).toBeUndefined();
		expect(store.tokenWrites).toHaveLength(1);
		expect(refreshToken(store)).not.toBe(before);
		const log = await calls(sandbox, '/api/');
		expect(log.map((c) => `${c.path.endsWith('token') ? 'token' : 'api'} ${c.status}`)).toEqual([
			'api 401',
			'token 200',
			'api 200',
			'api 200',
		]);
		expect(result.items.map((i) => i.json.exactCalls)).toEqual([2, 1]);
	});

	it('lets two executions whose tokens expire together both succeed with a single refresh', async () => {
		const store = await createCredentialStore(sandbox);
		await admin(sandbox, 'POST', 'tokens/expire');
		const [a, b] = await Promise.all([
			runNode({
				node: new ExactProbe(),
				parameters: parameters(),
				items: getItems(3),
				credentials: store,
			}),
			runNode({
				node: new ExactProbe(),
				parameters: parameters(),
				items: getItems(3),
				credentials: store,
			}),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(a.items).toHaveLength(3);
		expect(b.items).toHaveLength(3);
		expect(store.tokenWrites).toHaveLength(1);
		expect((await calls(sandbox, '/api/oauth2/token')).map((c) => c.status)).toEqual([200]);
		await expectStoredRefreshTokenWorks(store);
	});

	it('survives two processes refreshing the same token at the same moment ("Old refresh token used")', async () => {
		const store = await createCredentialStore(sandbox);
		await admin(sandbox, 'POST', 'tokens/expire');
		// Hold both refresh calls at the token endpoint so they really overlap.
		await admin(sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: '/api/oauth2/token',
			delayMs: 300,
			count: 2,
		});
		const OtherProcessProbe = probeFromAnotherProcess();
		const [a, b] = await Promise.all([
			runNode({
				node: new ExactProbe(),
				parameters: parameters(),
				items: getItems(2),
				credentials: store,
			}),
			runNode({
				node: new OtherProcessProbe(),
				parameters: parameters(),
				items: getItems(2),
				credentials: store,
			}),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect((await calls(sandbox, '/api/oauth2/token')).map((c) => c.status).sort()).toEqual([
			200, 401,
		]);
		expect(store.tokenWrites).toHaveLength(1);
		await expectStoredRefreshTokenWorks(store);
	});

	it('fails with a reconnect message, and no token in it, when the refresh token is dead', async () => {
		const store = await createCredentialStore(sandbox);
		await admin(sandbox, 'POST', 'tokens/expire');
		const stale = refreshToken(store);
		expect((await refreshDirectly(sandbox, stale)).status).toBe(200); // someone else used it; never stored
		const result = await runNode({
			node: new ExactProbe(),
			parameters: parameters(),
			items: getItems(1),
			credentials: store,
		});
		expect(result.error?.message).toMatch(
			/refused to refresh the access token: Old refresh token used/,
		);
		expect(result.error?.description).toMatch(/Reconnect/);
		const data = store.firstOfType('exactOnlineOAuth2Api').data;
		const text = JSON.stringify({
			error: result.error,
			items: result.items,
			description: result.error?.description,
		});
		const tokens = data.oauthTokenData as { access_token: string; refresh_token: string };
		expect(text).not.toContain(tokens.access_token);
		expect(text).not.toContain(tokens.refresh_token);
		expect(text).not.toContain(String(data.clientSecret));
	});
});
