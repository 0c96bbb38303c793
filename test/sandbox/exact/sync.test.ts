import { openSandbox, q, seed, TestSandbox } from './helpers';

interface Row {
	ID: string;
	Name?: string;
	Timestamp: string;
}

describe('sync endpoints', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await openSandbox();
	});
	afterAll(() => t.close());

	const since = async (path: string, ts: string | number, extra = ''): Promise<Row[]> => {
		const res = await t.api('GET', `${path}?$filter=${q(`Timestamp gt ${ts}L${extra}`)}`);
		expect(res.status).toBe(200);
		return res.json.d.results;
	};
	const maxTs = (rows: Row[]) =>
		rows.map((r) => BigInt(r.Timestamp)).reduce((a, b) => (a > b ? a : b), BigInt(0));

	test('sync/CRM/Accounts returns rows changed after a Timestamp, as Int64 strings in ascending order', async () => {
		const all = await since('sync/CRM/Accounts', 1);
		expect(all.length).toBeGreaterThan(0);
		expect(typeof all[0].Timestamp).toBe('string');
		const values = all.map((r) => BigInt(r.Timestamp));
		expect([...values].sort((a, b) => (a < b ? -1 : 1))).toEqual(values);
		const cursor = maxTs(all).toString();
		expect(await since('sync/CRM/Accounts', cursor)).toHaveLength(0);
		const [created] = await seed(t, 'crm/Accounts', [{ Name: 'Sync New' }]);
		const changed = await since('sync/CRM/Accounts', cursor);
		expect(changed.map((r) => r.ID)).toEqual([created.ID]);
		const cursor2 = maxTs(changed).toString();
		await t.api('PUT', `crm/Accounts(guid'${created.ID}')`, { body: { Name: 'Sync Renamed' } });
		const updated = await since('sync/CRM/Accounts', cursor2);
		expect(updated).toHaveLength(1);
		expect(updated[0].Name).toBe('Sync Renamed');
		expect(BigInt(updated[0].Timestamp)).toBeGreaterThan(BigInt(cursor2));
	});

	test('sync endpoints only filter on Timestamp', async () => {
		const res = await t.api(
			'GET',
			`sync/CRM/Accounts?$filter=${q("Timestamp gt 1L and Name eq 'x'")}`,
		);
		expect(res.status).toBe(400);
		expect(res.json.error.message.value).toBe('Filtering on these fields is not supported: Name');
	});

	test('sync/Logistics/Items sees new items and price changes', async () => {
		const cursor = maxTs(await since('sync/Logistics/Items', 1)).toString();
		const [item] = await seed(t, 'logistics/Items', [{ Code: 'SYNC-IT', Description: 'Synced' }]);
		const rows = await since('sync/Logistics/Items', cursor);
		expect(rows.map((r) => r.ID)).toEqual([item.ID]);
		const c2 = maxTs(rows).toString();
		const price = await t.api(
			'GET',
			`logistics/SalesItemPrices?$filter=${q(`Item eq guid'${item.ID}'`)}&$select=ID`,
		);
		await t.api('PUT', `logistics/SalesItemPrices(guid'${price.json.d.results[0].ID}')`, {
			body: { Price: 3 },
		});
		const after = await since('sync/Logistics/Items', c2);
		expect(after.map((r) => r.ID)).toEqual([item.ID]);
	});

	test('sync/SalesInvoice/SalesInvoices sees new invoices', async () => {
		const cursor = maxTs(await since('sync/SalesInvoice/SalesInvoices', 0)).toString();
		const [account] = await seed(t, 'crm/Accounts', [{ Name: 'Sync Invoice' }]);
		const [item] = await seed(t, 'logistics/Items', [{ Code: 'SYNC-INV', Description: 'Inv' }]);
		const res = await t.api('POST', 'salesinvoice/SalesInvoices', {
			body: { Journal: '70', OrderedBy: account.ID, SalesInvoiceLines: [{ Item: item.ID }] },
		});
		const rows = await since('sync/SalesInvoice/SalesInvoices', cursor);
		expect(rows.map((r) => (r as unknown as { InvoiceID: string }).InvoiceID)).toEqual([
			res.json.d.InvoiceID,
		]);
	});

	test('sync/Deleted lists deletes with EntityKey and EntityType', async () => {
		const [gone] = await seed(t, 'crm/Accounts', [{ Name: 'To delete' }]);
		const cursor = maxTs(await since('sync/Deleted', 0)).toString();
		expect((await t.api('DELETE', `crm/Accounts(guid'${gone.ID}')`)).status).toBe(204);
		const res = await t.api(
			'GET',
			`sync/Deleted?$filter=${q(`Timestamp gt ${cursor}L and EntityType eq 2`)}&$select=EntityKey,EntityType,Timestamp`,
		);
		expect(res.json.d.results).toEqual([
			expect.objectContaining({ EntityKey: gone.ID, EntityType: 2, Timestamp: expect.any(String) }),
		]);
	});

	test('Timestamps are per division and always increase', async () => {
		const a = await seed(t, 'crm/Accounts', [{ Name: 'A1' }, { Name: 'A2' }]);
		const b = await seed(t, 'crm/Accounts', [{ Name: 'B1' }], 3012346);
		const rowsA = await since('sync/CRM/Accounts', 1);
		const tsA = a.map((x) => BigInt(rowsA.find((r) => r.ID === x.ID)?.Timestamp ?? '0'));
		expect(tsA[1]).toBeGreaterThan(tsA[0]);
		const other = await t.api(
			'GET',
			`/api/v1/3012346/sync/CRM/Accounts?$filter=${q('Timestamp gt 1L')}`,
		);
		expect(other.json.d.results.map((r: Row) => r.ID)).toEqual([b[0].ID]);
	});
});
