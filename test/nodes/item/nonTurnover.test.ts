/**
 * Gift cards, tips and import duties are not turnover: their items book on the G/L account the
 * merchant chose, and without one (and no such item in Exact) the line is left out with a warning,
 * never booked on the default revenue account.
 */
import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { documentFor } from '../flow/documents';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';

const node = new ExactOnlineItem();
const ensure = { operation: 'ensureItemsForOrder' };
type Rec = Record<string, unknown>;

/** An order whose second line is a tip (code TIP-n) of €2.50. */
function withTip(number: number, code: string): EnrichedOrderDocument {
	const doc = documentFor({ number });
	const tip = { ...doc.lines[0], lineNumber: doc.lines.length + 1, kind: 'tip' as const };
	Object.assign(tip, {
		itemCode: code,
		itemCodeSource: 'setting',
		description: 'Tip',
		quantity: 1,
		netAmountInclCents: 250,
		netAmountExclCents: 250,
		netAmountCents: 250,
		taxAmountCents: 0,
		discountCents: 0,
	});
	doc.lines.push(tip);
	doc.totals.totalCents += 250;
	doc.totals.shopifyTotalCents += 250;
	doc.totals.otherInclCents += 250;
	return doc;
}

describe('Item: gift cards, tips and duties are not turnover', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	it('leaves a tip line out with a warning when no G/L account is chosen and the item is not in Exact', async () => {
		const result = await kit.run(node, ensure, [withTip(8001, 'TIP-A')]);
		const doc = result.items[0].json as unknown as EnrichedOrderDocument;
		expect(doc.lines.some((l) => l.kind === 'tip')).toBe(false);
		expect(doc.totals.skippedCents).toBe(250);
		expect(doc.totals.differenceCents).toBe(0);
		expect(String(result.items[0].json.warning)).toMatch(
			/Tip line "Tip" \(2\.50 EUR\) left out: it is not turnover, and item TIP-A does not exist in Exact nor is a G\/L account chosen/,
		);
		expect((await kit.state<Rec>('logistics/Items')).some((i) => i.Code === 'TIP-A')).toBe(false);
	});

	it('creates the tip item on the chosen G/L account, and uses an item the merchant set up without asking', async () => {
		const ledger = (await kit.state<Rec>('financial/GLAccounts')).find(
			(g) => g.Code === '1660',
		) as Rec;
		const result = await kit.run(node, { ...ensure, options: { tipGlAccount: String(ledger.ID) } }, [
			withTip(8002, 'TIP-B'),
		]);
		const doc = result.items[0].json as unknown as EnrichedOrderDocument;
		expect(doc.lines.find((l) => l.kind === 'tip')?.itemId).toBeTruthy();
		const item = (await kit.state<Rec>('logistics/Items')).find((i) => i.Code === 'TIP-B') as Rec;
		expect(item).toMatchObject({ GLRevenue: ledger.ID, IsStockItem: false });

		const again = await kit.run(node, ensure, [withTip(8003, 'TIP-B')]);
		expect(
			(again.items[0].json as unknown as EnrichedOrderDocument).lines.some((l) => l.kind === 'tip'),
		).toBe(true);
	});
});
