/** What sales order lines and sales invoice lines share: the item check and the VAT of a line. */
import { validation } from '../errors';
import type { Rec } from '../store';
import { round2 } from './hooks';
import { DivView } from './view';

/** The line's item; it must exist and be a sales item. */
export function salesItemOf(v: DivView, line: Rec): Rec {
	const item = v.get('Items', line.Item);
	if (!item) throw validation(line.Item ? 'Item: the item does not exist.' : 'Mandatory: Item');
	if (item.IsSalesItem === false) throw validation(`Item ${item.Code} is not a sales item.`);
	return item;
}

/** The line's VAT code, else the account's, else the item's; a given code must exist, unblocked. */
export function lineVatCode(
	v: DivView,
	line: Rec,
	account: Rec | undefined,
	item: Rec,
): Rec | undefined {
	const code = line.VATCode ?? account?.SalesVATCode ?? item.SalesVatCode ?? null;
	if (code === null) return undefined;
	const vat = v.vatCode(code);
	if (!vat) throw validation(`VATCode: VAT code '${code}' does not exist.`);
	if (vat.IsBlocked === true) throw validation(`VATCode: VAT code '${vat.Code}' is blocked.`);
	return vat;
}

/**
 * An intra-community supply (a VAT code on the EC sales listing, EUSalesListing other than N) must
 * name the customer's VAT number on that listing, so the account needs one. Exact refuses it.
 */
export function assertIcpVatNumber(v: DivView, account: Rec, lines: Rec[]): void {
	if (typeof account.VATNumber === 'string' && account.VATNumber.trim()) return;
	const icp = lines.find((line) => {
		const listing = line.VATCode ? v.vatCode(line.VATCode)?.EUSalesListing : undefined;
		return typeof listing === 'string' && listing !== 'N' && listing.trim() !== '';
	});
	if (icp) {
		throw validation(
			`VATNumber: account ${String(account.Code ?? '').trim()} has no VAT number, which VAT code ${String(icp.VATCode)} (intra-community supply) requires.`,
		);
	}
}

/** The VAT in a line amount: I = the amount includes VAT, E = VAT comes on top, B/N = none. */
export function vatOfAmount(
	amount: number,
	vat: Rec | undefined,
): { pct: number; vatAmount: number } {
	const pct = Number(vat?.Percentage ?? 0);
	const vatAmount =
		vat?.Type === 'I'
			? round2((amount * pct) / (1 + pct))
			: vat?.Type === 'E'
				? round2(amount * pct)
				: 0;
	return { pct, vatAmount };
}
