/**
 * Get Changed Orders: the orders created or changed since the last run. The GraphQL Admin API's
 * `orders` query (sorted by UPDATED_AT, paged by 250, `updated_at:>=` the cursor minus an overlap)
 * says which; the REST Admin API then returns them, up to 250 per call, as the same JSON Shopify's
 * order webhooks deliver, so the rest of the workflow maps them exactly as the webhook template does.
 *
 * The cursor (the highest updatedAt emitted) is kept in the node's static data and, for runs that
 * overlap in one n8n process, in process memory. It moves only after every page was read, so a
 * failed run reads the same orders again; reading an order twice costs calls, never correctness.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { sharedMap } from '../../ExactOnline/shared/processMemory';
import { changedOrdersQuery, laterInstant, readFrom } from '../../core/shopify/orderCursor';
import {
	getShopifyEndpoint,
	shopifyGraphql,
	shopifyRestGet,
} from '../../ShopifyInventory/transport';

const show = { operation: ['getChangedOrders'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: 'e.g. financial_status:paid',
				description:
					'Shopify search syntax added to "updated since the cursor", e.g. financial_status:paid to import paid orders only',
			},
			{
				displayName: 'First Run Looks Back (Hours)',
				name: 'firstRunHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 24,
				description:
					'Without a cursor (the first run, or after Reset Cursor): read the orders changed in this many hours',
			},
			{
				displayName: 'Max Orders per Run',
				name: 'maxOrders',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1000,
				description:
					'At most this many orders per run (the oldest changes first); the rest follow in the next run',
			},
			{
				displayName: 'Overlap (Minutes)',
				name: 'overlapMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				description:
					'Read again the orders changed this long before the cursor, so an order at the boundary is never missed (orders already imported are skipped)',
			},
			{
				displayName: 'Reset Cursor',
				name: 'resetCursor',
				type: 'boolean',
				default: false,
				description:
					'Whether to forget where the last run stopped and read as on a first run; switch it off again afterwards',
			},
		],
	},
];

const PAGE = 250;
const CURSOR_SLOT = 'ordersUpdatedAt';

const QUERY =
	'query ChangedOrders($first: Int!, $after: String, $query: String) {' +
	' orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {' +
	' edges { node { legacyResourceId updatedAt } }' +
	' pageInfo { hasNextPage endCursor } } }';

interface OrdersPage {
	orders: {
		edges: Array<{ node: { legacyResourceId: string; updatedAt: string } }>;
		pageInfo: { hasNextPage: boolean; endCursor: string | null };
	};
}

/** The cursor reached by runs of this process, per workflow node and shop (runs that overlap). */
const reachedCursors = () => sharedMap<string>('shopifyOrdersCursor', 'all', 1_000);

function memoryKey(ctx: IExecuteFunctions, shop: string): string {
	return `${String(ctx.getWorkflow().id ?? '')}|${ctx.getNode().id}|${shop}`;
}

export async function getChangedOrders(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const endpoint = await getShopifyEndpoint(ctx, 0);
	const store = ctx.getWorkflowStaticData('node');
	const key = memoryKey(ctx, endpoint.shopDomain);
	const reset = options.resetCursor === true;
	const cursor = reset
		? undefined
		: laterInstant(store[CURSOR_SLOT] as string | undefined, reachedCursors().get(key));
	const { since } = readFrom(
		cursor,
		Date.now(),
		Number(options.overlapMinutes ?? 5),
		Number(options.firstRunHours ?? 24),
	);
	const maxOrders = Math.max(1, Number(options.maxOrders ?? 1000));
	const query = changedOrdersQuery(since, options.filter as string | undefined);

	const changed: Array<{ id: string; updatedAt: string }> = [];
	let after: string | null = null;
	for (;;) {
		const first = Math.min(PAGE, maxOrders - changed.length);
		const page: OrdersPage = await shopifyGraphql<OrdersPage>(ctx, endpoint, {
			query: QUERY,
			variables: { first, after, query },
			estimatedCost: 2 + first,
			purpose: 'read changed orders',
		});
		for (const edge of page.orders.edges)
			changed.push({ id: edge.node.legacyResourceId, updatedAt: edge.node.updatedAt });
		after = page.orders.pageInfo.endCursor;
		if (!page.orders.pageInfo.hasNextPage || !after || changed.length >= maxOrders) break;
	}

	// The same JSON the order webhooks deliver, in the order the changes happened.
	const byId = new Map<string, IDataObject>();
	for (let i = 0; i < changed.length; i += PAGE) {
		const ids = changed.slice(i, i + PAGE).map((c) => c.id);
		const body = await shopifyRestGet<{ orders?: IDataObject[] }>(
			ctx,
			endpoint,
			'orders.json',
			{ ids: ids.join(','), status: 'any', limit: ids.length },
			'read orders',
		);
		for (const order of body.orders ?? []) byId.set(String(order.id), order);
	}
	const orders = changed.map((c) => byId.get(c.id)).filter((o): o is IDataObject => !!o);

	// Only now, with every page read, does the cursor move (never backwards).
	const next = changed.reduce<string | undefined>((at, c) => laterInstant(at, c.updatedAt), cursor);
	if (next && next !== store[CURSOR_SLOT]) store[CURSOR_SLOT] = next;
	if (next) {
		const reached = reachedCursors();
		reached.set(key, laterInstant(reached.get(key), next) as string);
	}
	// Every order is an item exactly as a webhook would deliver it.
	return [orders.map((order) => ({ json: order, pairedItem: { item: 0 } }))];
}
