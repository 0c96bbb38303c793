import type { IDataObject } from 'n8n-workflow';

import { startExactSandbox } from '../../../sandbox/exact';
import type { ExactSandbox } from '../../../sandbox/exact';
import { configureExactTransport } from '../../../nodes/ExactOnline/shared/transport';
import { ExactProbe } from '../../helpers/ExactProbe.node';
import { admin, calls, createCredentialStore } from '../../helpers/exactSandbox';
import type { CredentialStore } from '../../helpers/credentials';
import { runNode } from '../../helpers/harness';

describe('retries and writes under faults', () => {
	let sandbox: ExactSandbox;
	let credentials: CredentialStore;
	let restore: () => void;
	let itemsPath: string;
	const parameters = () => ({
		division: { __rl: true, mode: 'id', value: String(sandbox.division) },
	});
	const probe = (items: IDataObject[]) =>
		runNode({ node: new ExactProbe(), parameters: parameters(), items, credentials });
	const getItem = {
		op: 'request',
		path: 'logistics/Items',
		eq: ['Code', 'none'],
		qs: { $select: 'ID' },
	};
	const createItem = (code: string, withCheck: boolean) => ({
		op: 'request',
		method: 'POST',
		path: 'logistics/Items',
		body: { Code: code, Description: `Item ${code}` },
		...(withCheck ? { writeCheck: { path: 'logistics/Items', field: 'Code', value: code } } : {}),
	});
	const stored = async (code: string) =>
		(
			(await admin(sandbox, 'GET', 'state/logistics/Items')).records as Array<{ Code: string }>
		).filter((r) => r.Code === code);
	/** Arms sandbox faults for `method` calls under logistics/Items (an effect may name another pathPrefix). */
	const inject = (method: 'GET' | 'POST', ...effects: IDataObject[]) =>
		admin(
			sandbox,
			'POST',
			'faults',
			effects.map((effect) => ({ method, pathPrefix: itemsPath, ...effect })),
		);
	/** How each logged call under logistics/Items ended: its HTTP status, or the fault that cut it off. */
	const outcomes = async (method?: string) =>
		(await calls(sandbox, itemsPath))
			.filter((c) => method === undefined || c.method === method)
			.map((c) => (c.fault && c.fault !== 'status' ? c.fault : c.status));

	beforeAll(async () => {
		restore = configureExactTransport({
			requestTimeoutMs: 400,
			retry: { baseDelayMs: 20, maxDelayMs: 100, totalBudgetMs: 5_000, maxAttempts: 5 },
		});
		sandbox = await startExactSandbox();
		credentials = await createCredentialStore(sandbox);
		itemsPath = `/api/v1/${sandbox.division}/logistics/Items`;
	});
	afterAll(async () => {
		restore();
		await sandbox.close();
	});
	beforeEach(async () => {
		await admin(sandbox, 'DELETE', 'faults');
		await admin(sandbox, 'DELETE', 'calls');
	});

	it.each([
		{
			name: 'retries a GET after 503s',
			faults: [{ status: 503, count: 2 }],
			outcomes: [503, 503, 200],
		},
		{
			name: 'retries a GET after a connection reset and after a dropped response',
			faults: [
				{ resetConnection: true, count: 1 },
				{ dropResponse: true, count: 1 },
			],
			outcomes: ['resetConnection', 'dropResponse', 200],
		},
	])('$name', async ({ faults, outcomes: expected }) => {
		await inject('GET', ...faults);
		const result = await probe([getItem]);
		expect(result.error).toBeUndefined();
		expect(await outcomes()).toEqual(expected);
	});

	it('retries a GET after a timeout', async () => {
		await inject('GET', { delayMs: 1_000, count: 1 });
		const result = await probe([getItem]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.exactCalls).toBe(2);
		// The abandoned call is logged when the sandbox finishes it; wait so it cannot leak into the next test.
		for (let i = 0; i < 60 && !(await outcomes()).includes('delay'); i++) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect((await outcomes()).sort()).toEqual([200, 'delay']);
	});

	it('gives up on a GET when the retry budget is spent', async () => {
		await inject('GET', { status: 503, count: 50 });
		const result = await probe([getItem]);
		expect(result.error?.message).toMatch(/HTTP 503/);
		expect(await calls(sandbox, itemsPath)).toHaveLength(5);
	});

	it('does not retry a 4xx', async () => {
		const result = await probe([{ op: 'request', path: 'logistics/Items', qs: { $select: 'ID' } }]);
		expect(result.error?.message).toMatch(/mandatory filtering/);
		expect(await calls(sandbox, itemsPath)).toHaveLength(1);
	});

	it.each([
		{
			name: 'does not retry a POST whose response was lost when there is no writeCheck',
			code: 'DROP-NOCHECK',
			fault: { dropResponse: true },
			error: /may or may not have been processed/,
			posts: ['dropResponse'],
			stored: 1,
		},
		{
			name: 'does not retry a POST after a 503 when there is no writeCheck',
			code: '503-NOCHECK',
			fault: { status: 503 },
			error: /HTTP 503/,
			posts: [503],
			stored: 0,
		},
	])('$name', async ({ code, fault, error, posts, stored: copies }) => {
		await inject('POST', { ...fault, count: 1 });
		const result = await probe([createItem(code, false)]);
		expect(result.error?.message).toMatch(error);
		expect(await outcomes('POST')).toEqual(posts);
		expect(await stored(code)).toHaveLength(copies);
	});

	it.each([
		{
			name: 'creates exactly once when the response of a committed POST was dropped and a writeCheck exists',
			fault: { dropResponse: true },
			created: { Code: 'DROP-CHECK', foundByWriteCheck: true },
			posts: ['dropResponse'],
		},
		{
			name: 'retries a POST that the writeCheck shows did not happen, creating it once',
			fault: { status: 503 },
			created: { Code: '503-CHECK' },
			posts: [503, 201],
		},
	])('$name', async ({ fault, created, posts }) => {
		await inject('POST', { ...fault, count: 1 });
		const result = await probe([createItem(created.Code, true)]);
		expect(result.error).toBeUndefined();
		const record = result.items[0].json.result as IDataObject;
		expect(record).toMatchObject(created);
		expect('foundByWriteCheck' in record).toBe('foundByWriteCheck' in created);
		expect(await outcomes('POST')).toEqual(posts);
		expect(await stored(created.Code)).toHaveLength(1);
	});

	it('creates once when a timed-out POST commits on Exact after the client gave up (the writeCheck waits for it)', async () => {
		const accountsPath = `/api/v1/${sandbox.division}/crm/Accounts`;
		// Exact handles the POST 700 ms after it arrived; the client stops waiting at 400 ms.
		await inject('POST', { pathPrefix: accountsPath, delayMs: 700, count: 1 });
		const result = await probe([
			{
				op: 'request',
				method: 'POST',
				path: 'crm/Accounts',
				body: { Name: 'Late Commit BV' },
				writeCheck: { path: 'crm/Accounts', field: 'Name', value: 'Late Commit BV' },
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.result).toMatchObject({
			Name: 'Late Commit BV',
			foundByWriteCheck: true,
		});
		await new Promise((resolve) => setTimeout(resolve, 500));
		const accounts = (await admin(sandbox, 'GET', 'state/crm/Accounts')).records as Array<{
			Name: string;
		}>;
		expect(accounts.filter((a) => a.Name === 'Late Commit BV')).toHaveLength(1);
	});
});
