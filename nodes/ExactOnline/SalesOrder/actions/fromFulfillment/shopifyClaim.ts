/**
 * Reads and writes a fulfilment's delivery claim: a json metafield on the Shopify order, written
 * with `metafieldsSet` and `compareDigest` (Shopify's atomic compare-and-set, API 2024-07 and
 * later). Goes through the package's one Shopify transport with the shopifyAdminCommerceApi
 * credential; makes no Exact calls. The decisions are in core/exact/deliveryClaim.
 */
import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { CLAIM_NAMESPACE, CLAIM_TYPE, serializeClaim } from '../../../../core/exact/deliveryClaim';
import type { DeliveryClaim, StoredClaim } from '../../../../core/exact/deliveryClaim';
import type { ShopifyEndpoint } from '../../../../core/stock/shopifyEndpoint';
import { getShopifyEndpoint, shopifyGraphql } from '../../../../ShopifyInventory/transport';

const READ_QUERY =
	'query DeliveryClaim($id: ID!, $namespace: String!, $key: String!) {' +
	' order(id: $id) { id metafield(namespace: $namespace, key: $key) { value compareDigest } } }';

const SET_MUTATION =
	'mutation ClaimDelivery($metafields: [MetafieldsSetInput!]!) {' +
	' metafieldsSet(metafields: $metafields) { metafields { compareDigest } userErrors { field message code } } }';

const FIND_BY_NAME_QUERY =
	'query OrderByName($query: String!) { orders(first: 5, query: $query) { nodes { id name } } }';

/** Shopify's codes for "the stored value is not the one you compared with". */
const LOST_RACE = new Set(['STALE_OBJECT', 'INVALID_COMPARE_DIGEST']);

interface UserError {
	field?: string[] | null;
	message: string;
	code?: string | null;
}

export type ClaimWrite =
	| { ok: true; compareDigest: string }
	| { ok: false; userErrors: UserError[] };

export class ShopifyClaims {
	private endpoint: ShopifyEndpoint | undefined;

	constructor(private readonly ctx: IExecuteFunctions) {}

	private async shop(itemIndex: number): Promise<ShopifyEndpoint> {
		this.endpoint ??= await getShopifyEndpoint(this.ctx, itemIndex);
		return this.endpoint;
	}

	/**
	 * The order's GraphQL id found by its name (#1001): for an order_id whose digits may have been
	 * rounded away. Throws naming the order when no order, or more than one, has that name.
	 */
	async orderIdByName(orderName: string, itemIndex: number): Promise<string> {
		const data = await shopifyGraphql<{ orders: { nodes: Array<{ id: string; name: string }> } }>(
			this.ctx,
			await this.shop(itemIndex),
			{
				query: FIND_BY_NAME_QUERY,
				variables: { query: `name:${JSON.stringify(orderName)}` },
				estimatedCost: 3,
				itemIndex,
				purpose: 'find the order by name',
			},
		);
		const found = (data.orders?.nodes ?? []).filter((o) => o.name === orderName);
		if (found.length !== 1) {
			throw new NodeApiError(this.ctx.getNode(), { message: 'order not found' } as JsonObject, {
				message: `Shopify (find the order by name): ${found.length === 0 ? 'no order' : `${found.length} orders`} named ${orderName} in this shop`,
				description:
					"The fulfilment's order_id is beyond 2^53, so its last digits may have been lost, and the Queue-Mode Guard looked the order up by its name instead.",
				itemIndex,
			});
		}
		return found[0].id;
	}

	/** The stored claim (null: none), or an error naming the order when Shopify has no such order. */
	async read(ownerId: string, key: string, itemIndex: number): Promise<StoredClaim | null> {
		const data = await shopifyGraphql<{
			order: { metafield: { value: string; compareDigest: string } | null } | null;
		}>(this.ctx, await this.shop(itemIndex), {
			query: READ_QUERY,
			variables: { id: ownerId, namespace: CLAIM_NAMESPACE, key },
			estimatedCost: 2,
			itemIndex,
			purpose: 'read the delivery claim',
		});
		if (!data.order) {
			throw new NodeApiError(this.ctx.getNode(), { message: 'order not found' } as JsonObject, {
				message: `Shopify (read the delivery claim): order ${ownerId} does not exist in this shop`,
				description:
					'The Queue-Mode Guard keeps its claim on the Shopify order: check that the Shopify Admin credential is for the shop that sent the fulfilment.',
				itemIndex,
			});
		}
		const field = data.order.metafield;
		return field ? { value: field.value, compareDigest: field.compareDigest } : null;
	}

	/**
	 * Writes `claim` only when the stored value still has `compareDigest` (null: none stored).
	 * `{ ok: false }` when another process changed it first; other user errors throw.
	 */
	async write(
		ownerId: string,
		key: string,
		claim: DeliveryClaim,
		compareDigest: string | null,
		itemIndex: number,
	): Promise<ClaimWrite> {
		const data = await shopifyGraphql<{
			metafieldsSet: {
				metafields: Array<{ compareDigest: string }> | null;
				userErrors: UserError[];
			};
		}>(this.ctx, await this.shop(itemIndex), {
			query: SET_MUTATION,
			variables: {
				metafields: [
					{
						ownerId,
						namespace: CLAIM_NAMESPACE,
						key,
						type: CLAIM_TYPE,
						value: serializeClaim(claim),
						compareDigest,
					},
				],
			},
			estimatedCost: 10,
			itemIndex,
			purpose: 'claim the delivery',
		});
		const errors = data.metafieldsSet?.userErrors ?? [];
		if (errors.length > 0) {
			if (errors.every((e) => e.code && LOST_RACE.has(e.code)))
				return { ok: false, userErrors: errors };
			throw new NodeApiError(this.ctx.getNode(), { userErrors: errors } as unknown as JsonObject, {
				message: `Shopify (claim the delivery): ${errors.map((e) => e.message).join('; ')}`,
				description:
					'The Queue-Mode Guard writes a metafield on the Shopify order: the app needs the write_orders scope.',
				itemIndex,
			});
		}
		const digest = data.metafieldsSet?.metafields?.[0]?.compareDigest;
		if (!digest) return { ok: false, userErrors: [] };
		return { ok: true, compareDigest: digest };
	}
}
