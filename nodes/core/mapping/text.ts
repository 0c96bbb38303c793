/** Text clean-up and Exact's field lengths. */

/** Exact field lengths the mapping enforces (logistics/Items Description and ExtraDescription, SalesOrders YourRef). */
export const TEXT_LIMITS = Object.freeze({
	description: 60,
	extraDescription: 255,
	yourRef: 30,
});

/** C0/C1 control characters, zero-width and bidi-control characters never belong in a booking text. */
function isControl(code: number): boolean {
	return (
		code < 0x20 ||
		(code >= 0x7f && code <= 0x9f) ||
		(code >= 0x200b && code <= 0x200f) ||
		(code >= 0x202a && code <= 0x202e) ||
		(code >= 0x2066 && code <= 0x2069) ||
		code === 0xfeff
	);
}

function controlsToSpaces(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) out += isControl(text.charCodeAt(i)) ? ' ' : text[i];
	return out;
}

/**
 * Any character `clean` would change: one outside the printable ranges (controls, Unicode spaces,
 * zero-width and bidi characters), a double space, or a space at either end.
 */
const NEEDS_CLEANING =
	/[^ \x21-\x7e\xa1-\u167f\u1681-\u1fff\u2010-\u2027\u2030-\u205e\u2060-\u2065\u206a-\u2fff\u3001-\ufefe\uff00-\uffff]| {2}|^ | $/;

/** Trimmed text with control characters turned into spaces and runs of spaces collapsed; '' → null. */
export function clean(value: string | null | undefined): string | null {
	if (value === null || value === undefined || value === '') return null;
	if (!NEEDS_CLEANING.test(value)) return value;
	const text = controlsToSpaces(value).replace(/\s+/g, ' ').trim();
	return text === '' ? null : text;
}

/** Number of characters as a person counts them (code points, so an emoji is one). */
export function length(text: string): number {
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
		count++;
	}
	return count;
}

/** The first `max` code points (never half an emoji), trailing space removed. */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	let end = 0;
	for (let count = 0; count < max && end < text.length; count++) {
		const code = text.charCodeAt(end);
		end += code >= 0xd800 && code <= 0xdbff && end + 1 < text.length ? 2 : 1;
	}
	return text.slice(0, end).trimEnd();
}

export interface FittedText {
	text: string;
	/** The full text when it did not fit (itself cut to `overflowMax`), else null. */
	overflow: string | null;
	truncated: boolean;
}

/** Fits text into `max` characters; when it does not, keeps the full text (up to `overflowMax`). */
export function fit(text: string, max: number, overflowMax: number): FittedText {
	if (text.length <= max || length(text) <= max) return { text, overflow: null, truncated: false };
	return { text: truncate(text, max), overflow: truncate(text, overflowMax), truncated: true };
}
