import { openSandbox, q, seed, TestSandbox } from './helpers';

describe('financialtransaction/BankEntries, BankEntryLines and read/financial/ReceivablesList', () => {
	let t: TestSandbox;
	let account: { ID: string };
	let other: { ID: string };
	let item: { ID: string };
	let gl: Record<string, string>;
	let invoice: { InvoiceNumber: number; AmountDC: number };
	let credit: { InvoiceNumber: number; AmountDC: number };
	beforeAll(async () => {
		t = await openSandbox();
		[account, other] = await seed(t, 'crm/Accounts', [
			{ Name: 'Payer BV', Status: 'C' },
			{ Name: 'Someone Else', Status: 'C' },
		]);
		[item] = await seed(t, 'logistics/Items', [{ Code: 'PAY-1', Description: 'Paid thing' }]);
		const accounts = (await t.api('GET', 'financial/GLAccounts?$select=ID,Code')).json.d.results;
		gl = Object.fromEntries(accounts.map((a: { ID: string; Code: string }) => [a.Code, a.ID]));
		[invoice, credit] = await seed(t, 'salesinvoice/SalesInvoices', [
			{
				Journal: '70',
				OrderedBy: account.ID,
				Status: 50,
				SalesInvoiceLines: [{ Item: item.ID, Quantity: 1, UnitPrice: 100, VATCode: 'V21' }],
			},
			{
				Journal: '70',
				OrderedBy: account.ID,
				Type: 8021,
				Status: 50,
				SalesInvoiceLines: [{ Item: item.ID, Quantity: -1, UnitPrice: 20, VATCode: 'V21' }],
			},
		]);
	});
	afterAll(() => t.close());

	const post = (body: Record<string, unknown>) =>
		t.api('POST', 'financialtransaction/BankEntries', { body, prefer: true });
	const open = async () =>
		(await t.api('GET', 'read/financial/ReceivablesList')).json.d.results as {
			InvoiceNumber: number | null;
			Amount: number;
			AccountId: string;
		}[];
	const message = (res: { json: { error: { message: { value: string } } } }) =>
		res.json.error.message.value;

	test('the seeded chart has the Shopify Payments bank journal and the settlement accounts', async () => {
		const journals = (await t.api('GET', `financial/Journals?$filter=${q("Code eq 'SPAY'")}`)).json
			.d.results;
		expect(journals[0]).toMatchObject({ Type: 12, TypeDescription: 'Bank', Currency: 'EUR' });
		for (const code of ['1300', '1105', '1190', '4940', '4945', '4950'])
			expect(gl[code]).toBeDefined();
	});

	test('processed invoices and credit notes are open items until a bank line with account and invoice number settles them', async () => {
		expect(invoice.AmountDC).toBe(121);
		expect(credit.AmountDC).toBe(-24.2);
		const before = await open();
		expect(before.map((r) => [r.InvoiceNumber, r.Amount])).toEqual([
			[invoice.InvoiceNumber, 121],
			[credit.InvoiceNumber, -24.2],
		]);
		const res = await post({
			JournalCode: 'SPAY',
			BankEntryLines: [
				{
					GLAccount: gl['1300'],
					Account: account.ID,
					OurRef: invoice.InvoiceNumber,
					AmountFC: 121,
					Date: '2026-11-02',
					Description: 'Shopify payout 1 · charge #1001',
				},
				{
					GLAccount: gl['1300'],
					Account: account.ID,
					OurRef: credit.InvoiceNumber,
					AmountFC: -24.2,
					Date: '2026-11-02',
				},
				{ GLAccount: gl['4940'], AmountFC: -2.05, Date: '2026-11-02' },
				{ GLAccount: gl['1190'], AmountFC: -94.75, Date: '2026-11-02' },
			],
		});
		expect(res.status).toBe(201);
		expect(res.json.d).toMatchObject({
			JournalCode: 'SPAY',
			JournalDescription: 'Shopify Payments',
			OpeningBalanceFC: 0,
			ClosingBalanceFC: 0,
			Currency: 'EUR',
			EntryNumber: 1,
		});
		expect(await open()).toEqual([]);
		const lines = (
			await t.api(
				'GET',
				`financialtransaction/BankEntryLines?$filter=${q(`EntryID eq guid'${res.json.d.EntryID}'`)}&$orderby=LineNumber`,
			)
		).json.d.results;
		expect(lines[0]).toMatchObject({
			LineNumber: 1,
			AccountName: 'Payer BV',
			GLAccountCode: '1300',
			AmountDC: 121,
			OurRef: invoice.InvoiceNumber,
			Description: 'Shopify payout 1 · charge #1001',
		});
	});

	test("an entry's opening balance is the journal's previous closing balance; lines make the closing balance", async () => {
		const wrong = await post({
			JournalCode: 'SPAY',
			OpeningBalanceFC: 10,
			BankEntryLines: [{ GLAccount: gl['1190'], AmountFC: 5 }],
		});
		expect(wrong.status).toBe(500);
		expect(message(wrong)).toContain('must be the closing balance of the previous entry');
		const badClose = await post({
			JournalCode: 'SPAY',
			ClosingBalanceFC: 6,
			BankEntryLines: [{ GLAccount: gl['1190'], AmountFC: 5 }],
		});
		expect(message(badClose)).toContain('opening balance plus the lines (5)');
		const ok = await post({
			JournalCode: 'SPAY',
			ClosingBalanceFC: 5,
			BankEntryLines: [{ GLAccount: gl['1190'], AmountFC: 5 }],
		});
		expect(ok.json.d).toMatchObject({ OpeningBalanceFC: 0, ClosingBalanceFC: 5 });
		const next = await post({
			JournalCode: 'SPAY',
			BankEntryLines: [{ GLAccount: gl['1190'], AmountFC: -5 }],
		});
		expect(next.json.d).toMatchObject({ OpeningBalanceFC: 5, ClosingBalanceFC: 0 });
		// a line POSTed to the last entry moves its closing balance; an earlier entry is refused
		const line = await t.api('POST', 'financialtransaction/BankEntryLines', {
			body: { EntryID: next.json.d.EntryID, GLAccount: gl['1190'], AmountFC: 1.5 },
			prefer: true,
		});
		expect(line.status).toBe(201);
		const after = await t.api(
			'GET',
			`financialtransaction/BankEntries(guid'${next.json.d.EntryID}')`,
		);
		expect(after.json.d.ClosingBalanceFC).toBe(1.5);
		const early = await t.api('POST', 'financialtransaction/BankEntryLines', {
			body: { EntryID: ok.json.d.EntryID, GLAccount: gl['1190'], AmountFC: 1 },
		});
		expect(message(early)).toContain('is not the last entry of journal SPAY');
		// only the last entry of a journal can be deleted
		const del = await t.api(
			'DELETE',
			`financialtransaction/BankEntries(guid'${ok.json.d.EntryID}')`,
		);
		expect(message(del)).toContain('has later entries');
		const delLast = await t.api(
			'DELETE',
			`financialtransaction/BankEntries(guid'${next.json.d.EntryID}')`,
		);
		expect(delLast.status).toBe(204);
		expect(
			(
				await t.api(
					'GET',
					`financialtransaction/BankEntryLines?$filter=${q(`EntryID eq guid'${next.json.d.EntryID}'`)}`,
				)
			).json.d.results,
		).toEqual([]);
	});

	test('strict lines: bank journal, G/L account, cents, and an invoice number only with the account of a processed invoice', async () => {
		const cases: [Record<string, unknown>, string][] = [
			[
				{ JournalCode: '70', BankEntryLines: [{ GLAccount: gl['1190'], AmountFC: 1 }] },
				'is not a bank journal',
			],
			[{ BankEntryLines: [{ GLAccount: gl['1190'], AmountFC: 1 }] }, 'Mandatory: JournalCode'],
			[{ JournalCode: 'SPAY', BankEntryLines: [] }, 'Mandatory: BankEntryLines'],
			[{ JournalCode: 'SPAY', BankEntryLines: [{ AmountFC: 1 }] }, 'Mandatory: GLAccount'],
			[
				{ JournalCode: 'SPAY', BankEntryLines: [{ GLAccount: gl['1190'], AmountFC: 1.005 }] },
				'more than 2 decimals',
			],
			[
				{
					JournalCode: 'SPAY',
					BankEntryLines: [{ GLAccount: gl['1300'], OurRef: invoice.InvoiceNumber, AmountFC: 1 }],
				},
				'needs the Account',
			],
			[
				{
					JournalCode: 'SPAY',
					BankEntryLines: [
						{
							GLAccount: gl['1300'],
							Account: other.ID,
							OurRef: invoice.InvoiceNumber,
							AmountFC: 1,
						},
					],
				},
				'is not an invoice of this account',
			],
			[
				{
					JournalCode: 'SPAY',
					BankEntryLines: [{ GLAccount: gl['1300'], Account: account.ID, OurRef: 1, AmountFC: 1 }],
				},
				'invoice 1 does not exist',
			],
		];
		for (const [body, text] of cases) {
			const res = await post(body);
			expect([res.status, message(res)]).toEqual([500, expect.stringContaining(text)]);
		}
		const put = await t.api(
			'PUT',
			`financialtransaction/BankEntries(guid'${'0'.repeat(8)}-0000-0000-0000-000000000000')`,
			{ body: {} },
		);
		expect(put.status).toBeGreaterThanOrEqual(400);
	});

	test('a payment on an account without an invoice number is an unallocated open item; the older path answers too', async () => {
		const res = await post({
			JournalCode: 'SPAY',
			BankEntryLines: [
				{ GLAccount: gl['1300'], Account: other.ID, AmountFC: 30, Description: 'no invoice' },
			],
		});
		expect(res.status).toBe(201);
		const rows = (
			await t.api('GET', `financial/ReceivablesList?$filter=${q(`AccountId eq guid'${other.ID}'`)}`)
		).json.d.results;
		expect(rows).toEqual([
			expect.objectContaining({ InvoiceNumber: null, Amount: -30, Description: 'no invoice' }),
		]);
	});
});
