/** Splitting work into batches that fit one request (Exact URL length, Shopify cost and size). */

export function chunk<T>(list: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1) throw new Error(`Batch size must be >= 1, got ${size}`);
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/** Shopify's most quantities per inventorySetQuantities call. */
export const MAX_QUANTITIES_PER_SET = 250;
/** Shopify's largest connection page. */
export const MAX_PAGE_SIZE = 250;
/** Shopify's single-query cost ceiling. */
export const MAX_QUERY_COST = 1000;
/** Longest search string we send in one `query:` argument (Shopify does not document a limit). */
export const MAX_SEARCH_LENGTH = 8_000;

/**
 * Requested cost of one variant in the SKU query (Shopify's rules: objects 1, connections
 * 2 + first × node, scalars 0): the variant 1 + its inventoryItem 1 + per location
 * inventoryLevel 1 + quantities 1.
 */
export function variantNodeCost(locationCount: number): number {
	return 2 + 2 * locationCount;
}

/** The requested cost of a SKU query page of `first` variants. */
export function skuQueryCost(first: number, locationCount: number): number {
	return 2 + first * variantNodeCost(locationCount);
}

/** The largest page that stays within `maxCost` (and Shopify's 250), at least 1. */
export function skuPageSize(locationCount: number, maxCost = MAX_QUERY_COST): number {
	const fit = Math.floor((maxCost - 2) / variantNodeCost(locationCount));
	return Math.max(1, Math.min(MAX_PAGE_SIZE, fit));
}

/**
 * Groups SKUs for the variant search: each group's search text stays under MAX_SEARCH_LENGTH and
 * holds at most `perQuery` SKUs (a page is sized above that so a few duplicates still fit).
 */
export function skuGroups(
	skus: string[],
	perQuery: number,
	render: (group: string[]) => string,
): string[][] {
	const groups: string[][] = [];
	let current: string[] = [];
	for (const sku of skus) {
		const candidate = [...current, sku];
		if (
			current.length > 0 &&
			(candidate.length > perQuery || render(candidate).length > MAX_SEARCH_LENGTH)
		) {
			groups.push(current);
			current = [sku];
		} else {
			current = candidate;
		}
	}
	if (current.length > 0) groups.push(current);
	return groups;
}
