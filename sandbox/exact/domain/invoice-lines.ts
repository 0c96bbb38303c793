import { newGuid } from '../ids';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { round2, roundPrice } from './hooks';
import { lineVatCode, salesItemOf, vatOfAmount } from './line-vat';
import { DivView } from './view';

/**
 * Fills a sales invoice line the way sales order lines are filled (see order-lines.ts): price
 * from the line (UnitPrice, else AmountFC / Quantity, else the item's standard sales price),
 * VAT code from the line, else the account's, else the item's, and VAT from the code's Type.
 * Negative quantities are accepted whatever the invoice Type (credit notes carry them).
 */
export function fillInvoiceLine(v: DivView, invoice: Rec, line: Rec, index: number): Rec {
	const item = salesItemOf(v, line);
	const quantity = typeof line.Quantity === 'number' ? line.Quantity : 1;
	const listPrice = (v.defaultPrice(String(item.ID))?.Price as number | undefined) ?? 0;
	const given = typeof line.AmountFC === 'number' ? line.AmountFC : undefined;
	const decimals = v.div.priceDecimals;
	const unitPrice = roundPrice(
		typeof line.UnitPrice === 'number'
			? line.UnitPrice
			: given !== undefined && quantity !== 0
				? given / quantity
				: listPrice,
		decimals,
	);
	const discount = typeof line.Discount === 'number' ? line.Discount : 0;
	const netPrice = roundPrice(
		typeof line.NetPrice === 'number' ? line.NetPrice : unitPrice * (1 - discount),
		decimals,
	);
	const amount =
		typeof line.UnitPrice !== 'number' && given !== undefined ? given : round2(netPrice * quantity);
	const vat = lineVatCode(v, line, v.get('Accounts', invoice.OrderedBy), item);
	const { pct, vatAmount } = vatOfAmount(amount, vat);
	return {
		...line,
		ID: line.ID ?? newGuid(),
		InvoiceID: invoice.InvoiceID,
		LineNumber: index + 1,
		Quantity: quantity,
		UnitPrice: unitPrice,
		NetPrice: netPrice,
		Discount: discount,
		AmountFC: amount,
		AmountDC: amount,
		VATCode: vat ? vat.Code : null,
		VATPercentage: vat ? pct : null,
		VATAmountFC: vatAmount,
		VATAmountDC: vatAmount,
		Description: line.Description ?? item.Description,
		UnitCode: line.UnitCode ?? item.Unit ?? null,
		DeliveryDate: line.DeliveryDate ?? invoice.InvoiceDate,
	};
}

export function invoiceLinesOf(tx: Tx, invoiceId: unknown): Rec[] {
	return tx.div
		.lookup('SalesInvoiceLines', 'InvoiceID', invoiceId)
		.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
}

/** Header totals from the lines: type I amounts include their VAT, the others exclude it. */
export function invoiceTotals(v: DivView, lines: Rec[], rateToDivision = 1): Rec {
	let excl = 0;
	let vat = 0;
	for (const line of lines) {
		const amount = Number(line.AmountFC ?? 0);
		const lineVat = Number(line.VATAmountFC ?? 0);
		const type = line.VATCode ? v.vatCode(line.VATCode)?.Type : undefined;
		excl += type === 'I' ? round2(amount - lineVat) : amount;
		vat += lineVat;
	}
	const total = round2(excl + vat);
	return {
		AmountFCExclVat: round2(excl),
		VATAmountFC: round2(vat),
		VATAmountDC: round2(vat * rateToDivision),
		AmountFC: total,
		AmountDC: round2(total * rateToDivision),
		AmountDiscount: 0,
		AmountDiscountExclVat: 0,
	};
}
