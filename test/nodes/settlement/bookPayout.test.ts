/**
 * Shopify Payouts → Get Paid Payouts against the Shopify sandbox, then Exact Online Bank Entry →
 * Book Payout and Reconcile Payouts against the Exact sandbox, on orders imported and invoiced by
 * the order flow (Sales Order → Invoice Order processes the invoices to status 50).
 */
import type { ShopifySandbox } from '../../../sandbox/shopify';
import { ExactOnlineBankEntry } from '../../../nodes/ExactOnline/BankEntry/ExactOnlineBankEntry.node';
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import { ShopifyPayouts } from '../../../nodes/ShopifyPayouts/ShopifyPayouts.node';
import { admin } from '../../helpers/exactSandbox';
import { runNode } from '../../helpers/harness';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { importOrder, order } from '../salesOrder/lifecycleKit';
import type { Rec } from '../salesOrder/lifecycleKit';
import { addShopifyCredential, shopAdmin, startShop } from '../shopifyInventory/shopifyFixture';

const bank = new ExactOnlineBankEntry();
const payoutsNode = new ShopifyPayouts();
const salesOrder = new ExactOnlineSalesOrder();

const BOOK = {
	operation: 'bookPayout',
	journal: 'SPAY',
	receivablesGlAccount: '1300',
	feesGlAccount: '4940',
	adjustmentsGlAccount: '4945',
	disputesGlAccount: '4945',
	reservesGlAccount: '1310',
	transferGlAccount: '1190',
};

const money = (n: number) => n.toFixed(2);

