/**
 * OData v2 `$filter` builder for Exact Online. No node concatenates user text into a filter: values
 * become typed literals here (strings with quotes doubled, validated GUIDs, integers, Int64 `L`,
 * datetimes, booleans, null) and field names are checked against a strict identifier pattern.
 *
 * Literals and filters are opaque objects issued by this module only (tracked in WeakSets), so a
 * JSON object from an input item can never pass for an already-rendered filter.
 */
import { toExactDate } from './date';

export class ODataFilterError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ODataFilterError';
	}
}

export interface Literal {
	readonly kind: 'literal';
	readonly text: string;
}

export interface Filter {
	readonly kind: 'filter';
	readonly text: string;
	/** True when the text is an `or` chain that needs parentheses inside an `and`. */
	readonly compound: 'and' | 'or' | 'none';
}

export type FilterValue = Literal | string | number | boolean | null;

const issuedLiterals = new WeakSet<object>();
const issuedFilters = new WeakSet<object>();

const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const GUID_PATTERN =
	/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const INTEGER_TEXT = /^-?\d+$/;

function literal(text: string): Literal {
	const value: Literal = Object.freeze({ kind: 'literal', text });
	issuedLiterals.add(value);
	return value;
}

function filter(text: string, compound: Filter['compound'] = 'none'): Filter {
	const value: Filter = Object.freeze({ kind: 'filter', text, compound });
	issuedFilters.add(value);
	return value;
}

export function isLiteral(value: unknown): value is Literal {
	return typeof value === 'object' && value !== null && issuedLiterals.has(value);
}

export function isFilter(value: unknown): value is Filter {
	return typeof value === 'object' && value !== null && issuedFilters.has(value);
}

/** Returns the GUID in lower case, or throws when the text is not a GUID. */
export function validateGuid(value: string): string {
	if (typeof value !== 'string' || !GUID_PATTERN.test(value.trim())) {
		throw new ODataFilterError(`Not a valid GUID: ${JSON.stringify(String(value)).slice(0, 60)}`);
	}
	return value.trim().toLowerCase();
}

export function isGuid(value: unknown): value is string {
	return typeof value === 'string' && GUID_PATTERN.test(value.trim());
}

function field(name: string): string {
	if (typeof name !== 'string' || !FIELD_PATTERN.test(name)) {
		throw new ODataFilterError(`Not a valid field name for a filter: ${JSON.stringify(name)}`);
	}
	return name;
}

function plainNumber(value: number, what: string): string {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new ODataFilterError(`Not a finite number for ${what}: ${String(value)}`);
	}
	const text = String(value);
	if (/e/i.test(text)) throw new ODataFilterError(`Number out of range for a filter: ${text}`);
	return text;
}

function integerText(value: number | string | bigint, what: string): string {
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) {
			throw new ODataFilterError(`Not a safe integer for ${what}: ${String(value)}`);
		}
		return String(value);
	}
	if (typeof value === 'string' && INTEGER_TEXT.test(value.trim())) return value.trim();
	throw new ODataFilterError(`Not an integer for ${what}: ${JSON.stringify(String(value))}`);
}

export const lit = {
	/** A string literal; single quotes are doubled. */
	str(value: string): Literal {
		if (typeof value !== 'string') {
			throw new ODataFilterError(`Expected a string literal, got ${typeof value}`);
		}
		return literal(`'${value.replace(/'/g, "''")}'`);
	},
	guid(value: string): Literal {
		return literal(`guid'${validateGuid(value)}'`);
	},
	/** Edm.Int32-style integer (also accepts a string of digits). */
	int(value: number | string): Literal {
		const text = integerText(value, 'an integer literal');
		const n = Number(text);
		if (n > 2147483647 || n < -2147483648) {
			throw new ODataFilterError(`Integer out of Int32 range: ${text}; use lit.int64`);
		}
		return literal(text);
	},
	/** Edm.Int64 with the `L` suffix, e.g. sync Timestamps (`Timestamp gt 12345L`). */
	int64(value: number | string | bigint): Literal {
		return literal(`${integerText(value, 'an Int64 literal')}L`);
	},
	num(value: number): Literal {
		return literal(plainNumber(value, 'a number literal'));
	},
	/** `datetime'…'` in Exact's local (Amsterdam) wall time; see toExactDate. */
	datetime(value: string | Date): Literal {
		return literal(`datetime'${toExactDate(value)}'`);
	},
	bool(value: boolean): Literal {
		if (typeof value !== 'boolean') {
			throw new ODataFilterError(`Expected a boolean literal, got ${typeof value}`);
		}
		return literal(value ? 'true' : 'false');
	},
	null(): Literal {
		return literal('null');
	},
};

