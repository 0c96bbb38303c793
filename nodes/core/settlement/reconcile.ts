/**
 * Reconcile: for the payouts read, what needs a person. Orders Shopify paid whose Exact invoice (or
 * credit note) is still open, payout transactions with no Exact document, and the difference
 * (the open rest of those documents plus the amounts without a document).
 */
import { formatMoney } from '../money';
import type { ExactDocument } from './bankEntryDraft';
import type { Payout } from './payout';

export interface OpenItem {
	invoiceNumber: number | null;
	/** Open amount in the division currency, cents. */
	amountCents: number;
}

export interface PaidButOpen {
	payout: string;
	transactionId: string;
	type: string;
	orderName: string;
	invoiceNumber: number;
	paid: string;
	open: string;
}

export interface WithoutInvoice {
	payout: string;
	transactionId: string;
	type: string;
	orderName: string | null;
	amount: string;
}

export interface ReconcileReport {
	payouts: string[];
	paidButOpen: PaidButOpen[];
	withoutInvoice: WithoutInvoice[];
	difference: string;
	currency: string;
}

const INVOICE_TYPES = [8020, 8023];
const CREDIT_TYPES = [8021, 8024];

export function reconcilePayouts(
	payouts: Payout[],
	documents: Map<string, ExactDocument[]>,
	openItems: OpenItem[],
	orderReferencePrefix: string,
	currency = 'EUR',
): ReconcileReport {
	const open = new Map<number, number>();
	for (const item of openItems) {
		if (item.invoiceNumber == null) continue;
		open.set(item.invoiceNumber, (open.get(item.invoiceNumber) ?? 0) + item.amountCents);
	}
	const fmt = (cents: number) => formatMoney(cents, currency);
	const paidButOpen: PaidButOpen[] = [];
	const withoutInvoice: WithoutInvoice[] = [];
	const reported = new Set<number>();
	let difference = 0;
	for (const payout of payouts) {
		for (const tx of payout.transactions) {
			if (tx.kind !== 'charge' && tx.kind !== 'refund') continue;
			const ref = tx.orderName ? `${orderReferencePrefix}${tx.orderName}` : null;
			const types = tx.kind === 'charge' ? INVOICE_TYPES : CREDIT_TYPES;
			const docs = (ref ? (documents.get(ref) ?? []) : []).filter(
				(d) => types.includes(d.type) && d.status === 50,
			);
			if (docs.length === 0) {
				withoutInvoice.push({
					payout: payout.legacyId,
					transactionId: tx.id,
					type: tx.type,
					orderName: tx.orderName,
					amount: fmt(tx.amountCents),
				});
				difference += tx.amountCents;
				continue;
			}
			for (const doc of docs) {
				const rest = open.get(doc.invoiceNumber) ?? 0;
				if (rest === 0 || reported.has(doc.invoiceNumber)) continue;
				reported.add(doc.invoiceNumber);
				paidButOpen.push({
					payout: payout.legacyId,
					transactionId: tx.id,
					type: tx.type,
					orderName: tx.orderName ?? '',
					invoiceNumber: doc.invoiceNumber,
					paid: fmt(tx.amountCents),
					open: fmt(rest),
				});
				difference += rest;
			}
		}
	}
	return {
		payouts: payouts.map((p) => p.legacyId),
		paidButOpen,
		withoutInvoice,
		difference: fmt(difference),
		currency,
	};
}
