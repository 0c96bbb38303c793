/**
 * One Shopify payout → one Exact bank entry (financialtransaction/BankEntries) in the clearing bank
 * journal, one line per balance transaction:
 *
 * | transaction                     | line                                                        |
 * | ------------------------------- | ----------------------------------------------------------- |
 * | CHARGE                          | + amount on receivables, Account + OurRef = the invoice     |
 * | REFUND                          | − amount on receivables, Account + OurRef = the credit note |
 * | fee of any transaction          | − fee on the fee account (one line per transaction)         |
 * | DISPUTE_*                       | amount on the disputes account                              |
 * | RESERVED_FUNDS_*                | amount on the reserve account                               |
 * | ADJUSTMENT and the rest         | amount on the adjustments account                           |
 * | TRANSFER (Shopify's own)        | left out: the payout line below replaces it                 |
 * | the payout                      | − net on the transfer account (when a transfer account is set) |
 *
 * Without the payout line the lines add up to the net paid out; with it they add up to 0, so the
 * clearing journal's balance goes back to where it was. Every line's Description starts with the
 * payout key (`Shopify payout 123 ·`): the natural key a lookup finds before anything is written.
 */
import { formatMoney } from '../money';
import { SettlementError, type Payout, type PayoutTransaction } from './payout';

export interface SettlementAccounts {
	/** G/L account of the receivables (Debiteuren); charge and refund lines. */
	receivables: string;
	fees: string;
	adjustments: string;
	disputes: string;
	reserves: string;
	/** Where the payout goes (a transfer/kruisposten account); null: no payout line. */
	transfer: string | null;
	/** Charges and refunds without an Exact document; null: the payout is not booked. */
	unmatched: string | null;
	/** Exchange differences of invoices in another currency; null: left open and reported. */
	exchangeDifference: string | null;
}

/** An Exact sales invoice or credit note of an order (found by its YourRef). */
export interface ExactDocument {
	invoiceNumber: number;
	/** The invoice's InvoiceTo account (ID). */
	account: string;
	/** 8020/8023 invoice, 8021/8024 credit note. */
	type: number;
	/** Amount incl. VAT in the division currency (AmountDC), in cents. */
	amountDcCents: number;
	currency: string;
	status: number;
	yourRef: string;
}

export interface PayoutEntryInput {
	payout: Payout;
	journal: string;
	/** Division currency: amounts are booked in it. */
	divisionCurrency: string;
	/** The Exact documents of each order, keyed by the order's YourRef (prefix + order name). */
	documents: Map<string, ExactDocument[]>;
	orderReferencePrefix: string;
	accounts: SettlementAccounts;
}

export type LineKind =
	| 'charge'
	| 'refund'
	| 'fee'
	| 'dispute'
	| 'reserve'
	| 'adjustment'
	| 'exchangeDifference'
	| 'unmatched'
	| 'payout';

export interface BankLineDraft {
	kind: LineKind;
	GLAccount: string;
	Account?: string;
	OurRef?: number;
	AmountFC: number;
	Date: string;
	Description: string;
	transactionId?: string;
	orderName?: string;
}

export interface Settled {
	transactionId: string;
	orderName: string;
	invoiceNumber: number;
	amount: string;
}

export interface Unmatched {
	transactionId: string;
	type: string;
	orderName: string | null;
	amount: string;
}

export interface PayoutEntryDraft {
	key: string;
	journal: string;
	lines: BankLineDraft[];
	settled: Settled[];
	unmatched: Unmatched[];
	warnings: string[];
	/** Σ lines except the payout line: must equal the payout's net. */
	bookedCents: number;
}

const INVOICE_TYPES = [8020, 8023];
const CREDIT_TYPES = [8021, 8024];
const DESCRIPTION_LIMIT = 60;

export function payoutKey(legacyId: string): string {
	return `Shopify payout ${legacyId} ·`;
}

function describe(key: string, what: string): string {
	const full = `${key} ${what}`;
	return full.length <= DESCRIPTION_LIMIT ? full : full.slice(0, DESCRIPTION_LIMIT);
}

function pick(
	docs: ExactDocument[],
	types: number[],
	amountCents: number,
	used: Map<number, number>,
): ExactDocument | undefined {
	const candidates = docs.filter((d) => types.includes(d.type) && d.status === 50);
	const free = (d: ExactDocument) => (used.get(d.invoiceNumber) ?? 0) === 0;
	return (
		candidates.find((d) => free(d) && d.amountDcCents === amountCents) ??
		candidates.find((d) => d.amountDcCents === amountCents) ??
		candidates.find(free) ??
		candidates[0]
	);
}

