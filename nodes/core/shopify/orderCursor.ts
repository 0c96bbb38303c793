/**
 * The cursor of Shopify Orders' "Get Changed Orders": the highest `updatedAt` already emitted. The
 * next run asks for orders updated at or after the cursor minus an overlap, so an order whose
 * update Shopify indexed a little late, or that shares the boundary instant, is read again rather
 * than missed. Reading an order twice is harmless: the import skips orders already in Exact.
 */

/** The later of two ISO instants (either may be missing or unreadable). */
export function laterInstant(a: string | undefined, b: string | undefined): string | undefined {
	const ta = a ? Date.parse(a) : NaN;
	const tb = b ? Date.parse(b) : NaN;
	if (Number.isNaN(ta)) return Number.isNaN(tb) ? undefined : b;
	if (Number.isNaN(tb)) return a;
	return tb > ta ? b : a;
}

/** Where this run starts: the cursor minus the overlap, or, without a cursor, `firstRunHours` ago. */
export function readFrom(
	cursor: string | undefined,
	now: number,
	overlapMinutes: number,
	firstRunHours: number,
): { since: string; firstRun: boolean } {
	const at = cursor ? Date.parse(cursor) : NaN;
	if (Number.isNaN(at)) {
		return { since: new Date(now - firstRunHours * 3_600_000).toISOString(), firstRun: true };
	}
	return {
		since: new Date(at - Math.max(0, overlapMinutes) * 60_000).toISOString(),
		firstRun: false,
	};
}

/** Shopify search syntax for "updated at or after `since`", plus the merchant's own filter. */
export function changedOrdersQuery(since: string, extra?: string): string {
	const base = `updated_at:>='${since}'`;
	const more = (extra ?? '').trim();
	return more ? `${base} AND (${more})` : base;
}
