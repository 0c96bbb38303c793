import { openSandbox, q, seed, TestSandbox } from './helpers';

describe('salesinvoice/SalesInvoices and SalesInvoiceLines', () => {
	let t: TestSandbox;
	let account: { ID: string };
	let item: { ID: string };
	beforeAll(async () => {
		t = await openSandbox();
		[account] = await seed(t, 'crm/Accounts', [{ Name: 'Refund BV', Status: 'C' }]);
		[item] = await seed(t, 'logistics/Items', [
			{ Code: 'INV-1', Description: 'Invoiced thing', StandardSalesPrice: 40 },
		]);
	});
	afterAll(() => t.close());

	const post = (body: Record<string, unknown>) =>
		t.api('POST', 'salesinvoice/SalesInvoices', { body, prefer: true });
	const invoice = (lines: unknown[], extra: Record<string, unknown> = {}) =>
		post({ Journal: '70', OrderedBy: account.ID, SalesInvoiceLines: lines, ...extra });
	const linesOf = async (id: string) =>
		(
			await t.api(
				'GET',
				`salesinvoice/SalesInvoiceLines?$filter=${q(`InvoiceID eq guid'${id}'`)}&$orderby=LineNumber`,
			)
		).json.d.results;

	test('a credit note with a negative quantity is booked with VAT and a number', async () => {
		const res = await invoice(
			[
				{ Item: item.ID, Quantity: -2, UnitPrice: 50, VATCode: 'V21' },
				{ Item: item.ID, Quantity: -1, UnitPrice: 10.9, VATCode: 'I9', Notes: 'shipping' },
			],
			{ Type: 8021, YourRef: 'REFUND-1001', InvoiceDate: '2026-06-25' },
		);
		expect(res.status).toBe(201);
		const d = res.json.d;
		expect(d).toMatchObject({
			Type: 8021,
			TypeDescription: 'Sales credit note',
			Journal: '70',
			JournalDescription: 'Verkoopboek',
			Status: 10,
			StatusDescription: 'Draft',
			OrderedBy: account.ID,
			OrderedByName: 'Refund BV',
			InvoiceTo: account.ID,
			Currency: 'EUR',
			InvoiceDate: '/Date(1782345600000)/',
			Division: t.div,
			// -100 excl. + -21 VAT; -10.90 incl. 9 % holds -0.90 VAT
			AmountFCExclVat: -110,
			VATAmountFC: -21.9,
			AmountFC: -131.9,
		});
		expect(d.InvoiceNumber).toBeGreaterThanOrEqual(24700001);
		expect(d.SalesInvoiceLines.__deferred.uri).toBe(`${d.__metadata.uri}/SalesInvoiceLines`);
		expect(d.__metadata.type).toBe('Exact.Web.Api.Models.SalesInvoice');
		expect(res.headers.get('location')).toBe(d.__metadata.uri);
		const lines = await linesOf(d.InvoiceID);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatchObject({
			InvoiceID: d.InvoiceID,
			LineNumber: 1,
			Item: item.ID,
			ItemCode: 'INV-1',
			ItemDescription: 'Invoiced thing',
			Description: 'Invoiced thing',
			Quantity: -2,
			UnitPrice: 50,
			AmountFC: -100,
			VATCode: 'V21',
			VATPercentage: 0.21,
			VATAmountFC: -21,
		});
		expect(lines[1]).toMatchObject({ LineNumber: 2, VATAmountFC: -0.9, Notes: 'shipping' });
		const nav = await t.api(
			'GET',
			`salesinvoice/SalesInvoices(guid'${d.InvoiceID}')/SalesInvoiceLines`,
		);
		expect(nav.json.d.results).toHaveLength(2);
	});

	test('InvoiceNumber is sequential; defaults are type 8020, item price and description', async () => {
		const a = (await invoice([{ Item: item.ID }])).json.d;
		const b = (await invoice([{ Item: item.ID, Quantity: 3 }])).json.d;
		expect(b.InvoiceNumber).toBe(a.InvoiceNumber + 1);
		expect(a).toMatchObject({ Type: 8020, TypeDescription: 'Sales invoice' });
		expect((await linesOf(b.InvoiceID))[0]).toMatchObject({
			Quantity: 3,
			UnitPrice: 40,
			AmountFC: 120,
		});
	});

	test('a credit note line with a positive amount is refused (Exact: credit amounts are negative); a negative line on an invoice is accepted', async () => {
		const refused = await invoice([{ Item: item.ID, Quantity: 1, UnitPrice: 5 }], { Type: 8021 });
		expect(refused.status).toBe(500);
		expect(JSON.stringify(refused.json)).toMatch(/credit note amounts are negative/);
		expect((await invoice([{ Item: item.ID, Quantity: -1 }], { Type: 8020 })).status).toBe(201);
	});

	test('an intra-community (ICP) line needs a VAT number on the account', async () => {
		const [consumer] = await seed(t, 'crm/Accounts', [{ Name: 'Jan Consument', Status: 'C' }]);
		const refused = await post({
			Journal: '70',
			OrderedBy: consumer.ID,
			SalesInvoiceLines: [{ Item: item.ID, Quantity: 1, UnitPrice: 10, VATCode: 'ICP' }],
		});
		expect(refused.status).toBe(500);
		expect(JSON.stringify(refused.json)).toMatch(
			/has no VAT number, which VAT code ICP \(intra-community supply\) requires/,
		);
	});

	test('a line may give AmountFC instead of UnitPrice; a direct invoice takes a Warehouse', async () => {
		const wh = await t.api('GET', `inventory/Warehouses?$filter=${q("Code eq '1'")}&$select=ID`);
		const d = (
			await invoice([{ Item: item.ID, Quantity: -4, AmountFC: -30, VATCode: '0' }], {
				Type: 8024,
				Warehouse: wh.json.d.results[0].ID,
			})
		).json.d;
		expect(d).toMatchObject({ Type: 8024, AmountFC: -30, VATAmountFC: 0 });
		expect((await linesOf(d.InvoiceID))[0]).toMatchObject({ UnitPrice: 7.5, AmountFC: -30 });
	});

	test('missing or wrong fields give an Exact error naming the field', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ Journal: undefined }, /Journal/],
			[{ Journal: '99' }, /Journal/],
			[{ Journal: '90' }, /Journal.*not a sales journal/],
			[{ OrderedBy: undefined }, /OrderedBy/],
			[{ OrderedBy: '00000000-0000-0000-0000-000000000001' }, /OrderedBy/],
			[{ SalesInvoiceLines: [] }, /SalesInvoiceLines/],
			[{ SalesInvoiceLines: undefined }, /SalesInvoiceLines/],
			[{ SalesInvoiceLines: [{ Quantity: 1 }] }, /Item/],
			[{ SalesInvoiceLines: [{ Item: '00000000-0000-0000-0000-000000000002' }] }, /Item/],
			[{ SalesInvoiceLines: [{ Item: item.ID, VATCode: 'ZZZ' }] }, /VATCode/],
			[{ Type: 8022 }, /Type/],
			[{ Type: 8023 }, /Warehouse/],
		];
		for (const [change, message] of cases) {
			const body: Record<string, unknown> = {
				Journal: '70',
				OrderedBy: account.ID,
				SalesInvoiceLines: [{ Item: item.ID }],
				...change,
			};
			const res = await post(body);
			expect(res.status).toBe(500);
			expect(res.json.error.message.value).toMatch(message);
		}
	});

	test('an unknown property is a 400 "Error processing request stream"', async () => {
		const res = await invoice([{ Item: item.ID }], { Bogus: 1 });
		expect(res.status).toBe(400);
		expect(res.json.error.message.value).toMatch(/Error processing request stream/);
	});

	test('$filter on YourRef finds the invoice; $select trims it', async () => {
		const d = (await invoice([{ Item: item.ID }], { YourRef: "O'Brien #1002" })).json.d;
		const res = await t.api(
			'GET',
			`salesinvoice/SalesInvoices?$filter=${q("YourRef eq 'O''Brien #1002'")}&$select=InvoiceID,InvoiceNumber`,
		);
		expect(res.json.d.results).toEqual([
			{ __metadata: expect.any(Object), InvoiceID: d.InvoiceID, InvoiceNumber: d.InvoiceNumber },
		]);
		const expanded = await t.api(
			'GET',
			`salesinvoice/SalesInvoices(guid'${d.InvoiceID}')?$expand=SalesInvoiceLines`,
		);
		expect(expanded.json.d.SalesInvoiceLines.results).toHaveLength(1);
	});

	test('PUT merges header fields; lines cannot be changed through it', async () => {
		const d = (await invoice([{ Item: item.ID }], { YourRef: 'PUT-1' })).json.d;
		const url = `salesinvoice/SalesInvoices(guid'${d.InvoiceID}')`;
		expect((await t.api('PUT', url, { body: { Description: 'Changed' } })).status).toBe(204);
		expect((await t.api('GET', url)).json.d).toMatchObject({
			Description: 'Changed',
			YourRef: 'PUT-1',
		});
		const lines = await t.api('PUT', url, { body: { SalesInvoiceLines: [{ Item: item.ID }] } });
		expect(lines.status).toBe(500);
		expect((await t.api('PUT', url, { body: { Journal: '90' } })).status).toBe(500);
	});

	test('DELETE removes the invoice and its lines and logs it for sync/Deleted', async () => {
		const d = (await invoice([{ Item: item.ID }])).json.d;
		const url = `salesinvoice/SalesInvoices(guid'${d.InvoiceID}')`;
		expect((await t.api('DELETE', url)).status).toBe(204);
		expect((await t.api('GET', url)).status).toBe(404);
		expect(await linesOf(d.InvoiceID)).toHaveLength(0);
		const deleted = await t.api(
			'GET',
			`sync/Deleted?$filter=${q('Timestamp gt 0L and EntityType eq 13')}&$select=EntityKey`,
		);
		expect(deleted.json.d.results.map((r: { EntityKey: string }) => r.EntityKey)).toContain(
			d.InvoiceID,
		);
	});

	test('an account or item used in an invoice cannot be deleted', async () => {
		await invoice([{ Item: item.ID }]);
		expect((await t.api('DELETE', `crm/Accounts(guid'${account.ID}')`)).status).toBe(500);
		expect((await t.api('DELETE', `logistics/Items(guid'${item.ID}')`)).status).toBe(500);
	});
});
