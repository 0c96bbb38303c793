/**
 * Book Payout: each input item is a Shopify payout (Shopify Payouts → Get Paid Payouts) and becomes
 * one bank entry in the chosen bank journal, once. The key is looked up inside a per-payout lock,
 * so two runs of this process never both post it. Per execution: one read of the journal, one of
 * the G/L accounts (only when given as codes), one batched lookup of the paid orders' invoices and
 * credit notes; per payout: one lookup of its key, then one POST (with a writeCheck on the key, so
 * an answer lost after Exact stored the entry is found instead of booked twice).
 */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	draftPayoutEntry,
	readPayout,
	SettlementError,
	type Payout,
	type SettlementAccounts,
} from '../../../core/settlement';
import { createKeyedLock } from '../../shared/keyedLock';
import { runBatch, type BatchResult } from '../../shared/runner';
import { exactRequest, getExactCallCount, resolveDivision } from '../../shared/transport';
import {
	bankJournal,
	documentsByRef,
	findBookedEntry,
	GlAccounts,
	orderRefs,
} from './exactSettlement';

const withPayoutLock = createKeyedLock();

export const accountProperties: INodeProperties[] = [
	{
		displayName: 'Bank Journal',
		name: 'journal',
		type: 'string',
		default: 'SPAY',
		required: true,
		description:
			'Code of the Exact bank journal (Type Bank) the payouts are booked in: best a separate Shopify Payments clearing journal',
	},
	{
		displayName: 'Receivables G/L Account Name or ID',
		name: 'receivablesGlAccount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGlAccountCodes' },
		default: '',
		required: true,
		description:
			'The debtors account (e.g. 1300 Debiteuren): charges and refunds settle the invoice and credit note of their order on it. The list gives codes; an ID works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Fees G/L Account Name or ID',
		name: 'feesGlAccount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGlAccountCodes' },
		default: '',
		required: true,
		description:
			'Shopify Payments fees (e.g. 4940 Betaalkosten). The list gives codes; an ID works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Adjustments G/L Account Name or ID',
		name: 'adjustmentsGlAccount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGlAccountCodes' },
		default: '',
		required: true,
		description:
			'Adjustments, chargeback fees and other corrections Shopify makes. The list gives codes; an ID works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Disputes G/L Account Name or ID',
		name: 'disputesGlAccount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGlAccountCodes' },
		default: '',
		required: true,
		description:
			'Money withdrawn or returned for disputes. The list gives codes; an ID works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Reserves G/L Account Name or ID',
		name: 'reservesGlAccount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGlAccountCodes' },
		default: '',
		required: true,
		description:
			'Funds Shopify holds back as a reserve, and releases. The list gives codes; an ID works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Payout G/L Account Name or ID',
		name: 'transferGlAccount',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGlAccountCodes' },
		default: '',
		description:
			'Where the payout goes from the clearing journal (e.g. 1190 Kruisposten, cleared when the bank statement comes in). None: no payout line, for a journal that is the bank account itself. The list gives codes; an ID works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
];

const properties: INodeProperties[] = [
	...accountProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Unmatched G/L Account Name or ID',
				name: 'unmatchedGlAccount',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGlAccountCodes' },
				default: '',
				description:
					'Charges and refunds whose order has no processed invoice or credit note in Exact. None: such a payout is not booked (retry once the invoices exist). The list gives codes; an ID works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Exchange Difference G/L Account Name or ID',
				name: 'exchangeGlAccount',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGlAccountCodes' },
				default: '',
				description:
					'For invoices in another currency than the payout: the difference between what Exact booked and what Shopify paid. None: the difference stays open on the invoice (with a warning). The list gives codes; an ID works too. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Order Reference Prefix',
				name: 'orderReferencePrefix',
				type: 'string',
				default: '',
				placeholder: 'NL-',
				description:
					'The prefix the orders workflow puts before the Shopify order name in YourRef (empty when it uses the order name as is)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['bookPayout'] } },
	properties,
);

interface Options {
	unmatchedGlAccount?: string;
	exchangeGlAccount?: string;
	orderReferencePrefix?: string;
}

