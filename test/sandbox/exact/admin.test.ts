import { openSandbox, q, TestSandbox } from './helpers';

describe('admin API under /__sandbox', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await openSandbox();
	});
	afterEach(() => t.close());

	const countAccounts = async () =>
		(await t.admin('GET', 'state/crm/Accounts')).json.count as number;

	test('reset brings the seed back; mode "empty" keeps only master data', async () => {
		const seeded = await countAccounts();
		expect(seeded).toBeGreaterThan(0);
		await t.admin('POST', 'records/crm/Accounts', [{ Name: 'Extra' }]);
		expect(await countAccounts()).toBe(seeded + 1);
		expect((await t.admin('POST', 'reset')).status).toBe(200);
		expect(await countAccounts()).toBe(seeded);
		await t.admin('POST', 'reset', { mode: 'empty' });
		expect(await countAccounts()).toBe(0);
		expect((await t.admin('GET', 'state/vat/VATCodes')).json.count).toBeGreaterThan(10);
	});

	test('settings can be read and partly changed; bad settings are refused', async () => {
		const before = (await t.admin('GET', 'settings')).json;
		expect(before).toMatchObject({
			rateWindowMs: 60000,
			errorBlock: false,
			viesDown: false,
			refreshGuardSec: 570,
		});
		const after = await t.admin('PUT', 'settings', { minutelyLimit: 7 });
		expect(after.json.minutelyLimit).toBe(7);
		expect(after.json.dailyLimit).toBe(before.dailyLimit);
		expect((await t.admin('PUT', 'settings', { nope: 1 })).status).toBe(400);
		expect((await t.admin('PUT', 'settings', { errorBlock: 'yes' })).status).toBe(400);
	});

	test('records are stored as Exact would: ids generated, account codes padded, failures name the index', async () => {
		const res = await t.admin('POST', 'records/crm/Accounts', [
			{ Name: 'R1', Code: '88' },
			{ Name: 'R2' },
		]);
		expect(res.json.count).toBe(2);
		expect(res.json.records[0].Code).toBe('                88');
		expect(res.json.records[1].ID).toMatch(/^[0-9a-f-]{36}$/);
		const bad = await t.admin('POST', 'records/crm/Accounts', [
			{ Name: 'ok' },
			{ City: 'no name' },
		]);
		expect(bad.status).toBe(400);
		expect(bad.json.index).toBe(1);
		expect((await t.admin('POST', 'records/crm/Nope', [{}])).status).toBe(404);
	});

	test('sales invoices can be seeded with read-only fields and read back through state', async () => {
		const account = (await t.admin('POST', 'records/crm/Accounts', [{ Name: 'Inv' }])).json
			.records[0];
		const item = (
			await t.admin('POST', 'records/logistics/Items', [{ Code: 'ADM-INV', Description: 'A' }])
		).json.records[0];
		const res = await t.admin('POST', 'records/salesinvoice/SalesInvoices', [
			{
				Journal: '70',
				OrderedBy: account.ID,
				InvoiceNumber: 24709000,
				Status: 50,
				SalesInvoiceLines: [{ Item: item.ID, Quantity: 2, UnitPrice: 5 }],
			},
		]);
		expect(res.status).toBe(200);
		const [seeded] = res.json.records;
		expect(seeded).toMatchObject({ InvoiceNumber: 24709000, Status: 50, AmountFC: 10 });
		const state = await t.admin('GET', 'state/salesinvoice/SalesInvoices');
		expect(state.json.records).toEqual([
			expect.objectContaining({ InvoiceID: seeded.InvoiceID, StatusDescription: 'Processed' }),
		]);
		const lines = await t.admin('GET', 'state/salesinvoice/SalesInvoiceLines');
		expect(lines.json.records).toEqual([
			expect.objectContaining({ InvoiceID: seeded.InvoiceID, AmountFC: 10 }),
		]);
		const url = `salesinvoice/SalesInvoices(guid'${seeded.InvoiceID}')`;
		expect((await t.api('DELETE', url)).status).toBe(500);
		const next = await t.api('POST', 'salesinvoice/SalesInvoices', {
			body: { Journal: '70', OrderedBy: account.ID, SalesInvoiceLines: [{ Item: item.ID }] },
			prefer: true,
		});
		expect(next.json.d.InvoiceNumber).toBe(24709001);
	});

	test('the call log records /api calls (not admin calls) and can be cleared', async () => {
		await t.admin('DELETE', 'calls');
		await t.api('GET', `crm/Accounts?$filter=${q("Name eq 'x'")}`);
		await t.api('GET', 'crm/Accounts');
		const calls = (await t.admin('GET', 'calls')).json.calls;
		expect(calls).toHaveLength(2);
		expect(calls[0]).toMatchObject({
			method: 'GET',
			path: `/api/v1/${t.div}/crm/Accounts`,
			query: "$filter=Name eq 'x'",
			status: 200,
			division: t.div,
			clientId: t.sb.clientId,
		});
		expect(Date.parse(calls[0].time)).not.toBeNaN();
		expect(calls[1].status).toBe(400);
		await t.admin('DELETE', 'calls');
		expect((await t.admin('GET', 'calls')).json.calls).toHaveLength(0);
	});

	test('a status fault answers the next N matching calls, then the API is normal again', async () => {
		await t.admin('POST', 'faults', {
			method: 'GET',
			pathPrefix: `/api/v1/${t.div}/system/Divisions`,
			count: 2,
			status: 503,
		});
		expect((await t.api('GET', 'system/Divisions')).status).toBe(503);
		expect((await t.api('POST', 'crm/Accounts', { body: { Name: 'not faulted' } })).status).toBe(
			201,
		);
		expect((await t.api('GET', 'system/Divisions')).status).toBe(503);
		expect((await t.api('GET', 'system/Divisions')).status).toBe(200);
		const calls = (await t.admin('GET', 'calls')).json.calls;
		expect(calls.filter((c: { fault?: string }) => c.fault === 'status')).toHaveLength(2);
	});

	test('a pathRegex fault with a delay slows the matching call', async () => {
		await t.admin('POST', 'faults', { pathRegex: 'Divisions\\?\\$top=1$', delayMs: 400 });
		const started = Date.now();
		expect((await t.api('GET', 'system/Divisions?$top=1')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(380);
	});

	test('dropResponse commits the write and then drops the connection', async () => {
		await t.admin('POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${t.div}/crm/Accounts`,
			dropResponse: true,
		});
		await expect(
			t.api('POST', 'crm/Accounts', { body: { Name: 'Dropped BV', City: 'Drop' } }),
		).rejects.toThrow();
		const found = await t.api('GET', `crm/Accounts?$filter=${q("City eq 'Drop'")}&$select=Name`);
		expect(found.json.d.results).toEqual([expect.objectContaining({ Name: 'Dropped BV' })]);
	});

	test('resetConnection drops the connection before anything is done', async () => {
		await t.admin('POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${t.div}/crm/Accounts`,
			resetConnection: true,
		});
		await expect(
			t.api('POST', 'crm/Accounts', { body: { Name: 'Reset BV', City: 'Reset' } }),
		).rejects.toThrow();
		const found = await t.api('GET', `crm/Accounts?$filter=${q("City eq 'Reset'")}&$select=Name`);
		expect(found.json.d.results).toHaveLength(0);
	});

	test('a fault with probability 0 never fires and stays pending', async () => {
		const path = `/api/v1/${t.div}/system/Divisions`;
		await t.admin('POST', 'faults', { pathPrefix: path, status: 500, probability: 0, count: 1 });
		for (let i = 0; i < 3; i++) expect((await t.api('GET', 'system/Divisions')).status).toBe(200);
		expect((await t.admin('GET', 'faults')).json.faults).toHaveLength(1);
	});

	test('a probabilistic fault that misses lets the next matching fault roll its own chance', async () => {
		const path = `/api/v1/${t.div}/system/Divisions`;
		await t.admin('POST', 'faults', [
			{ pathPrefix: path, status: 500, probability: 0, count: 5 },
			{ pathPrefix: path, status: 503, probability: 1, count: 1 },
		]);
		expect((await t.api('GET', 'system/Divisions')).status).toBe(503);
		expect((await t.admin('GET', 'faults')).json.faults).toHaveLength(1);
	});

	test('a fault needs a path and an effect', async () => {
		expect((await t.admin('POST', 'faults', { status: 500 })).status).toBe(400);
		expect((await t.admin('POST', 'faults', { pathPrefix: '/api' })).status).toBe(400);
	});

	test('state reads need no token and ignore rate limits', async () => {
		await t.admin('PUT', 'settings', { minutelyLimit: 1 });
		await t.api('GET', 'system/Divisions');
		expect((await t.api('GET', 'system/Divisions')).status).toBe(429);
		const state = await t.admin('GET', 'state/salesorder/SalesOrders');
		expect(state.status).toBe(200);
		const other = await t.admin('GET', 'state/crm/Accounts?division=3012346');
		expect(other.json.count).toBe(0);
	});
});
