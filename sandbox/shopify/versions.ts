/**
 * Admin API versions the sandbox serves and how inventorySetQuantities behaves in each.
 * Shopify versions are quarterly (YYYY-01/04/07/10). A request for an older version than the
 * oldest served one "falls forward" to it, as Shopify does; newer than the newest is a 404.
 */

export const SUPPORTED_VERSIONS = [
	'2024-07',
	'2024-10',
	'2025-01',
	'2025-04',
	'2025-07',
	'2025-10',
	'2026-01',
	'2026-04',
	'2026-07',
	'2026-10',
] as const;

export const OLDEST_VERSION = SUPPORTED_VERSIONS[0];
export const NEWEST_VERSION = SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1];

/**
 * Compare-and-swap families of inventorySetQuantities:
 * - 'compare': compareQuantity + ignoreCompareQuantity (up to 2025-10)
 * - 'transition': both; passing changeFromQuantity (even null) overrides the old fields (2026-01)
 * - 'changeFrom': changeFromQuantity only, and it must be passed, null to skip (2026-04 on)
 */
export type CasFamily = 'compare' | 'transition' | 'changeFrom';

export function casFamily(version: string): CasFamily {
	if (version <= '2025-10') return 'compare';
	if (version === '2026-01') return 'transition';
	return 'changeFrom';
}

/** The version actually served for a requested one, or undefined when there is none (404). */
export function resolveVersion(requested: string): string | undefined {
	if (requested === 'unstable') return NEWEST_VERSION;
	if (!/^20[0-9]{2}-(01|04|07|10)$/.test(requested)) return undefined;
	if (requested < OLDEST_VERSION) return OLDEST_VERSION;
	if (requested > NEWEST_VERSION) return undefined;
	return requested;
}
