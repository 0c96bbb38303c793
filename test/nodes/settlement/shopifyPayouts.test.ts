/**
 * Shopify Payouts → Get Paid Payouts against the Shopify sandbox: paging through payouts and their
 * transactions, only paid ones, since the last run with an overlap, or a date range.
 */
import type { ShopifySandbox } from '../../../sandbox/shopify';
import { ShopifyPayouts } from '../../../nodes/ShopifyPayouts/ShopifyPayouts.node';
import { CredentialStore } from '../../helpers/credentials';
import { runNode } from '../../helpers/harness';
import {
	addShopifyCredential,
	clearShopifyCalls,
	shopAdmin,
	shopifyCalls,
	startShop,
} from '../shopifyInventory/shopifyFixture';

const node = new ShopifyPayouts();
let shop: ShopifySandbox;

beforeAll(async () => {
	shop = await startShop();
});
afterAll(async () => shop.close());
beforeEach(async () => {
	await shopAdmin(shop, 'POST', 'reset');
	await clearShopifyCalls(shop);
});

const DAY = 24 * 3600_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function read(parameters: Record<string, unknown>, staticData = {}) {
	const run = await runNode({
		node,
		parameters: { operation: 'getPaidPayouts', ...parameters },
		credentials: addShopifyCredential(new CredentialStore(), shop),
		staticData,
	});
	expect(run.error).toBeUndefined();
	return run;
}

describe('Shopify Payouts: Get Paid Payouts', () => {
	it('pages through 30 paid payouts and a payout with 120 transactions; scheduled ones are left out', async () => {
		const payouts = Array.from({ length: 30 }, (_, i) => ({
			id: 950_001 + i,
			issuedAt: iso((40 - i) * 3600_000),
			transactions: [{ type: 'CHARGE', amount: `${10 + i}.00`, fee: '0.30' }],
		}));
		payouts[29].transactions = Array.from({ length: 120 }, (_, i) => ({
			type: i % 10 === 9 ? 'REFUND' : 'CHARGE',
			amount: i % 10 === 9 ? '-1.00' : '2.00',
			fee: '0.05',
		}));
		await shopAdmin(shop, 'POST', 'payouts', {
			payouts: [
				...payouts,
				{
					id: 959_999,
					status: 'SCHEDULED',
					issuedAt: iso(3600_000),
					transactions: [{ type: 'CHARGE', amount: '5.00' }],
				},
			],
		});
		const staticData = {};
		const run = await read({ since: 'lastRun', firstRunDays: 14 }, staticData);
		expect(run.items.map((i) => i.json.legacyId)).toEqual(payouts.map((p) => String(p.id)));
		const big = run.items[29].json as { transactions: unknown[]; net: string };
		expect(big.transactions).toHaveLength(121); // 120 + Shopify's own TRANSFER
		expect(big.net).toBe('198.00'); // 108 × 2.00 − 12 × 1.00 − 120 × 0.05
		const calls = await shopifyCalls(shop);
		// 2 pages of payouts + 29 single pages + 2 pages for the big payout
		expect(calls).toHaveLength(2 + 29 + 2);
		expect(calls.every((c) => (c.requestedCost ?? 0) <= 1000 && !c.throttled)).toBe(true);
		expect(Object.values(run.staticData)).toEqual([{ lastIssuedAt: payouts[29].issuedAt }]);
	});

	it('reads from the newest payout seen minus the overlap; a date range reads a period', async () => {
		await shopAdmin(shop, 'POST', 'payouts', {
			payouts: [
				{
					id: 960_001,
					issuedAt: iso(10 * DAY),
					transactions: [{ type: 'CHARGE', amount: '1.00' }],
				},
				{ id: 960_002, issuedAt: iso(3 * DAY), transactions: [{ type: 'CHARGE', amount: '2.00' }] },
				{ id: 960_003, issuedAt: iso(1 * DAY), transactions: [{ type: 'CHARGE', amount: '3.00' }] },
			],
		});
		const staticData = { 'node:Node under test': { lastIssuedAt: iso(1 * DAY) } };
		const overlap = await read({ since: 'lastRun', overlapHours: 72 }, staticData);
		expect(overlap.items.map((i) => i.json.legacyId)).toEqual(['960002', '960003']);
		const range = await read({ since: 'range', issuedFrom: iso(11 * DAY), issuedTo: iso(2 * DAY) });
		expect(range.items.map((i) => i.json.legacyId)).toEqual(['960001', '960002']);
	});
});
