import { startOfDay } from '../clock';
import { validation } from '../errors';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { Hooks, viewOf } from './hooks';
import { fillInvoiceLine, invoiceLinesOf, invoiceTotals } from './invoice-lines';
import { assertIcpVatNumber } from './line-vat';
import { account, defaultDeliveryAddress } from './orders';
import { settleOrder } from './order-lines';
import { DivView } from './view';

/** Sales journals have journal Type 20. */
export const SALES_JOURNAL = 20;
/** 8020 invoice, 8021 credit note, 8023/8024 direct invoice / credit note (need a Warehouse). */
export const INVOICE_TYPES = [8020, 8021, 8023, 8024];
export const INVOICE_STATUSES = [10, 20, 50];
/** Credit notes: 8021, and 8024 (direct). */
export const CREDIT_TYPES = [8021, 8024];
/** First number handed out in a division without invoices. */
export const FIRST_INVOICE_NUMBER = 24700001;
const DAY = 86400000;

/** Checks the references of a new record or of a PUT patch merged over the record. */
function checkReferences(tx: Tx, v: DivView, values: Rec, changed: Rec): void {
	if ('Journal' in changed) {
		const journal = v.journal(values.Journal);
		if (!journal) throw validation(`Journal: journal '${values.Journal}' does not exist.`);
		if (journal.Type !== SALES_JOURNAL)
			throw validation(`Journal: journal '${values.Journal}' is not a sales journal.`);
	}
	if (!INVOICE_TYPES.includes(Number(values.Type)))
		throw validation(`Type: ${values.Type} is not a valid sales invoice type.`);
	if ((values.Type === 8023 || values.Type === 8024) && values.Warehouse == null)
		throw validation('Mandatory: Warehouse');
	if (values.Warehouse != null && !tx.div.get('Warehouses', values.Warehouse))
		throw validation('Warehouse: the warehouse does not exist.');
	for (const f of ['OrderedBy', 'InvoiceTo', 'DeliverTo']) {
		if (f in changed && values[f] != null) account(v, values[f], f);
	}
	if (values.PaymentCondition != null && !v.paymentCondition(values.PaymentCondition)) {
		throw validation(
			`PaymentCondition: payment condition '${values.PaymentCondition}' does not exist.`,
		);
	}
	if (values.ShippingMethod != null && !tx.div.get('ShippingMethods', values.ShippingMethod))
		throw validation('ShippingMethod: the shipping method does not exist.');
	if (values.Status != null && !INVOICE_STATUSES.includes(Number(values.Status)))
		throw validation(`Status: ${values.Status} is not a valid status.`);
	if (values.InvoiceNumber != null) {
		const clash = tx.div
			.lookup('SalesInvoices', 'InvoiceNumber', values.InvoiceNumber)
			.find((i) => i.InvoiceID !== values.InvoiceID);
		if (clash) throw validation(`InvoiceNumber: invoice ${values.InvoiceNumber} already exists.`);
	}
	for (const f of ['InvoiceDate', 'OrderDate', 'DueDate']) {
		if (typeof changed[f] === 'number') changed[f] = startOfDay(changed[f] as number);
	}
}

function processed(rec: Rec): boolean {
	return rec.Status === 50;
}

export const salesInvoiceHooks: Hooks = {
	create(tx, rec, nav) {
		const v = viewOf(tx);
		const raw = nav.SalesInvoiceLines;
		rec.Type = rec.Type ?? 8020;
		checkReferences(tx, v, rec, rec);
		if (!raw || raw.length === 0) throw validation('Mandatory: SalesInvoiceLines');
		const orderedBy = account(v, rec.OrderedBy, 'OrderedBy');
		const invoiceTo = account(v, rec.InvoiceTo ?? rec.OrderedBy, 'InvoiceTo');
		const deliverTo = account(v, rec.DeliverTo ?? rec.OrderedBy, 'DeliverTo');
		const condition = rec.PaymentCondition ?? orderedBy.PaymentConditionSales ?? '00';
		const invoiceDate = (rec.InvoiceDate as number | undefined) ?? tx.clock.today();
		const days = Number(v.paymentCondition(condition)?.PaymentDays ?? 0);
		Object.assign(rec, {
			InvoiceTo: invoiceTo.ID,
			DeliverTo: deliverTo.ID,
			OrderedByContactPerson: rec.OrderedByContactPerson ?? orderedBy.MainContact ?? null,
			InvoiceToContactPerson: rec.InvoiceToContactPerson ?? invoiceTo.MainContact ?? null,
			DeliverToContactPerson: rec.DeliverToContactPerson ?? deliverTo.MainContact ?? null,
			DeliverToAddress: rec.DeliverToAddress ?? defaultDeliveryAddress(tx, deliverTo.ID),
			InvoiceDate: invoiceDate,
			DueDate: rec.DueDate ?? invoiceDate + days * DAY,
			Currency: rec.Currency ?? tx.div.currency,
			PaymentCondition: condition,
			Status: rec.Status ?? 10,
			Discount: rec.Discount ?? 0,
		});
		const counters = tx.div.counters;
		const last = counters.invoiceNumber ?? FIRST_INVOICE_NUMBER - 1;
		if (rec.InvoiceNumber == null) rec.InvoiceNumber = last + 1;
		checkReferences(tx, v, rec, { PaymentCondition: rec.PaymentCondition });
		counters.invoiceNumber = Math.max(last, Number(rec.InvoiceNumber));
		const lines = (raw as Rec[]).map((line, i) => fillInvoiceLine(v, rec, line, i));
		if (CREDIT_TYPES.includes(Number(rec.Type))) {
			// Exact's reference: a credit note's amounts are negative "when retrieved or posted".
			const positive = lines.find((line) => Number(line.AmountFC) > 0);
			if (positive) {
				throw validation(
					`SalesInvoiceLines: line ${positive.LineNumber} of a credit note has a positive amount (${positive.AmountFC}); credit note amounts are negative.`,
				);
			}
		}
		assertIcpVatNumber(v, orderedBy, lines);
		nav.SalesInvoiceLines = lines;
		Object.assign(rec, invoiceTotals(v, lines, v.rateToDivision(rec.Currency, rec.InvoiceDate)));
	},
	afterCreate(tx, _rec, nav) {
		for (const line of nav.SalesInvoiceLines as Rec[]) tx.insert('SalesInvoiceLines', line);
	},
	update(tx, rec, patch, nav) {
		if (processed(rec)) throw validation('This sales invoice is processed and cannot be changed.');
		if (nav.SalesInvoiceLines)
			throw validation('SalesInvoiceLines cannot be changed through a PUT on the invoice.');
		checkReferences(tx, viewOf(tx), { ...rec, ...patch }, patch);
	},
	remove(tx, rec) {
		if (processed(rec)) throw validation('This sales invoice is processed and cannot be deleted.');
		const orders = new Set<Rec>();
		for (const line of invoiceLinesOf(tx, rec.InvoiceID)) {
			tx.remove('SalesInvoiceLines', line);
			// An invoice made from orders gives its quantities back to be invoiced again.
			const orderLine = line.SalesOrderLine
				? tx.div.get('SalesOrderLines', line.SalesOrderLine)
				: undefined;
			if (!orderLine) continue;
			orderLine.QuantityInvoiced =
				Number(orderLine.QuantityInvoiced ?? 0) - Number(line.Quantity ?? 0);
			tx.touch('SalesOrderLines', orderLine);
			const order = tx.div.get('SalesOrders', orderLine.OrderID);
			if (order) orders.add(order);
		}
		for (const order of orders) settleOrder(tx, viewOf(tx), order);
	},
};
