/**
 * Lossless JSON for the sandbox.
 *
 * Shopify ids are 64-bit integers sent as JSON numbers. `JSON.parse` rounds anything beyond 2^53, so
 * the sandbox parses request bodies keeping every number whose text does not survive a
 * Number round trip as a RawNumber, and writes JSON itself so that such numbers, and ids the
 * sandbox stores as digit strings, go out as bare digits.
 */

/** A JSON number kept as its exact source text. */
export class RawNumber {
	constructor(readonly raw: string) {}

	toString(): string {
		return this.raw;
	}

	toJSON(): string {
		return this.raw;
	}
}

export type JsonValue =
	| null
	| boolean
	| number
	| string
	| RawNumber
	| JsonValue[]
	| { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const MARK = '\u0000rawnum:';
const NUMBER_START = /[-0-9]/;
const NUMBER_CHARS = /[-+0-9.eE]/;

/** Parses JSON text; numbers that a JS number cannot hold exactly become RawNumber. */
export function parseLossless(text: string): JsonValue {
	let out = '';
	let last = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inString) {
			if (ch === '\\') i++;
			else if (ch === '"') inString = false;
			continue;
		}
		if (ch === '"') {
			inString = true;
			continue;
		}
		if (!NUMBER_START.test(ch)) continue;
		let end = i + 1;
		while (end < text.length && NUMBER_CHARS.test(text[end])) end++;
		const token = text.slice(i, end);
		if (String(Number(token)) !== token && !Number.isNaN(Number(token))) {
			out += text.slice(last, i) + JSON.stringify(MARK + token);
			last = end;
		}
		i = end - 1;
	}
	out += text.slice(last);
	return JSON.parse(out, (_key, value: unknown) =>
		typeof value === 'string' && value.startsWith(MARK)
			? new RawNumber(value.slice(MARK.length))
			: value,
	) as JsonValue;
}

/**
 * Keys whose values are Shopify numeric ids. A digit-only string under one of them is written as
 * a bare JSON number, so ids stored as strings leave the sandbox as numbers with all digits.
 */
const ID_KEYS = new Set([
	'id',
	'app_id',
	'checkout_id',
	'customer_id',
	'destination_location_id',
	'device_id',
	'fulfillment_id',
	'gift_card_id',
	'image_id',
	'inventory_item_id',
	'line_item_id',
	'location_id',
	'order_id',
	'origin_location_id',
	'parent_id',
	'product_id',
	'refund_id',
	'user_id',
	'variant_id',
]);
const ID_LIST_KEYS = new Set(['variant_ids', 'product_ids', 'location_ids', 'image_ids']);
const DIGITS = /^(0|[1-9][0-9]*)$/;

function isIdKey(key: string | undefined, inIdList: boolean): boolean {
	return inIdList || (key !== undefined && ID_KEYS.has(key));
}

/** Serialises a value; RawNumber, bigint and digit-string ids are written as bare numbers. */
export function stringifyLossless(value: unknown): string {
	return write(value, undefined, false) ?? 'null';
}

function write(value: unknown, key: string | undefined, inIdList: boolean): string | undefined {
	if (value === null) return 'null';
	if (value instanceof RawNumber) return value.raw;
	switch (typeof value) {
		case 'string':
			return isIdKey(key, inIdList) && DIGITS.test(value) ? value : JSON.stringify(value);
		case 'number':
			return Number.isFinite(value) ? JSON.stringify(value) : 'null';
		case 'bigint':
			return value.toString();
		case 'boolean':
			return value ? 'true' : 'false';
		case 'undefined':
		case 'function':
		case 'symbol':
			return undefined;
	}
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Array.isArray(value)) {
		const listOfIds = key !== undefined && ID_LIST_KEYS.has(key);
		return `[${value.map((v) => write(v, undefined, listOfIds) ?? 'null').join(',')}]`;
	}
	const parts: string[] = [];
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		const text = write(v, k, false);
		if (text !== undefined) parts.push(`${JSON.stringify(k)}:${text}`);
	}
	return `{${parts.join(',')}}`;
}

/** An id from a payload (number, RawNumber or string) as a digit string, or undefined. */
export function idToString(value: unknown): string | undefined {
	if (value instanceof RawNumber) return value.raw;
	if (typeof value === 'number' && Number.isInteger(value)) return String(value);
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'string' && value !== '') return value;
	return undefined;
}

/** Turns RawNumbers back into plain values: integers stay strings, others become numbers. */
export function toPlain(value: unknown): unknown {
	if (value instanceof RawNumber) {
		return /^-?[0-9]+$/.test(value.raw) ? value.raw : Number(value.raw);
	}
	if (Array.isArray(value)) return value.map(toPlain);
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
		return out;
	}
	return value;
}
