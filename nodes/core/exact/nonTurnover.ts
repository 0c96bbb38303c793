/**
 * Money that is not the shop's turnover: a sold gift card is a liability until it is redeemed,
 * a tip belongs to the staff, import duties are passed on to customs. Their items must book on
 * the G/L account the merchant chose, never silently on the default revenue account: a new item
 * of these kinds gets that account (GLRevenue), and without one the line is left out of the
 * order with a warning, its amount counted as skipped. An item that exists in Exact already is
 * used as the merchant set it up. Pure.
 */
import { computeTotals } from '../mapping/totals';
import type { DocumentLine, LineKind } from '../mapping/types';
import type { EnrichedOrderDocument } from '../document';
import { formatMoney } from '../money';

export type NonTurnoverKind = Extract<LineKind, 'giftCard' | 'tip' | 'duty'>;

export const NON_TURNOVER_KINDS: readonly NonTurnoverKind[] = ['giftCard', 'tip', 'duty'];

/** G/L account ID per kind; null = none chosen. */
export type NonTurnoverAccounts = Record<NonTurnoverKind, string | null>;

const LABELS: Record<NonTurnoverKind, string> = {
	giftCard: 'Gift card sale',
	tip: 'Tip',
	duty: 'Import duty',
};

/** The Item node option that chooses the account of each kind. */
const OPTIONS: Record<NonTurnoverKind, string> = {
	giftCard: 'Gift Card G/L Account',
	tip: 'Tip G/L Account',
	duty: 'Import Duty G/L Account',
};

export function isNonTurnover(kind: LineKind): kind is NonTurnoverKind {
	return (NON_TURNOVER_KINDS as readonly string[]).includes(kind);
}

/**
 * Removes the lines whose item does not exist yet and whose kind has no G/L account; returns
 * the warnings. `exists` tells whether an item code is in Exact.
 */
export function leaveOutUnbookedLines(
	doc: EnrichedOrderDocument,
	accounts: NonTurnoverAccounts,
	exists: (code: string) => boolean,
): string[] {
	const out: DocumentLine[] = [];
	const kept = doc.lines.filter((line) => {
		if (!isNonTurnover(line.kind) || accounts[line.kind]) return true;
		if (line.itemCode && exists(line.itemCode)) return true;
		out.push(line);
		return false;
	});
	if (out.length === 0) return [];
	const skipped = out.reduce((sum, line) => sum + line.netAmountInclCents, 0);
	doc.lines = kept;
	doc.totals = computeTotals(kept, {
		totalCents: doc.totals.shopifyTotalCents,
		taxCents: doc.totals.shopifyTaxCents,
		discountCents: doc.totals.shopifyDiscountCents,
		presentmentTotalCents: doc.totals.presentmentTotalCents,
		skippedCents: doc.totals.skippedCents + skipped,
	});
	return out.map(
		(line) =>
			`${LABELS[line.kind as NonTurnoverKind]} line "${line.description}" (${formatMoney(line.netAmountInclCents, doc.currency)} ${doc.currency}) left out: ` +
			`it is not turnover, and item ${line.itemCode} does not exist in Exact nor is a G/L account chosen for it (Item node option ${OPTIONS[line.kind as NonTurnoverKind]})`,
	);
}
