/**
 * Item "Ensure Items For Order" with "Remember Found Records Between Runs": static data carried
 * from one execution to the next as n8n stores it (JSON, after a successful execution).
 */
import type { IDataObject } from 'n8n-workflow';

import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import { inMode } from '../flow/chain';
import { documentFor, ITEMS, withVat } from '../flow/documents';
import { filterOf, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';

const node = new ExactOnlineItem();
const clone = (data: IDataObject | undefined) =>
	JSON.parse(JSON.stringify(data ?? {})) as IDataObject;
type Line = { itemCode: string; itemId?: string };

describe('Item: remembered records between executions', () => {
	let kit: Kit;
	let data: IDataObject;
	let orderNumber = 9000;

	async function run(skus: number[], options: IDataObject = {}, mode?: string) {
		await kit.clearCalls();
		const doc = withVat(
			documentFor({
				number: ++orderNumber,
				lines: skus.map((i) => ({ item: ITEMS[i], quantity: 1 })),
				shippingCents: null,
			}),
			'V21',
		);
		const result = await kit.run(
			mode ? inMode(node, mode) : node,
			{ operation: 'ensureItemsForOrder', options: { setSalesPrice: false, ...options } },
			[doc],
			{ staticData: clone(data), continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		data = clone(result.staticData);
		const json = result.items[0].json as { lines?: Line[]; error?: string };
		const ids = Object.fromEntries((json.lines ?? []).map((l) => [l.itemCode, l.itemId]));
		return { json, ids, gets: await kit.calls('logistics/Items', 'GET'), all: await kit.calls() };
	}

	beforeAll(async () => {
		kit = await startKit();
		await kit.seed(
			'logistics/Items',
			[30, 31].map((i) => ({ Code: ITEMS[i].sku, Description: 'Seeded', IsSalesItem: true })),
		);
		await kit.seed('logistics/Items', [
			{ Code: ITEMS[32].sku, Description: 'Not for sale', IsSalesItem: false },
		]);
	});
	beforeEach(() => {
		data = {};
	});
	afterAll(async () => kit.close());

	it('serves known item codes from the remembered items and looks up only new codes', async () => {
		const first = await run([30, 31]);
		expect(first.gets).toHaveLength(1);
		const again = await run([31, 30]);
		expect(again.all).toEqual([]);
		expect(again.ids).toEqual(first.ids);
		const mixed = await run([30, 33]);
		expect(mixed.gets).toHaveLength(1);
		expect(filterOf(mixed.gets[0])).toBe(`Code eq '${ITEMS[33].sku}'`);
		expect((await kit.calls('logistics/Items', 'POST')).length).toBe(1);
		expect((await run([30, 33])).all).toEqual([]);
	});

	it('does not remember an item that is not a sales item, so a fix in Exact counts at once', async () => {
		const first = await run([32]);
		expect(first.json.error).toMatch(/not a sales item/);
		const again = await run([32]);
		expect(again.gets).toHaveLength(1);
	});

	it('recovers an item deleted in Exact in a retried execution or with Reset Cache', async () => {
		const first = await run([34]);
		const oldId = first.ids[ITEMS[34].sku];
		await kit.remove('logistics/Items', oldId as string);
		// Residual risk, as the option's description says: nothing touches the item, so it is served.
		expect((await run([34])).ids[ITEMS[34].sku]).toBe(oldId);
		const retried = await run([34], {}, 'retry');
		expect(retried.gets).toHaveLength(1);
		const newId = retried.ids[ITEMS[34].sku];
		expect(newId).toBeDefined();
		expect(newId).not.toBe(oldId);
		const next = await run([34]);
		expect(next.all).toEqual([]);
		expect(next.ids[ITEMS[34].sku]).toBe(newId);

		await kit.remove('logistics/Items', newId as string);
		const reset = await run([34], { resetCache: true });
		expect(reset.gets).toHaveLength(1);
		expect(reset.ids[ITEMS[34].sku]).not.toBe(newId);
	});

	it('keeps nothing and looks the codes up every time when the option is off', async () => {
		await run([30], { rememberRecords: false });
		expect(data).toEqual({});
		expect((await run([30], { rememberRecords: false })).gets).toHaveLength(1);
	});
});
