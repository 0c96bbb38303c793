/**
 * A small lossless JSON reader for Shopify bodies: integers beyond 2^53 (Shopify ids) stay
 * strings with every digit, instead of being rounded by `JSON.parse`. Everything else parses as
 * `JSON.parse` would, because `JSON.parse` does the parsing: a linear scan first puts quotes
 * around the unsafe integers (outside strings). When the text is not valid JSON, a strict
 * reader walks it to name the position of the problem.
 */

export class ShopifyJsonError extends Error {
	constructor(
		message: string,
		readonly position: number,
	) {
		super(`Invalid JSON at position ${position}: ${message}`);
		this.name = 'ShopifyJsonError';
	}
}

const MAX_DEPTH = 500;
const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** The text with every integer literal beyond 2^53 turned into a string literal. */
function quoteUnsafeIntegers(raw: string): string {
	let out = '';
	let copied = 0;
	let i = 0;
	while (i < raw.length) {
		const code = raw.charCodeAt(i);
		if (code === 34 /* " */) {
			for (i++; i < raw.length; i++) {
				const inner = raw.charCodeAt(i);
				if (inner === 92 /* \ */) i++;
				else if (inner === 34) break;
			}
			i++;
		} else if (code === 45 /* - */ || isDigit(code)) {
			const start = i;
			for (i++; i < raw.length && isDigit(raw.charCodeAt(i)); i++);
			const next = raw.charCodeAt(i);
			if (next === 46 /* . */ || next === 101 /* e */ || next === 69 /* E */) {
				// Not an integer: skip the rest of the number (fraction, exponent).
				while (i < raw.length && /[\d.eE+-]/.test(raw[i])) i++;
				continue;
			}
			const literal = raw.slice(start, i);
			if (literal.length >= 16 && !Number.isSafeInteger(Number(literal))) {
				out += `${raw.slice(copied, start)}"${literal}"`;
				copied = i;
			}
		} else {
			i++;
		}
	}
	return copied === 0 ? raw : out + raw.slice(copied);
}

export function parseShopifyJson(raw: string): unknown {
	if (typeof raw !== 'string') throw new ShopifyJsonError('input is not a string', 0);
	const text = /\d{16}/.test(raw) ? quoteUnsafeIntegers(raw) : raw;
	let value: unknown;
	let failure: string | null = null;
	try {
		value = JSON.parse(text);
	} catch (error) {
		failure = (error as Error).message;
	}
	if (failure === null) return value;
	new Reader(raw).check(); // throws with the position of the problem
	throw new ShopifyJsonError(failure, 0);
}

/** A strict recursive reader, used to locate the problem in text JSON.parse refused. */
class Reader {
	pos = 0;

	constructor(private readonly text: string) {}

	/** Reads the whole text; throws ShopifyJsonError where it stops being JSON. */
	check(): void {
		this.value(0);
		this.skipWhitespace();
		if (this.pos !== this.text.length) this.fail('unexpected text after the value');
	}

	fail(message: string): never {
		throw new ShopifyJsonError(message, this.pos);
	}

	skipWhitespace(): void {
		WHITESPACE.lastIndex = this.pos;
		WHITESPACE.exec(this.text);
		this.pos = WHITESPACE.lastIndex;
	}

	value(depth: number): unknown {
		if (depth > MAX_DEPTH) this.fail('nesting is too deep');
		this.skipWhitespace();
		const char = this.text[this.pos];
		if (char === '{') return this.object(depth);
		if (char === '[') return this.array(depth);
		if (char === '"') return this.string();
		if (char === '-' || (char >= '0' && char <= '9')) return this.number();
		for (const [word, result] of LITERALS) {
			if (this.text.startsWith(word, this.pos)) {
				this.pos += word.length;
				return result;
			}
		}
		return this.fail(char === undefined ? 'unexpected end' : `unexpected character ${char}`);
	}

	private object(depth: number): Record<string, unknown> {
		const result: Record<string, unknown> = {};
		this.pos++;
		this.skipWhitespace();
		if (this.text[this.pos] === '}') {
			this.pos++;
			return result;
		}
		for (;;) {
			this.skipWhitespace();
			if (this.text[this.pos] !== '"') this.fail('expected a property name');
			const key = this.string();
			this.skipWhitespace();
			if (this.text[this.pos] !== ':') this.fail('expected ":"');
			this.pos++;
			const value = this.value(depth + 1);
			if (key === '__proto__') {
				// An own property, as with JSON.parse, never the prototype.
				Object.defineProperty(result, key, {
					value,
					enumerable: true,
					writable: true,
					configurable: true,
				});
			} else {
				result[key] = value;
			}
			this.skipWhitespace();
			const next = this.text[this.pos];
			if (next !== ',' && next !== '}') this.fail('expected "," or "}"');
			this.pos++;
			if (next === '}') return result;
		}
	}

	private array(depth: number): unknown[] {
		const result: unknown[] = [];
		this.pos++;
		this.skipWhitespace();
		if (this.text[this.pos] === ']') {
			this.pos++;
			return result;
		}
		for (;;) {
			result.push(this.value(depth + 1));
			this.skipWhitespace();
			const next = this.text[this.pos];
			if (next !== ',' && next !== ']') this.fail('expected "," or "]"');
			this.pos++;
			if (next === ']') return result;
		}
	}

	private string(): string {
		const start = this.pos;
		let escaped = false;
		let end = start + 1;
		for (;;) {
			const code = this.text.charCodeAt(end);
			if (Number.isNaN(code)) this.fail('unterminated string');
			if (code === 0x22 /* " */) break;
			if (code < 0x20) {
				this.pos = end;
				this.fail('control character in string');
			}
			if (code === 0x5c /* \ */) {
				escaped = true;
				end++;
			}
			end++;
		}
		this.pos = end + 1;
		if (!escaped) return this.text.slice(start + 1, end);
		let value: string | undefined;
		try {
			value = JSON.parse(this.text.slice(start, end + 1)) as string;
		} catch {
			this.pos = start;
		}
		return value ?? this.fail('invalid escape in string');
	}

	private number(): number | string {
		NUMBER_PATTERN.lastIndex = this.pos;
		const match = NUMBER_PATTERN.exec(this.text);
		if (!match) return this.fail('invalid number');
		this.pos = NUMBER_PATTERN.lastIndex;
		const value = Number(match[0]);
		const isInteger = match[1] === undefined && match[2] === undefined;
		return isInteger && !Number.isSafeInteger(value) ? match[0] : value;
	}
}

const LITERALS: ReadonlyArray<[string, unknown]> = [
	['true', true],
	['false', false],
	['null', null],
];
