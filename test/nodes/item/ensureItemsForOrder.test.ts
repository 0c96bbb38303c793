import type { INodeType } from 'n8n-workflow';

import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { documentFor, ITEMS, withVat } from '../flow/documents';
import { filterOf, inOtherProcess, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';

const node = new ExactOnlineItem();
type Rec = Record<string, unknown>;
const doc = (number: number, skus: number[], shipping = true) =>
	withVat(
		documentFor({
			number,
			lines: skus.map((i) => ({ item: ITEMS[i], quantity: 1 })),
			shippingCents: shipping ? 495 : null,
		}),
		'V21',
	);

describe('Item: Ensure Items For Order', () => {
	let kit: Kit;
	let shippingGroup: string;
	beforeAll(async () => {
		kit = await startKit();
		await kit.seed('logistics/Items', [
			{ Code: ITEMS[0].sku, Description: 'Existing', IsSalesItem: true, StandardSalesPrice: 1 },
		]);
		await kit.seed('logistics/Items', [
			{ Code: 'NOSALE-1', Description: 'Not for sale', IsSalesItem: false },
		]);
		shippingGroup = String(
			(await kit.state<Rec>('logistics/ItemGroups')).find((g) => g.Code === '002')?.ID,
		);
	});
	afterAll(async () => kit.close());

	it('looks up every code of every order once and creates the missing ones, shipping item included', async () => {
		const docs = [doc(3001, [0, 1]), doc(3002, [1, 2]), doc(3003, [0], false)];
		await kit.clearCalls();
		const result = await kit.run(
			node,
			{ operation: 'ensureItemsForOrder', options: { shippingItemGroup: shippingGroup } },
			docs,
		);
		expect(result.error).toBeUndefined();
		const gets = await kit.calls('logistics/Items', 'GET');
		expect(gets).toHaveLength(1);
		expect(filterOf(gets[0])).toBe(
			"(Code eq 'SKU-001' or Code eq 'SKU-002' or Code eq 'SHIPMENT' or Code eq 'SKU-003')",
		);
		const posts = await kit.calls('logistics/Items', 'POST');
		expect(posts).toHaveLength(3);
		expect(await kit.calls('logistics/SalesItemPrices', 'GET')).toHaveLength(1);
		expect(await kit.calls('logistics/SalesItemPrices', 'PUT')).toHaveLength(2);

		const items = await kit.state<Rec>('logistics/Items');
		const byCode = (code: string) => items.find((i) => i.Code === code) as Rec;
		expect(byCode('SKU-002')).toMatchObject({
			Description: 'Product 2',
			IsStockItem: true,
			IsWebshopItem: 1,
			IsSalesItem: true,
			SalesVatCode: 'V21',
			StandardSalesPrice: docs[0].lines[1].unitPriceExclCents / 100,
		});
		expect(byCode('SHIPMENT')).toMatchObject({
			Description: 'Shipping costs',
			IsStockItem: false,
			ItemGroup: shippingGroup,
		});
		for (const [i, d] of result.items.entries()) {
			const lines = (d.json as unknown as EnrichedOrderDocument).lines;
			expect(lines.every((l) => l.itemId === byCode(l.itemCode as string).ID)).toBe(true);
			expect(d.pairedItem).toEqual({ item: i });
		}
		expect(result.items.map((i) => i.json.action)).toEqual(['created', 'created', 'found']);
		expect(result.items.map((i) => i.json.exactCalls)).toEqual([5, 1, 0]);
		expect(result.items.every((i) => i.json.exactBatchCalls === 7)).toBe(true);
	});

	it('costs one lookup when every item exists', async () => {
		await kit.clearCalls();
		const result = await kit.run(node, { operation: 'ensureItemsForOrder' }, [
			doc(3004, [0, 1, 2]),
			doc(3005, [2]),
		]);
		expect(result.items.map((i) => i.json.action)).toEqual(['found', 'found']);
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET']);
	});

	it('splits the lookup only when the URL would pass 2,000 characters', async () => {
		const long = Array.from({ length: 6 }, (_, n) => {
			const d = doc(3100 + n, [0]);
			d.lines = Array.from({ length: 25 }, (__, k) => ({
				...d.lines[0],
				lineNumber: k + 1,
				itemCode: `LONG-CODE-${n}-${k}-${'X'.repeat(12)}`,
			}));
			return d;
		});
		await kit.clearCalls();
		const result = await kit.run(
			node,
			{ operation: 'ensureItemsForOrder', options: { setSalesPrice: false } },
			long,
		);
		expect(result.error).toBeUndefined();
		const gets = await kit.calls('logistics/Items', 'GET');
		expect(gets.length).toBeGreaterThan(1);
		expect(gets.length).toBeLessThanOrEqual(6);
		for (const get of gets)
			expect(`${kit.sandbox.baseUrl}${get.path}?${encodeURI(get.query)}`.length).toBeLessThan(2100);
		expect(await kit.calls('logistics/Items', 'POST')).toHaveLength(150);
	});

	it('fails only the orders with a line without code or with an item that cannot be sold', async () => {
		const noCode = doc(3201, [1]);
		noCode.lines[0].itemCode = null;
		const noSale = doc(3202, [1]);
		noSale.lines[0].itemCode = 'NOSALE-1';
		const fine = doc(3203, [2]);
		const result = await kit.run(
			node,
			{ operation: 'ensureItemsForOrder' },
			[noCode, noSale, fine],
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatch(
			/^Order #3201: line 1 \("Product 2"\) has no item code/,
		);
		expect(result.items[1].json.error).toBe(
			'Order #3202: item NOSALE-1 exists in Exact but is not a sales item',
		);
		expect(result.items[2].json.action).toBe('found');
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const strict = await kit.run(node, { operation: 'ensureItemsForOrder' }, [fine, noSale]);
		expect(strict.error?.message).toMatch(/NOSALE-1/);
	});

	it('passes skipped test orders through without calls', async () => {
		const test = doc(3301, [1]);
		test.skip = { reason: 'test order (the settings skip test orders)' };
		await kit.clearCalls();
		const result = await kit.run(node, { operation: 'ensureItemsForOrder' }, [test]);
		expect(result.items[0].json).toMatchObject({
			action: 'skipped',
			reason: 'test order (the settings skip test orders)',
		});
		expect(await kit.calls()).toHaveLength(0);
	});
	it('concurrent executions in one process create a new code once: the later ones wait and take that item, with no refused create and one price write', async () => {
		const docs = [doc(3101, [40], false), doc(3102, [40], false), doc(3103, [40, 41], false)];
		await kit.clearCalls();
		const runs = await Promise.all(
			docs.map((d) => kit.run(node, { operation: 'ensureItemsForOrder' }, [d])),
		);
		const items = (await kit.state<Rec>('logistics/Items')).filter((i) => i.Code === ITEMS[40].sku);
		expect(items).toHaveLength(1);
		const posts = await kit.calls('logistics/Items', 'POST');
		expect(posts.map((c) => c.status)).toEqual([201, 201]); // SKU-041 once, SKU-042 once
		expect(await kit.calls('logistics/SalesItemPrices', 'PUT')).toHaveLength(2);
		for (const run of runs) {
			expect(run.error).toBeUndefined();
			expect((run.items[0].json as unknown as EnrichedOrderDocument).lines[0].itemId).toBe(
				items[0].ID,
			);
		}
	});

	it('uses the item another process created between its lookup and its create, instead of failing the order', async () => {
		await kit.addCredential('other-process');
		const Other = inOtherProcess(
			() =>
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				require('../../../nodes/ExactOnline/Item/ExactOnlineItem.node')
					.ExactOnlineItem as new () => INodeType,
		);
		const [a, b] = [doc(3111, [43], false), doc(3112, [43], false)];
		await kit.clearCalls();
		const runs = await Promise.all([
			kit.run(node, { operation: 'ensureItemsForOrder' }, [a], { continueOnFail: true }),
			kit.run(new Other(), { operation: 'ensureItemsForOrder' }, [b], {
				continueOnFail: true,
				credentialId: 'other-process',
			}),
		]);
		const posts = (await kit.calls('logistics/Items', 'POST')).filter((c) => c.status >= 500);
		expect(posts.length).toBeGreaterThan(0); // the race happened: one create was refused
		const items = (await kit.state<Rec>('logistics/Items')).filter((i) => i.Code === ITEMS[43].sku);
		expect(items).toHaveLength(1);
		for (const run of runs) {
			expect(run.items[0].json.error).toBeUndefined();
			expect((run.items[0].json as unknown as EnrichedOrderDocument).lines[0].itemId).toBe(
				items[0].ID,
			);
		}
	});
});
