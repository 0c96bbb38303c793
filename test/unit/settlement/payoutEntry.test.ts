import {
	draftPayoutEntry,
	payoutJsonFromGraphql,
	readPayout,
	reconcilePayouts,
	type ExactDocument,
	type PayoutJson,
	type SettlementAccounts,
} from '../../../nodes/core/settlement';

const ACCOUNTS: SettlementAccounts = {
	receivables: 'gl-1300',
	fees: 'gl-4940',
	adjustments: 'gl-4945a',
	disputes: 'gl-4945',
	reserves: 'gl-1310',
	transfer: 'gl-1190',
	unmatched: null,
	exchangeDifference: null,
};

function payoutJson(overrides: Partial<PayoutJson> = {}): PayoutJson {
	return {
		payoutId: 'gid://shopify/ShopifyPaymentsPayout/900001',
		legacyId: '900001',
		status: 'PAID',
		issuedAt: '2026-11-02T06:00:00Z',
		currency: 'EUR',
		net: '97.45',
		transactions: [
			{
				id: '1',
				type: 'CHARGE',
				amount: '121.00',
				fee: '2.05',
				net: '118.95',
				orderId: 'o1',
				orderName: '#1001',
				adjustmentReason: null,
				test: false,
				transactionDate: null,
			},
			{
				id: '2',
				type: 'REFUND',
				amount: '-20.00',
				fee: '0.00',
				net: '-20.00',
				orderId: 'o1',
				orderName: '#1001',
				adjustmentReason: null,
				test: false,
				transactionDate: null,
			},
			{
				id: '3',
				type: 'ADJUSTMENT',
				amount: '-1.50',
				fee: '0.00',
				net: '-1.50',
				orderId: null,
				orderName: null,
				adjustmentReason: 'chargeback_fee',
				test: false,
				transactionDate: null,
			},
			{
				id: '4',
				type: 'TRANSFER',
				amount: '-97.45',
				fee: '0.00',
				net: '-97.45',
				orderId: null,
				orderName: null,
				adjustmentReason: null,
				test: false,
				transactionDate: null,
			},
		],
		...overrides,
	};
}

const doc = (
	invoiceNumber: number,
	type: number,
	amountDcCents: number,
	extra: Partial<ExactDocument> = {},
): ExactDocument => ({
	invoiceNumber,
	account: 'acc-1',
	type,
	amountDcCents,
	currency: 'EUR',
	status: 50,
	yourRef: '#1001',
	...extra,
});

const DOCS = new Map([['#1001', [doc(24700001, 8020, 12100), doc(24700002, 8021, -2000)]]]);

function draft(json = payoutJson(), documents = DOCS, accounts = ACCOUNTS) {
	return draftPayoutEntry({
		payout: readPayout(json),
		journal: 'SPAY',
		divisionCurrency: 'EUR',
		documents,
		orderReferencePrefix: '',
		accounts,
	});
}