/** The bank entry of one payout; throws SettlementError when it cannot be booked right. */
export function draftPayoutEntry(input: PayoutEntryInput): PayoutEntryDraft {
	const { payout, accounts } = input;
	const key = payoutKey(payout.legacyId);
	const where = `Payout ${payout.legacyId}`;
	if (payout.status !== 'PAID') {
		throw new SettlementError(`${where} has status ${payout.status}; only paid payouts are booked`);
	}
	if (payout.currency !== input.divisionCurrency.toUpperCase()) {
		throw new SettlementError(
			`${where} is in ${payout.currency}, the Exact division books in ${input.divisionCurrency}; book it in a journal of the division currency`,
		);
	}
	const date = payout.issuedAt.slice(0, 10);
	const fmt = (cents: number) => formatMoney(cents, payout.currency);
	const amount = (cents: number) => cents / 100;
	const lines: BankLineDraft[] = [];
	const settled: Settled[] = [];
	const unmatched: Unmatched[] = [];
	const warnings: string[] = [];
	const used = new Map<number, number>();
	const missing: string[] = [];

	const documentLine = (tx: PayoutTransaction) => {
		const orderName = tx.orderName;
		const ref = orderName ? `${input.orderReferencePrefix}${orderName}` : null;
		const docs = ref ? (input.documents.get(ref) ?? []) : [];
		const types = tx.kind === 'charge' ? INVOICE_TYPES : CREDIT_TYPES;
		const doc = pick(docs, types, tx.amountCents, used);
		const label = `${tx.kind} ${orderName ?? '(no order)'}`;
		if (!doc) {
			unmatched.push({
				transactionId: tx.id,
				type: tx.type,
				orderName,
				amount: fmt(tx.amountCents),
			});
			if (!accounts.unmatched) {
				missing.push(
					`${tx.type} ${tx.id} of order ${orderName ?? '(none)'} (${fmt(tx.amountCents)}) has no processed Exact ${tx.kind === 'charge' ? 'invoice' : 'credit note'}${ref ? ` with YourRef ${ref}` : ''}`,
				);
				return;
			}
			lines.push({
				kind: 'unmatched',
				GLAccount: accounts.unmatched,
				AmountFC: amount(tx.amountCents),
				Date: date,
				Description: describe(key, `${label} unmatched`),
				transactionId: tx.id,
				orderName: orderName ?? undefined,
			});
			return;
		}
		used.set(doc.invoiceNumber, (used.get(doc.invoiceNumber) ?? 0) + 1);
		let settle = tx.amountCents;
		const foreign = doc.currency.toUpperCase() !== payout.currency;
		if (foreign && settle !== doc.amountDcCents) {
			if (accounts.exchangeDifference) {
				settle = doc.amountDcCents;
			} else {
				warnings.push(
					`Invoice ${doc.invoiceNumber} (${doc.currency}) is ${fmt(doc.amountDcCents)} ${payout.currency} in Exact and Shopify paid ${fmt(tx.amountCents)}: the difference stays open (choose an Exchange Difference Account to book it)`,
				);
			}
		} else if (settle !== doc.amountDcCents) {
			warnings.push(
				`${label}: ${fmt(tx.amountCents)} paid, ${doc.type === 8021 || doc.type === 8024 ? 'credit note' : 'invoice'} ${doc.invoiceNumber} is ${fmt(doc.amountDcCents)}; the rest stays open`,
			);
		}
		lines.push({
			kind: tx.kind === 'charge' ? 'charge' : 'refund',
			GLAccount: accounts.receivables,
			Account: doc.account,
			OurRef: doc.invoiceNumber,
			AmountFC: amount(settle),
			Date: date,
			Description: describe(key, `${label} invoice ${doc.invoiceNumber}`),
			transactionId: tx.id,
			orderName: orderName ?? undefined,
		});
		settled.push({
			transactionId: tx.id,
			orderName: orderName ?? '',
			invoiceNumber: doc.invoiceNumber,
			amount: fmt(settle),
		});
		if (settle !== tx.amountCents && accounts.exchangeDifference) {
			lines.push({
				kind: 'exchangeDifference',
				GLAccount: accounts.exchangeDifference,
				AmountFC: amount(tx.amountCents - settle),
				Date: date,
				Description: describe(key, `exchange difference ${orderName ?? ''}`.trim()),
				transactionId: tx.id,
				orderName: orderName ?? undefined,
			});
		}
	};

	for (const tx of payout.transactions) {
		if (tx.kind === 'transfer') continue;
		if (tx.kind === 'charge' || tx.kind === 'refund') {
			documentLine(tx);
		} else if (tx.amountCents !== 0) {
			const gl =
				tx.kind === 'dispute'
					? accounts.disputes
					: tx.kind === 'reserve'
						? accounts.reserves
						: accounts.adjustments;
			lines.push({
				kind: tx.kind,
				GLAccount: gl,
				AmountFC: amount(tx.amountCents),
				Date: date,
				Description: describe(
					key,
					`${tx.type.toLowerCase()}${tx.adjustmentReason ? ` ${tx.adjustmentReason}` : ''}${tx.orderName ? ` ${tx.orderName}` : ''}`,
				),
				transactionId: tx.id,
				orderName: tx.orderName ?? undefined,
			});
		}
		if (tx.feeCents !== 0) {
			lines.push({
				kind: 'fee',
				GLAccount: accounts.fees,
				AmountFC: amount(-tx.feeCents),
				Date: date,
				Description: describe(key, `fee ${tx.type.toLowerCase()} ${tx.orderName ?? tx.id}`),
				transactionId: tx.id,
				orderName: tx.orderName ?? undefined,
			});
		}
	}
	if (missing.length > 0) {
		throw new SettlementError(
			`${where} is not booked: ${missing.join('; ')}. Book it once the documents exist, or choose an Unmatched Account.`,
		);
	}
	const bookedCents = lines.reduce((s, l) => s + Math.round(l.AmountFC * 100), 0);
	if (bookedCents !== payout.netCents) {
		throw new SettlementError(
			`${where}: its transactions add up to ${fmt(bookedCents)} but Shopify paid out ${fmt(payout.netCents)}; are transactions missing?`,
		);
	}
	if (lines.length === 0) throw new SettlementError(`${where} has no transactions to book`);
	if (accounts.transfer) {
		lines.push({
			kind: 'payout',
			GLAccount: accounts.transfer,
			AmountFC: amount(-payout.netCents),
			Date: date,
			Description: describe(key, `paid out to bank ${fmt(payout.netCents)}`),
		});
	}
	return { key, journal: input.journal, lines, settled, unmatched, warnings, bookedCents };
}
