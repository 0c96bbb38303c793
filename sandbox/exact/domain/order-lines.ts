import { newGuid } from '../ids';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { round2, roundPrice } from './hooks';
import { lineVatCode, salesItemOf, vatOfAmount } from './line-vat';
import { DivView } from './view';

/**
 * Fills a sales order line as Exact does: price from the item when not given, VAT code from the
 * line (else the account's, else the item's default), and amounts from the code's Type:
 * E = prices exclude VAT, I = prices include VAT, B/N = no VAT. Rounded to cents per line.
 */
export function fillLine(v: DivView, order: Rec, line: Rec): Rec {
	const item = salesItemOf(v, line);
	const quantity = typeof line.Quantity === 'number' ? line.Quantity : 1;
	const listPrice = (v.defaultPrice(String(item.ID))?.Price as number | undefined) ?? 0;
	// Exact stores prices to the division's price decimals; the amount is price × quantity.
	const decimals = v.div.priceDecimals;
	const unitPrice = roundPrice(
		typeof line.UnitPrice === 'number' ? line.UnitPrice : listPrice,
		decimals,
	);
	let discount = typeof line.Discount === 'number' ? line.Discount : undefined;
	const netPrice = roundPrice(
		typeof line.NetPrice === 'number' ? line.NetPrice : unitPrice * (1 - (discount ?? 0)),
		decimals,
	);
	if (discount === undefined) {
		discount = unitPrice > 0 ? Math.round(((unitPrice - netPrice) / unitPrice) * 1e6) / 1e6 : 0;
	}
	const vat = lineVatCode(v, line, v.get('Accounts', order.OrderedBy), item);
	const amount = round2(netPrice * quantity);
	const { pct, vatAmount } = vatOfAmount(amount, vat);
	const rate = v.rateToDivision(order.Currency, order.OrderDate);
	return {
		...line,
		Quantity: quantity,
		UnitPrice: unitPrice,
		NetPrice: netPrice,
		Discount: discount,
		VATCode: vat ? vat.Code : null,
		VATPercentage: vat ? pct : null,
		VATAmount: vatAmount,
		AmountFC: amount,
		AmountDC: round2(amount * rate),
		Description: line.Description ?? item.Description,
		UnitCode: line.UnitCode ?? item.Unit,
		DeliveryDate: line.DeliveryDate ?? order.DeliveryDate,
		OrderID: order.OrderID,
		OrderNumber: order.OrderNumber,
		QuantityDelivered: line.QuantityDelivered ?? 0,
		QuantityInvoiced: line.QuantityInvoiced ?? 0,
		UseDropShipment: line.UseDropShipment ?? 0,
	};
}

/** Line amount excluding VAT and its VAT, whatever the code's Type. */
export function lineSplit(v: DivView, line: Rec): { excl: number; vat: number } {
	const amount = Number(line.AmountFC ?? 0);
	const vat = Number(line.VATAmount ?? 0);
	const type = line.VATCode ? v.vatCode(line.VATCode)?.Type : undefined;
	return type === 'I' ? { excl: round2(amount - vat), vat } : { excl: amount, vat };
}

/** Turns the inline SalesOrderLines of a POST into filled line records. */
export function buildInlineLines(v: DivView, order: Rec, raw: unknown[]): Rec[] {
	return (raw as Rec[]).map((values, index) => {
		const line = fillLine(v, order, values);
		return { ...line, ID: line.ID ?? newGuid(), LineNumber: index + 1 };
	});
}

export function linesOf(tx: Tx, orderId: unknown): Rec[] {
	return tx.div
		.lookup('SalesOrderLines', 'OrderID', orderId)
		.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
}

/** Whether the line's delivery is done: all of it delivered, or the rest completed. */
export function deliveryDone(line: Rec): boolean {
	return (
		line.DeliveryCompleted === true ||
		Number(line.QuantityDelivered ?? 0) >= Number(line.Quantity ?? 0)
	);
}

/**
 * What of a line can still be invoiced at most: the ordered quantity, or only what was
 * delivered once the rest of its delivery was completed (those goods will never ship).
 */
export function invoiceableQuantity(line: Rec): number {
	return line.DeliveryCompleted === true
		? Number(line.QuantityDelivered ?? 0)
		: Number(line.Quantity ?? 0);
}

/** Whether the line's invoicing is done: all invoiceable invoiced, or the rest completed. */
export function invoiceDone(line: Rec): boolean {
	return (
		line.InvoiceCompleted === true ||
		Number(line.QuantityInvoiced ?? 0) >= invoiceableQuantity(line)
	);
}

/** 12 open (nothing yet), 20 partial, 21 complete, for the delivered or invoiced quantities. */
export function progress(lines: Rec[], field: 'QuantityDelivered' | 'QuantityInvoiced'): number {
	const isDone = field === 'QuantityDelivered' ? deliveryDone : invoiceDone;
	const done = lines.filter(isDone);
	const started = lines.some((l) => Number(l[field] ?? 0) > 0);
	return lines.length > 0 && done.length === lines.length ? 21 : started ? 20 : 12;
}

/**
 * A completed (21) or cancelled (45) order takes no more changes through the API, nor does one
 * whose delivery or invoice was completed with CompleteSalesOrder(Line) ("An API update of a
 * completed sales order will not be successful"; the sandbox reads that strictly).
 */
export function isClosed(order: Rec, lines?: Rec[]): boolean {
	if (order.Status === 21 || order.Status === 45) return true;
	return (lines ?? []).some((l) => l.DeliveryCompleted === true || l.InvoiceCompleted === true);
}

/** Header totals and statuses from the lines; gives the order a new Timestamp. */
export function settleOrder(tx: Tx, v: DivView, order: Rec, touch = true): void {
	const lines = linesOf(tx, order.OrderID);
	let excl = 0;
	let vat = 0;
	for (const line of lines) {
		const split = lineSplit(v, line);
		excl += split.excl;
		vat += split.vat;
	}
	order.AmountFCExclVat = round2(excl);
	order.AmountFC = round2(excl + vat);
	order.AmountDC = round2(
		Number(order.AmountFC) * v.rateToDivision(order.Currency, order.OrderDate),
	);
	if (order.Status !== 45) {
		const delivery = progress(lines, 'QuantityDelivered');
		const invoice = progress(lines, 'QuantityInvoiced');
		order.DeliveryStatus = delivery;
		order.InvoiceStatus = invoice;
		// Status follows both: Complete only when everything is delivered and invoiced.
		order.Status =
			delivery === 21 && invoice === 21 ? 21 : delivery === 12 && invoice === 12 ? 12 : 20;
	}
	if (touch) tx.touch('SalesOrders', order);
}
