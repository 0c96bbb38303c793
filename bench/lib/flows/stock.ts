/**
 * The two stock flows of scenario 3, one execution per sync run.
 *
 * Ours (template exact-stock-to-shopify): Schedule → Exact Online Stock (Get Changes, cursor in the
 * workflow's static data) → Shopify Inventory (Set Available Quantities).
 *
 * Baseline: Schedule → the peer node reading every inventory/ItemWarehouses row (it has no change
 * feed of its own) → a Code node keeping the last quantities and passing on what changed → per
 * changed position an HTTP Request to find the SKU's inventory item (GraphQL) and one to set the
 * level (REST inventory_levels/set), as n8n's Shopify node has no inventory operation.
 */
import type { IDataObject } from 'n8n-workflow';

import { EXACT_CREDENTIAL } from '../../../nodes/ExactOnline/shared/transport';
import type { BenchEnv } from '../env';
import { OUR_EXACT, PEER_EXACT, SHOPIFY } from '../env';
import { glueNode, requestNode } from '../harness/glue';
import { requireNode } from '../harness/nodes';
import type { FlowNode } from '../harness/workflow';
import { loadPeerNode } from './peer';

/** Exact warehouse code → Shopify location id. */
export const WAREHOUSE_LOCATIONS: Record<string, string> = { '1': '1001', '2': '1002' };

const SHOPIFY_VERSION = '2025-01';

export function ourStockFlow(env: BenchEnv): FlowNode[] {
	return [
		{ name: 'Schedule', type: glueNode('Schedule', () => [[{}]]) },
		{
			name: 'Exact Online Stock',
			type: requireNode('nodes/ExactOnline/Stock/ExactOnlineStock.node', 'ExactOnlineStock'),
			credentials: { [EXACT_CREDENTIAL]: OUR_EXACT },
			parameters: {
				operation: 'getChanges',
				division: { __rl: true, mode: 'id', value: String(env.division) },
				output: 'location',
				locationMap: {
					mappings: Object.entries(WAREHOUSE_LOCATIONS).map(([warehouse, location]) => ({
						warehouse,
						location,
					})),
				},
				figure: 'freeToSell',
			},
		},
		{
			name: 'Shopify Inventory',
			type: requireNode('nodes/ShopifyInventory/ShopifyInventory.node', 'ShopifyInventory'),
			credentials: { shopifyAdminCommerceApi: SHOPIFY },
			parameters: { operation: 'setQuantities' },
		},
	];
}

type VariantAnswer = {
	data?: { productVariants?: { nodes?: Array<{ inventoryItem?: { id?: string } }> } };
};

function inventoryItemOf(json: IDataObject): string {
	return (
		(json.response as VariantAnswer | undefined)?.data?.productVariants?.nodes?.[0]?.inventoryItem
			?.id ?? ''
	);
}

export function baselineStockFlow(env: BenchEnv): FlowNode[] {
	/** The Code node's memory of the last run (its workflow static data). */
	const last = new Map<string, number>();
	const shopify = (path: string) => `${env.shopify.baseUrl}/admin/api/${SHOPIFY_VERSION}/${path}`;
	const headers = {
		'X-Shopify-Access-Token': env.shopify.accessToken,
		'Content-Type': 'application/json',
	};
	return [
		{ name: 'Schedule', type: glueNode('Schedule', () => [[{}]]) },
		{
			name: 'Read stock',
			type: loadPeerNode(),
			credentials: { exactOnlineApiOAuth2Api: PEER_EXACT },
			parameters: {
				authentication: 'oAuth2',
				division: String(env.division),
				service: 'inventory',
				resource: 'ItemWarehouses',
				operation: 'getAll',
				limit: 1_000_000,
				selectedFields: [
					'ItemCode',
					'WarehouseCode',
					'CurrentStock',
					'PlannedStockOut',
					'ReservedStock',
				],
				conjunction: 'and',
				filter: { filter: [{ field: 'ItemIsStockItem', operator: 'eq', value: 'true' }] },
			},
		},
		{
			name: 'Changed',
			type: glueNode('Changed', (ctx) => {
				const changed: IDataObject[] = [];
				for (const row of ctx.input) {
					const location = WAREHOUSE_LOCATIONS[String(row.WarehouseCode)];
					if (!location) continue;
					const key = `${String(row.ItemCode)}|${location}`;
					const quantity = Math.max(
						0,
						Math.floor(
							Number(row.CurrentStock) -
								Number(row.PlannedStockOut ?? 0) -
								Number(row.ReservedStock ?? 0),
						),
					);
					if (last.get(key) === quantity) continue;
					last.set(key, quantity);
					changed.push({ sku: row.ItemCode, locationId: location, quantity });
				}
				return [changed];
			}),
		},
		{
			name: 'Find inventory item',
			type: requestNode('Find inventory item', (json) => ({
				method: 'POST',
				url: shopify('graphql.json'),
				headers,
				json: true,
				body: {
					query:
						'query($q: String!) { productVariants(first: 1, query: $q) { nodes { inventoryItem { id } } } }',
					variables: { q: `sku:"${String(json.sku)}"` },
				},
			})),
		},
		{
			name: 'Known SKU?',
			type: glueNode('Known SKU?', (ctx) => [
				ctx.input.filter((json) => inventoryItemOf(json) !== ''),
			]),
		},
		{
			name: 'Set level',
			type: requestNode('Set level', (json) => {
				const gid = inventoryItemOf(json);
				return {
					method: 'POST',
					url: shopify('inventory_levels/set.json'),
					headers,
					json: true,
					body: {
						location_id: Number(json.locationId),
						inventory_item_id: Number(gid.split('/').pop()),
						available: json.quantity,
					},
				};
			}),
		},
	];
}