export async function readAccounts(ctx: IExecuteFunctions): Promise<SettlementAccounts> {
	const gls = new GlAccounts(ctx);
	const options = ctx.getNodeParameter('options', 0, {}) as Options;
	const req = async (name: string, label: string) => {
		const value = String(ctx.getNodeParameter(name, 0, '') ?? '').trim();
		if (!value) throw new NodeOperationError(ctx.getNode(), `${label} is required`);
		return await gls.resolve(value, label);
	};
	return {
		receivables: await req('receivablesGlAccount', 'Receivables G/L Account'),
		fees: await req('feesGlAccount', 'Fees G/L Account'),
		adjustments: await req('adjustmentsGlAccount', 'Adjustments G/L Account'),
		disputes: await req('disputesGlAccount', 'Disputes G/L Account'),
		reserves: await req('reservesGlAccount', 'Reserves G/L Account'),
		transfer: await gls.optional(
			ctx.getNodeParameter('transferGlAccount', 0, ''),
			'Payout G/L Account',
		),
		unmatched: await gls.optional(options.unmatchedGlAccount, 'Unmatched G/L Account'),
		exchangeDifference: await gls.optional(
			options.exchangeGlAccount,
			'Exchange Difference G/L Account',
		),
	};
}

export function readPayouts(items: INodeExecutionData[]): Array<Payout | Error> {
	return items.map((item) => {
		try {
			return readPayout(item.json);
		} catch (error) {
			return error as Error;
		}
	});
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBatch.call(this, async (items) => {
		const payouts = readPayouts(items);
		const valid = payouts.filter((p): p is Payout => !(p instanceof Error));
		const journalCode = String(this.getNodeParameter('journal', 0, 'SPAY') ?? '').trim() || 'SPAY';
		const prefix = String(
			(this.getNodeParameter('options', 0, {}) as Options).orderReferencePrefix ?? '',
		).trim();
		const journal = await bankJournal(this, journalCode);
		const accounts = await readAccounts(this);
		const documents = await documentsByRef(this, orderRefs(valid, prefix));
		const division = await resolveDivision.call(this, 0);
		const results: BatchResult[] = [];
		for (let i = 0; i < payouts.length; i++) {
			const payout = payouts[i];
			if (payout instanceof Error) {
				results.push(payout);
				continue;
			}
			const before = getExactCallCount.call(this);
			try {
				const draft = draftPayoutEntry({
					payout,
					journal: journal.code,
					divisionCurrency: journal.currency,
					documents,
					orderReferencePrefix: prefix,
					accounts,
				});
				const lockKey = `${String(division ?? '')}|${draft.key}`;
				const out = await withPayoutLock(lockKey, async () => {
					const existing = await findBookedEntry(this, draft.key, i);
					if (existing) {
						return {
							payout: payout.legacyId,
							action: 'existing',
							reason: `already booked as bank entry ${existing.entryNumber ?? existing.entryId}`,
							entryId: existing.entryId,
							entryNumber: existing.entryNumber,
						} as IDataObject;
					}
					const body: IDataObject = {
						JournalCode: journal.code,
						BankEntryLines: draft.lines.map((l) => {
							const line: IDataObject = {
								GLAccount: l.GLAccount,
								AmountFC: l.AmountFC,
								Date: l.Date,
								Description: l.Description,
							};
							if (l.Account) line.Account = l.Account;
							if (l.OurRef !== undefined) line.OurRef = l.OurRef;
							return line;
						}),
					};
					const created = (await exactRequest.call(this, {
						method: 'POST',
						path: 'financialtransaction/BankEntries',
						body,
						itemIndex: i,
						entity: 'bank entry',
						writeCheck: async () => {
							const found = await findBookedEntry(this, draft.key, i);
							return found ? { EntryID: found.entryId, EntryNumber: found.entryNumber } : undefined;
						},
					})) as { EntryID: string; EntryNumber?: number | null };
					return {
						payout: payout.legacyId,
						action: 'created',
						entryId: created.EntryID,
						entryNumber: created.EntryNumber ?? null,
					} as IDataObject;
				});
				results.push({
					...items[i].json,
					...out,
					payoutId: payout.id,
					issuedAt: payout.issuedAt,
					net: (payout.netCents / 100).toFixed(2),
					currency: payout.currency,
					journal: journal.code,
					lines: draft.lines.map((l) => ({ ...l }) as unknown as IDataObject),
					settled: draft.settled as unknown as IDataObject[],
					unmatched: draft.unmatched as unknown as IDataObject[],
					warnings: draft.warnings,
					exactCalls: getExactCallCount.call(this) - before,
				});
			} catch (error) {
				results.push(
					error instanceof SettlementError
						? new NodeOperationError(this.getNode(), error.message, { itemIndex: i })
						: (error as Error),
				);
			}
		}
		return results;
	});
}
