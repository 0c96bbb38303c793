import { parseShopifyJson, ShopifyJsonError } from '../../../nodes/core';
import { ALL_FIXTURES, fixtureText } from './fixtures';

describe('parseShopifyJson keeps Shopify ids exact', () => {
	it('keeps integers beyond 2^53 as digit strings and safe integers as numbers', () => {
		const value = parseShopifyJson(
			'{"id": 820982911946154508, "n": 9007199254740991, "m": 9007199254740992, "neg": -9007199254740993, "small": 42}',
		);
		expect(value).toEqual({
			id: '820982911946154508',
			n: 9007199254740991,
			m: '9007199254740992',
			neg: '-9007199254740993',
			small: 42,
		});
		expect(JSON.parse('{"id": 820982911946154508}').id).toBe(820982911946154500); // what it prevents
	});

	it('keeps decimals and exponent numbers as numbers', () => {
		expect(parseShopifyJson('[0.21, 1.5e3, -0.055, 12345678901234567890.5]')).toEqual([
			0.21, 1500, -0.055, 12345678901234567000,
		]);
	});

	it('reads strings with escapes, unicode and digit runs inside strings unchanged', () => {
		const raw =
			'{"a":"1234567890123456789","b":"line\\n\\"quoted\\" \\u00e9 🚲","c":[true,false,null],"d":{}}';
		expect(parseShopifyJson(raw)).toEqual(JSON.parse(raw));
	});

	it('makes a "__proto__" key an own property, as JSON.parse does', () => {
		const value = parseShopifyJson(
			'{"__proto__": {"polluted": 1}, "id": 12345678901234567890}',
		) as Record<string, unknown>;
		expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
		expect((value as { polluted?: number }).polluted).toBeUndefined();
		expect(({} as { polluted?: number }).polluted).toBeUndefined();
	});

	it.each([
		['{"a": 12345678901234567890,}', 27],
		['{"a": 12345678901234567890', 26],
		['[12345678901234567890 1]', 22],
		['{"a": 1234567890123456789} x', 27],
		['"12345678901234567890', 0],
		['{"a": tru, "b": 12345678901234567890}', 6],
	])('refuses invalid JSON %p, naming the position', (raw, position) => {
		expect(() => parseShopifyJson(raw)).toThrow(ShopifyJsonError);
		try {
			parseShopifyJson(raw);
		} catch (error) {
			expect((error as ShopifyJsonError).position).toBe(position);
			expect((error as Error).message).toMatch(/^Invalid JSON at position \d+: /);
		}
	});

	it('refuses invalid JSON on the fast path too', () => {
		expect(() => parseShopifyJson('{"a": 1,}')).toThrow(ShopifyJsonError);
	});

	it('reads deep nesting without overflowing the stack, and locates an error in it', () => {
		let value = parseShopifyJson('['.repeat(5000) + '12345678901234567890' + ']'.repeat(5000));
		for (let depth = 0; depth < 5000; depth++) value = (value as unknown[])[0];
		expect(value).toBe('12345678901234567890');
		const broken = '['.repeat(5000) + '12345678901234567890' + ']'.repeat(4999);
		expect(() => parseShopifyJson(broken)).toThrow(ShopifyJsonError);
	});

	it('leaves long fractions and exponents to JSON.parse, quoting only integers', () => {
		const raw =
			'[1e1234567890123456789, 2.12345678901234567890, -3E-12345678901234567, 12345678901234567890]';
		const lossy = JSON.parse(raw) as unknown[];
		expect(parseShopifyJson(raw)).toEqual([...lossy.slice(0, 3), '12345678901234567890']);
	});

	it.each(ALL_FIXTURES)('reads %s like JSON.parse, except for the exact big ids', (file) => {
		const text = fixtureText(file);
		const exact = parseShopifyJson(text);
		const lossy = JSON.parse(text);
		const walk = (a: unknown, b: unknown): void => {
			if (typeof a === 'string' && typeof b === 'number') {
				expect(a).toMatch(/^-?\d{16,}$/);
				expect(Number(a)).toBe(b);
			} else if (a && typeof a === 'object') {
				expect(Object.keys(a)).toEqual(Object.keys(b as object));
				for (const key of Object.keys(a)) walk((a as never)[key], (b as never)[key]);
			} else {
				expect(a).toBe(b);
			}
		};
		walk(exact, lossy);
	});

	it('gives every synthetic id all 19 digits', () => {
		const order = parseShopifyJson(fixtureText('synthetic/de-b2c-oss.json')) as Record<
			string,
			unknown
		>;
		expect(order.id).toMatch(/^\d{19}$/);
		expect(order.admin_graphql_api_id).toBe(`gid://shopify/Order/${String(order.id)}`);
	});
});
