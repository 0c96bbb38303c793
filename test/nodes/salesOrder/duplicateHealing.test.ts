/**
 * Create From Order with "Remove Own Duplicate": a copy an earlier race left behind (e.g. a POST
 * Exact committed long after the client gave up) is removed by the next run that finds the order,
 * keeping the lowest OrderNumber; a copy another run deleted first (404) is not an error.
 */
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { admin } from '../../helpers/exactSandbox';
import { ITEMS } from '../flow/documents';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { customers } from '../flow/syntheticOrders';
import { ownCopy, readyDocuments } from './support';

const node = new ExactOnlineSalesOrder();
const removeNewer = { operation: 'createFromOrder', options: { afterCreateCheck: 'removeNewer' } };
type Rec = Record<string, unknown>;

async function ready(kit: Kit, number: number): Promise<EnrichedOrderDocument> {
	const [doc] = await readyDocuments(kit, [
		{
			number,
			customer: customers(1, 900 + (number % 50))[0],
			guest: false,
			lines: [{ item: ITEMS[number % 50], quantity: 1 }],
			shippingCents: null,
		},
	]);
	return doc;
}

async function seedCopies(kit: Kit, doc: EnrichedOrderDocument, count: number): Promise<Rec[]> {
	const copies: Rec[] = [];
	for (let i = 0; i < count; i++) {
		copies.push(...(await kit.seed('salesorder/SalesOrders', [ownCopy(doc)])));
	}
	return copies;
}

const ordersWithRef = async (kit: Kit, ref: string) =>
	(await kit.state<Rec>('salesorder/SalesOrders')).filter((o) => o.YourRef === ref);

describe('Sales Order: Create From Order heals duplicates', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	it('removes every copy but the lowest order number when it finds the order more than once', async () => {
		const doc = await ready(kit, 4101);
		const [first] = await seedCopies(kit, doc, 3);
		const result = await kit.run(node, removeNewer, [doc]);
		expect(result.items[0].json.error).toBeUndefined();
		expect((await ordersWithRef(kit, '#4101')).map((o) => o.OrderID)).toEqual([first.OrderID]);
		expect((result.items[0].json.exact as { salesOrder: Rec }).salesOrder).toMatchObject({
			id: first.OrderID,
			action: 'skipped',
		});
		expect(
			String(result.items[0].json.warning ?? (result.items[0].json.warnings as string[]).join(' ')),
		).toMatch(/Removed sales order \d+, a duplicate of \d+/);
	});

	it('never removes an order a person entered in Exact with the same YourRef', async () => {
		const doc = await ready(kit, 4104);
		const [own] = await seedCopies(kit, doc, 1);
		// Entered by hand later: same customer and YourRef, another description and amount.
		const [manual] = await kit.seed('salesorder/SalesOrders', [
			{
				OrderedBy: doc.exact.account!.id,
				YourRef: doc.references.yourRef,
				Description: 'Nabestelling telefonisch',
				SalesOrderLines: [{ Item: doc.lines[0].itemId, Quantity: 1, NetPrice: 1 }],
			},
		]);
		const result = await kit.run(node, removeNewer, [doc]);
		expect((result.items[0].json.exact as { salesOrder: Rec }).salesOrder).toMatchObject({
			id: own.OrderID,
			action: 'skipped',
		});
		expect((await ordersWithRef(kit, '#4104')).map((o) => o.OrderID).sort()).toEqual(
			[own.OrderID, manual.OrderID].sort(),
		);
	});

	it('leaves duplicates alone without "Remove Own Duplicate"', async () => {
		const doc = await ready(kit, 4102);
		await seedCopies(kit, doc, 2);
		await kit.run(node, { operation: 'createFromOrder' }, [doc]);
		expect(await ordersWithRef(kit, '#4102')).toHaveLength(2);
	});

	it('takes a 404 on deleting its own copy (another run removed it first) as done', async () => {
		const doc = await ready(kit, 4103);
		const prefix = `/api/v1/${kit.division}/salesorder/SalesOrders`;
		// While this run's POST is on its way, another process stores the same YourRef; the copy
		// this run then deletes is already gone (404).
		await admin(kit.sandbox, 'POST', 'faults', [
			{ method: 'POST', pathPrefix: prefix, delayMs: 600, count: 1 },
			{ method: 'DELETE', pathPrefix: prefix, status: 404, count: 1 },
		]);
		const running = kit.run(node, removeNewer, [doc], { continueOnFail: true });
		await new Promise((resolve) => setTimeout(resolve, 250));
		const [other] = await seedCopies(kit, doc, 1);
		const result = await running;
		expect(result.items[0].json.error).toBeUndefined();
		expect((result.items[0].json.exact as { salesOrder: Rec }).salesOrder).toMatchObject({
			id: other.OrderID,
			action: 'skipped',
			reason: 'duplicate removed',
		});
	});
});
