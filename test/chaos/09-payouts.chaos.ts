/**
 * Scenario 9, payouts: 20 Shopify payouts (two charges each, with fees) are booked as Exact bank
 * entries while a third of the bank entry POSTs lose their answer after Exact stored the entry, and
 * some calls answer 503. Payouts that fail are booked again, as a merchant retries a failed run.
 * Every payout ends in Exact as exactly one entry, and every invoice it paid is settled once.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { ExactOnlineBankEntry } from '../../nodes/ExactOnline/BankEntry/ExactOnlineBankEntry.node';
import type { PayoutJson } from '../../nodes/core/settlement';
import { runNode } from '../helpers/harness';
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { recordOutput } from './support/collect';
import { expectNoLeaks, writeRow } from './support/scenario';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let env: ChaosEnv;
const started = Date.now();
const PAYOUTS = 20;
const BATCH = 5;
const node = new ExactOnlineBankEntry();

beforeAll(async () => {
	env = await startChaosEnv();
});

afterAll(async () => {
	await env.close();
});

const PARAMS = {
	operation: 'bookPayout',
	journal: 'SPAY',
	receivablesGlAccount: '1300',
	feesGlAccount: '4940',
	adjustmentsGlAccount: '4945',
	disputesGlAccount: '4945',
	reservesGlAccount: '1310',
	transferGlAccount: '1190',
};

async function book(payouts: PayoutJson[]): Promise<Row[]> {
	const out: Row[] = [];
	for (let i = 0; i < payouts.length; i += BATCH) {
		const result = await runNode({
			node,
			parameters: {
				division: { __rl: true, mode: 'id', value: String(env.division) },
				...PARAMS,
			},
			items: payouts.slice(i, i + BATCH) as unknown as object[],
			credentials: env.store,
			continueOnFail: true,
		});
		out.push(...result.items.map((item: INodeExecutionData) => item.json as Row));
		if (result.error) recordOutput('payout-run-error', result.error.message);
	}
	return out;
}

describe('scenario 9: a payout booked while Exact loses answers', () => {
	it('books 20 payouts as exactly 20 bank entries through answers lost after commit and 503s', async () => {
		const [account] = (
			await env.admin('POST', 'records/crm/Accounts', [{ Name: 'Payout Chaos BV', Status: 'C' }])
		).records;
		const [item] = (
			await env.admin('POST', 'records/logistics/Items', [
				{ Code: 'PAYOUT-CHAOS', Description: 'Chaos item' },
			])
		).records;
		const invoices: Row[] = (
			await env.admin(
				'POST',
				'records/salesinvoice/SalesInvoices',
				Array.from({ length: PAYOUTS * 2 }, (_, n) => ({
					Journal: '70',
					OrderedBy: account.ID,
					YourRef: `#P${9001 + n}`,
					Status: 50,
					SalesInvoiceLines: [{ Item: item.ID, Quantity: 1, UnitPrice: 10 + n, VATCode: 'V21' }],
				})),
			)
		).records;
		const payouts: PayoutJson[] = Array.from({ length: PAYOUTS }, (_, p) => {
			const pair = [invoices[2 * p], invoices[2 * p + 1]];
			const charges = pair.map((inv, k) => {
				const amount = Number(inv.AmountDC);
				return {
					id: String(70_000 + 2 * p + k),
					type: 'CHARGE',
					amount: amount.toFixed(2),
					fee: '0.50',
					net: (amount - 0.5).toFixed(2),
					orderId: null,
					orderName: String(inv.YourRef),
					adjustmentReason: null,
					test: false,
					transactionDate: null,
				};
			});
			const net = charges.reduce((s, c) => s + Math.round(Number(c.net) * 100), 0);
			return {
				payoutId: `gid://shopify/ShopifyPaymentsPayout/${930_001 + p}`,
				legacyId: String(930_001 + p),
				status: 'PAID',
				issuedAt: '2026-11-10T06:00:00Z',
				currency: 'EUR',
				net: (net / 100).toFixed(2),
				transactions: charges,
			};
		});

		const many = 1_000_000;
		const pathPrefix = `/api/v1/${env.division}/financialtransaction/`;
		await env.admin('POST', 'faults', [
			{
				method: 'POST',
				pathPrefix: `${pathPrefix}BankEntries`,
				dropResponse: true,
				probability: 0.35,
				count: many,
			},
			{ pathPrefix, status: 503, probability: 0.05, count: many },
		]);
		const first = await book(payouts);
		const failedFirst = first.filter((o) => o.error).map((o) => String(o.legacyId));
		const retried = await book(payouts.filter((p) => failedFirst.includes(p.legacyId)));
		await env.admin('DELETE', 'faults');

		const log = (
			await env.admin<{ calls: Array<{ fault?: string; path?: string; method?: string }> }>(
				'GET',
				'calls',
			)
		).calls;
		const drops = log.filter((c) => c.fault === 'dropResponse').length;
		expect(drops).toBeGreaterThan(2);

		const lines: Row[] = (
			await env.admin('GET', `state/financialtransaction/BankEntryLines?division=${env.division}`)
		).records;
		const entriesOf = new Map<string, Set<string>>();
		for (const line of lines) {
			const key = /^Shopify payout (\d+) ·/.exec(String(line.Description))?.[1];
			if (!key) continue;
			entriesOf.set(key, (entriesOf.get(key) ?? new Set()).add(String(line.EntryID)));
		}
		const duplicated = [...entriesOf.values()].filter((s) => s.size > 1).length;
		const lost = payouts.filter((p) => !entriesOf.has(p.legacyId)).map((p) => p.legacyId);
		const open: Row[] = (
			await env.admin('GET', `state/read/financial/ReceivablesList?division=${env.division}`)
		).records;
		const stillOpen = open.filter((r) => invoices.some((i) => i.InvoiceNumber === r.InvoiceNumber));
		const finalErrors = retried.filter((o) => o.error);
		writeRow(
			'9 payouts',
			{
				orders: PAYOUTS,
				imported: entriesOf.size,
				failed: finalErrors.length,
				reasons: [...new Set(finalErrors.map((o) => String(o.error)))],
				duplicates: duplicated,
				lost: lost.length,
			} as never,
			started,
			`payouts, not orders: ${drops} bank entry answers dropped after commit; ${failedFirst.length} payouts failed the first run and were booked again; ${stillOpen.length} paid invoices still open`,
			failedFirst.length,
		);
		expect(duplicated).toBe(0);
		expect(lost).toEqual([]);
		expect(finalErrors).toEqual([]);
		expect(stillOpen).toEqual([]);
		expect(
			[...first, ...retried]
				.filter((o) => !o.error)
				.every((o) => ['created', 'existing'].includes(o.action)),
		).toBe(true);
		expectNoLeaks(env);
	});
});
