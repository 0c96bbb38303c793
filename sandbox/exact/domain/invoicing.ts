import type { Core } from '../core';
import { ENTITIES } from '../entities';
import { validation } from '../errors';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { createRecord } from '../api/write';
import { viewOf } from './hooks';
import { invoiceableQuantity, linesOf, settleOrder } from './order-lines';

/**
 * salesinvoice/InvoiceSalesOrders and salesinvoice/PrintedSalesInvoices: Exact's order-to-invoice
 * path. InvoiceSalesOrders turns the to-be-invoiced quantities of sales orders into open (Status 20)
 * sales invoices whose lines keep their SalesOrder/SalesOrderLine link; PrintedSalesInvoices
 * processes an invoice (Status 50), after which it cannot change.
 */

/** CreateMode 0 one invoice per customer (InvoiceTo), 1 one invoice per order. */
const CREATE_MODES = [0, 1];
/** InvoiceMode 0 by quantity delivered, 1 by quantity ordered. */
const INVOICE_MODES = [0, 1];
/** When several orders go in one call, at most this many order lines (Exact's reference). */
const MAX_LINES = 500;

function orderIdsOf(raw: unknown): string[] {
	const list = Array.isArray(raw)
		? raw
		: Array.isArray((raw as { results?: unknown[] } | null)?.results)
			? (raw as { results: unknown[] }).results
			: null;
	if (!list || list.length === 0) throw validation('Mandatory: SalesOrderIDs');
	return list.map((entry) => {
		const id =
			typeof entry === 'string' ? entry : ((entry as Rec)?.SalesOrderID ?? (entry as Rec)?.ID);
		if (typeof id !== 'string') throw validation('SalesOrderIDs: each entry needs a SalesOrderID.');
		return id.toLowerCase();
	});
}

function int(body: Rec, field: string, allowed: number[]): number {
	const value = body[field];
	if (value === undefined || value === null || value === '')
		throw validation(`Mandatory: ${field}`);
	if (typeof value !== 'number' || !allowed.includes(value))
		throw validation(`${field}: ${String(value)} is not valid.`);
	return value;
}

interface ToInvoice {
	order: Rec;
	lines: Array<{ line: Rec; quantity: number }>;
}

/** What each order has to invoice: delivered (or ordered) minus already invoiced, per line. */
function openQuantities(tx: Tx, ids: string[], mode: number): ToInvoice[] {
	return ids.map((id) => {
		const order = tx.div.get('SalesOrders', id);
		if (!order) throw validation(`SalesOrderIDs: sales order ${id} does not exist.`);
		const lines = linesOf(tx, order.OrderID)
			.filter((line) => line.InvoiceCompleted !== true)
			.map((line) => {
				// By quantity ordered: the ordered quantity, or only the delivered part once the
				// rest of the line's delivery was completed (those goods will never ship).
				const basis = mode === 0 ? Number(line.QuantityDelivered ?? 0) : invoiceableQuantity(line);
				return { line, quantity: basis - Number(line.QuantityInvoiced ?? 0) };
			})
			.filter((l) => l.quantity > 1e-9);
		return { order, lines };
	});
}

export interface InvoiceRunResult {
	ID: string;
	CreateMode: number;
	InvoiceMode: number;
	JournalCode: string;
	NumberOfCreatedInvoices: number;
	NumberOfFailedInvoices: number;
	Errors: string | null;
	/** Not in Exact's answer; kept for the sandbox's own tests and log. */
	invoiceIds: string[];
}