/** Converts a plain value to a literal: strings become string literals (never raw OData). */
export function toLiteral(value: FilterValue): Literal {
	if (isLiteral(value)) return value;
	if (value === null) return lit.null();
	switch (typeof value) {
		case 'string':
			return lit.str(value);
		case 'number':
			return Number.isInteger(value) ? literal(integerText(value, 'a number')) : lit.num(value);
		case 'boolean':
			return lit.bool(value);
		default:
			throw new ODataFilterError(`Unsupported filter value of type ${typeof value}`);
	}
}

type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

function compare(op: Comparison, name: string, value: FilterValue): Filter {
	return filter(`${field(name)} ${op} ${toLiteral(value).text}`);
}

export const eq = (name: string, value: FilterValue) => compare('eq', name, value);
export const ne = (name: string, value: FilterValue) => compare('ne', name, value);
export const gt = (name: string, value: FilterValue) => compare('gt', name, value);
export const ge = (name: string, value: FilterValue) => compare('ge', name, value);
export const lt = (name: string, value: FilterValue) => compare('lt', name, value);
export const le = (name: string, value: FilterValue) => compare('le', name, value);

function checked(filters: Filter[]): Filter[] {
	for (const f of filters) {
		if (!isFilter(f))
			throw new ODataFilterError('Only filters built by the filter builder can be combined');
	}
	return filters;
}

function join(op: 'and' | 'or', filters: Filter[]): Filter {
	const parts = checked(filters);
	if (parts.length === 0) throw new ODataFilterError(`${op}() needs at least one filter`);
	if (parts.length === 1) return parts[0];
	const text = parts
		.map((f) => (f.compound !== 'none' && f.compound !== op ? `(${f.text})` : f.text))
		.join(` ${op} `);
	return filter(text, op);
}

export const and = (...filters: Filter[]) => join('and', filters);
export const or = (...filters: Filter[]) => join('or', filters);

export function not(inner: Filter): Filter {
	checked([inner]);
	return filter(`not (${inner.text})`);
}

/** `(F eq a or F eq b …)`; duplicates are dropped. Needs at least one value. */
export function anyOf(name: string, values: FilterValue[]): Filter {
	if (!Array.isArray(values) || values.length === 0) {
		throw new ODataFilterError(`anyOf(${name}) needs at least one value`);
	}
	const seen = new Set<string>();
	const parts: Filter[] = [];
	for (const value of values) {
		const part = eq(name, value);
		if (seen.has(part.text)) continue;
		seen.add(part.text);
		parts.push(part);
	}
	if (parts.length === 1) return parts[0];
	return filter(`(${parts.map((p) => p.text).join(' or ')})`);
}

/** `substringof('needle', Field) eq true`: Exact's OData v2 "contains". */
export function substringOf(needle: string, name: string): Filter {
	return filter(`substringof(${lit.str(needle).text}, ${field(name)}) eq true`);
}

/** `trim(Field) eq 'value'`: for Exact's space-padded codes (Account Code is right-aligned to 18). */
export function trimEq(name: string, value: string | Literal): Filter {
	return filter(`trim(${field(name)}) eq ${toLiteral(value).text}`);
}

export function renderFilter(value: Filter): string {
	if (!isFilter(value)) {
		throw new ODataFilterError('renderFilter() only accepts filters built by the filter builder');
	}
	return value.text;
}
