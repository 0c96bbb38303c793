import { validation } from '../errors';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { viewOf } from './hooks';
import { deliveryDone, invoiceDone, linesOf, settleOrder } from './order-lines';
import { refreshStock } from './stock';

/**
 * salesorder/CompleteSalesOrder and salesorder/CompleteSalesOrderLine: "complete a sales order
 * either the remaining goods delivery, the outstanding invoice or both … Once completed, this
 * action cannot be undone" (Exact's REST reference). Completing the delivery of a line ends its
 * planned stock-out (the rest will never ship) and closes it to further deliveries; completing
 * its invoice closes it to further invoicing. The answer carries ErrorMessage or SuccessMessage.
 */

export interface CompletionAnswer {
	Division: number;
	ErrorMessage: string | null;
	SuccessMessage: string | null;
}

function flag(body: Rec, field: string): boolean {
	const value = body[field];
	if (value === undefined || value === null) return false; // Exact's default: false
	if (typeof value !== 'boolean') throw validation(`${field}: ${String(value)} is not valid.`);
	return value;
}

function guidOf(body: Rec, field: string): string {
	const value = body[field];
	if (value === undefined || value === null || value === '')
		throw validation(`Mandatory: ${field}`);
	if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value))
		throw validation(`${field}: ${String(value)} is not a valid Guid.`);
	return value.toLowerCase();
}

function answer(tx: Tx, error: string | null, success: string | null): CompletionAnswer {
	return { Division: tx.div.code, ErrorMessage: error, SuccessMessage: success };
}

/** Completes the chosen parts of the given lines of one order; answers how many lines changed. */
function completeLines(
	tx: Tx,
	order: Rec,
	lines: Rec[],
	parts: { delivery: boolean; invoice: boolean },
): number {
	let changed = 0;
	for (const line of lines) {
		let touched = false;
		if (parts.delivery && !deliveryDone(line)) {
			line.DeliveryCompleted = true;
			touched = true;
		}
		if (parts.invoice && !invoiceDone(line)) {
			line.InvoiceCompleted = true;
			touched = true;
		}
		if (!touched) continue;
		changed += 1;
		tx.touch('SalesOrderLines', line);
		refreshStock(tx, line.Item, order.WarehouseID);
	}
	if (changed > 0) settleOrder(tx, viewOf(tx), order);
	return changed;
}

function wanted(body: Rec): { delivery: boolean; invoice: boolean } | null {
	const parts = {
		delivery: flag(body, 'CompleteDelivery'),
		invoice: flag(body, 'CompleteInvoice'),
	};
	return parts.delivery || parts.invoice ? parts : null;
}

function what(parts: { delivery: boolean; invoice: boolean }): string {
	return [parts.delivery ? 'delivery' : '', parts.invoice ? 'invoice' : '']
		.filter(Boolean)
		.join(' and ');
}

export function completeSalesOrder(tx: Tx, body: Rec): CompletionAnswer & { OrderID: string } {
	const id = guidOf(body, 'OrderID');
	const parts = wanted(body);
	const order = tx.div.get('SalesOrders', id);
	const base = { OrderID: id };
	if (!order) return { ...base, ...answer(tx, 'The sales order does not exist.', null) };
	if (!parts)
		return {
			...base,
			...answer(tx, 'Choose CompleteDelivery, CompleteInvoice or both.', null),
		};
	if (order.Status === 45)
		return { ...base, ...answer(tx, `Sales order ${order.OrderNumber} is cancelled.`, null) };
	const changed = completeLines(tx, order, linesOf(tx, order.OrderID), parts);
	if (changed === 0)
		return {
			...base,
			...answer(
				tx,
				`Sales order ${order.OrderNumber}: the ${what(parts)} is already complete.`,
				null,
			),
		};
	return {
		...base,
		...answer(tx, null, `Sales order ${order.OrderNumber}: ${what(parts)} completed.`),
	};
}

export function completeSalesOrderLine(tx: Tx, body: Rec): CompletionAnswer & { ID: string } {
	const id = guidOf(body, 'ID');
	const parts = wanted(body);
	const line = tx.div.get('SalesOrderLines', id);
	const base = { ID: id };
	if (!line) return { ...base, ...answer(tx, 'The sales order line does not exist.', null) };
	if (!parts)
		return {
			...base,
			...answer(tx, 'Choose CompleteDelivery, CompleteInvoice or both.', null),
		};
	const order = tx.div.get('SalesOrders', line.OrderID) as Rec;
	if (order.Status === 45)
		return { ...base, ...answer(tx, `Sales order ${order.OrderNumber} is cancelled.`, null) };
	const changed = completeLines(tx, order, [line], parts);
	const name = `Sales order ${order.OrderNumber} line ${line.LineNumber}`;
	if (changed === 0)
		return { ...base, ...answer(tx, `${name}: the ${what(parts)} is already complete.`, null) };
	return { ...base, ...answer(tx, null, `${name}: ${what(parts)} completed.`) };
}