describe('settlement: a payout becomes one bank entry', () => {
	test('charge settles the invoice, refund the credit note, fees and adjustments on their accounts, the payout on the transfer account', () => {
		const entry = draft();
		expect(
			entry.lines.map((l) => [
				l.kind,
				l.GLAccount,
				l.Account ?? null,
				l.OurRef ?? null,
				l.AmountFC,
			]),
		).toEqual([
			['charge', 'gl-1300', 'acc-1', 24700001, 121],
			['fee', 'gl-4940', null, null, -2.05],
			['refund', 'gl-1300', 'acc-1', 24700002, -20],
			['adjustment', 'gl-4945a', null, null, -1.5],
			['payout', 'gl-1190', null, null, -97.45],
		]);
		expect(entry.bookedCents).toBe(9745);
		expect(entry.lines.every((l) => l.Description.startsWith('Shopify payout 900001 ·'))).toBe(
			true,
		);
		expect(entry.lines.every((l) => l.Description.length <= 60 && l.Date === '2026-11-02')).toBe(
			true,
		);
		expect(entry.settled.map((s) => s.invoiceNumber)).toEqual([24700001, 24700002]);
		expect(entry.warnings).toEqual([]);
	});

	test('without a transfer account the lines add up to the net paid out (the journal is the bank account)', () => {
		const entry = draft(payoutJson(), DOCS, { ...ACCOUNTS, transfer: null });
		const sum = entry.lines.reduce((s, l) => s + Math.round(l.AmountFC * 100), 0);
		expect(sum).toBe(9745);
		expect(entry.lines.some((l) => l.kind === 'payout')).toBe(false);
	});

	test('disputes and reserves go to their own accounts', () => {
		const json = payoutJson({
			net: '90.00',
			transactions: [
				{ ...payoutJson().transactions[0], amount: '100.00', fee: '0.00', net: '100.00' },
				{
					id: '5',
					type: 'DISPUTE_WITHDRAWAL',
					amount: '-6.00',
					fee: '0.00',
					net: '-6.00',
					orderId: null,
					orderName: '#1001',
					adjustmentReason: null,
					test: false,
					transactionDate: null,
				},
				{
					id: '6',
					type: 'RESERVED_FUNDS',
					amount: '-4.00',
					fee: '0.00',
					net: '-4.00',
					orderId: null,
					orderName: null,
					adjustmentReason: null,
					test: false,
					transactionDate: null,
				},
			],
		});
		const entry = draft(json, new Map([['#1001', [doc(1, 8020, 10000)]]]));
		expect(entry.lines.map((l) => [l.kind, l.GLAccount, l.AmountFC])).toEqual([
			['charge', 'gl-1300', 100],
			['dispute', 'gl-4945', -6],
			['reserve', 'gl-1310', -4],
			['payout', 'gl-1190', -90],
		]);
	});

	test('a charge without a processed invoice stops the payout, naming the order; with an unmatched account it is booked there', () => {
		expect(() => draft(payoutJson(), new Map())).toThrow(
			/Payout 900001 is not booked: CHARGE 1 of order #1001 \(121.00\) has no processed Exact invoice with YourRef #1001/,
		);
		const draftInvoice = new Map([
			['#1001', [doc(24700001, 8020, 12100, { status: 20 }), doc(24700002, 8021, -2000)]],
		]);
		expect(() => draft(payoutJson(), draftInvoice)).toThrow(/no processed Exact invoice/);
		const entry = draft(payoutJson(), new Map(), { ...ACCOUNTS, unmatched: 'gl-2990' });
		expect(
			entry.lines.filter((l) => l.kind === 'unmatched').map((l) => [l.GLAccount, l.AmountFC]),
		).toEqual([
			['gl-2990', 121],
			['gl-2990', -20],
		]);
		expect(entry.unmatched.map((u) => u.transactionId)).toEqual(['1', '2']);
	});

	test('transactions that do not add up to the payout net are refused', () => {
		expect(() => draft(payoutJson({ net: '99.00' }))).toThrow(
			/add up to 97.45 but Shopify paid out 99.00/,
		);
	});

	test('only paid payouts in the division currency are booked', () => {
		expect(() => draft(payoutJson({ status: 'SCHEDULED' }))).toThrow(/status SCHEDULED/);
		expect(() => draft(payoutJson({ currency: 'USD' }))).toThrow(
			/in USD, the Exact division books in EUR/,
		);
	});

	test('an invoice in another currency: the exchange difference goes to the chosen account, or stays open with a warning', () => {
		const usd = new Map([
			['#1001', [doc(24700001, 8020, 11900, { currency: 'USD' }), doc(24700002, 8021, -2000)]],
		]);
		const entry = draft(payoutJson(), usd, { ...ACCOUNTS, exchangeDifference: 'gl-4950' });
		expect(entry.lines.slice(0, 2).map((l) => [l.kind, l.GLAccount, l.AmountFC])).toEqual([
			['charge', 'gl-1300', 119],
			['exchangeDifference', 'gl-4950', 2],
		]);
		const open = draft(payoutJson(), usd);
		expect(open.lines[0].AmountFC).toBe(121);
		expect(open.warnings[0]).toMatch(
			/Invoice 24700001 \(USD\) is 119.00 EUR in Exact and Shopify paid 121.00/,
		);
	});

	test('the order reference prefix is part of the invoice YourRef', () => {
		const entry = draftPayoutEntry({
			payout: readPayout(payoutJson()),
			journal: 'SPAY',
			divisionCurrency: 'EUR',
			documents: new Map([['NL-#1001', [doc(7, 8020, 12100), doc(8, 8021, -2000)]]]),
			orderReferencePrefix: 'NL-',
			accounts: ACCOUNTS,
		});
		expect(entry.settled.map((s) => s.invoiceNumber)).toEqual([7, 8]);
	});

	test('bad amounts name the payout and the transaction', () => {
		const json = payoutJson();
		json.transactions[0].net = '100.00';
		expect(() => readPayout(json)).toThrow(
			/Payout 900001: transaction 1: net 100.00 is not amount 121.00 − fee 2.05/,
		);
		expect(() => readPayout({ transactions: [] })).toThrow(/not a Shopify payout/);
	});

	test('GraphQL nodes become the payout item JSON', () => {
		const json = payoutJsonFromGraphql(
			{
				id: 'gid://shopify/ShopifyPaymentsPayout/5',
				legacyResourceId: '5',
				status: 'PAID',
				issuedAt: '2026-11-02T06:00:00Z',
				net: { amount: '9.60', currencyCode: 'EUR' },
			},
			[
				{
					id: 'gid://shopify/ShopifyPaymentsBalanceTransaction/77',
					type: 'CHARGE',
					amount: { amount: '10.00', currencyCode: 'EUR' },
					fee: { amount: '0.40', currencyCode: 'EUR' },
					net: { amount: '9.60', currencyCode: 'EUR' },
					associatedOrder: { id: 'gid://shopify/Order/1', name: '#1001' },
				},
			],
		);
		expect(json).toMatchObject({
			legacyId: '5',
			net: '9.60',
			transactions: [{ id: '77', orderName: '#1001', fee: '0.40' }],
		});
		expect(readPayout(json).netCents).toBe(960);
	});
});

describe('settlement: reconcile', () => {
	test('lists paid orders whose document is still open, transactions without a document, and the difference', () => {
		const payout = readPayout(
			payoutJson({
				net: '107.45',
				transactions: [
					...payoutJson().transactions.slice(0, 3),
					{
						id: '9',
						type: 'CHARGE',
						amount: '10.00',
						fee: '0.00',
						net: '10.00',
						orderId: null,
						orderName: '#1002',
						adjustmentReason: null,
						test: false,
						transactionDate: null,
					},
				],
			}),
		);
		const report = reconcilePayouts(
			[payout],
			DOCS,
			[{ invoiceNumber: 24700001, amountCents: 500 }],
			'',
		);
		expect(report.paidButOpen).toEqual([
			expect.objectContaining({
				invoiceNumber: 24700001,
				orderName: '#1001',
				paid: '121.00',
				open: '5.00',
			}),
		]);
		expect(report.withoutInvoice).toEqual([
			expect.objectContaining({ transactionId: '9', orderName: '#1002', amount: '10.00' }),
		]);
		expect(report.difference).toBe('15.00');
	});

	test('is empty when every document is settled', () => {
		const report = reconcilePayouts([readPayout(payoutJson())], DOCS, [], '');
		expect(report).toMatchObject({ paidButOpen: [], withoutInvoice: [], difference: '0.00' });
	});
});
