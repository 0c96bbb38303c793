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

	it('retries a GET after 503s', async () => {
		await admin(sandbox, 'POST', 'faults', {
			method: 'GET',
			pathPrefix: itemsPath,
			status: 503,
			count: 2,
		});
		const result = await probe([getItem]);
		expect(result.error).toBeUndefined();
		expect((await calls(sandbox, itemsPath)).map((c) => c.status)).toEqual([503, 503, 200]);
	});

	it('retries a GET after a timeout', async () => {
		await admin(sandbox, 'POST', 'faults', {
			method: 'GET',
			pathPrefix: itemsPath,
			delayMs: 1_000,
			count: 1,
		});
		const result = await probe([getItem]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.exactCalls).toBe(2);
		// The abandoned call is logged when the sandbox finishes it; wait so it cannot leak into the next test.
		for (
			let i = 0;
			i < 60 && !(await calls(sandbox, itemsPath)).some((c) => c.fault === 'delay');
			i++
		) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect((await calls(sandbox, itemsPath)).map((c) => c.fault ?? c.status).sort()).toEqual([
			200,
			'delay',
		]);
	});

	it('retries a GET after a connection reset and after a dropped response', async () => {
		await admin(sandbox, 'POST', 'faults', [
			{ method: 'GET', pathPrefix: itemsPath, resetConnection: true, count: 1 },
			{ method: 'GET', pathPrefix: itemsPath, dropResponse: true, count: 1 },
		]);
		const result = await probe([getItem]);
		expect(result.error).toBeUndefined();
		expect((await calls(sandbox, itemsPath)).map((c) => c.fault ?? c.status)).toEqual([
			'resetConnection',
			'dropResponse',
			200,
		]);
	});

	it('gives up on a GET when the retry budget is spent', async () => {
		await admin(sandbox, 'POST', 'faults', {
			method: 'GET',
			pathPrefix: itemsPath,
			status: 503,
			count: 50,
		});
		const result = await probe([getItem]);
		expect(result.error?.message).toMatch(/HTTP 503/);
		expect(await calls(sandbox, itemsPath)).toHaveLength(5);
	});

	it('does not retry a 4xx', async () => {
		const result = await probe([{ op: 'request', path: 'logistics/Items', qs: { $select: 'ID' } }]);
		expect(result.error?.message).toMatch(/mandatory filtering/);
		expect(await calls(sandbox, itemsPath)).toHaveLength(1);
	});

	it('does not retry a POST whose response was lost when there is no writeCheck', async () => {
		await admin(sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: itemsPath,
			dropResponse: true,
			count: 1,
		});
		const result = await probe([createItem('DROP-NOCHECK', false)]);
		expect(result.error?.message).toMatch(/may or may not have been processed/);
		expect((await calls(sandbox, itemsPath)).filter((c) => c.method === 'POST')).toHaveLength(1);
		expect(await stored('DROP-NOCHECK')).toHaveLength(1);
	});

	it('does not retry a POST after a 503 when there is no writeCheck', async () => {
		await admin(sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: itemsPath,
			status: 503,
			count: 1,
		});
		const result = await probe([createItem('503-NOCHECK', false)]);
		expect(result.error?.message).toMatch(/HTTP 503/);
		expect((await calls(sandbox, itemsPath)).filter((c) => c.method === 'POST')).toHaveLength(1);
		expect(await stored('503-NOCHECK')).toHaveLength(0);
	});

	it('creates exactly once when the response of a committed POST was dropped and a writeCheck exists', async () => {
		await admin(sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: itemsPath,
			dropResponse: true,
			count: 1,
		});
		const result = await probe([createItem('DROP-CHECK', true)]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.result).toMatchObject({
			Code: 'DROP-CHECK',
			foundByWriteCheck: true,
		});
		expect((await calls(sandbox, itemsPath)).filter((c) => c.method === 'POST')).toHaveLength(1);
		expect(await stored('DROP-CHECK')).toHaveLength(1);
	});

	it('retries a POST that the writeCheck shows did not happen, creating it once', async () => {
		await admin(sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: itemsPath,
			status: 503,
			count: 1,
		});
		const result = await probe([createItem('503-CHECK', true)]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.result).toMatchObject({ Code: '503-CHECK' });
		expect(result.items[0].json.result).not.toHaveProperty('foundByWriteCheck');
		expect(
			(await calls(sandbox, itemsPath)).filter((c) => c.method === 'POST').map((c) => c.status),
		).toEqual([503, 201]);
		expect(await stored('503-CHECK')).toHaveLength(1);
	});
	it('creates once when a timed-out POST commits on Exact after the client gave up (the writeCheck waits for it)', async () => {
		const accountsPath = `/api/v1/${sandbox.division}/crm/Accounts`;
		// Exact handles the POST 700 ms after it arrived; the client stops waiting at 400 ms.
		await admin(sandbox, 'POST', 'faults', { method: 'POST', pathPrefix: accountsPath, delayMs: 700, count: 1 });
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
		expect(result.items[0].json.result).toMatchObject({ Name: 'Late Commit BV', foundByWriteCheck: true });
		await new Promise((resolve) => setTimeout(resolve, 500));
		const accounts = (await admin(sandbox, 'GET', 'state/crm/Accounts')).records as Array<{ Name: string }>;
		expect(accounts.filter((a) => a.Name === 'Late Commit BV')).toHaveLength(1);
	});
});
