import type { IDataObject } from 'n8n-workflow';

import { startExactSandbox } from '../../../sandbox/exact';
import type { ExactSandbox } from '../../../sandbox/exact';
import { configureExactTransport } from '../../../nodes/ExactOnline/shared/transport';
import { ExactProbe } from '../../helpers/ExactProbe.node';
import { admin, calls, createCredentialStore } from '../../helpers/exactSandbox';
import { runNode } from '../../helpers/harness';
import type { CredentialStore } from '../../helpers/credentials';

const RECORDS = 2500;
const PAGE_SIZE = 60;

describe('collections through the transport', () => {
	let sandbox: ExactSandbox;
	let credentials: CredentialStore;
	let restore: () => void;
	const division = () => ({
		division: { __rl: true, mode: 'id', value: String(sandbox.division) },
	});
	const probe = (items: IDataObject[]) =>
		runNode({ node: new ExactProbe(), parameters: division(), items, credentials });
	/** A probe item that reads every record of `path` whose `field` equals `value`. */
	const getAll = (path: string, [field, value]: [string, string], select: string, more = {}) => ({
		op: 'getAll',
		path,
		eq: [field, value],
		qs: { $select: select },
		...more,
	});
	const callsTo = (path: string) => calls(sandbox, `/api/v1/${sandbox.division}/${path}`);

	beforeAll(async () => {
		restore = configureExactTransport({ retry: { baseDelayMs: 10, maxDelayMs: 50 } });
		sandbox = await startExactSandbox({ settings: { minutelyLimit: 1000 } });
		credentials = await createCredentialStore(sandbox);
		const accounts = Array.from({ length: RECORDS }, (_, i) => ({
			Name: `Paging customer ${i}`,
			City: 'Pagingstad',
			Status: 'C',
		}));
		await admin(sandbox, 'POST', 'records/crm/Accounts', accounts);
		await admin(sandbox, 'POST', 'records/crm/Accounts', [
			{ Name: 'Quote customer', Email: "o'brien@example.com" },
			{ Name: 'Decoy 1', Email: 'obrien@example.com' },
			{ Name: 'Decoy 2', Email: "o''brien@example.com" },
			{ Name: 'Decoy 3', Email: "o'brien@example.co" },
		]);
		await admin(sandbox, 'POST', 'records/logistics/Items', [
			{ Code: "A&B'1", Description: 'Ampersand and quote' },
			{ Code: 'A&B', Description: 'Decoy' },
			{ Code: "B'1", Description: 'Decoy' },
			{ Code: 'X+Y 2', Description: 'Plus and space' },
			{ Code: '100%', Description: 'Percent' },
		]);
	});
	afterAll(async () => {
		restore();
		await sandbox.close();
	});

	beforeEach(async () => {
		await admin(sandbox, 'DELETE', 'calls');
	});

	it(`follows __next over ${RECORDS} records in exactly ceil(${RECORDS}/${PAGE_SIZE}) calls`, async () => {
		const expectedCalls = Math.ceil(RECORDS / PAGE_SIZE);
		expect(expectedCalls).toBe(42);
		const result = await probe([
			getAll('crm/Accounts', ['City', 'Pagingstad'], 'ID,Name', { keepRecords: true }),
		]);
		expect(result.error).toBeUndefined();
		const out = result.items[0].json;
		expect(out.count).toBe(RECORDS);
		const ids = new Set((out.records as Array<{ ID: string }>).map((r) => r.ID));
		expect(ids.size).toBe(RECORDS);
		expect(out.exactCalls).toBe(expectedCalls);
		const log = await callsTo('crm/Accounts');
		expect(log).toHaveLength(expectedCalls);
		expect(log.slice(1).every((c) => c.query.includes('$skiptoken='))).toBe(true);
	});

	it('returns $count as a number and parses /Date()/ values only when asked', async () => {
		const created = {
			op: 'request',
			path: 'logistics/Items',
			eq: ['Code', "A&B'1"],
			qs: { $select: 'Code,Created' },
		};
		const result = await probe([
			{ op: 'request', path: 'crm/Accounts/$count', eq: ['City', 'Pagingstad'] },
			created,
			{ ...created, parseDates: true },
		]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.result).toBe(RECORDS);
		const [raw] = result.items[1].json.result as Array<{ Created: string }>;
		const [parsed] = result.items[2].json.result as Array<{ Created: string }>;
		expect(raw.Created).toMatch(/^\/Date\(\d+\)\/$/);
		expect(parsed.Created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00$/);
		const wallMs = Number(/\d+/.exec(raw.Created)?.[0]);
		expect(parsed.Created.slice(0, 19)).toBe(new Date(wallMs).toISOString().slice(0, 19));
	});

	it('stops following __next once the limit is reached', async () => {
		const result = await probe([
			getAll('crm/Accounts', ['City', 'Pagingstad'], 'ID', { limit: 100 }),
		]);
		expect(result.items[0].json).toMatchObject({ count: 100, exactCalls: 2 });
	});

	it.each([
		{
			name: "finds the e-mail o'brien@example.com exactly, not its look-alikes",
			path: 'crm/Accounts',
			eq: ['Email', "o'brien@example.com"] as [string, string],
			select: 'Name,Email',
			found: { Name: 'Quote customer', Email: "o'brien@example.com" },
			filter: "Email eq 'o''brien@example.com'",
		},
		{
			name: "finds the SKU A&B'1 exactly, not its look-alikes",
			path: 'logistics/Items',
			eq: ['Code', "A&B'1"] as [string, string],
			select: 'Code',
			found: { Code: "A&B'1" },
			filter: "Code eq 'A&B''1'",
		},
	])('$name', async ({ path, eq, select, found, filter }) => {
		const result = await probe([getAll(path, eq, select, { keepRecords: true })]);
		expect(result.items[0].json.records).toEqual([expect.objectContaining(found)]);
		const [call] = await callsTo(path);
		expect(call.query).toContain(filter);
	});

	it('batches a lookup of awkward codes into one call', async () => {
		const lookup = await probe([
			{
				op: 'lookup',
				path: 'logistics/Items',
				field: 'Code',
				values: ["A&B'1", 'X+Y 2', '100%', "A&B'1", 'missing'],
				select: 'ID,Code',
			},
		]);
		const codes = (lookup.items[0].json.records as Array<{ Code: string }>)
			.map((r) => r.Code)
			.sort();
		expect(codes).toEqual(['100%', "A&B'1", 'X+Y 2']);
		expect(await callsTo('logistics/Items')).toHaveLength(1);
	});

	it('splits a long lookup so that every URL stays under the limit, one call per chunk', async () => {
		const values = Array.from({ length: 150 }, (_, i) => `Paging customer ${i}`);
		const result = await probe([
			{ op: 'lookup', path: 'crm/Accounts', field: 'Name', values, select: 'ID,Name' },
		]);
		expect(result.error?.message).toBeUndefined();
		expect(result.items[0].json.count).toBe(150);
		const log = await callsTo('crm/Accounts');
		expect(log.length).toBeGreaterThan(1);
		expect(result.items[0].json.exactCalls).toBe(log.length);
		for (const call of log) {
			const url = new URL(`${sandbox.baseUrl}${call.path}?${call.query}`);
			expect(url.href.length).toBeLessThan(2000);
		}
		const perCall = log.map((c) => (c.query.match(/ or /g) ?? []).length + 1);
		expect(perCall.reduce((a, b) => a + b, 0)).toBe(150);
	});
});
