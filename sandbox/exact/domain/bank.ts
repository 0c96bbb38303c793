/**
 * financialtransaction/BankEntries and BankEntryLines, and the open items of
 * read/financial/ReceivablesList they settle. Rules and their sources are listed in
 * sandbox/README.md ("Bank entries and open items").
 */
import { startOfDay } from '../clock';
import { validation } from '../errors';
import { newGuid } from '../ids';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { Hooks, round2, viewOf } from './hooks';
import { DivView } from './view';

/** Bank journals have journal Type 12 (Cash 10, Sales 20, General 90). */
export const BANK_JOURNAL = 12;
/** Sales invoices count as open items once processed (Status 50). */
const PROCESSED = 50;

function bankJournal(v: DivView, code: unknown): Rec {
	if (code == null || code === '') throw validation('Mandatory: JournalCode');
	const journal = v.journal(code);
	if (!journal) throw validation(`JournalCode: journal '${String(code)}' does not exist.`);
	if (journal.Type !== BANK_JOURNAL)
		throw validation(`JournalCode: journal '${String(code)}' is not a bank journal.`);
	return journal;
}

/** Entries of a journal in entry number order. */
export function entriesOf(tx: Tx | DivView, journalCode: string): Rec[] {
	return tx.div
		.lookup('BankEntries', 'JournalCode', journalCode)
		.sort((a, b) => Number(a.EntryNumber) - Number(b.EntryNumber));
}

export function linesOf(tx: Tx | DivView, entryId: unknown): Rec[] {
	return tx.div
		.lookup('BankEntryLines', 'EntryID', entryId)
		.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
}

function sumFC(lines: Rec[]): number {
	return round2(lines.reduce((s, l) => s + Number(l.AmountFC ?? 0), 0));
}

/** Validates and fills one line: its G/L account, account, invoice reference and amounts. */
function fillLine(tx: Tx, v: DivView, entry: Rec, line: Rec, number: number): Rec {
	const where = `BankEntryLines[${number}]`;
	if (typeof line.AmountFC !== 'number' || !Number.isFinite(line.AmountFC))
		throw validation(`${where}: Mandatory: AmountFC`);
	if (Math.abs(round2(line.AmountFC) - line.AmountFC) > 1e-9)
		throw validation(`${where}: AmountFC ${line.AmountFC} has more than 2 decimals.`);
	if (line.GLAccount == null) throw validation(`${where}: Mandatory: GLAccount`);
	const gl = v.get('GLAccounts', line.GLAccount);
	if (!gl) throw validation(`${where}: GLAccount: the G/L account does not exist.`);
	if (gl.IsBlocked) throw validation(`${where}: GLAccount: G/L account ${gl.Code} is blocked.`);
	if (line.Account != null && !v.get('Accounts', line.Account))
		throw validation(`${where}: Account: the account does not exist.`);
	if (line.OurRef != null) {
		if (line.Account == null)
			throw validation(`${where}: OurRef: an invoice number needs the Account of the invoice.`);
		const invoice = tx.div.lookup('SalesInvoices', 'InvoiceNumber', Number(line.OurRef))[0];
		if (!invoice) throw validation(`${where}: OurRef: invoice ${line.OurRef} does not exist.`);
		if (invoice.InvoiceTo !== line.Account)
			throw validation(
				`${where}: OurRef: invoice ${line.OurRef} is not an invoice of this account.`,
			);
		if (invoice.Status !== PROCESSED)
			throw validation(`${where}: OurRef: invoice ${line.OurRef} is not processed yet.`);
	}
	const date = typeof line.Date === 'number' ? startOfDay(line.Date) : tx.clock.today();
	const rate =
		typeof line.ExchangeRate === 'number' && line.ExchangeRate > 0
			? line.ExchangeRate
			: v.rateToDivision(entry.Currency, date);
	const account = line.Account != null ? v.get('Accounts', line.Account) : undefined;
	return {
		...line,
		AccountCode: account?.Code ?? null,
		AccountName: account?.Name ?? null,
		GLAccountCode: gl.Code,
		GLAccountDescription: gl.Description,
		ID: line.ID ?? newGuid(),
		EntryID: entry.EntryID,
		EntryNumber: entry.EntryNumber,
		LineNumber: number,
		Date: date,
		ExchangeRate: rate,
		AmountDC: round2(Number(line.AmountFC) * rate),
	};
}

