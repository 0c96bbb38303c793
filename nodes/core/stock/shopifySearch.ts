/**
 * Shopify search syntax for `productVariants(query:)`: every SKU is quoted so spaces, colons and
 * parentheses stay part of the value; backslashes and quotes inside are escaped.
 * Shopify's search may match more than asked (tokenised or case-insensitive), so results are
 * always filtered again by exact SKU (see matchSku).
 */

export function quoteSearchValue(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function skuSearchQuery(skus: string[]): string {
	return skus.map((sku) => `sku:${quoteSearchValue(sku)}`).join(' OR ');
}

/** SKUs compare trimmed and case-insensitively (Exact item codes are case-insensitive). */
export function skuKey(sku: string): string {
	return sku.trim().toUpperCase();
}
