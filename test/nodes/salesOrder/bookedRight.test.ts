/**
 * Sales orders land in Exact at Shopify's amounts to the cent, and an order reference that belongs
 * to another order (another shop's #1001) is never taken for this one. The Exact sandbox keeps
 * prices to 2 decimals, as a division does by default.
 */
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { ITEMS } from '../flow/documents';
import { readyDocuments } from './support';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { customers } from '../flow/syntheticOrders';

const node = new ExactOnlineSalesOrder();
const create = { operation: 'createFromOrder' };
type Rec = Record<string, unknown>;

async function ready(kit: Kit, number: number, customer = 300): Promise<EnrichedOrderDocument> {
	const [doc] = await readyDocuments(kit, [
		{
			number,
			customer: customers(1, customer + (number % 40))[0],
			guest: false,
			lines: [{ item: ITEMS[number % 50], quantity: 3 }],
			shippingCents: null,
		},
	]);
	return doc;
}

/** Gives the document's only line a total of `cents` (incl. VAT, as posted) over its quantity. */
function priceLine(doc: EnrichedOrderDocument, cents: number, posted: 'incl' | 'excl' = 'incl') {
	const line = doc.lines[0];
	const tax = Math.round((cents * 21) / 121);
	doc.pricesPosted = posted;
	line.netAmountInclCents = posted === 'incl' ? cents : cents + Math.round(cents * 0.21);
	line.netAmountExclCents = posted === 'incl' ? cents - tax : cents;
	line.netAmountCents = cents;
	line.taxAmountCents = line.netAmountInclCents - line.netAmountExclCents;
	doc.totals.totalCents = line.netAmountInclCents;
	if (posted === 'excl') line.vat = { ...line.vat!, code: 'V21' };
}

const linesOf = async (kit: Kit, orderId: unknown) =>
	(await kit.state<Rec>('salesorder/SalesOrderLines')).filter((l) => l.OrderID === orderId);

describe('Sales Order: amounts to the cent, order references and currencies', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	it('posts 3 units for €10.00 as whole-cent lines (1 × 3.34 + 2 × 3.33): Exact totals €10.00, quantity 3', async () => {
		const doc = await ready(kit, 5001);
		priceLine(doc, 1000);
		const result = await kit.run(node, create, [doc]);
		const ref = (result.items[0].json.exact as { salesOrder: Rec }).salesOrder;
		expect(ref).toMatchObject({ action: 'created', totalDifferenceCents: 0 });
		const lines = await linesOf(kit, ref.id);
		expect(lines.map((l) => [l.Quantity, l.NetPrice, l.AmountFC])).toEqual([
			[1, 3.34, 3.34],
			[2, 3.33, 6.66],
		]);
		const order = (await kit.state<Rec>('salesorder/SalesOrders')).find(
			(o) => o.OrderID === ref.id,
		);
		expect(order?.AmountFC).toBe(10);
		expect(String(result.items[0].json.warning)).toMatch(
			/posted as two lines with whole-cent prices/,
		);
	});

	it('fails an order whose per-line VAT Exact would round away from Shopify, creating nothing; books it on the rounding item when asked', async () => {
		const doc = await ready(kit, 5002);
		// €0.05 excl. at 21 %: Exact's VAT round(0.0105) = €0.01; say Shopify charged €0.02 tax.
		priceLine(doc, 5, 'excl');
		doc.lines[0].quantity = 1;
		doc.totals.totalCents = 7;
		const failed = await kit.run(node, create, [doc], { continueOnFail: true });
		expect(String(failed.items[0].json.error)).toMatch(
			/Order #5002: Exact computes VAT per line and would total the order 0\.01 EUR below Shopify's 0\.07.*Nothing was created/,
		);
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).some((o) => o.YourRef === '#5002'),
		).toBe(false);

		await kit.seed('logistics/Items', [
			{ Code: 'ROUNDING', Description: 'Afrondingsverschillen', IsStockItem: false },
		]);
		const booked = await kit.run(node, { ...create, options: { roundingDifference: 'line' } }, [
			doc,
		]);
		const ref = (booked.items[0].json.exact as { salesOrder: Rec }).salesOrder;
		expect(ref).toMatchObject({ action: 'created', totalDifferenceCents: 0 });
		const lines = await linesOf(kit, ref.id);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatchObject({ NetPrice: 0.01, VATCode: '0', AmountFC: 0.01 });
	});

	it("fails another shop's order with the same YourRef (another customer), naming the Exact order; creates nothing", async () => {
		const first = await ready(kit, 5003, 300);
		await kit.run(node, create, [first]);
		const second = await ready(kit, 5003, 350); // the other shop's #5003: another customer
		const result = await kit.run(node, create, [second], { continueOnFail: true });
		expect(String(result.items[0].json.error)).toMatch(
			/Order #5003: Exact already has sales order \d+ with YourRef #5003, but it is for another customer.*Order Reference Prefix/,
		);
		expect(
			(await kit.state<Rec>('salesorder/SalesOrders')).filter((o) => o.YourRef === '#5003'),
		).toHaveLength(1);
	});

	it("posts a USD shop's order in USD; Exact converts it to the division's EUR at its rate, and the output says so", async () => {
		const doc = await ready(kit, 5101);
		doc.currency = 'USD';
		priceLine(doc, 10000);
		const result = await kit.run(node, create, [doc]);
		const ref = (result.items[0].json.exact as { salesOrder: Rec }).salesOrder;
		const order = (await kit.state<Rec>('salesorder/SalesOrders')).find(
			(o) => o.OrderID === ref.id,
		);
		expect(order).toMatchObject({ Currency: 'USD', AmountFC: 100, AmountDC: 92 });
		expect(String(result.items[0].json.warning)).toMatch(
			/Booked in USD 100\.00; Exact converted it at its exchange rate to 92\.00/,
		);
	});
});
