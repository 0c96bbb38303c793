/**
 * What happened in a demo run, read back from where it landed: Exact's sales orders and their VAT
 * codes, Shopify's inventory adjustments, n8n's executions and the error handler's table, the call
 * logs of both sandboxes.
 */
import { okJson } from './http';
import type { N8nRest } from './rest';

/** The error handler's and the orders template's data table: one row per order, with its status. */
export const STATUS_TABLE = 'Exact Online Commerce status';

export interface DemoReport {
	orders: number;
	salesOrders: number;
	/** Orders cancelled in Shopify during the run (removed from Exact while nothing was delivered). */
	cancelled: number;
	/** Goods deliveries of the run's orders in Exact (Deliver Immediately or Shopify fulfilments). */
	deliveries: number;
	/** Sales invoices (not credit notes) of the run's orders in Exact. */
	invoices: number;
	failed: number;
	vatCodes: Record<string, number>;
	stockUpdates: number;
	itemsSynced: number;
	exactCalls: number;
	exactCallsPerOrder: number;
	/** Exact calls per endpoint, e.g. "GET crm/Accounts" (division and keys left out). */
	exactCallsByEndpoint: Record<string, number>;
	shopifyCalls: number;
	failures: Array<{ reference: string; reason: string }>;
	seconds: number;
}

type Row = Record<string, unknown>;

async function records(url: string): Promise<Row[]> {
	const body = await okJson<{ records?: Row[] }>('GET', url);
	return body.records ?? [];
}

export async function buildReport(args: {
	exactUrl: string;
	shopifyUrl: string;
	rest: N8nRest;
	orderNames: string[];
	cancelledNames?: string[];
	productSkus: string[];
	startedAt: number;
}): Promise<DemoReport> {
	const names = new Set(args.orderNames);
	const orders = (await records(`${args.exactUrl}/__sandbox/state/salesorder/SalesOrders`)).filter((o) =>
		names.has(String(o.YourRef ?? '')),
	);
	const orderIds = new Set(orders.map((o) => String(o.OrderID ?? o.ID)));
	const lines = (await records(`${args.exactUrl}/__sandbox/state/salesorder/SalesOrderLines`)).filter((l) =>
		orderIds.has(String(l.OrderID)),
	);
	const orderNumbers = new Set(orders.map((o) => Number(o.OrderNumber)));
	const deliveryLines = (await records(`${args.exactUrl}/__sandbox/state/salesorder/GoodsDeliveryLines`)).filter((l) =>
		orderNumbers.has(Number(l.SalesOrderNumber)),
	);
	const deliveries = new Set(deliveryLines.map((l) => String(l.EntryID))).size;
	const invoices = (await records(`${args.exactUrl}/__sandbox/state/salesinvoice/SalesInvoices`)).filter(
		(i) => names.has(String(i.YourRef ?? '')) && Number(i.Type ?? 8020) === 8020,
	).length;
	const vatCodes: Record<string, number> = {};
	for (const line of lines) {
		const code = String(line.VATCode ?? '').trim() || '(none)';
		vatCodes[code] = (vatCodes[code] ?? 0) + 1;
	}
	const skus = new Set(args.productSkus.map((s) => s.toUpperCase()));
	const items = (await records(`${args.exactUrl}/__sandbox/state/logistics/Items`)).filter((i) =>
		skus.has(String(i.Code ?? '').trim().toUpperCase()),
	);
	const adjustments = await okJson<{ adjustmentGroups: Array<{ changes?: unknown[] }> }>(
		'GET',
		`${args.shopifyUrl}/__sandbox/adjustments`,
	);
	const exactCalls = await okJson<{ count: number; calls: Array<{ method: string; path: string }> }>(
		'GET',
		`${args.exactUrl}/__sandbox/calls?pathPrefix=/api/v1`,
	);
	const exactCallsByEndpoint: Record<string, number> = {};
	for (const call of exactCalls.calls) {
		const endpoint = `${call.method} ${call.path.replace(/^\/api\/v1\/(\d+\/)?/, '').replace(/\(.*\)$/, '')}`;
		exactCallsByEndpoint[endpoint] = (exactCallsByEndpoint[endpoint] ?? 0) + 1;
	}
	const shopifyCalls = await okJson<{ calls: unknown[] }>('GET', `${args.shopifyUrl}/__sandbox/calls`);
	const failureRows = (await args.rest.dataTableRows(STATUS_TABLE)).filter((r) => r.status === 'failed');
	const failures = failureRows.map((r) => ({ reference: String(r.reference ?? ''), reason: String(r.reason ?? '') }));
	return {
		orders: args.orderNames.length,
		salesOrders: orders.length,
		cancelled: args.cancelledNames?.length ?? 0,
		deliveries,
		invoices,
		failed: failures.length,
		vatCodes,
		stockUpdates: adjustments.adjustmentGroups.length,
		itemsSynced: items.length,
		exactCalls: exactCalls.count,
		exactCallsPerOrder: orders.length ? Math.round((exactCalls.count / orders.length) * 10) / 10 : 0,
		exactCallsByEndpoint,
		shopifyCalls: shopifyCalls.calls.length,
		failures,
		seconds: Math.round((Date.now() - args.startedAt) / 1000),
	};
}

/** The report as a few lines a merchant reads. */
export function formatReport(report: DemoReport): string[] {
	const codes = Object.entries(report.vatCodes)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([code, n]) => `${code} ×${n}`)
		.join(', ');
	const lines = [
		`Orders sent by Shopify:        ${report.orders}`,
		`Sales orders in Exact:         ${report.salesOrders} (${report.cancelled} cancelled in Shopify and removed)`,
		`Goods deliveries in Exact:     ${report.deliveries}`,
		`Invoices in Exact:             ${report.invoices}`,
		`Failed (status table):         ${report.failed}`,
		`VAT codes on the order lines:  ${codes || '(none)'}`,
		`Items synced from products:    ${report.itemsSynced}`,
		`Stock updates in Shopify:      ${report.stockUpdates}`,
		`Exact API calls used:          ${report.exactCalls} (${report.exactCallsPerOrder} per sales order, all included)`,
		`Shopify API calls used:        ${report.shopifyCalls}`,
	];
	for (const f of report.failures) lines.push(`  failed: ${f.reference || '(no order)'}: ${f.reason}`);
	return lines;
}
