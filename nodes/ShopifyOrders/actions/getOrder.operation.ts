/**
 * Get Order: each input item's Shopify order, as the REST JSON the order webhooks deliver (the
 * shape Map Shopify Refund and Map Shopify Order read). The orders of all input items are read
 * together, up to 250 per call, through the package's Shopify transport, which waits out
 * Shopify's REST rate limit (429 with Retry-After) instead of failing the execution, and keeps
 * ids beyond 2^53 exact.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { idText, isImpreciseNumber } from '../../core/shopify/ids';
import { getShopifyEndpoint, shopifyRestGet } from '../../ShopifyInventory/transport';

const show = { operation: ['getOrder'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '={{ $json.order_id }}',
		placeholder: 'e.g. 5807458578540',
		description:
			"The Shopify order's ID (or its gid://shopify/Order/… ID); the default takes order_id from a refund, fulfilment or transaction webhook",
		displayOptions: { show },
	},
];

const PAGE = 250;

type Wanted = { itemIndex: number; id: string } | { itemIndex: number; error: string };

/** The order id of one input item, or why it cannot be used. */
function wantedOrder(ctx: IExecuteFunctions, itemIndex: number): Wanted {
	const raw = ctx.getNodeParameter('orderId', itemIndex, '') as unknown;
	if (isImpreciseNumber(raw)) {
		return {
			itemIndex,
			error: `Order ID ${String(raw)} is beyond 2^53 and lost its last digits when it was read as a number: pass it as text (e.g. from admin_graphql_api_id)`,
		};
	}
	const id = idText(raw);
	if (!id)
		return { itemIndex, error: `Order ID ${JSON.stringify(raw ?? '')} is not a Shopify order ID` };
	return { itemIndex, id };
}

export async function getOrder(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const count = ctx.getInputData().length;
	const wanted = Array.from({ length: count }, (_, i) => wantedOrder(ctx, i));
	const ids = [...new Set(wanted.flatMap((w) => ('id' in w ? [w.id] : [])))];
	const byId = new Map<string, IDataObject>();
	if (ids.length > 0) {
		const firstItem = wanted.find((w) => 'id' in w)?.itemIndex ?? 0;
		const endpoint = await getShopifyEndpoint(ctx, firstItem);
		for (let i = 0; i < ids.length; i += PAGE) {
			const page = ids.slice(i, i + PAGE);
			const body = await shopifyRestGet<{ orders?: IDataObject[] }>(
				ctx,
				endpoint,
				'orders.json',
				{ ids: page.join(','), status: 'any', limit: page.length },
				'read the order',
				firstItem,
			);
			for (const order of body.orders ?? []) byId.set(String(idText(order.id)), order);
		}
	}
	const out: INodeExecutionData[] = [];
	for (const w of wanted) {
		const order = 'id' in w ? byId.get(w.id) : undefined;
		const error =
			'error' in w ? w.error : order ? undefined : `Shopify has no order ${w.id} in this shop`;
		if (!error) {
			out.push({ json: order as IDataObject, pairedItem: { item: w.itemIndex } });
			continue;
		}
		if (!ctx.continueOnFail())
			throw new NodeOperationError(ctx.getNode(), error, { itemIndex: w.itemIndex });
		out.push({ json: { error }, pairedItem: { item: w.itemIndex } });
	}
	return [out];
}
