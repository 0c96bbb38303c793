/**
 * SKU → variant, inventory item and current "available" per location, many SKUs per query
 * (`productVariants(query: "sku:\"A\" OR sku:\"B\" …")`), cached per execution and shop so a node
 * that runs again in the same execution does not ask twice.
 */
import type { IDataObject } from 'n8n-workflow';

import { skuGroups, skuPageSize, skuQueryCost } from '../core/stock/batching';
import type { VariantInfo } from '../core/stock/inventoryPlan';
import { skuKey, skuSearchQuery } from '../core/stock/shopifySearch';
import type { ShopifyEndpoint } from '../core/stock/shopifyEndpoint';
import { maxQueryCost, shopifyGraphql, ShopifyQueryTooCostlyError, toNodeError } from './transport';
import type { ShopifyContext } from './transport';

interface LevelNode {
	quantities: Array<{ name: string; quantity: number }>;
}

interface VariantNode {
	id: string;
	sku: string | null;
	requiresComponents: boolean;
	inventoryItem: {
		id: string;
		tracked: boolean;
		[alias: string]: LevelNode | null | string | boolean;
	};
}

interface VariantsPage {
	productVariants: {
		nodes: VariantNode[];
		pageInfo: { hasNextPage: boolean; endCursor: string | null };
	};
}

/** Per execution and shop: SKU key → variants found (an empty list = none). */
const caches = new Map<string, Map<string, VariantInfo[]>>();

function cacheFor(ctx: ShopifyContext, endpoint: ShopifyEndpoint): Map<string, VariantInfo[]> {
	let execution: string;
	try {
		execution = String(ctx.getExecutionId() ?? 'none');
	} catch {
		execution = 'none';
	}
	const key = `${execution}|${endpoint.shopDomain}`;
	let cache = caches.get(key);
	if (!cache) {
		cache = new Map();
		caches.set(key, cache);
		if (caches.size > 200) {
			const oldest = caches.keys().next().value;
			if (oldest !== undefined) caches.delete(oldest);
		}
	}
	return cache;
}

/** The query text for `locationCount` locations: one aliased inventoryLevel per location. */
export function variantsQuery(locationCount: number): string {
	const vars = Array.from({ length: locationCount }, (_, i) => `, $l${i}: ID!`).join('');
	const levels = Array.from(
		{ length: locationCount },
		(_, i) =>
			`l${i}: inventoryLevel(locationId: $l${i}) { quantities(names: ["available"]) { name quantity } }`,
	).join(' ');
	return (
		`query ResolveSkus($query: String!, $first: Int!, $after: String${vars}) {` +
		' productVariants(first: $first, after: $after, query: $query) {' +
		` nodes { id sku requiresComponents inventoryItem { id tracked ${levels} } }` +
		' pageInfo { hasNextPage endCursor } } }'
	);
}

function toInfo(node: VariantNode, locations: string[]): VariantInfo {
	const available: Record<string, number | null> = {};
	locations.forEach((location, i) => {
		const level = node.inventoryItem[`l${i}`] as LevelNode | null | undefined;
		const quantity = level?.quantities.find((q) => q.name === 'available')?.quantity;
		available[location] = level && typeof quantity === 'number' ? quantity : null;
	});
	return {
		variantId: node.id,
		sku: node.sku ?? '',
		inventoryItemId: node.inventoryItem.id,
		tracked: node.inventoryItem.tracked,
		requiresComponents: node.requiresComponents,
		available,
	};
}

function covers(infos: VariantInfo[] | undefined, locations: string[]): boolean {
	return infos !== undefined && infos.every((v) => locations.every((l) => l in v.available));
}

/**
 * Variants per SKU key for `skus`, with "available" at each of `locations`. Cached answers are
 * used unless `fresh` (after a stale compare-and-swap) or they lack one of the locations.
 */
export async function resolveSkus(
	ctx: ShopifyContext,
	endpoint: ShopifyEndpoint,
	skus: string[],
	locations: string[],
	options: { fresh?: boolean; itemIndex?: number } = {},
): Promise<Map<string, VariantInfo[]>> {
	const cache = cacheFor(ctx, endpoint);
	const wanted = [...new Map(skus.map((s) => [skuKey(s), s.trim()])).values()];
	const toFetch = wanted.filter((s) => options.fresh || !covers(cache.get(skuKey(s)), locations));
	let pending = toFetch;
	while (pending.length > 0) {
		// Sized from what Shopify last said about this shop's limits (1,000 points until then).
		const first = skuPageSize(locations.length, maxQueryCost(endpoint.shopDomain));
		const group = skuGroups(pending, Math.max(1, Math.floor(first * 0.8)), skuSearchQuery)[0];
		try {
			const found = await fetchGroup(ctx, endpoint, group, locations, first, options.itemIndex);
			for (const [key, list] of found) cache.set(key, list);
		} catch (error) {
			// Too costly for this shop: the transport noted its limit; the next round asks for less.
			if (!(error instanceof ShopifyQueryTooCostlyError) || first <= 1) {
				throw toNodeError(ctx.getNode(), error, options.itemIndex ?? 0);
			}
			continue;
		}
		pending = pending.slice(group.length);
	}
	return new Map(wanted.map((s) => [skuKey(s), cache.get(skuKey(s)) ?? []]));
}

async function fetchGroup(
	ctx: ShopifyContext,
	endpoint: ShopifyEndpoint,
	group: string[],
	locations: string[],
	first: number,
	itemIndex?: number,
): Promise<Map<string, VariantInfo[]>> {
	const found = new Map<string, VariantInfo[]>(group.map((s) => [skuKey(s), []]));
	const variables: IDataObject = { query: skuSearchQuery(group), first };
	locations.forEach((location, i) => (variables[`l${i}`] = location));
	let after: string | null = null;
	do {
		variables.after = after;
		const page: VariantsPage = await shopifyGraphql<VariantsPage>(ctx, endpoint, {
			query: variantsQuery(locations.length),
			variables,
			estimatedCost: skuQueryCost(first, locations.length),
			itemIndex,
			purpose: 'look up SKUs',
		});
		for (const node of page.productVariants.nodes) {
			// Shopify's search may match loosely: keep exact SKU matches only.
			const list = node.sku === null ? undefined : found.get(skuKey(node.sku));
			list?.push(toInfo(node, locations));
		}
		after = page.productVariants.pageInfo.hasNextPage
			? page.productVariants.pageInfo.endCursor
			: null;
	} while (after);
	return found;
}

/** Keeps the cache in step with a successful write. */
export function rememberQuantity(
	ctx: ShopifyContext,
	endpoint: ShopifyEndpoint,
	sku: string,
	locationId: string,
	quantity: number,
): void {
	for (const info of cacheFor(ctx, endpoint).get(skuKey(sku)) ?? []) {
		if (locationId in info.available) info.available[locationId] = quantity;
	}
}
