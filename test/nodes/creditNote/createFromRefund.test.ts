/**
 * Exact Online Credit Note → Create From Refund against the Exact sandbox: the order is imported
 * by the order flow first (Account → Item → Sales Order), then a Shopify refund of it, mapped by
 * the Shopify to Exact node's Map Refund, becomes one credit note.
 */
import type { IDataObject, INodeType } from 'n8n-workflow';

import { ExactOnlineCreditNote } from '../../../nodes/ExactOnline/CreditNote/ExactOnlineCreditNote.node';
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { mapShopifyOrder } from '../../../nodes/core/mapping';
import { ShopifyToExact } from '../../../nodes/ShopifyToExact/ShopifyToExact.node';
import { CredentialStore } from '../../helpers/credentials';
import { runNode } from '../../helpers/harness';
import { runChain } from '../flow/chain';
import { ITEMS } from '../flow/documents';
import { admin } from '../../helpers/exactSandbox';
import { filterOf, inOtherProcess, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { customers, shopifyOrder } from '../flow/syntheticOrders';

type Rec = Record<string, unknown>;
type Json = Record<string, any>;

const node = new ExactOnlineCreditNote();
const create = { operation: 'createFromRefund' };

/** A Shopify order (as the Shopify node's Order → Get returns it) with two lines and shipping. */
function order(number: number): Json {
	return shopifyOrder({
		number,
		customer: customers(1, 800 + (number % 50))[0],
		guest: false,
		lines: [
			{ item: ITEMS[number % 50], quantity: 3 },
			{ item: ITEMS[(number + 11) % 50], quantity: 1 },
		],
		shippingCents: 495,
	}) as Json;
}

const set = (amount: string) => ({
	shop_money: { amount, currency_code: 'EUR' },
	presentment_money: { amount, currency_code: 'EUR' },
});

/** A refunds/create payload: `quantity` of one of the order's lines, and the shipping when asked. */
function refund(
	shopifyOrder: Json,
	id: number,
	quantity: number,
	shipping: boolean,
	lineIndex = 0,
): Json {
	const line = shopifyOrder.line_items[lineIndex];
	const unitGross = Math.round(Number(line.price) * 100);
	const unitTax = Math.round((Number(line.tax_lines[0].price) * 100) / line.quantity);
	const subtotal = ((unitGross * quantity) / 100).toFixed(2);
	const tax = ((unitTax * quantity) / 100).toFixed(2);
	const adjustments = shipping
		? [
				{
					id: id + 1,
					order_id: shopifyOrder.id,
					refund_id: id,
					kind: 'shipping_refund',
					reason: 'Shipping refund',
					amount: '-4.09',
					tax_amount: '-0.86',
					amount_set: set('-4.09'),
					tax_amount_set: set('-0.86'),
				},
			]
		: [];
	const refunded = unitGross * quantity + (shipping ? 495 : 0);
	return {
		id,
		order_id: shopifyOrder.id,
		created_at: '2026-05-04T10:00:00+02:00',
		processed_at: '2026-05-04T10:00:00+02:00',
		note: 'Returned',
		restock: true,
		admin_graphql_api_id: `gid://shopify/Refund/${id}`,
		refund_line_items: [
			{
				id: id + 2,
				line_item_id: line.id,
				quantity,
				restock_type: 'return',
				subtotal: Number(subtotal),
				total_tax: Number(tax),
				subtotal_set: set(subtotal),
				total_tax_set: set(tax),
				line_item: line,
			},
		],
		refund_shipping_lines: [],
		order_adjustments: adjustments,
		transactions: [
			{
				id: id + 3,
				order_id: shopifyOrder.id,
				kind: 'refund',
				status: 'success',
				amount: (refunded / 100).toFixed(2),
				currency: 'EUR',
			},
		],
	};
}

/** The refund document, through the Shopify to Exact node (Map Refund, prices posted incl. VAT). */
async function mapRefund(shopifyOrder: Json, shopifyRefund: Json): Promise<IDataObject> {
	const result = await runNode({
		node: new ShopifyToExact(),
		parameters: { operation: 'refund', refund: shopifyRefund, options: { pricesPosted: 'incl' } },
		items: [shopifyOrder],
		credentials: new CredentialStore(),
	});
	expect(result.error).toBeUndefined();
	return result.items[0].json;
}

/** Imports the order into Exact with the order flow; the lines get VAT codes I21, I9, I21 (shipping). */
async function importOrder(kit: Kit, shopifyOrder: Json): Promise<EnrichedOrderDocument> {
	const doc = mapShopifyOrder(shopifyOrder, {
		pricesPosted: 'incl',
	}) as unknown as EnrichedOrderDocument;
	doc.lines.forEach((line, i) => {
		line.vat = {
			code: i === 1 ? 'I9' : 'I21',
			treatment: 'domestic',
			country: 'NL',
			rate: i === 1 ? 0.09 : 0.21,
			reason: 'test',
			source: 'mapping',
		};
	});
	const { orders, errors } = await runChain(kit, [doc]);
	expect(errors).toEqual([]);
	return orders[0] as unknown as EnrichedOrderDocument;
}

async function creditNotes(kit: Kit, yourRef: string): Promise<Rec[]> {
	return (await kit.state<Rec>('salesinvoice/SalesInvoices')).filter((i) => i.YourRef === yourRef);
}

async function invoiceLines(kit: Kit, invoiceId: unknown): Promise<Rec[]> {
	return (await kit.state<Rec>('salesinvoice/SalesInvoiceLines')).filter(
		(l) => l.InvoiceID === invoiceId,
	);
}

describe('Credit Note: Create From Refund', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
		await kit.addCredential('second-credential');
	});
	afterAll(async () => kit.close());

	it("books the refund on the order's account, items and VAT codes, with negative quantities, in 3 calls", async () => {
		const shopifyOrder = order(6101);
		const imported = await importOrder(kit, shopifyOrder);
		const salesOrder = (await kit.state<Rec>('salesorder/SalesOrders')).find(
			(o) => o.YourRef === '#6101',
		) as Rec;
		const doc = await mapRefund(shopifyOrder, refund(shopifyOrder, 9100001, 2, true));
		expect((doc.lines as Rec[]).map((l) => l.kind)).toEqual(['product', 'shipping']);

		await kit.clearCalls();
		const result = await kit.run(node, create, [doc]);
		expect(result.error).toBeUndefined();
		const out = result.items[0].json as Json;
		expect(out.action).toBe('created');
		expect(out.exactCalls).toBe(1);
		expect(out.exactBatchCalls).toBe(3);
		const log = await kit.calls();
		expect(log.map((c) => `${c.method} ${c.path.split('/').slice(-2).join('/')}`)).toEqual([
			'GET salesorder/SalesOrders',
			'GET salesinvoice/SalesInvoices',
			'POST salesinvoice/SalesInvoices',
		]);
		expect(filterOf(log[0])).toBe("YourRef eq '#6101'");

		const [note] = await creditNotes(kit, '#6101');
		expect(note).toMatchObject({
			Type: 8021,
			Journal: '70',
			OrderedBy: salesOrder.OrderedBy,
			Description: 'Shopify refund 9100001 of #6101',
			Currency: 'EUR',
		});
		expect(out.invoiceId).toBe(note.InvoiceID);
		expect(out.invoiceNumber).toBe(note.InvoiceNumber);
		expect(imported.exact.account?.id).toBe(note.OrderedBy);

		const orderLines = (await kit.state<Rec>('salesorder/SalesOrderLines')).filter(
			(l) => l.OrderID === salesOrder.OrderID,
		);
		const lines = await invoiceLines(kit, note.InvoiceID);
		expect(lines).toHaveLength(2);
		const product = orderLines.find((l) => l.ItemCode === shopifyOrder.line_items[0].sku) as Rec;
		const shipping = orderLines.find((l) => l.ItemCode === 'SHIPMENT') as Rec;
		const unit = Number(shopifyOrder.line_items[0].price);
		expect(lines[0]).toMatchObject({ Item: product.Item, Quantity: -2, VATCode: product.VATCode });
		expect(Number(lines[0].UnitPrice)).toBeCloseTo(unit, 2);
		expect(lines[1]).toMatchObject({
			Item: shipping.Item,
			Quantity: -1,
			VATCode: shipping.VATCode,
		});
		expect(Number(lines[1].UnitPrice)).toBeCloseTo(4.95, 2);
		expect(product.VATCode).toBe('I21');
	});

	it('is booked exactly once: on a re-run and on two concurrent runs', async () => {
		const shopifyOrder = order(6102);
		await importOrder(kit, shopifyOrder);
		const doc = await mapRefund(shopifyOrder, refund(shopifyOrder, 9100002, 1, false));

		const [first, second] = await Promise.all([
			kit.run(node, create, [doc]),
			kit.run(node, create, [doc]),
		]);
		const actions = [first, second].map((r) => (r.items[0].json as Json).action).sort();
		expect(actions).toEqual(['created', 'skipped']);

		await kit.clearCalls();
		const again = await kit.run(node, create, [doc]);
		const out = again.items[0].json as Json;
		expect(out).toMatchObject({ action: 'skipped', exactCalls: 0, exactBatchCalls: 2 });
		expect(out.reason).toMatch(/^already booked as credit note /);
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET', 'GET']);
		expect(await creditNotes(kit, '#6102')).toHaveLength(1);
	});

	it('keeps one credit note when two processes book the same refund at the same moment (After Create Check)', async () => {
		const OtherCreditNote = inOtherProcess(
			() =>
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				require('../../../nodes/ExactOnline/CreditNote/ExactOnlineCreditNote.node')
					.ExactOnlineCreditNote as new () => INodeType,
		);
		const shopifyOrder = order(6105);
		await importOrder(kit, shopifyOrder);
		const doc = await mapRefund(shopifyOrder, refund(shopifyOrder, 9100009, 1, false));
		const removeNewer = { ...create, options: { afterCreateCheck: 'removeNewer' } };
		// Both POSTs held back, so both runs look up before either credit note exists.
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/salesinvoice/SalesInvoices`,
			delayMs: 600,
			count: 2,
		});
		await kit.clearCalls();
		const results = await Promise.all([
			kit.run(node, removeNewer, [doc]),
			kit.run(new OtherCreditNote(), removeNewer, [doc], { credentialId: 'second-credential' }),
		]);
		const outputs = results.map((r) => r.items[0].json as Json);
		// The race really happened (two POSTs), and the later copy was deleted again: both runs
		// delete it (the second gets a 404, which means done).
		expect(await kit.calls('salesinvoice/SalesInvoices', 'POST')).toHaveLength(2);
		const deletes = await kit.calls('salesinvoice/SalesInvoices', 'DELETE');
		expect(deletes.filter((c) => c.status === 204)).toHaveLength(1);
		expect(new Set(deletes.map((c) => c.path)).size).toBe(1);
		const notes = await creditNotes(kit, '#6105');
		expect(notes).toHaveLength(1);
		expect(deletes[0].path).not.toContain(String(notes[0].InvoiceID));
		expect(outputs.map((o) => o.invoiceId)).toEqual([notes[0].InvoiceID, notes[0].InvoiceID]);
		expect(outputs.map((o) => o.action).sort()).toEqual(['created', 'skipped']);
		const loser = outputs.find((o) => o.action === 'skipped') as Json;
		expect(loser.reason).toBe('duplicate removed');
		expect(String(loser.warning)).toMatch(/created first by a concurrent run; removed copies/);
	});

	it('books a second refund of the same order separately, every line negative as Exact requires', async () => {
		const shopifyOrder = order(6103);
		await importOrder(kit, shopifyOrder);
		const one = await mapRefund(shopifyOrder, refund(shopifyOrder, 9100003, 1, false));
		const two = await mapRefund(shopifyOrder, refund(shopifyOrder, 9100004, 1, true, 1));
		const result = await kit.run(node, create, [one, two]);
		expect(result.items.map((i) => (i.json as Json).action)).toEqual(['created', 'created']);
		const notes = await creditNotes(kit, '#6103');
		expect(notes).toHaveLength(2);
		for (const note of notes) {
			for (const line of await invoiceLines(kit, note.InvoiceID))
				expect(Number(line.AmountFC)).toBeLessThan(0);
		}
		// The second line of the order was imported at I9: its refund keeps I9.
		const second = notes.find((n) => String(n.Description).includes('9100004')) as Rec;
		const lines = await invoiceLines(kit, second.InvoiceID);
		expect(lines.map((l) => [l.ItemCode ?? null, l.VATCode])).toEqual([
			[shopifyOrder.line_items[1].sku, 'I9'],
			['SHIPMENT', 'I21'],
		]);
	});

	it('fails a refund whose order is not in Exact, naming order and refund; with continueOnFail the others go on', async () => {
		const known = order(6104);
		await importOrder(kit, known);
		const missing = order(6199);
		const docs = [
			await mapRefund(missing, refund(missing, 9100005, 1, false)),
			await mapRefund(known, refund(known, 9100006, 1, false)),
		];
		const result = await kit.run(node, create, docs, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		const [failed, booked] = result.items.map((i) => i.json as Json);
		expect(failed.error).toBe(
			'Order #6199 is not in Exact (no sales order with YourRef #6199); import the order first, then retry refund 9100005',
		);
		expect(booked.action).toBe('created');

		const strict = await kit.run(node, create, [docs[0]]);
		expect(strict.error?.message).toContain('import the order first');
		expect(await creditNotes(kit, '#6199')).toHaveLength(0);
	});

	it('refuses an input that is not a refund document', async () => {
		const result = await kit.run(node, create, [{ foo: 1 }], { continueOnFail: true });
		expect(String((result.items[0].json as Json).error)).toContain(
			'map the refund with Shopify to Exact → Map Refund first',
		);
	});
});
