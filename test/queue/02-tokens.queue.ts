/**
 * Queue scenario 2: Exact's access token expires every few orders while both workers run orders.
 * Exact rotates refresh tokens and refuses an old one ("Old refresh token used."), so two workers
 * refreshing at once must not lock the connection out: every order lands, and the credential n8n
 * stored in Postgres still works afterwards, in freshly started workers.
 */
import { buildOrders } from '../../scripts/lib/orders';
import { waitFor } from '../e2e/support/context';
import {
	connectQueue,
	masterBaseline,
	Queue,
	reconcileScenario,
	recordedFailures,
} from './support/queue';
import { TOKEN_EVERY, TOKEN_ORDERS } from './support/scale';

interface Call {
	method: string;
	path: string;
	status: number;
	time: string;
}

let queue: Queue;
beforeAll(async () => {
	queue = await connectQueue();
});

test(`${TOKEN_ORDERS} orders with the access token expired every ${TOKEN_EVERY}: no lockout, the stored credential still works`, async () => {
	const started = Date.now();
	const baseline = await masterBaseline(queue);
	const orders = buildOrders(TOKEN_ORDERS, 5301);
	const names = orders.map((o) => o.name);
	const inExact = async (wanted: string[]) => {
		const refs = new Set(
			(await queue.exact.state('salesorder/SalesOrders')).map((o) => String(o.YourRef)),
		);
		return wanted.filter((n) => refs.has(n)).length;
	};
	let expiries = 0;
	for (let from = 0; from < orders.length; from += TOKEN_EVERY) {
		const chunk = orders.slice(from, from + TOKEN_EVERY);
		const summary = await queue.shopify.placeOrders(chunk, { concurrent: 4 });
		expect(summary.failed).toBe(0);
		// Expire while the chunk's orders are running on the workers.
		await waitFor(
			'the chunk under way',
			async () => ((await inExact(chunk.map((o) => o.name))) >= 1 ? true : undefined),
			300_000,
			200,
		);
		const { expired } = await queue.exact.post<{ expired: number }>('tokens/expire');
		expect(expired).toBeGreaterThan(0);
		expiries++;
	}
	await waitFor(
		'every order in Exact or recorded as failed',
		async () => {
			const failed = await recordedFailures(queue);
			const refs = new Set(
				(await queue.exact.state('salesorder/SalesOrders')).map((o) => String(o.YourRef)),
			);
			return names.every((n) => refs.has(n) || failed[n]) ? true : undefined;
		},
		900_000,
		3000,
	);
	const calls = (
		await queue.exact.get<{ calls: Call[] }>('calls?pathPrefix=/api/oauth2/token')
	).calls.filter((c) => Date.parse(c.time) >= started - 1000);
	const refused = calls.filter((c) => c.status !== 200);

	// Fresh workers (nothing in memory) read the credential from Postgres: one more order must land.
	for (const index of queue.info.workers.keys()) {
		await queue.worker(index, 'kill', 'SIGTERM');
		await queue.worker(index, 'start');
	}
	const [after] = buildOrders(1, 5399);
	await queue.shopify.placeOrders([after]);
	await waitFor(
		'the order after the restart in Exact',
		async () => ((await inExact([after.name])) === 1 ? true : undefined),
		300_000,
		1000,
	);

	const { rec, master } = await reconcileScenario(
		queue,
		'2 token expiry',
		[...names, after.name],
		started,
		baseline,
		`${expiries} expiries, ${calls.length} token calls, ${refused.length} refused; workers restarted, next order imported`,
	);
	expect(rec.failures).toEqual({});
	expect(rec.duplicated).toEqual({});
	expect(rec.lostNames).toEqual([]);
	expect(master).toEqual({ accounts: 0, contacts: 0, deliveryAddresses: 0, items: 0 });
	expect(calls.filter((c) => c.status === 200).length).toBeGreaterThanOrEqual(expiries);
});
