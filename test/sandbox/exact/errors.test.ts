import { openSandbox, q, TestSandbox } from './helpers';

describe('Exact error behaviour and write semantics', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await openSandbox();
	});
	afterAll(() => t.close());

	test('GET crm/Accounts without $filter is refused with the mandatory-filter message listing fields', async () => {
		const res = await t.api('GET', 'crm/Accounts');
		expect(res.status).toBe(400);
		const text: string = res.json.error.message.value;
		expect(text).toMatch(
			/^This endpoint has mandatory filtering applied\. A GET request for this endpoint must have a \$filter/,
		);
		expect(text).toContain('VATNumber');
		expect(text).toContain('Email');
	});

	test('a $filter on a field outside the allowed list does not satisfy mandatory filtering', async () => {
		const res = await t.api('GET', `crm/Accounts?$filter=${q("Website eq 'x'")}`);
		expect(res.status).toBe(400);
		const ok = await t.api('GET', `crm/Accounts?$filter=${q("Website eq 'x' and Status eq 'C'")}`);
		expect(ok.status).toBe(200);
	});

	test('GET logistics/Items needs a $filter too; key access does not', async () => {
		expect((await t.api('GET', 'logistics/Items?$select=ID')).status).toBe(400);
		const one = await t.api(
			'GET',
			`logistics/Items?$filter=${q("Code eq 'FIETS-001'")}&$select=ID`,
		);
		expect(one.status).toBe(200);
		const id = one.json.d.results[0].ID;
		expect((await t.api('GET', `logistics/Items(guid'${id}')`)).status).toBe(200);
	});

	test.each(['logistics/SalesItemPrices', 'salesorder/GoodsDeliveries'])(
		'%s needs $select or $top',
		async (path) => {
			const res = await t.api('GET', path);
			expect(res.status).toBe(400);
			expect(res.json.error.message.value).toBe(
				'Please add a $select or a $top=1 statement to the query string.',
			);
			expect((await t.api('GET', `${path}?$top=1`)).status).toBe(200);
			expect((await t.api('GET', `${path}?$select=Created`)).status).toBe(200);
		},
	);

	test('without Accept: application/json the answer is Atom XML, not JSON', async () => {
		const res = await t.api('GET', 'system/Divisions', { accept: false });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/atom\+xml/);
		expect(res.json).toBeUndefined();
		expect(res.text.startsWith('<?xml')).toBe(true);
		const error = await t.api('GET', 'crm/Accounts', { accept: false });
		expect(error.status).toBe(400);
		expect(error.json).toBeUndefined();
		expect(error.text).toContain('mandatory filtering');
	});

	test('an unknown property in a POST or PUT body is a 400 "Error processing request stream"', async () => {
		const post = await t.api('POST', 'crm/Accounts', { body: { Name: 'X', SalesVatCode: '1' } });
		expect(post.status).toBe(400);
		expect(post.json.error.message.value).toBe(
			"Error processing request stream. The property name 'SalesVatCode' specified for type " +
				"'Exact.Web.Api.Models.Account' is not valid.",
		);
		const created = await t.api('POST', 'crm/Accounts', { body: { Name: 'Y' } });
		const id = created.json.d.ID;
		const put = await t.api('PUT', `crm/Accounts(guid'${id}')`, { body: { Nmae: 'Z' } });
		expect(put.status).toBe(400);
		expect(put.json.error.message.value).toMatch(/The property name 'Nmae'/);
	});

	test('a line property is checked against the line type', async () => {
		const res = await t.api('POST', 'salesorder/SalesOrders', {
			body: { OrderedBy: '00000000-0000-0000-0000-000000000001', SalesOrderLines: [{ Itme: 'x' }] },
		});
		expect(res.status).toBe(400);
		expect(res.json.error.message.value).toMatch(
			/'Itme' specified for type 'Exact\.Web\.Api\.Models\.SalesOrderLine'/,
		);
	});

	test('a value of the wrong Edm type is a 400 (a boolean for a Byte flag)', async () => {
		const res = await t.api('POST', 'logistics/Items', {
			body: { Code: 'BYTE-1', Description: 'x', IsWebshopItem: true },
		});
		expect(res.status).toBe(400);
		expect(res.json.error.message.value).toMatch(/Edm\.Byte/);
	});

	test('a missing mandatory field is a 500 with a message', async () => {
		const res = await t.api('POST', 'crm/Accounts', { body: { Email: 'x@example.com' } });
		expect(res.status).toBe(500);
		expect(res.json.error.message.value).toMatch(/Name/);
	});

	test('POST answers 201; without Prefer every property but the key is null', async () => {
		const res = await t.api('POST', 'crm/Accounts', { body: { Name: 'Bare BV', City: 'Delft' } });
		expect(res.status).toBe(201);
		const d = res.json.d;
		expect(d.ID).toMatch(/^[0-9a-f-]{36}$/);
		expect(d.__metadata.uri).toContain(`crm/Accounts(guid'${d.ID}')`);
		expect(d.Name).toBeNull();
		expect(d.City).toBeNull();
		const full = await t.api('POST', 'crm/Accounts', {
			body: { Name: 'Full BV', City: 'Delft' },
			prefer: true,
		});
		expect(full.status).toBe(201);
		expect(full.json.d.Name).toBe('Full BV');
		expect(full.json.d.City).toBe('Delft');
	});

	test('PUT merges and answers 204; DELETE answers 204 and the key is gone', async () => {
		const created = await t.api('POST', 'crm/Accounts', {
			body: { Name: 'Merge BV', City: 'Gouda', Email: 'a@b.nl' },
		});
		const id = created.json.d.ID;
		const put = await t.api('PUT', `crm/Accounts(guid'${id}')`, { body: { City: 'Leiden' } });
		expect(put.status).toBe(204);
		expect(put.text).toBe('');
		const after = await t.api('GET', `crm/Accounts(guid'${id}')`);
		expect(after.json.d.City).toBe('Leiden');
		expect(after.json.d.Email).toBe('a@b.nl');
		const del = await t.api('DELETE', `crm/Accounts(guid'${id}')`);
		expect(del.status).toBe(204);
		expect((await t.api('GET', `crm/Accounts(guid'${id}')`)).status).toBe(404);
	});

	test('methods an endpoint does not support are refused (ItemGroups is GET only, no DELETE on GoodsDeliveries)', async () => {
		const post = await t.api('POST', 'logistics/ItemGroups', {
			body: { Code: 'X', Description: 'x' },
		});
		expect(post.status).toBe(405);
		const del = await t.api(
			'DELETE',
			"salesorder/GoodsDeliveries(guid'00000000-0000-0000-0000-000000000001')",
		);
		expect(del.status).toBe(405);
	});

	test('a query string longer than IIS allows (maxQueryStringLength, 2048) is a non-JSON 404', async () => {
		const ids = Array.from(
			{ length: 60 },
			(_, i) => `ID eq guid'00000000-0000-0000-0000-${String(i).padStart(12, '0')}'`,
		);
		const long = await t.api('GET', `crm/Accounts?$filter=${q(ids.join(' or '))}`);
		expect(long.status).toBe(404);
		expect(long.json).toBeUndefined();
		expect(long.text).toMatch(/404\.15/);
		const short = await t.api('GET', `crm/Accounts?$filter=${q(ids.slice(0, 20).join(' or '))}`);
		expect(short.status).toBe(200);
	});

	test('an unknown entity set is a 404', async () => {
		const res = await t.api('GET', 'crm/Acounts');
		expect(res.status).toBe(404);
	});
});
