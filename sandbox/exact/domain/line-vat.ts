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
