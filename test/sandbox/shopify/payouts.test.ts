import { Client, startSandbox, type Json } from './helpers';
import type { ShopifySandbox } from '../../../sandbox/shopify';

const PAYOUTS_QUERY = `query($first: Int!, $after: String, $q: String) {
	shopifyPaymentsAccount {
		payouts(first: $first, after: $after, query: $q) {
			nodes { id legacyResourceId status issuedAt transactionType net { amount currencyCode }
				summary { chargesGross { amount } chargesFee { amount } refundsFeeGross { amount }
					adjustmentsGross { amount } reservedFundsGross { amount } } }
			pageInfo { hasNextPage endCursor }
		}
	}
}`;

const TRANSACTIONS_QUERY = `query($q: String, $hide: Boolean) {
	shopifyPaymentsAccount {
		balanceTransactions(first: 50, query: $q, hideTransfers: $hide) {
			nodes { id type test amount { amount currencyCode } fee { amount } net { amount }
				associatedOrder { id name } associatedPayout { id status } sourceOrderTransactionId adjustmentReason }
		}
	}
}`;

describe('Shopify sandbox: Shopify Payments payouts and balance transactions', () => {
	let sandbox: ShopifySandbox;
	let client: Client;
	let orderId: string;
	beforeAll(async () => ({ sandbox, client } = await startSandbox()));
	afterAll(() => sandbox.close());
	beforeEach(async () => {
		await client.admin('POST', 'reset');
		const { orders } = await client.admin('POST', 'orders', {
			orders: [{ total_price: '121.00', currency: 'EUR', line_items: [] }],
			topics: [],
		});
		orderId = String(orders?.[0]?.id ?? (await client.admin('GET', 'orders')).orders[0].id);
	});

	async function seed(): Promise<Json[]> {
		const { payouts } = await client.admin('POST', 'payouts', {
			payouts: [
				{
					id: 900001,
					status: 'PAID',
					issuedAt: '2026-11-02T06:00:00Z',
					transactions: [
						{ type: 'CHARGE', amount: '121.00', fee: '2.05', orderId },
						{ type: 'REFUND', amount: '-20.00', fee: '0.00', orderId },
						{ type: 'ADJUSTMENT', amount: '-1.50', adjustmentReason: 'chargeback_fee' },
					],
				},
				{
					id: 900002,
					status: 'SCHEDULED',
					issuedAt: '2026-11-05T06:00:00Z',
					transactions: [{ type: 'CHARGE', amount: '10.00', fee: '0.40', orderId }],
				},
			],
		});
		return payouts;
	}

	it('seeds payouts whose net is the sum of amount − fee, with a TRANSFER of −net', async () => {
		const [first] = await seed();
		expect(first.net).toBe('97.45');
		expect(first.transactions.map((t: Json) => [t.type, t.net])).toEqual([
			['CHARGE', '118.95'],
			['REFUND', '-20.00'],
			['ADJUSTMENT', '-1.50'],
			['TRANSFER', '-97.45'],
		]);
	});

	it('serves payouts with status filter, summary and paging; cost is reported', async () => {
		await seed();
		const paid = await client.graphql('2026-01', PAYOUTS_QUERY, { first: 10, q: 'status:paid' });
		const nodes = paid.body.data.shopifyPaymentsAccount.payouts.nodes;
		expect(nodes).toHaveLength(1);
		expect(nodes[0]).toMatchObject({
			id: 'gid://shopify/ShopifyPaymentsPayout/900001',
			legacyResourceId: '900001',
			status: 'PAID',
			transactionType: 'DEPOSIT',
			net: { amount: '97.45', currencyCode: 'EUR' },
			summary: {
				chargesGross: { amount: '121.00' },
				chargesFee: { amount: '2.05' },
				refundsFeeGross: { amount: '-20.00' },
				adjustmentsGross: { amount: '-1.50' },
				reservedFundsGross: { amount: '0.00' },
			},
		});
		expect(paid.body.extensions.cost.requestedQueryCost).toBeGreaterThan(10);

		const page1 = await client.graphql('2026-01', PAYOUTS_QUERY, { first: 1 });
		const conn1 = page1.body.data.shopifyPaymentsAccount.payouts;
		expect(conn1.pageInfo.hasNextPage).toBe(true);
		const page2 = await client.graphql('2026-01', PAYOUTS_QUERY, {
			first: 1,
			after: conn1.pageInfo.endCursor,
		});
		const conn2 = page2.body.data.shopifyPaymentsAccount.payouts;
		expect(conn2.nodes[0].legacyResourceId).toBe('900002');
		expect(conn2.pageInfo.hasNextPage).toBe(false);

		const since = await client.graphql('2026-01', PAYOUTS_QUERY, {
			first: 10,
			q: 'issued_at:>=2026-11-03T00:00:00Z',
		});
		expect(
			since.body.data.shopifyPaymentsAccount.payouts.nodes.map((p: Json) => p.legacyResourceId),
		).toEqual(['900002']);
	});

	it('serves balance transactions of one payout with order, payout and amounts; transfers can be hidden', async () => {
		await seed();
		const { body } = await client.graphql('2026-01', TRANSACTIONS_QUERY, {
			q: 'payout_id:900001',
			hide: true,
		});
		const nodes = body.data.shopifyPaymentsAccount.balanceTransactions.nodes;
		expect(nodes.map((n: Json) => n.type)).toEqual(['CHARGE', 'REFUND', 'ADJUSTMENT']);
		expect(nodes[0]).toMatchObject({
			test: false,
			amount: { amount: '121.00', currencyCode: 'EUR' },
			fee: { amount: '2.05' },
			net: { amount: '118.95' },
			associatedOrder: { id: `gid://shopify/Order/${orderId}`, name: '#1001' },
			associatedPayout: { id: 'gid://shopify/ShopifyPaymentsPayout/900001', status: 'PAID' },
		});
		expect(nodes[2]).toMatchObject({ associatedOrder: null, adjustmentReason: 'chargeback_fee' });
		const all = await client.graphql('2026-01', TRANSACTIONS_QUERY, { q: 'payout_id:900001' });
		expect(all.body.data.shopifyPaymentsAccount.balanceTransactions.nodes).toHaveLength(4);
	});

	it('rejects a transaction for an unknown order and amounts with more than 2 decimals', async () => {
		const bad = await client.rest(
			'POST',
			'/__sandbox/payouts',
			{
				payouts: [{ transactions: [{ type: 'CHARGE', amount: '1.00', orderId: 42 }] }],
			},
			{},
		);
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('no such order');
		const cents = await client.rest(
			'POST',
			'/__sandbox/payouts',
			{
				payouts: [{ transactions: [{ type: 'CHARGE', amount: '1.005' }] }],
			},
			{},
		);
		expect(cents.status).toBe(400);
	});

	it('moves a payout from SCHEDULED to PAID', async () => {
		await seed();
		await client.admin('PUT', 'payouts/900002', { status: 'PAID' });
		const paid = await client.graphql('2026-01', PAYOUTS_QUERY, { first: 10, q: 'status:PAID' });
		expect(paid.body.data.shopifyPaymentsAccount.payouts.nodes).toHaveLength(2);
	});
});