describe('Settlement: Shopify payouts become Exact bank entries that settle the invoices', () => {
	let kit: Kit;
	let shop: ShopifySandbox;
	const invoices = new Map<string, Rec>();
	const shopOrderIds = new Map<string, string>();

	beforeAll(async () => {
		kit = await startKit();
		shop = await startShop();
		addShopifyCredential(kit.credentials, shop);
		for (const number of [7301, 7302, 7303]) {
			const shopify = order(number);
			await importOrder(kit, shopify);
			const run = await kit.run(salesOrder, { operation: 'invoiceFromOrder' }, [shopify]);
			expect(run.error).toBeUndefined();
			const invoice = (await kit.state<Rec>('salesinvoice/SalesInvoices')).find(
				(i) => i.YourRef === shopify.name,
			) as Rec;
			expect(invoice.Status).toBe(50);
			invoices.set(shopify.name, invoice);
			const { orders } = await shopAdmin(shop, 'POST', 'orders', { orders: [shopify], topics: [] });
			shopOrderIds.set(shopify.name, String(orders?.[0]?.id ?? shopify.id));
		}
		// a credit note for part of #7301, as the refunds template books it
		const first = invoices.get('#7301') as Rec;
		const [item] = await kit.state<Rec>('logistics/Items');
		await kit.seed('salesinvoice/SalesInvoices', [
			{
				Journal: '70',
				OrderedBy: first.OrderedBy,
				Type: 8021,
				Status: 50,
				YourRef: '#7301',
				Description: 'Shopify refund 1 of #7301',
				SalesInvoiceLines: [{ Item: item.ID, Quantity: -1, UnitPrice: 10, VATCode: 'V21' }],
			},
		]);
	});
	afterAll(async () => {
		await shop.close();
		await kit.close();
	});

	const amountOf = (name: string) => Number((invoices.get(name) as Rec).AmountDC);
	const open = async () =>
		(await kit.state<Rec>('read/financial/ReceivablesList').catch(() => [])) as Rec[];
	const readPayouts = async (staticData = {}) => {
		const run = await runNode({
			node: payoutsNode,
			parameters: { operation: 'getPaidPayouts', since: 'lastRun', firstRunDays: 3650 },
			credentials: kit.credentials,
			staticData,
		});
		expect(run.error).toBeUndefined();
		return run;
	};

	it('reads paid payouts with their transactions, and books each once as a balanced bank entry', async () => {
		const credit = (await kit.state<Rec>('salesinvoice/SalesInvoices')).find(
			(i) => i.Type === 8021,
		) as Rec;
		const c1 = amountOf('#7301');
		const c2 = amountOf('#7302');
		await shopAdmin(shop, 'POST', 'payouts', {
			payouts: [
				{
					id: 910001,
					issuedAt: '2026-11-02T06:00:00Z',
					transactions: [
						{ type: 'CHARGE', amount: money(c1), fee: '1.95', orderId: shopOrderIds.get('#7301') },
						{ type: 'CHARGE', amount: money(c2), fee: '0.85', orderId: shopOrderIds.get('#7302') },
						{
							type: 'REFUND',
							amount: money(Number(credit.AmountDC)),
							orderId: shopOrderIds.get('#7301'),
						},
						{ type: 'ADJUSTMENT', amount: '-2.50', adjustmentReason: 'chargeback_fee' },
					],
				},
				{
					id: 910002,
					status: 'SCHEDULED',
					issuedAt: '2026-11-05T06:00:00Z',
					transactions: [
						{
							type: 'CHARGE',
							amount: money(amountOf('#7303')),
							orderId: shopOrderIds.get('#7303'),
						},
					],
				},
			],
		});
		const staticData = {};
		const read = await readPayouts(staticData);
		expect(read.items.map((i) => i.json.legacyId)).toEqual(['910001']);
		const payout = read.items[0].json as Rec;
		expect(payout.transactions.map((t: Rec) => t.type)).toEqual([
			'CHARGE',
			'CHARGE',
			'REFUND',
			'ADJUSTMENT',
			'TRANSFER',
		]);
		expect(Object.values(read.staticData)).toEqual([{ lastIssuedAt: '2026-11-02T06:00:00Z' }]);

		const book = await kit.run(bank, BOOK, read.items);
		expect(book.error).toBeUndefined();
		const out = book.items[0].json as Rec;
		expect(out).toMatchObject({
			action: 'created',
			payout: '910001',
			journal: 'SPAY',
			warnings: [],
		});
		const net = Math.round((c1 + c2 - 1.95 - 0.85 + Number(credit.AmountDC) - 2.5) * 100) / 100;
		expect(out.net).toBe(money(net));
		const entries = await kit.state<Rec>('financialtransaction/BankEntries');
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			JournalCode: 'SPAY',
			OpeningBalanceFC: 0,
			ClosingBalanceFC: 0,
		});
		const lines = (await kit.state<Rec>('financialtransaction/BankEntryLines')).filter(
			(l) => l.EntryID === entries[0].EntryID,
		);
		const nonPayout = lines.filter((l) => !String(l.Description).includes('paid out'));
		expect(Math.round(nonPayout.reduce((s, l) => s + l.AmountFC, 0) * 100) / 100).toBe(net);
		expect(
			lines
				.filter((l) => l.OurRef)
				.map((l) => l.OurRef)
				.sort(),
		).toEqual(
			[
				invoices.get('#7301')?.InvoiceNumber,
				invoices.get('#7302')?.InvoiceNumber,
				credit.InvoiceNumber,
			].sort(),
		);
		const stillOpen = (await open()).map((r) => r.InvoiceNumber);
		expect(stillOpen).not.toContain(invoices.get('#7301')?.InvoiceNumber);
		expect(stillOpen).not.toContain(invoices.get('#7302')?.InvoiceNumber);
		expect(stillOpen).not.toContain(credit.InvoiceNumber);
		expect(stillOpen).toContain(invoices.get('#7303')?.InvoiceNumber);

		// read again (the overlap): the same payout comes back and is found, not booked twice
		const again = await readPayouts(staticData);
		expect(again.items.map((i) => i.json.legacyId)).toEqual(['910001']);
		await kit.clearCalls();
		const second = await kit.run(bank, BOOK, again.items);
		expect(second.items[0].json).toMatchObject({ action: 'existing', entryId: entries[0].EntryID });
		expect(await kit.calls('financialtransaction/BankEntries', 'POST')).toHaveLength(0);
		expect(await kit.state<Rec>('financialtransaction/BankEntries')).toHaveLength(1);

		const reconcile = await kit.run(bank, { operation: 'reconcile' }, again.items);
		expect(reconcile.items[0].json).toMatchObject({
			paidButOpen: [],
			withoutInvoice: [],
			difference: '0.00',
		});
	});

	it('an answer lost after Exact stored the entry: found by its key, one entry', async () => {
		await shopAdmin(shop, 'PUT', 'payouts/910002', { status: 'PAID' });
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/financialtransaction/BankEntries`,
			dropResponse: true,
		});
		const read = await readPayouts();
		const fresh = read.items.filter((i) => i.json.legacyId === '910002');
		const book = await kit.run(bank, { ...BOOK, transferGlAccount: '' }, fresh);
		expect(book.error).toBeUndefined();
		expect(book.items[0].json).toMatchObject({ action: 'created', payout: '910002' });
		const entries = (await kit.state<Rec>('financialtransaction/BankEntries')).sort(
			(a, b) => a.EntryNumber - b.EntryNumber,
		);
		expect(entries).toHaveLength(2);
		// without a payout line the clearing balance grows by the net paid out
		expect(entries[1]).toMatchObject({ OpeningBalanceFC: 0, ClosingBalanceFC: amountOf('#7303') });
	});

	it('a charge whose order has no invoice is not booked, and reconcile shows it with the difference', async () => {
		const stray = order(7399);
		const { orders } = await shopAdmin(shop, 'POST', 'orders', { orders: [stray], topics: [] });
		await shopAdmin(shop, 'POST', 'payouts', {
			payouts: [
				{
					id: 910003,
					issuedAt: '2026-11-09T06:00:00Z',
					transactions: [{ type: 'CHARGE', amount: '50.00', fee: '1.00', orderId: orders[0].id }],
				},
			],
		});
		const read = await readPayouts();
		const item = read.items.filter((i) => i.json.legacyId === '910003');
		const book = await kit.run(bank, BOOK, item, { continueOnFail: true });
		expect(book.items[0].json.error).toMatch(
			/Payout 910003 is not booked: CHARGE \d+ of order #7399 \(50.00\) has no processed Exact invoice with YourRef #7399/,
		);
		const reconcile = await kit.run(bank, { operation: 'reconcile' }, item);
		expect(reconcile.items[0].json).toMatchObject({
			paidButOpen: [],
			withoutInvoice: [expect.objectContaining({ orderName: '#7399', amount: '50.00' })],
			difference: '50.00',
		});
	});
	it('an invoice in US dollars paid out in euros: the exchange difference goes to the chosen account and the invoice closes', async () => {
		const first = invoices.get('#7301') as Rec;
		const [item] = await kit.state<Rec>('logistics/Items');
		const [usd] = await kit.seed('salesinvoice/SalesInvoices', [
			{
				Journal: '70',
				OrderedBy: first.OrderedBy,
				Currency: 'USD',
				Status: 50,
				YourRef: '#7310',
				SalesInvoiceLines: [{ Item: item.ID, Quantity: 1, UnitPrice: 100, VATCode: 'V21' }],
			},
		]);
		// 121.00 USD at Exact's rate 0.92 = 111.32 EUR; Shopify paid out 112.00 EUR
		expect(usd).toMatchObject({ AmountFC: 121, AmountDC: 111.32 });
		const shopify = { ...order(7310), name: '#7310' };
		const { orders } = await shopAdmin(shop, 'POST', 'orders', { orders: [shopify], topics: [] });
		await shopAdmin(shop, 'POST', 'payouts', {
			payouts: [
				{
					id: 910004,
					issuedAt: '2026-11-10T06:00:00Z',
					transactions: [{ type: 'CHARGE', amount: '112.00', fee: '2.00', orderId: orders[0].id }],
				},
			],
		});
		const item4 = (await readPayouts()).items.filter((i) => i.json.legacyId === '910004');
		const book = await kit.run(bank, { ...BOOK, options: { exchangeGlAccount: '4950' } }, item4);
		expect(book.error).toBeUndefined();
		const out = book.items[0].json as Rec;
		expect(out.lines.map((l: Rec) => [l.kind, l.AmountFC])).toEqual([
			['charge', 111.32],
			['exchangeDifference', 0.68],
			['fee', -2],
			['payout', -110],
		]);
		expect((await open()).map((r) => r.InvoiceNumber)).not.toContain(usd.InvoiceNumber);
		const withoutAccount = await kit.run(bank, BOOK, item4);
		expect(withoutAccount.items[0].json).toMatchObject({ action: 'existing' });
	});
});
