/**
 * Shopify Payments payouts become Exact bank entries that close the open items: three orders are
 * imported by the orders template and invoiced (processed) in Exact, one gets a credit note; two
 * payouts with charges, a refund, fees and an adjustment are paid out in Shopify. The payouts
 * template (its schedule set to every minute for the test, as a merchant could) books each payout
 * once as a bank entry balancing to the net paid out, the charged invoices are no longer open, and
 * its reconcile step finds nothing to report. Its next run reads the payouts again and books nothing.
 */
import { buildOrders } from '../../scripts/lib/orders';
import { connect, E2E, Row, unflatten, waitFor, waitForOrFailures } from './support/context';

const FILE = 'shopify-payouts-to-exact.json';
let e2e: E2E;
const samples = buildOrders(3, 2501);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
	e2e = await connect();
});

const money = (value: number) => value.toFixed(2);
const cents = (value: unknown) => Math.round(Number(value) * 100);

async function salesOrder(name: string): Promise<Row | undefined> {
	return (await e2e.exact.state('salesorder/SalesOrders')).find((o) => o.YourRef === name);
}

/** A processed invoice of the order's lines (as Exact's own order-to-invoice step would make it). */
async function invoiceOrder(order: Row, type = 8020, lines?: Row[]): Promise<Row> {
	const orderLines =
		lines ??
		(await e2e.exact.state('salesorder/SalesOrderLines')).filter(
			(l) => l.OrderID === order.OrderID,
		);
	const { records } = await e2e.exact.post<{ records: Row[] }>(
		'records/salesinvoice/SalesInvoices',
		[
			{
				Journal: '70',
				OrderedBy: order.OrderedBy,
				YourRef: order.YourRef,
				Type: type,
				Status: 50,
				SalesInvoiceLines: orderLines.map((l) => ({
					Item: l.Item,
					Quantity: type === 8021 ? -Math.abs(Number(l.Quantity)) : l.Quantity,
					UnitPrice: l.NetPrice ?? l.UnitPrice,
					VATCode: l.VATCode,
					Description: l.Description,
				})),
			},
		],
	);
	return records[0];
}

async function openInvoiceNumbers(): Promise<number[]> {
	return (await e2e.exact.state('read/financial/ReceivablesList')).map((r) =>
		Number(r.InvoiceNumber),
	);
}

async function successfulRuns(): Promise<Json[]> {
	return (await e2e.rest.executions(e2e.templateId(FILE))).filter(
		(e) => e.status === 'success',
	) as never;
}

