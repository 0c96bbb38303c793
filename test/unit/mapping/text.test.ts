import { clean, fit, length, truncate } from '../../../nodes/core/mapping/text';

/** The plain definition clean() must match: controls to spaces, runs of whitespace collapsed, trimmed. */
function reference(value: string): string | null {
	const text = value
		.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text === '' ? null : text;
}

describe('clean', () => {
	it('keeps clean text as it is and tidies the rest', () => {
		expect(clean('Wandelschoen Terra')).toBe('Wandelschoen Terra');
		expect(clean('  a \t b\n')).toBe('a b');
		expect(clean('a\u00a0\u00a0b')).toBe('a b');
		expect(clean('\u202eevil\u200b')).toBe('evil');
		expect(clean('   ')).toBeNull();
		expect(clean('')).toBeNull();
		expect(clean(null)).toBeNull();
	});

	it('matches the plain definition on 20,000 generated strings', () => {
		const alphabet = [
			...[
				'a',
				'é',
				' ',
				'  ',
				'\t',
				'\n',
				'\u0000',
				'\u001f',
				'\u007f',
				'\u0085',
				'\u009f',
				'\u00a0',
			],
			...['\u00a1', '\u1680', '\u2000', '\u200a', '\u200b', '\u200f', '\u2010', '\u2028', '\u2029'],
			...['\u202a', '\u202f', '\u205f', '\u2060', '\u2066', '\u2069', '\u3000', '\ufeff', '\ufffd'],
			...['🚲', 'ل', 'x'],
		];
		let seed = 7;
		const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
		const mismatches: string[] = [];
		for (let i = 0; i < 20000; i++) {
			let text = '';
			for (let j = next(8); j > 0; j--) text += alphabet[next(alphabet.length)];
			if (clean(text) !== reference(text)) mismatches.push(JSON.stringify(text));
		}
		expect(mismatches).toEqual([]);
	});
});

describe('fit and truncate', () => {
	it('count code points, so an emoji is one character and never split', () => {
		expect(length('🚲🚲a')).toBe(3);
		expect(truncate('🚲🚲🚲', 2)).toBe('🚲🚲');
		expect(fit('abc', 3, 10)).toEqual({ text: 'abc', overflow: null, truncated: false });
		expect(fit('abcd ef', 5, 6)).toEqual({ text: 'abcd', overflow: 'abcd e', truncated: true });
	});
});
