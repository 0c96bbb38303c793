/**
 * Scenario 4, tokens: access tokens expire every 20 orders, and each time two executions in two
 * n8n processes (separate module registries, one credential store) hit the expired token and
 * refresh at the same moment. Exact rotates refresh tokens, so one refresh is refused with "Old
 * refresh token used"; the loser must pick up the winner's stored token, not lock the store out.
 */
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { chaosOrders, nameOf } from './support/orders';
import { isolatedNodes, runOrderWorkflow } from './support/pipeline';
import type { OrderOutcome } from './support/pipeline';
import { reconcile } from './support/reconcile';
import { expectNoLeaks, writeRow } from './support/scenario';
import { EXACT_CREDENTIAL_ID, refreshDirectly } from '../helpers/exactSandbox';

let env: ChaosEnv;
const started = Date.now();
const orders = chaosOrders(100, 50001, 44, 30);
const outcomes: OrderOutcome[] = [];

beforeAll(async () => {
	env = await startChaosEnv({ refreshGuardSec: 0 });
});

afterAll(async () => {
	await env.close();
});

interface TokenCall {
	method: string;
	path: string;
	status: number;
}

describe('scenario 4: expiring tokens and simultaneous refreshes', () => {
	it('imports 100 orders while the access token expires every 20 orders and two processes refresh at once', async () => {
		const [processA, processB] = [isolatedNodes(), isolatedNodes()];
		for (let i = 0; i < orders.length; i += 20) {
			await env.admin('POST', 'tokens/expire');
			const runs = await Promise.all([
				runOrderWorkflow(env, orders.slice(i, i + 10), processA),
				runOrderWorkflow(env, orders.slice(i + 10, i + 20), processB),
			]);
			outcomes.push(...runs.flat());
		}
		const log = (
			await env.admin<{ calls: TokenCall[] }>('GET', 'calls?pathPrefix=/api/oauth2/token')
		).calls;
		const refused = log.filter((c) => c.status !== 200).length;
		const rec = await reconcile(env, orders.map(nameOf), outcomes);
		writeRow(
			'4 tokens',
			rec,
			started,
			`${log.length} refreshes over 5 expiries, ${refused} refused as a concurrent refresh (recovered)`,
		);
		expect(outcomes.filter((o) => o.error)).toEqual([]);
		expect(log.length).toBeGreaterThanOrEqual(5);
		expect(rec.imported).toBe(100);
		expect(rec.duplicates).toBe(0);
		expect(rec.lost).toBe(0);
	});

	it('leaves a stored credential whose access token works and whose refresh token refreshes', async () => {
		const stored = env.store.data(EXACT_CREDENTIAL_ID).oauthTokenData as unknown as {
			access_token: string;
			refresh_token: string;
		};
		const me = await fetch(`${env.exact.baseUrl}/api/v1/current/Me?$select=CurrentDivision`, {
			headers: { Authorization: `Bearer ${stored.access_token}`, Accept: 'application/json' },
		});
		await me.arrayBuffer();
		expect(me.status).toBe(200);
		const refreshed = await refreshDirectly(env.exact, stored.refresh_token);
		expect(refreshed.status).toBe(200);
		env.store.setOauthTokenData(EXACT_CREDENTIAL_ID, { ...stored, ...refreshed.body });
		expectNoLeaks(env);
	});
});
