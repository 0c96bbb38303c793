/**
 * Shopify ids are 64-bit integers. JSON.parse rounds those beyond 2^53, so the core keeps ids as
 * digit strings and, where a record also carries `admin_graphql_api_id`, trusts the gid's numeric
 * tail: it is a string and cannot have lost a digit.
 */

const GID_TAIL = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)(?:[?#/].*)?$/;

/** "gid://shopify/Order/820982911946154508" → "820982911946154508"; anything else → null. */
export function gidTail(gid: string | null | undefined): string | null {
	if (!gid) return null;
	const match = GID_TAIL.exec(gid);
	return match ? stripZeros(match[1]) : null;
}

function stripZeros(digits: string): string {
	return digits.charCodeAt(0) === 48 /* 0 */ ? digits.replace(/^0+(?=\d)/, '') : digits;
}

/** An id as a digit string: safe or unsafe integers, digit strings and gids. Else undefined. */
export function idText(value: unknown): string | null | undefined {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value < 0) return undefined;
		// Large doubles print in exponent form; spell out every digit the double holds.
		return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
	}
	if (typeof value === 'string') {
		const text = value.trim();
		if (/^\d{1,30}$/.test(text)) return stripZeros(text);
		return gidTail(text) ?? undefined;
	}
	return undefined;
}

/** The record's id, preferring the gid's tail when both exist and disagree (precision loss). */
export function resolveId(id: string | null, gid: string | null): string | null {
	return gidTail(gid) ?? id;
}

/** True when the raw value is a JSON number that JavaScript could not hold exactly. */
export function isImpreciseNumber(value: unknown): boolean {
	return typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);
}
