/**
 * Exact's access tokens live ten minutes. When they expire in the middle of a batch, n8n refreshes the
 * token once (Exact rotates refresh tokens: a second refresh with the same token would burn the
 * grant) and every order still lands.
 */
import { buildOrders } from '../../scripts/lib/orders';
import { connect, E2E, executionFailure, waitFor, waitForIdle, waitForOrFailures } from './support/context';

interface Call {
	method: string;
	path: string;
	status: number;
	time: string;
}

let e2e: E2E;
beforeAll(async () => {
	e2e = await connect();
});

test('an access token that expires mid-run is refreshed and no order is lost', async () => {
	const orders = buildOrders(12, 4001);
	const names = new Set(orders.map((o) => o.name));
	const count = async () =>
		(await e2e.exact.state('salesorder/SalesOrders')).filter((o) => names.has(String(o.YourRef))).length;
	const run = e2e.shopify.placeOrders(orders, { concurrent: 3 });
	await waitFor('the first orders of the batch', async () => ((await count()) >= 2 ? true : undefined), 120_000, 200);
	const { expired } = await e2e.exact.post<{ expired: number }>('tokens/expire');
	expect(expired).toBeGreaterThan(0);
	const expiredAt = Date.now();
	await run;
	await waitForOrFailures(e2e.rest, 'all 12 orders in Exact', async () => ((await count()) === 12 ? true : undefined), 300_000, 1000);
	await waitForIdle(e2e.rest);
	const calls = (await e2e.exact.get<{ calls: Call[] }>('calls?pathPrefix=/api/')).calls.filter(
		(c) => Date.parse(c.time) >= expiredAt - 1000,
	);
	const refreshes = calls.filter((c) => c.path === '/api/oauth2/token');
	expect(refreshes.length).toBeGreaterThanOrEqual(1);
	expect(refreshes.every((c) => c.status === 200)).toBe(true);
	const failed = (await e2e.rest.executions()).filter(
		(e) => e.status === 'error' && Date.parse(e.startedAt) >= expiredAt - 5000,
	);
	const ours = (await Promise.all(failed.map((e) => executionFailure(e2e.rest, e.id)))).filter(
		(f) => f.order === null || names.has(f.order),
	);
	expect(ours.map((f) => f.text)).toEqual([]);
}, 420_000);
