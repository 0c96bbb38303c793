/**
 * An intra-community supply (ICP: 0 % VAT, reverse charge) is reported on the EC sales listing
 * with the customer's VAT number, which Exact takes from the order's account. So the account of
 * an ICP order must carry the order's VAT number: a found account without one gets it, and one
 * with another number is not the account of this business (its own account is used or made). Pure.
 */
import type { EnrichedOrderDocument } from '../document';
import { normalizeVatNumber } from './accountMatch';

/** The VAT number an ICP order's account must carry, or null when no line is ICP. */
export function icpVatNumber(
	doc: Pick<EnrichedOrderDocument, 'lines' | 'customer'>,
): string | null {
	if (!doc.lines.some((line) => line.vat?.treatment === 'icp')) return null;
	return normalizeVatNumber(doc.customer.vatNumber);
}

/** ok: the account carries it; set: the account has none (set it); other: it has another one. */
export function icpAccountCheck(
	account: { VATNumber?: string | null },
	vatNumber: string,
): 'ok' | 'set' | 'other' {
	const current = normalizeVatNumber(account.VATNumber);
	if (!current) return 'set';
	return current === vatNumber ? 'ok' : 'other';
}
