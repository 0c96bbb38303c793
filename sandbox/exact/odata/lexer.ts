import { badRequest } from '../errors';

/** Tokens of an OData v2 $filter expression. */
export type TokenKind =
	| 'lparen'
	| 'rparen'
	| 'comma'
	| 'string'
	| 'guid'
	| 'datetime'
	| 'number'
	| 'ident'
	| 'eof';

export interface Token {
	kind: TokenKind;
	text: string;
	/** Decoded literal: string content, guid, datetime text or number. */
	value?: string | number;
	/** The number carried an Int64 `L` suffix. */
	int64?: boolean;
	pos: number;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_/.]/;
const NUMBER_RE = /^-?\d+(\.\d+)?([eE][+-]?\d+)?([LlMmDdFf])?/;

/** Reads a quoted literal starting at `start` (the quote); '' inside is an escaped quote. */
function readQuoted(text: string, start: number): { value: string; end: number } {
	let i = start + 1;
	let value = '';
	for (;;) {
		if (i >= text.length) throw badRequest(`Unterminated string literal at position ${start}.`);
		const ch = text[i];
		if (ch === "'") {
			if (text[i + 1] === "'") {
				value += "'";
				i += 2;
				continue;
			}
			return { value, end: i + 1 };
		}
		value += ch;
		i += 1;
	}
}

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const ch = text[i];
		if (/\s/.test(ch)) {
			i += 1;
			continue;
		}
		const pos = i;
		if (ch === '(' || ch === ')' || ch === ',') {
			const kind = ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma';
			tokens.push({ kind, text: ch, pos });
			i += 1;
			continue;
		}
		if (ch === "'") {
			const q = readQuoted(text, i);
			tokens.push({ kind: 'string', text: text.slice(pos, q.end), value: q.value, pos });
			i = q.end;
			continue;
		}
		const num = NUMBER_RE.exec(text.slice(i));
		if (num && (ch !== '-' || /\d/.test(text[i + 1] ?? ''))) {
			const suffix = num[3] ?? '';
			const digits = suffix ? num[0].slice(0, -1) : num[0];
			tokens.push({
				kind: 'number',
				text: num[0],
				value: Number(digits),
				int64: suffix === 'L' || suffix === 'l',
				pos,
			});
			i += num[0].length;
			continue;
		}
		if (IDENT_START.test(ch)) {
			let j = i + 1;
			while (j < text.length && IDENT_PART.test(text[j])) j += 1;
			const word = text.slice(i, j);
			const lower = word.toLowerCase();
			if (
				(lower === 'guid' || lower === 'datetime' || lower === 'datetimeoffset') &&
				text[j] === "'"
			) {
				const q = readQuoted(text, j);
				const kind = lower === 'guid' ? 'guid' : 'datetime';
				tokens.push({ kind, text: text.slice(pos, q.end), value: q.value, pos });
				i = q.end;
				continue;
			}
			tokens.push({ kind: 'ident', text: word, pos });
			i = j;
			continue;
		}
		throw badRequest(`Syntax error: character '${ch}' is not valid at position ${pos}.`);
	}
	tokens.push({ kind: 'eof', text: '', pos: text.length });
	return tokens;
}
