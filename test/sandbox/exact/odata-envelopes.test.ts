import { openSandbox, q, seed, TestSandbox } from './helpers';

const ZWOLLE = q("City eq 'Zwolle'");

describe('OData options and envelopes', () => {
	let t: TestSandbox;
	let accounts: Array<{ ID: string; Name: string }>;
	beforeAll(async () => {
		t = await openSandbox();
		const rows = Array.from({ length: 130 }, (_, i) => ({
			Name: `Klant ${String(i + 1).padStart(3, '0')}`,
			City: 'Zwolle',
			Email: `klant${i + 1}@example.com`,
		}));
		accounts = await seed(t, 'crm/Accounts', rows);
	});
	afterAll(() => t.close());

	test('collections page by 60 with an absolute __next keeping the options plus $skiptoken=guid', async () => {
		const first = await t.api('GET', `crm/Accounts?$filter=${ZWOLLE}&$select=ID,Name`);
		expect(first.json.d.results).toHaveLength(60);
		const next: string = first.json.d.__next;
		expect(next.startsWith(`${t.base}/api/v1/${t.div}/crm/Accounts?`)).toBe(true);
		expect(decodeURIComponent(next)).toContain("$filter=City eq 'Zwolle'");
		expect(next).toContain('$select=ID,Name');
		const lastId = first.json.d.results[59].ID;
		expect(next.endsWith(`$skiptoken=guid'${lastId}'`)).toBe(true);
		const second = await t.api('GET', next.slice(t.base.length));
		expect(second.json.d.results).toHaveLength(60);
		const third = await t.api('GET', second.json.d.__next.slice(t.base.length));
		expect(third.json.d.results).toHaveLength(10);
		expect(third.json.d.__next).toBeUndefined();
		const ids = [first, second, third].flatMap((r) =>
			r.json.d.results.map((x: { ID: string }) => x.ID),
		);
		expect(new Set(ids).size).toBe(130);
		expect(new Set(ids)).toEqual(new Set(accounts.map((a) => a.ID)));
	});

	test('sync endpoints page by 1000 with $skiptoken=<Timestamp>L', async () => {
		await seed(
			t,
			'logistics/Items',
			Array.from({ length: 1100 }, (_, i) => ({ Code: `S${i}`, Description: `Item ${i}` })),
		);
		const first = await t.api(
			'GET',
			`sync/Logistics/Items?$filter=${q('Timestamp gt 1L')}&$select=ID,Code,Timestamp`,
		);
		expect(first.json.d.results).toHaveLength(1000);
		const last = first.json.d.results[999].Timestamp;
		expect(first.json.d.__next.endsWith(`$skiptoken=${last}L`)).toBe(true);
		const second = await t.api('GET', first.json.d.__next.slice(t.base.length));
		expect(second.json.d.results.length).toBeGreaterThanOrEqual(100);
		expect(second.json.d.__next).toBeUndefined();
	});

	test('every record carries __metadata with uri and type', async () => {
		const res = await t.api('GET', `crm/Accounts?$filter=${ZWOLLE}&$top=1`);
		const rec = res.json.d.results[0];
		expect(rec.__metadata.type).toBe('Exact.Web.Api.Models.Account');
		expect(rec.__metadata.uri).toBe(`${t.base}/api/v1/${t.div}/crm/Accounts(guid'${rec.ID}')`);
	});

	test('$select returns only the selected properties; an unknown one is a 400', async () => {
		const res = await t.api('GET', `crm/Accounts?$filter=${ZWOLLE}&$select=Name,Email&$top=2`);
		expect(Object.keys(res.json.d.results[0]).sort()).toEqual(['Email', 'Name', '__metadata']);
		const bad = await t.api('GET', `crm/Accounts?$filter=${ZWOLLE}&$select=Name,Nope`);
		expect(bad.status).toBe(400);
		expect(bad.json.error.message.value).toMatch(/Nope/);
	});

	test('$top, $skip and $orderby', async () => {
		const res = await t.api(
			'GET',
			`crm/Accounts?$filter=${ZWOLLE}&$select=Name&$orderby=Name desc&$skip=2&$top=3`,
		);
		expect(res.json.d.results.map((r: { Name: string }) => r.Name)).toEqual([
			'Klant 128',
			'Klant 127',
			'Klant 126',
		]);
		expect(res.json.d.__next).toBeUndefined();
	});

	test('$top above the page size keeps the remainder in __next', async () => {
		const res = await t.api('GET', `crm/Accounts?$filter=${ZWOLLE}&$select=ID&$top=100`);
		expect(res.json.d.results).toHaveLength(60);
		expect(res.json.d.__next).toContain('$top=40');
		const rest = await t.api('GET', res.json.d.__next.slice(t.base.length));
		expect(rest.json.d.results).toHaveLength(40);
		expect(rest.json.d.__next).toBeUndefined();
	});

	test('$inlinecount=allpages adds __count', async () => {
		const res = await t.api(
			'GET',
			`crm/Accounts?$filter=${ZWOLLE}&$select=ID&$inlinecount=allpages`,
		);
		expect(res.json.d.__count).toBe('130');
	});

	test('/$count answers a bare integer as text, honouring $filter', async () => {
		const res = await t.api(
			'GET',
			`crm/Accounts/$count?$filter=${q("substringof('klant 12', Name) eq true")}`,
		);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		// Klant 120 … Klant 129
		expect(res.text).toBe('10');
	});

	test('key access returns a plain d object; an unknown key is a 404', async () => {
		const id = accounts[5].ID;
		const res = await t.api('GET', `crm/Accounts(guid'${id}')`);
		expect(res.status).toBe(200);
		expect(res.json.d.ID).toBe(id);
		expect(res.json.d.results).toBeUndefined();
		const missing = await t.api('GET', "crm/Accounts(guid'00000000-0000-0000-0000-000000000001')");
		expect(missing.status).toBe(404);
		expect(missing.json.error.message.value).toBeTruthy();
	});

	test('unknown $-options are refused', async () => {
		const res = await t.api('GET', `crm/Accounts?$filter=${ZWOLLE}&$expnad=x`);
		expect(res.status).toBe(400);
	});
});
