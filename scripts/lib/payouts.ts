/**
 * The demo's payday: a few imported orders are invoiced (processed) in the Exact sandbox, Shopify
 * Payments pays them out in one payout, and the payouts template (its schedule set to every minute,
 * as a merchant could) books it. Reports how many payouts were booked and how many open items they
 * settled.
 */
import { okJson } from './http';
import type { N8nRest } from './rest';

type Row = Record<string, unknown>;

export interface PayoutOutcome {
	payouts: number;
	openItemsSettled: number;
}

async function records(url: string): Promise<Row[]> {
	const body = await okJson<{ records?: Row[] }>('GET', url);
	return body.records ?? [];
}

export async function payOutOrders(options: {
	exactUrl: string;
	shopifyUrl: string;
	rest: N8nRest;
	workflowId: string;
	orderNames: string[];
	say: (line: string) => void;
	timeoutMs?: number;
}): Promise<PayoutOutcome> {
	const { exactUrl, shopifyUrl, rest, workflowId, say } = options;
	const orders = (await records(`${exactUrl}/__sandbox/state/salesorder/SalesOrders`)).filter((o) =>
		options.orderNames.includes(String(o.YourRef)),
	);
	const lines = await records(`${exactUrl}/__sandbox/state/salesorder/SalesOrderLines`);
	const invoiceNumbers: number[] = [];
	const charges: Row[] = [];
	const shopOrders = (await okJson<{ orders: Row[] }>('GET', `${shopifyUrl}/__sandbox/orders`))
		.orders;
	for (const order of orders) {
		const { records: created } = await okJson<{ records: Row[] }>(
			'POST',
			`${exactUrl}/__sandbox/records/salesinvoice/SalesInvoices`,
			[
				{
					Journal: '70',
					OrderedBy: order.OrderedBy,
					YourRef: order.YourRef,
					Status: 50,
					SalesInvoiceLines: lines
						.filter((l) => l.OrderID === order.OrderID)
						.map((l) => ({
							Item: l.Item,
							Quantity: l.Quantity,
							UnitPrice: l.NetPrice ?? l.UnitPrice,
							VATCode: l.VATCode,
							Description: l.Description,
						})),
				},
			],
		);
		const invoice = created[0];
		invoiceNumbers.push(Number(invoice.InvoiceNumber));
		const shopOrder = shopOrders.find((o) => o.name === order.YourRef);
		const amount = Number(invoice.AmountDC);
		charges.push({
			type: 'CHARGE',
			amount: amount.toFixed(2),
			fee: (Math.round(amount * 1.8 + 25) / 100).toFixed(2),
			orderId: shopOrder?.id,
		});
	}
	if (charges.length === 0) return { payouts: 0, openItemsSettled: 0 };
	await okJson('POST', `${shopifyUrl}/__sandbox/payouts`, {
		payouts: [{ issuedAt: new Date(Date.now() - 3600_000).toISOString(), transactions: charges }],
	});
	say(
		`${charges.length} invoices processed in Exact; Shopify Payments paid them out in one payout`,
	);
	await rest.updateWorkflow(workflowId, (nodes) => {
		const trigger = nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger') as Row;
		trigger.parameters = { rule: { interval: [{ field: 'minutes', minutesInterval: 1 }] } };
	});
	await rest.activateWorkflow(workflowId);
	const deadline = Date.now() + (options.timeoutMs ?? 180_000);
	let entries: Row[] = [];
	while (Date.now() < deadline) {
		entries = (
			await records(`${exactUrl}/__sandbox/state/financialtransaction/BankEntries`)
		).filter((e) => e.JournalCode === 'SPAY');
		if (entries.length > 0) break;
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
	const open = new Set(
		(await records(`${exactUrl}/__sandbox/state/read/financial/ReceivablesList`)).map((r) =>
			Number(r.InvoiceNumber),
		),
	);
	return {
		payouts: entries.length,
		openItemsSettled: entries.length ? invoiceNumbers.filter((n) => !open.has(n)).length : 0,
	};
}
