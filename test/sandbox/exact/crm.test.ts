import { openSandbox, q, TestSandbox } from './helpers';

describe('crm/Accounts, Contacts and Addresses', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await openSandbox();
	});
	afterAll(() => t.close());

	const create = async (path: string, body: unknown) => t.api('POST', path, { body, prefer: true });

	test('Code is stored as an 18-character right-aligned string; filters must use the padding or trim()', async () => {
		const res = await create('crm/Accounts', { Name: 'Padded BV', Code: '25' });
		expect(res.status).toBe(201);
		expect(res.json.d.Code).toBe('                25');
		expect(res.json.d.Code).toHaveLength(18);
		const plain = await t.api('GET', `crm/Accounts?$filter=${q("Code eq '25'")}&$select=ID`);
		expect(plain.json.d.results).toHaveLength(0);
		const padded = await t.api(
			'GET',
			`crm/Accounts?$filter=${q("Code eq '                25'")}&$select=ID`,
		);
		expect(padded.json.d.results).toHaveLength(1);
		const trimmed = await t.api(
			'GET',
			`crm/Accounts?$filter=${q("trim(Code) eq '25'")}&$select=ID`,
		);
		expect(trimmed.json.d.results).toHaveLength(1);
	});

	test('Code is assigned as highest numeric code + 1 when omitted', async () => {
		await create('crm/Accounts', { Name: 'High BV', Code: '4000' });
		const res = await create('crm/Accounts', { Name: 'Auto BV' });
		expect(res.json.d.Code).toBe('4001'.padStart(18, ' '));
		const next = await create('crm/Accounts', { Name: 'Next BV' });
		expect(next.json.d.Code).toBe('4002'.padStart(18, ' '));
	});

	test('a duplicate Code is a 500', async () => {
		await create('crm/Accounts', { Name: 'Dup 1', Code: '777' });
		const res = await create('crm/Accounts', { Name: 'Dup 2', Code: '777' });
		expect(res.status).toBe(500);
		expect(res.json.error.message.value).toMatch(/777/);
	});

	test('Status must be A, S, P or C; C makes IsSales true', async () => {
		expect((await create('crm/Accounts', { Name: 'S', Status: 'X' })).status).toBe(500);
		const res = await create('crm/Accounts', {
			Name: 'Klant',
			Status: 'C',
			VATNumber: 'NL123',
			Email: 'k@x.nl',
		});
		expect(res.json.d.Status).toBe('C');
		expect(res.json.d.IsSales).toBe(true);
		expect(res.json.d.VATNumber).toBe('NL123');
		expect(res.json.d.Blocked).toBe(false);
	});

	test('contacts need an existing account and a first or last name; the first one becomes main contact', async () => {
		const account = (await create('crm/Accounts', { Name: 'Contact BV' })).json.d;
		expect((await create('crm/Contacts', { Account: account.ID, Email: 'x@y.nl' })).status).toBe(
			500,
		);
		expect((await create('crm/Contacts', { LastName: 'Loos' })).status).toBe(500);
		const first = await create('crm/Contacts', {
			Account: account.ID,
			LastName: 'Jansen',
			FirstName: 'Piet',
		});
		expect(first.status).toBe(201);
		expect(first.json.d.FullName).toBe('Piet Jansen');
		expect(first.json.d.IsMainContact).toBe(true);
		const second = await create('crm/Contacts', { Account: account.ID, LastName: 'Bakker' });
		expect(second.json.d.IsMainContact).toBe(false);
		const reread = await t.api('GET', `crm/Accounts(guid'${account.ID}')?$select=MainContact`);
		expect(reread.json.d.MainContact).toBe(first.json.d.ID);
	});

	test('addresses take Type 1-4; delivery addresses (4) belong to the account; one main per type', async () => {
		const account = (await create('crm/Accounts', { Name: 'Adres BV' })).json.d;
		const bad = await create('crm/Addresses', { Account: account.ID, Type: 5, AddressLine1: 'x' });
		expect(bad.status).toBe(500);
		const a = await create('crm/Addresses', {
			Account: account.ID,
			Type: 4,
			AddressLine1: 'Straat 1',
			City: 'Ede',
			Country: 'nl',
		});
		expect(a.json.d.Main).toBe(true);
		expect(a.json.d.Country).toBe('NL');
		const b = await create('crm/Addresses', {
			Account: account.ID,
			Type: 4,
			AddressLine1: 'Straat 2',
			Main: true,
		});
		expect(b.json.d.Main).toBe(true);
		const list = await t.api(
			'GET',
			`crm/Addresses?$filter=${q(`Account eq guid'${account.ID}' and Type eq 4`)}&$select=ID,Main`,
		);
		const mains = list.json.d.results.filter((r: { Main: boolean }) => r.Main);
		expect(mains.map((r: { ID: string }) => r.ID)).toEqual([b.json.d.ID]);
	});

	test("the account's own address fields appear as its main visit address (Type 1)", async () => {
		const account = (
			await create('crm/Accounts', {
				Name: 'Bezoek BV',
				AddressLine1: 'Markt 1',
				City: 'Delft',
				Country: 'NL',
			})
		).json.d;
		const list = await t.api('GET', `crm/Addresses?$filter=${q(`Account eq guid'${account.ID}'`)}`);
		expect(list.json.d.results).toHaveLength(1);
		expect(list.json.d.results[0]).toMatchObject({
			Type: 1,
			Main: true,
			AddressLine1: 'Markt 1',
			City: 'Delft',
		});
	});

	test('deleting an account removes its contacts and addresses', async () => {
		const account = (await create('crm/Accounts', { Name: 'Weg BV', City: 'Ede' })).json.d;
		await create('crm/Contacts', { Account: account.ID, LastName: 'Weg' });
		expect((await t.api('DELETE', `crm/Accounts(guid'${account.ID}')`)).status).toBe(204);
		const left = await t.api('GET', `crm/Contacts?$filter=${q(`Account eq guid'${account.ID}'`)}`);
		expect(left.json.d.results).toHaveLength(0);
	});
});
