/**
 * Get Paid Payouts: Shopify Payments payouts with status PAID, each with all its balance
 * transactions, one output item per payout. Shopify has no payout webhook topic (as far as the
 * reference shows), so this is polled: "Since Last Run" keeps the newest issuedAt seen in the
 * workflow's static data and reads again from that moment minus an overlap, so a payout whose
 * booking failed is read again; the Exact node books each payout once whatever it is given.
 *
 * The `query:` filters (status, issued_at, payout_id) are not confirmed in the reference, so every
 * result is checked here as well: status, issuedAt and the transaction's associatedPayout.
 */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	payoutJsonFromGraphql,
	type GraphqlBalanceTransaction,
	type GraphqlPayout,
} from '../../core/settlement/payout';
import {
	getShopifyCallCount,
	getShopifyEndpoint,
	shopifyGraphql,
	toNodeError,
} from '../../ShopifyInventory/transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Read From',
		name: 'since',
		type: 'options',
		options: [
			{
				name: 'Since Last Run',
				value: 'lastRun',
				description:
					'Payouts issued since the newest one the previous run read, minus the overlap (kept in the workflow, active runs only)',
			},
			{ name: 'Date Range', value: 'range', description: 'Payouts issued in a period' },
		],
		default: 'lastRun',
	},
	{
		displayName: 'First Run: Days Back',
		name: 'firstRunDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 14,
		description: 'How far back the first run (and a manual run) reads',
		displayOptions: { show: { since: ['lastRun'] } },
	},
	{
		displayName: 'Overlap (Hours)',
		name: 'overlapHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 168,
		description:
			'Each run reads again this far before the newest payout seen, so a payout whose booking failed is retried; booked payouts are skipped by the Exact node',
		displayOptions: { show: { since: ['lastRun'] } },
	},
	{
		displayName: 'Issued From',
		name: 'issuedFrom',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { since: ['range'] } },
	},
	{
		displayName: 'Issued To',
		name: 'issuedTo',
		type: 'dateTime',
		default: '',
		description: 'Empty: until now',
		displayOptions: { show: { since: ['range'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['getPaidPayouts'] } },
	properties,
);

const PAYOUT_PAGE = 25;
const TRANSACTION_PAGE = 100;
// Shopify's requested cost of a page: 1 for shopifyPaymentsAccount, 2 for the connection, then
// per node (11 for a payout with its summary, 6 for a balance transaction). Estimating it exactly
// lets the transport wait for the bucket instead of being throttled.
const MONEY = '{ amount currencyCode }';

const PAYOUTS_QUERY =
	'query Payouts($first: Int!, $after: String, $query: String) {' +
	' shopifyPaymentsAccount { payouts(first: $first, after: $after, query: $query) {' +
	` nodes { id legacyResourceId status issuedAt net ${MONEY}` +
	` summary { chargesGross ${MONEY} chargesFee ${MONEY} refundsFeeGross ${MONEY} refundsFee ${MONEY}` +
	` adjustmentsGross ${MONEY} adjustmentsFee ${MONEY} reservedFundsGross ${MONEY} reservedFundsFee ${MONEY} } }` +
	' pageInfo { hasNextPage endCursor } } } }';

const TRANSACTIONS_QUERY =
	'query PayoutTransactions($first: Int!, $after: String, $query: String) {' +
	' shopifyPaymentsAccount { balanceTransactions(first: $first, after: $after, query: $query) {' +
	` nodes { id type test transactionDate adjustmentReason amount ${MONEY} fee ${MONEY} net ${MONEY}` +
	' associatedOrder { id name } associatedPayout { id } }' +
	' pageInfo { hasNextPage endCursor } } } }';

interface PageInfo {
	hasNextPage: boolean;
	endCursor: string | null;
}

interface PayoutNode extends GraphqlPayout {
	summary?: IDataObject;
}

interface PayoutsPage {
	shopifyPaymentsAccount: { payouts: { nodes: PayoutNode[]; pageInfo: PageInfo } } | null;
}

interface TransactionsPage {
	shopifyPaymentsAccount: {
		balanceTransactions: { nodes: GraphqlBalanceTransaction[]; pageInfo: PageInfo };
	} | null;
}

interface Cursor {
	lastIssuedAt?: string;
}

const HOUR = 3_600_000;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const callsBefore = getShopifyCallCount(this);
	try {
		const endpoint = await getShopifyEndpoint(this, 0);
		const since = this.getNodeParameter('since', 0, 'lastRun') as string;
		const state = this.getWorkflowStaticData('node') as Cursor;
		let from: number;
		let to: number | null = null;
		if (since === 'range') {
			from = Date.parse(String(this.getNodeParameter('issuedFrom', 0, '')));
			const toText = String(this.getNodeParameter('issuedTo', 0, '') ?? '');
			to = toText ? Date.parse(toText) : null;
			if (Number.isNaN(from)) throw new Error('Issued From is not a date');
		} else {
			const days = Number(this.getNodeParameter('firstRunDays', 0, 14));
			const overlap = Number(this.getNodeParameter('overlapHours', 0, 168));
			const last = state.lastIssuedAt ? Date.parse(state.lastIssuedAt) : NaN;
			from = Number.isNaN(last) ? Date.now() - days * 24 * HOUR : last - overlap * HOUR;
		}
		const fromIso = new Date(from).toISOString();
		const terms = ['status:paid', `issued_at:>=${fromIso}`];
		if (to !== null) terms.push(`issued_at:<=${new Date(to).toISOString()}`);
		const payouts: PayoutNode[] = [];
		let after: string | null = null;
		do {
			const page: PayoutsPage = await shopifyGraphql<PayoutsPage>(this, endpoint, {
				query: PAYOUTS_QUERY,
				variables: { first: PAYOUT_PAGE, after, query: terms.join(' ') },
				estimatedCost: 3 + PAYOUT_PAGE * 11,
				itemIndex: 0,
				purpose: 'read payouts',
			});
			const conn = page.shopifyPaymentsAccount?.payouts;
			if (!conn) break;
			payouts.push(...conn.nodes);
			after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
		} while (after);
		const wanted = payouts
			.filter((p) => p.status === 'PAID')
			.filter((p) => {
				const at = Date.parse(p.issuedAt);
				return at >= from && (to === null || at <= to);
			})
			.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
		const out: INodeExecutionData[] = [];
		for (const payout of wanted) {
			const transactions = await transactionsOf(this, endpoint, payout);
			out.push({
				json: {
					...payoutJsonFromGraphql(payout, transactions),
					summary: payout.summary ?? {},
				} as unknown as IDataObject,
				pairedItem: { item: 0 },
			});
		}
		const calls = getShopifyCallCount(this) - callsBefore;
		for (const item of out) item.json.shopifyCalls = calls;
		if (since === 'lastRun' && wanted.length > 0) {
			const newest = wanted[wanted.length - 1].issuedAt;
			if (!state.lastIssuedAt || newest > state.lastIssuedAt) state.lastIssuedAt = newest;
		}
		return [out];
	} catch (error) {
		if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, 0);
		return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
	}
}

async function transactionsOf(
	ctx: IExecuteFunctions,
	endpoint: Awaited<ReturnType<typeof getShopifyEndpoint>>,
	payout: PayoutNode,
): Promise<GraphqlBalanceTransaction[]> {
	const legacyId = payout.legacyResourceId ?? payout.id.replace(/^.*\//, '');
	const list: GraphqlBalanceTransaction[] = [];
	let after: string | null = null;
	do {
		const page: TransactionsPage = await shopifyGraphql<TransactionsPage>(ctx, endpoint, {
			query: TRANSACTIONS_QUERY,
			variables: { first: TRANSACTION_PAGE, after, query: `payout_id:${legacyId}` },
			estimatedCost: 3 + TRANSACTION_PAGE * 6,
			itemIndex: 0,
			purpose: `read the transactions of payout ${legacyId}`,
		});
		const conn = page.shopifyPaymentsAccount?.balanceTransactions;
		if (!conn) break;
		list.push(...conn.nodes.filter((t) => t.associatedPayout?.id === payout.id));
		after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
	} while (after);
	return list;
}