export async function invoiceSalesOrders(core: Core, tx: Tx, body: Rec): Promise<InvoiceRunResult> {
	const ids = orderIdsOf(body.SalesOrderIDs);
	const createMode = int(body, 'CreateMode', CREATE_MODES);
	const invoiceMode = int(body, 'InvoiceMode', INVOICE_MODES);
	const journalCode = String(body.JournalCode ?? '').trim();
	if (!journalCode) throw validation('Mandatory: JournalCode');
	const work = openQuantities(tx, [...new Set(ids)], invoiceMode);
	const lineCount = work.reduce((n, w) => n + linesOf(tx, w.order.OrderID).length, 0);
	if (ids.length > 1 && lineCount > MAX_LINES)
		throw validation(`At most ${MAX_LINES} sales order lines can be invoiced at once.`);
	const errors: string[] = [];
	const groups = new Map<string, ToInvoice[]>();
	for (const w of work) {
		if (w.order.Status === 45) {
			errors.push(`Sales order ${w.order.OrderNumber}: cancelled.`);
			continue;
		}
		if (w.lines.length === 0) {
			errors.push(`Sales order ${w.order.OrderNumber}: nothing to invoice.`);
			continue;
		}
		const key =
			createMode === 1 ? String(w.order.OrderID) : `${w.order.InvoiceTo}|${w.order.Currency}`;
		groups.set(key, [...(groups.get(key) ?? []), w]);
	}
	const invoiceDef = ENTITIES.get('salesinvoice/SalesInvoices');
	if (!invoiceDef) throw new Error('salesinvoice/SalesInvoices is not defined');
	const invoiceIds: string[] = [];
	for (const group of groups.values()) {
		const first = group[0].order;
		const picked = group.flatMap((g) => g.lines.map((l) => ({ ...l, order: g.order })));
		const header: Rec = {
			Journal: journalCode,
			OrderedBy: first.OrderedBy,
			InvoiceTo: first.InvoiceTo,
			DeliverTo: first.DeliverTo,
			Currency: first.Currency,
			PaymentCondition: first.PaymentCondition,
			YourRef: group.length === 1 ? first.YourRef : null,
			Description: group.length === 1 ? first.Description : null,
			OrderNumber: group.length === 1 ? first.OrderNumber : null,
			SalesInvoiceLines: picked.map(({ line, quantity }) => ({
				Item: line.Item,
				Quantity: quantity,
				UnitPrice: line.NetPrice,
				VATCode: line.VATCode,
				Description: line.Description,
			})),
		};
		for (const [k, v] of Object.entries(header))
			if (v === null || v === undefined) delete header[k];
		const invoice = await createRecord(core, tx, invoiceDef, header);
		invoice.Status = 20;
		tx.touch('SalesInvoices', invoice);
		const invoiceLines = tx.div
			.lookup('SalesInvoiceLines', 'InvoiceID', invoice.InvoiceID)
			.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
		picked.forEach(({ line, quantity, order }, i) => {
			Object.assign(invoiceLines[i], {
				SalesOrder: order.OrderID,
				SalesOrderNumber: order.OrderNumber,
				SalesOrderLine: line.ID,
				SalesOrderLineNumber: line.LineNumber,
			});
			line.QuantityInvoiced = Number(line.QuantityInvoiced ?? 0) + quantity;
			tx.touch('SalesOrderLines', line);
		});
		for (const g of group) settleOrder(tx, viewOf(tx), g.order);
		invoiceIds.push(String(invoice.InvoiceID));
	}
	return {
		ID: String(body.ID ?? invoiceIds[0] ?? ''),
		CreateMode: createMode,
		InvoiceMode: invoiceMode,
		JournalCode: journalCode,
		NumberOfCreatedInvoices: invoiceIds.length,
		NumberOfFailedInvoices: errors.length,
		Errors: errors.length ? errors.join(' ') : null,
		invoiceIds,
	};
}

/** Processes (prints) an invoice: Status 20 (or 10) → 50; a processed invoice is refused. */
export function printSalesInvoice(tx: Tx, body: Rec): Rec {
	const id = typeof body.InvoiceID === 'string' ? body.InvoiceID.toLowerCase() : undefined;
	if (!id) throw validation('Mandatory: InvoiceID');
	const invoice = tx.div.get('SalesInvoices', id);
	if (!invoice) throw validation('InvoiceID: the sales invoice does not exist.');
	if (invoice.Status === 50)
		throw validation(`Sales invoice ${invoice.InvoiceNumber} is already processed.`);
	invoice.Status = 50;
	tx.touch('SalesInvoices', invoice);
	return {
		InvoiceID: invoice.InvoiceID,
		Division: tx.div.code,
		DocumentCreationSuccess: 'Document created.',
		DocumentCreationError: null,
		EmailCreationSuccess: body.SendEmailToCustomer === true ? 'E-mail sent.' : null,
		EmailCreationError: null,
		SendEmailToCustomer: body.SendEmailToCustomer === true,
	};
}
