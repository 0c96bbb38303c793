/**
 * The Exact reads the settlement operations share: G/L accounts (by ID or code), the bank journal,
 * the invoices and credit notes of the paid orders (by YourRef), the bank entry a payout was
 * already booked as (by the payout key in its lines' Description), and open items.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { eq, isGuid, lit, substringOf } from '../../../core/exact/filter';
import type { ExactDocument, Payout } from '../../../core/settlement';
import { exactGetAll, exactLookup } from '../../shared/transport';

interface GlRow {
	ID: string;
	Code: string;
	IsBlocked?: boolean | null;
}

/** Resolves G/L account parameters given as ID (from the picker) or as code (e.g. "1300"). */
export class GlAccounts {
	private rows?: GlRow[];

	constructor(private readonly ctx: IExecuteFunctions) {}

	async resolve(value: string, parameter: string): Promise<string> {
		const text = value.trim();
		if (isGuid(text)) return text;
		this.rows ??= (await exactGetAll.call(this.ctx, {
			path: 'financial/GLAccounts',
			qs: { $select: 'ID,Code,IsBlocked' },
			entity: 'G/L accounts',
		})) as GlRow[];
		const row = this.rows.find((r) => String(r.Code ?? '').trim() === text);
		if (!row) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`${parameter}: there is no G/L account with code ${text} in this Exact division`,
			);
		}
		if (row.IsBlocked) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`${parameter}: G/L account ${text} is blocked`,
			);
		}
		return row.ID;
	}

	async optional(value: unknown, parameter: string): Promise<string | null> {
		const text = String(value ?? '').trim();
		return text ? await this.resolve(text, parameter) : null;
	}
}

/** The bank journal: must exist and be a bank journal (Type 12); its currency is the entry's. */
export async function bankJournal(
	ctx: IExecuteFunctions,
	code: string,
): Promise<{ code: string; currency: string }> {
	const rows = (await exactGetAll.call(ctx, {
		path: 'financial/Journals',
		qs: { $filter: eq('Code', lit.str(code)), $select: 'Code,Type,Currency' },
		entity: 'journals',
	})) as Array<{ Code: string; Type?: number; Currency?: string | null }>;
	const journal = rows.find((r) => String(r.Code).trim() === code);
	if (!journal) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Journal ${code} does not exist in this Exact division`,
			{
				description:
					'Create a bank journal (e.g. SPAY, Shopify Payments) in Exact, or pick another one.',
			},
		);
	}
	if (journal.Type !== 12) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Journal ${code} is not a bank journal (Type ${journal.Type})`,
		);
	}
	return { code, currency: String(journal.Currency ?? 'EUR').toUpperCase() };
}

const INVOICE_SELECT = [
	'InvoiceID',
	'InvoiceNumber',
	'InvoiceTo',
	'Type',
	'AmountDC',
	'Currency',
	'Status',
	'YourRef',
];

interface InvoiceRow {
	InvoiceNumber: number;
	InvoiceTo: string;
	Type: number;
	AmountDC: number;
	Currency?: string | null;
	Status: number;
	YourRef?: string | null;
}

export function orderRefs(payouts: Payout[], prefix: string): string[] {
	const refs = new Set<string>();
	for (const p of payouts) {
		for (const t of p.transactions) {
			if ((t.kind === 'charge' || t.kind === 'refund') && t.orderName)
				refs.add(`${prefix}${t.orderName}`);
		}
	}
	return [...refs];
}

/** Invoices and credit notes of the orders, by YourRef (one batched lookup). */
export async function documentsByRef(
	ctx: IExecuteFunctions,
	refs: string[],
): Promise<Map<string, ExactDocument[]>> {
	const map = new Map<string, ExactDocument[]>();
	if (refs.length === 0) return map;
	const rows = (await exactLookup.call(ctx, {
		path: 'salesinvoice/SalesInvoices',
		field: 'YourRef',
		values: refs,
		select: INVOICE_SELECT,
	})) as InvoiceRow[];
	for (const r of rows) {
		const ref = String(r.YourRef ?? '').trim();
		const list = map.get(ref) ?? [];
		list.push({
			invoiceNumber: Number(r.InvoiceNumber),
			account: r.InvoiceTo,
			type: Number(r.Type),
			amountDcCents: Math.round(Number(r.AmountDC ?? 0) * 100),
			currency: String(r.Currency ?? 'EUR'),
			status: Number(r.Status),
			yourRef: ref,
		});
		map.set(
			ref,
			list.sort((a, b) => a.invoiceNumber - b.invoiceNumber),
		);
	}
	return map;
}

export interface BookedEntry {
	entryId: string;
	entryNumber: number | null;
}

/** The bank entry a payout was booked as: a line whose Description holds the payout key. */
export async function findBookedEntry(
	ctx: IExecuteFunctions,
	key: string,
	itemIndex: number,
): Promise<BookedEntry | undefined> {
	const lines = (await exactGetAll.call(ctx, {
		path: 'financialtransaction/BankEntryLines',
		qs: { $filter: substringOf(key, 'Description'), $select: 'EntryID,EntryNumber,Description' },
		itemIndex,
		limit: 60,
	})) as Array<{ EntryID: string; EntryNumber?: number | null; Description?: string | null }>;
	const line = lines.find((l) => String(l.Description ?? '').startsWith(key));
	return line ? { entryId: line.EntryID, entryNumber: line.EntryNumber ?? null } : undefined;
}

/** Open items of these invoice numbers (read/financial/ReceivablesList). */
export async function openItems(
	ctx: IExecuteFunctions,
	invoiceNumbers: number[],
): Promise<Array<{ invoiceNumber: number | null; amountCents: number }>> {
	if (invoiceNumbers.length === 0) return [];
	const rows = (await exactLookup.call(ctx, {
		path: 'read/financial/ReceivablesList',
		field: 'InvoiceNumber',
		values: [...new Set(invoiceNumbers)],
		select: ['InvoiceNumber', 'Amount'],
	})) as Array<{ InvoiceNumber?: number | null; Amount?: number | null }>;
	return rows.map((r) => ({
		invoiceNumber: r.InvoiceNumber ?? null,
		amountCents: Math.round(Number(r.Amount ?? 0) * 100),
	}));
}