export const bankEntryHooks: Hooks = {
	create(tx, rec, nav) {
		const v = viewOf(tx);
		const journal = bankJournal(v, rec.JournalCode);
		const raw = nav.BankEntryLines as Rec[] | undefined;
		if (!raw || raw.length === 0) throw validation('Mandatory: BankEntryLines');
		const previous = entriesOf(tx, String(journal.Code)).pop();
		const opening = previous ? Number(previous.ClosingBalanceFC) : 0;
		if (typeof rec.OpeningBalanceFC === 'number' && round2(rec.OpeningBalanceFC) !== opening) {
			throw validation(
				`OpeningBalanceFC: the opening balance (${rec.OpeningBalanceFC}) must be the closing balance of the previous entry in journal ${journal.Code} (${opening}).`,
			);
		}
		const counters = tx.div.counters;
		const number = Math.max(counters.bankEntryNumber ?? 0, Number(rec.EntryNumber ?? 0)) + 1;
		counters.bankEntryNumber = number;
		const entryDate = Math.min(
			...raw.map((l) => (typeof l.Date === 'number' ? l.Date : tx.clock.today())),
		);
		Object.assign(rec, {
			EntryNumber: number,
			Currency: journal.Currency ?? tx.div.currency,
			OpeningBalanceFC: opening,
			Status: 20,
			StatusDescription: 'Open',
			JournalDescription: journal.Description ?? null,
			FinancialYear: rec.FinancialYear ?? new Date(entryDate).getUTCFullYear(),
			FinancialPeriod: rec.FinancialPeriod ?? new Date(entryDate).getUTCMonth() + 1,
		});
		const lines = raw.map((l, i) => fillLine(tx, v, rec, l, i + 1));
		const closing = round2(opening + sumFC(lines));
		if (typeof rec.ClosingBalanceFC === 'number' && round2(rec.ClosingBalanceFC) !== closing) {
			throw validation(
				`ClosingBalanceFC: the closing balance (${rec.ClosingBalanceFC}) must be the opening balance plus the lines (${closing}).`,
			);
		}
		rec.ClosingBalanceFC = closing;
		nav.BankEntryLines = lines;
	},
	afterCreate(tx, _rec, nav) {
		for (const line of nav.BankEntryLines as Rec[]) tx.insert('BankEntryLines', line);
	},
	remove(tx, rec) {
		const later = entriesOf(tx, String(rec.JournalCode)).filter(
			(e) => Number(e.EntryNumber) > Number(rec.EntryNumber),
		);
		if (later.length > 0) {
			throw validation(
				`Entry ${rec.EntryNumber} cannot be deleted: journal ${rec.JournalCode} has later entries whose opening balance follows from it.`,
			);
		}
		for (const line of linesOf(tx, rec.EntryID)) tx.remove('BankEntryLines', line);
	},
};

export const bankEntryLineHooks: Hooks = {
	create(tx, rec) {
		const v = viewOf(tx);
		if (rec.EntryID == null) throw validation('Mandatory: EntryID');
		const entry = tx.div.get('BankEntries', rec.EntryID);
		if (!entry) throw validation('EntryID: the bank entry does not exist.');
		const last = entriesOf(tx, String(entry.JournalCode)).pop();
		if (last && last.EntryID !== entry.EntryID) {
			throw validation(
				`EntryID: entry ${entry.EntryNumber} is not the last entry of journal ${entry.JournalCode}; a line would change the opening balance of the entries after it.`,
			);
		}
		const number = linesOf(tx, entry.EntryID).length + 1;
		Object.assign(rec, fillLine(tx, v, entry, rec, number));
	},
	afterCreate(tx, rec) {
		const entry = tx.div.get('BankEntries', rec.EntryID);
		if (!entry) return;
		entry.ClosingBalanceFC = round2(Number(entry.ClosingBalanceFC) + Number(rec.AmountFC));
		tx.touch('BankEntries', entry);
	},
};

/** What has been received on an invoice: bank lines with its account and number, in DC. */
function settledByInvoice(v: DivView): Map<string, number> {
	const settled = new Map<string, number>();
	for (const line of v.div.rows('BankEntryLines')) {
		if (line.Account == null || line.OurRef == null) continue;
		const key = `${String(line.Account)}|${Number(line.OurRef)}`;
		settled.set(key, round2((settled.get(key) ?? 0) + Number(line.AmountDC ?? 0)));
	}
	return settled;
}

/**
 * Open items: each processed sales invoice (and credit note) less what bank lines with its account
 * and invoice number settled; bank lines with an account and no invoice number are unallocated
 * payments (an open item of minus the amount). Amounts in the division currency.
 */
export function receivableRows(v: DivView): Rec[] {
	const settled = settledByInvoice(v);
	const rows: Rec[] = [];
	const account = (id: unknown) => v.get('Accounts', id);
	for (const inv of v.div.rows('SalesInvoices')) {
		if (inv.Status !== PROCESSED) continue;
		const open = round2(
			Number(inv.AmountDC ?? 0) -
				(settled.get(`${String(inv.InvoiceTo)}|${Number(inv.InvoiceNumber)}`) ?? 0),
		);
		if (open === 0) continue;
		const acc = account(inv.InvoiceTo);
		const journal = v.journal(inv.Journal);
		rows.push({
			HID: Number(inv.InvoiceNumber),
			Id: inv.InvoiceID,
			AccountId: inv.InvoiceTo,
			AccountCode: acc?.Code ?? null,
			AccountName: acc?.Name ?? null,
			Amount: open,
			AmountInTransit: 0,
			ApprovalStatus: 1,
			CurrencyCode: v.div.currency,
			Description: inv.Description ?? null,
			DueDate: inv.DueDate ?? null,
			EntryNumber: inv.InvoiceNumber,
			InvoiceDate: inv.InvoiceDate ?? null,
			InvoiceNumber: inv.InvoiceNumber,
			JournalCode: inv.Journal ?? null,
			JournalDescription: journal?.Description ?? null,
			Notes: null,
			YourRef: inv.YourRef ?? null,
		});
	}
	for (const line of v.div.rows('BankEntryLines')) {
		if (line.Account == null || line.OurRef != null) continue;
		const acc = account(line.Account);
		rows.push({
			HID: 9_000_000_000 + Number(line.EntryNumber) * 1000 + Number(line.LineNumber),
			Id: line.ID,
			AccountId: line.Account,
			AccountCode: acc?.Code ?? null,
			AccountName: acc?.Name ?? null,
			Amount: round2(-Number(line.AmountDC ?? 0)),
			AmountInTransit: 0,
			ApprovalStatus: 1,
			CurrencyCode: v.div.currency,
			Description: line.Description ?? null,
			DueDate: line.Date ?? null,
			EntryNumber: line.EntryNumber,
			InvoiceDate: line.Date ?? null,
			InvoiceNumber: null,
			JournalCode: null,
			JournalDescription: null,
			Notes: line.Notes ?? null,
			YourRef: null,
		});
	}
	return rows.sort((a, b) => Number(a.HID) - Number(b.HID));
}
