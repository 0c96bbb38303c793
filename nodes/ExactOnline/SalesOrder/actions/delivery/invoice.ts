/**
 * Exact's own order-to-invoice path: salesinvoice/InvoiceSalesOrders turns what is to be invoiced
 * on an order (delivered or ordered, less what was invoiced before) into an open invoice linked to
 * the order and its lines, and salesinvoice/PrintedSalesInvoices processes it so it becomes an open
 * item in the books. Exact itself is the natural key here: a second run finds nothing left to
 * invoice, and an invoice a run left unprocessed is processed by the next one. Runs for one order
 * take turns within a process (orders/paid and a fulfilment invoice arriving together); across
 * processes an invoice another run processed first is reported, not processed twice.
 */
import type { IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { eq, lit } from '../../../../core/exact/filter';
import { createKeyedLock } from '../../../shared/keyedLock';
import { exactGetAll, exactLookup, exactRequest } from '../../../shared/transport';

const orderLock = createKeyedLock();

/** 0: by quantity delivered, 1: by quantity ordered (Exact's InvoiceMode). */
export type InvoiceMode = 0 | 1;

export interface InvoiceOutcome {
	id: string;
	number: number | null;
	status: number | null;
	/** created: made by this run; processed: made before, processed by this run; existing: left as it was. */
	action: 'created' | 'processed' | 'existing';
}

export interface InvoiceRun {
	created: number;
	message: string | null;
	invoices: InvoiceOutcome[];
}

interface InvoiceRow {
	InvoiceID: string;
	InvoiceNumber?: number | null;
	Status?: number | null;
}

const PROCESSED = 50;

async function invoicesOfOrder(
	ctx: IExecuteFunctions,
	orderId: string,
	itemIndex: number,
): Promise<InvoiceRow[]> {
	const lines = (await exactGetAll.call(ctx, {
		path: 'salesinvoice/SalesInvoiceLines',
		qs: { $filter: eq('SalesOrder', lit.guid(orderId)), $select: ['InvoiceID'] },
		itemIndex,
	})) as Array<{ InvoiceID: string }>;
	const ids = [...new Set(lines.map((l) => l.InvoiceID))];
	if (ids.length === 0) return [];
	return (await exactLookup.call(ctx, {
		path: 'salesinvoice/SalesInvoices',
		field: 'InvoiceID',
		values: ids.map((id) => lit.guid(id)),
		select: ['InvoiceID', 'InvoiceNumber', 'Status'],
		itemIndex,
	})) as InvoiceRow[];
}

async function statusOf(
	ctx: IExecuteFunctions,
	invoiceId: string,
	itemIndex: number,
): Promise<number | null> {
	const [now] = (await exactLookup.call(ctx, {
		path: 'salesinvoice/SalesInvoices',
		field: 'InvoiceID',
		values: [lit.guid(invoiceId)],
		select: ['InvoiceID', 'Status'],
		itemIndex,
	})) as InvoiceRow[];
	return now?.Status ?? null;
}

export async function invoiceOrder(
	ctx: IExecuteFunctions,
	order: { OrderID: string },
	options: { mode: InvoiceMode; journal: string; process: boolean },
	itemIndex: number,
): Promise<InvoiceRun> {
	return await orderLock(
		order.OrderID.toLowerCase(),
		async () => await invoiceOrderNow(ctx, order, options, itemIndex),
	);
}

async function invoiceOrderNow(
	ctx: IExecuteFunctions,
	order: { OrderID: string },
	options: { mode: InvoiceMode; journal: string; process: boolean },
	itemIndex: number,
): Promise<InvoiceRun> {
	const before = new Set(
		(await invoicesOfOrder(ctx, order.OrderID, itemIndex)).map((i) => i.InvoiceID),
	);
	const answer = (await exactRequest.call(ctx, {
		method: 'POST',
		path: 'salesinvoice/InvoiceSalesOrders',
		body: {
			SalesOrderIDs: [{ SalesOrderID: order.OrderID }],
			CreateMode: 1,
			InvoiceMode: options.mode,
			JournalCode: options.journal,
		},
		itemIndex,
		// Repeating it is harmless: Exact invoices only what is not invoiced yet.
		writeCheck: async () => undefined,
	})) as { NumberOfCreatedInvoices?: number | null; Errors?: string | null };
	const after = await invoicesOfOrder(ctx, order.OrderID, itemIndex);
	// An invoice that appeared meanwhile is this run's only when Exact says this call made one
	// (another process may have invoiced the order between the two lookups).
	const madeByThisCall = Number(answer?.NumberOfCreatedInvoices ?? 0) > 0;
	const invoices: InvoiceOutcome[] = [];
	for (const row of after) {
		const isNew = madeByThisCall && !before.has(row.InvoiceID);
		let status = row.Status ?? null;
		let processedNow = false;
		if (options.process && status !== PROCESSED) {
			try {
				await exactRequest.call(ctx, {
					method: 'POST',
					path: 'salesinvoice/PrintedSalesInvoices',
					body: { InvoiceID: row.InvoiceID, SendEmailToCustomer: false },
					itemIndex,
					writeCheck: async () =>
						(await statusOf(ctx, row.InvoiceID, itemIndex)) === PROCESSED ? {} : undefined,
				});
				processedNow = true;
			} catch (error) {
				// Another process (a second n8n worker) may have processed it a moment earlier. The
				// transport's errors are NodeApiErrors already.
				if ((await statusOf(ctx, row.InvoiceID, itemIndex)) !== PROCESSED)
					throw error as NodeApiError;
			}
			status = PROCESSED;
		}
		if (!isNew && !processedNow) continue;
		invoices.push({
			id: row.InvoiceID,
			number: row.InvoiceNumber ?? null,
			status,
			action: isNew ? 'created' : 'processed',
		});
	}
	return {
		created: Number(answer?.NumberOfCreatedInvoices ?? 0),
		message: answer?.Errors ?? null,
		invoices,
	};
}
