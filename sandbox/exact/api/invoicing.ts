import { validation } from '../errors';
import { jsonReply, Reply } from '../http/reply';
import { completeSalesOrder, completeSalesOrderLine } from '../domain/completion';
import { invoiceSalesOrders, printSalesInvoice } from '../domain/invoicing';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import type { ApiRequest } from './request';
import { requireJson } from './write';

/**
 * POST-only function sets of the order-to-cash path: order-to-invoice (domain/invoicing.ts) and
 * completing what is left of an order (domain/completion.ts).
 */
export const INVOICING_PATHS = [
	'salesinvoice/InvoiceSalesOrders',
	'salesinvoice/PrintedSalesInvoices',
	'salesorder/CompleteSalesOrder',
	'salesorder/CompleteSalesOrderLine',
];

const TYPES: Record<string, string> = {
	'salesinvoice/InvoiceSalesOrders': 'Exact.Web.Api.Models.SalesInvoice.InvoiceSalesOrder',
	'salesinvoice/PrintedSalesInvoices': 'Exact.Web.Api.Models.SalesInvoice.PrintedSalesInvoice',
	'salesorder/CompleteSalesOrder': 'Exact.Web.Api.Models.SalesOrder.CompleteSalesOrder',
	'salesorder/CompleteSalesOrderLine': 'Exact.Web.Api.Models.SalesOrder.CompleteSalesOrderLine',
};

export async function handleInvoicing(req: ApiRequest, tx: Tx): Promise<Reply> {
	const body = requireJson(req);
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw validation('The request body must be one JSON object.');
	const input = body as Rec;
	let result: Rec;
	if (req.rest === 'salesinvoice/InvoiceSalesOrders') {
		const { invoiceIds: _ids, ...answer } = await invoiceSalesOrders(req.core, tx, input);
		result = answer;
	} else if (req.rest === 'salesorder/CompleteSalesOrder') {
		result = { ...completeSalesOrder(tx, input) };
	} else if (req.rest === 'salesorder/CompleteSalesOrderLine') {
		result = { ...completeSalesOrderLine(tx, input) };
	} else {
		result = printSalesInvoice(tx, input);
	}
	const key = String(result.ID ?? result.InvoiceID ?? result.OrderID ?? '');
	const uri = `${req.base}/api/v1/${req.division}/${req.rest}(guid'${key}')`;
	return jsonReply(201, { d: { __metadata: { uri, type: TYPES[req.rest] }, ...result } });
}