test('two payouts become two bank entries balancing to the net paid out, the charged invoices close, reconcile is empty; read again, booked once', async () => {
	await e2e.shopify.placeOrders(samples);
	const orders: Row[] = [];
	for (const sample of samples) {
		orders.push(
			await waitForOrFailures(
				e2e.rest,
				`sales order ${sample.name}`,
				() => salesOrder(sample.name),
				180_000,
			),
		);
	}
	const invoices = [];
	for (const order of orders) invoices.push(await invoiceOrder(order));
	const firstLine = (await e2e.exact.state('salesorder/SalesOrderLines')).filter(
		(l) => l.OrderID === orders[0].OrderID,
	)[0];
	const credit = await invoiceOrder(orders[0], 8021, [{ ...firstLine, Quantity: 1 }]);
	expect(Number(credit.AmountDC)).toBeLessThan(0);

	const shopOrders = (await e2e.shopify.get<{ orders: Json[] }>('orders')).orders;
	const shopId = (name: string) => String(shopOrders.find((o) => o.name === name)?.id);
	const day = 24 * 3600_000;
	const amounts = invoices.map((i) => Number(i.AmountDC));
	await e2e.shopify.post('payouts', {
		payouts: [
			{
				id: 920001,
				issuedAt: new Date(Date.now() - 2 * day).toISOString(),
				transactions: [
					{
						type: 'CHARGE',
						amount: money(amounts[0]),
						fee: '1.95',
						orderId: shopId(samples[0].name),
					},
					{
						type: 'CHARGE',
						amount: money(amounts[1]),
						fee: '0.85',
						orderId: shopId(samples[1].name),
					},
					{
						type: 'REFUND',
						amount: money(Number(credit.AmountDC)),
						orderId: shopId(samples[0].name),
					},
					{ type: 'ADJUSTMENT', amount: '-1.50', adjustmentReason: 'chargeback_fee' },
				],
			},
			{
				id: 920002,
				issuedAt: new Date(Date.now() - day).toISOString(),
				transactions: [
					{
						type: 'CHARGE',
						amount: money(amounts[2]),
						fee: '0.60',
						orderId: shopId(samples[2].name),
					},
				],
			},
		],
	});
	const { payouts } = await e2e.shopify.get<{ payouts: Json[] }>('payouts');
	const nets = new Map(payouts.map((p) => [String(p.id), cents(p.net)]));

	const id = e2e.templateId(FILE);
	const runsBefore = (await successfulRuns()).length;
	await e2e.rest.updateWorkflow(id, (nodes) => {
		const trigger = nodes.find((n) => n.name === 'Every Hour') as Json;
		trigger.parameters = { rule: { interval: [{ field: 'minutes', minutesInterval: 1 }] } };
	});
	await e2e.rest.activateWorkflow(id);

	const entries = await waitForOrFailures(
		e2e.rest,
		'two bank entries in journal SPAY',
		async () => {
			const found = (await e2e.exact.state('financialtransaction/BankEntries')).filter(
				(e) => e.JournalCode === 'SPAY',
			);
			return found.length >= 2 ? found : undefined;
		},
		240_000,
		2000,
	);
	const lines = await e2e.exact.state('financialtransaction/BankEntryLines');
	for (const entry of entries) {
		const own = lines.filter((l) => l.EntryID === entry.EntryID);
		const payoutId = /Shopify payout (\d+) ·/.exec(String(own[0].Description))?.[1] as string;
		const payoutLine = own.filter((l) => String(l.Description).includes('paid out'));
		expect(payoutLine).toHaveLength(1);
		const rest = own.filter((l) => !payoutLine.includes(l));
		expect(rest.reduce((s, l) => s + cents(l.AmountFC), 0)).toBe(nets.get(payoutId));
		expect(cents(payoutLine[0].AmountFC)).toBe(-(nets.get(payoutId) as number));
		expect(cents(entry.ClosingBalanceFC)).toBe(cents(entry.OpeningBalanceFC));
	}
	const open = await openInvoiceNumbers();
	for (const doc of [...invoices, credit]) expect(open).not.toContain(Number(doc.InvoiceNumber));

	// The next runs read both payouts again (overlap) and book nothing; reconcile stays empty.
	const runs = await waitFor(
		'two successful runs of the payouts template',
		async () => {
			const done = await successfulRuns();
			return done.length >= runsBefore + 2 ? done : undefined;
		},
		240_000,
		2000,
	);
	expect(
		(await e2e.exact.state('financialtransaction/BankEntries')).filter(
			(e) => e.JournalCode === 'SPAY',
		),
	).toHaveLength(2);
	const newest = [...runs].sort((a, b) => Number(b.id) - Number(a.id))[0];
	const latest = await e2e.rest.execution(String(newest.id));
	const runData = (unflatten(latest.data).resultData as Json).runData as Json;
	const booked = runData['Book Payouts'][0].data.main[0].map((i: Json) => i.json);
	expect(booked.map((b: Json) => [b.payout, b.action]).sort()).toEqual([
		['920001', 'existing'],
		['920002', 'existing'],
	]);
	expect(runData['Reconcile Payouts'][0].data.main[0][0].json).toMatchObject({
		paidButOpen: [],
		withoutInvoice: [],
		difference: '0.00',
	});

	await e2e.rest.updateWorkflow(id, (nodes) => {
		const trigger = nodes.find((n) => n.name === 'Every Hour') as Json;
		trigger.parameters = { rule: { interval: [{ field: 'hours', hoursInterval: 1 }] } };
	});
	await e2e.rest.activateWorkflow(id);
});
