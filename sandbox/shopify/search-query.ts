/**
 * Shopify's search syntax, the subset connections take in `query:`:
 * `sku:A OR sku:"B C"`, implicit or explicit AND, NOT / leading `-`, parentheses, `field:prefix*`,
 * and ranges `updated_at:>'2026-01-01T00:00:00Z'` (also `>=`, `<`, `<=`).
 * Values match case-insensitively and exactly (a trailing `*` matches a prefix); a bare word
 * matches any of the connection's default fields. A field the connection does not know matches nothing.
 */

type Node =
	| { kind: 'term'; field?: string; value: string }
	| { kind: 'not'; inner: Node }
	| { kind: 'and' | 'or'; parts: Node[] };

/** Field values of one record: undefined/null when the record has no value for it. */
export type FieldGetter<T> = (record: T, field: string) => string | null | undefined;

function tokenize(text: string): string[] {
	const tokens: string[] = [];
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		if (/\s/.test(ch)) {
			i++;
		} else if (ch === '(' || ch === ')') {
			tokens.push(ch);
			i++;
		} else {
			let token = '';
			while (i < text.length && !/[\s()]/.test(text[i])) {
				if (text[i] === '"' || text[i] === "'") {
					const quote = text[i++];
					token += '"';
					while (i < text.length && text[i] !== quote) {
						if (text[i] === '\\' && i + 1 < text.length) i++;
						token += text[i++];
					}
					token += '"';
					i++;
				} else {
					token += text[i++];
				}
			}
			tokens.push(token);
		}
	}
	return tokens;
}

function unquote(value: string): string {
	return value.replace(/"/g, '');
}

function parseTerm(token: string): Node {
	const colon = token.indexOf(':');
	if (colon > 0 && !token.slice(0, colon).includes('"')) {
		return {
			kind: 'term',
			field: token.slice(0, colon).toLowerCase(),
			value: unquote(token.slice(colon + 1)),
		};
	}
	return { kind: 'term', value: unquote(token) };
}

export function parseSearchQuery(text: string): Node | undefined {
	const tokens = tokenize(text);
	let pos = 0;
	const parseOr = (): Node | undefined => {
		const parts: Node[] = [];
		let part = parseAnd();
		if (part) parts.push(part);
		while (tokens[pos] === 'OR') {
			pos++;
			part = parseAnd();
			if (part) parts.push(part);
		}
		return parts.length <= 1 ? parts[0] : { kind: 'or', parts };
	};
	const parseAnd = (): Node | undefined => {
		const parts: Node[] = [];
		while (pos < tokens.length && tokens[pos] !== 'OR' && tokens[pos] !== ')') {
			if (tokens[pos] === 'AND') {
				pos++;
				continue;
			}
			const unary = parseUnary();
			if (unary) parts.push(unary);
		}
		return parts.length <= 1 ? parts[0] : { kind: 'and', parts };
	};
	const parseUnary = (): Node | undefined => {
		const token = tokens[pos++];
		if (token === 'NOT') {
			const inner = parseUnary();
			return inner && { kind: 'not', inner };
		}
		if (token === '(') {
			const inner = parseOr();
			if (tokens[pos] === ')') pos++;
			return inner;
		}
		if (token.startsWith('-') && token.length > 1) {
			return { kind: 'not', inner: parseTerm(token.slice(1)) };
		}
		return parseTerm(token);
	};
	return parseOr();
}

/** `field:>value`, `>=`, `<`, `<=`: dates compare as instants, other values as numbers or text. */
function rangeMatches(actual: string, wanted: string): boolean | undefined {
	const match = /^(>=|<=|>|<)(.+)$/.exec(wanted);
	if (!match) return undefined;
	const [, op, bound] = match;
	const time = (v: string) => (/^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : NaN);
	let order: number;
	if (!Number.isNaN(time(actual)) && !Number.isNaN(time(bound))) order = time(actual) - time(bound);
	else if (actual.trim() !== '' && !Number.isNaN(Number(actual)) && !Number.isNaN(Number(bound)))
		order = Number(actual) - Number(bound);
	else order = actual < bound ? -1 : actual > bound ? 1 : 0;
	if (op === '>') return order > 0;
	if (op === '>=') return order >= 0;
	if (op === '<') return order < 0;
	return order <= 0;
}

function valueMatches(actual: string | null | undefined, wanted: string, fuzzy: boolean): boolean {
	if (actual === null || actual === undefined) return false;
	const range = rangeMatches(actual, wanted);
	if (range !== undefined) return range;
	const a = actual.toLowerCase();
	const w = wanted.toLowerCase();
	if (w.endsWith('*')) return a.startsWith(w.slice(0, -1));
	// Shopify's search tokenizes values: `sku:TOTE` can also find "TOTE-NAT".
	return a === w || (fuzzy && a.split(/[\s\-_/.]+/).includes(w));
}

interface Options<T> {
	get: FieldGetter<T>;
	defaults: string[];
	fuzzy: Set<string>;
}

function evaluate<T>(node: Node, record: T, o: Options<T>): boolean {
	switch (node.kind) {
		case 'and':
			return node.parts.every((p) => evaluate(p, record, o));
		case 'or':
			return node.parts.some((p) => evaluate(p, record, o));
		case 'not':
			return !evaluate(node.inner, record, o);
		case 'term':
			if (node.field === undefined) {
				return o.defaults.some((f) => {
					const v = o.get(record, f);
					return v != null && v.toLowerCase().includes(node.value.toLowerCase());
				});
			}
			return valueMatches(o.get(record, node.field), node.value, o.fuzzy.has(node.field));
	}
}

/**
 * Filters records by a search query; an empty or missing query keeps everything. Fields in
 * `fuzzy` also match on a single token of the value (a hyphen/space/underscore/slash/dot part).
 */
export function filterBySearch<T>(
	records: T[],
	query: string | null | undefined,
	get: FieldGetter<T>,
	defaults: string[],
	fuzzy: string[] = [],
): T[] {
	if (!query || !query.trim()) return records;
	const node = parseSearchQuery(query);
	if (!node) return records;
	const options = { get, defaults, fuzzy: new Set(fuzzy) };
	return records.filter((r) => evaluate(node, r, options));
}
