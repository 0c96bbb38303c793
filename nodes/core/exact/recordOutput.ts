/** Exact records as node output: without OData metadata and unexpanded navigation links. Pure. */

export function cleanRecord<T extends Record<string, unknown>>(record: T): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) {
		if (key === '__metadata') continue;
		if (value && typeof value === 'object' && '__deferred' in (value as object)) continue;
		if (
			value &&
			typeof value === 'object' &&
			Array.isArray((value as { results?: unknown }).results)
		) {
			out[key] = (value as { results: Array<Record<string, unknown>> }).results.map(cleanRecord);
			continue;
		}
		out[key] = value;
	}
	return out;
}

/** A comma list of Exact field names from the merchant, validated; empty → the defaults. */
export function selectFields(text: unknown, defaults: string[]): string[] {
	const names =
		typeof text === 'string'
			? text
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean)
			: [];
	if (names.length === 0) return defaults;
	for (const name of names) {
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
			throw new Error(`"${name.slice(0, 40)}" is not an Exact field name`);
	}
	return [...new Set(names)];
}

/** True when a stored value differs from the wanted one (texts compared trimmed, case kept). */
export function differs(current: unknown, wanted: unknown): boolean {
	if (typeof wanted === 'string') return String(current ?? '').trim() !== wanted.trim();
	if (typeof wanted === 'number' && typeof current === 'number')
		return Math.abs(current - wanted) > 1e-9;
	return current !== wanted;
}
