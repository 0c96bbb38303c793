import {
	parseLossless,
	RawNumber,
	stringifyLossless,
	toPlain,
} from '../../../sandbox/shopify/json';
import { filterBySearch } from '../../../sandbox/shopify/search-query';

describe('Shopify sandbox: lossless JSON', () => {
	it('keeps integers beyond 2^53 and odd number spellings exactly through parse and stringify', () => {
		const text =
			'{"id":9007199254740993,"n":-12345678901234567890,"small":42,"weight":0.10,"exp":1e3,"s":"9007199254740993 \\"x\\""}';
		const parsed = parseLossless(text) as Record<string, unknown>;
		expect(parsed.id).toBeInstanceOf(RawNumber);
		expect(parsed.small).toBe(42);
		expect(stringifyLossless(parsed)).toBe(text);
	});

	it('writes digit-string ids under Shopify id keys as bare numbers, other strings as strings', () => {
		const out = stringifyLossless({
			id: '820982911946154508',
			line_items: [{ id: '1', variant_id: '757650484644203962', sku: '123', name: '42' }],
			variant_ids: ['1', '2'],
			admin_graphql_api_id: 'gid://shopify/Order/820982911946154508',
			payment_id: '12345',
			big: BigInt('12345678901234567890'),
		});
		expect(out).toBe(
			'{"id":820982911946154508,"line_items":[{"id":1,"variant_id":757650484644203962,"sku":"123","name":"42"}],' +
				'"variant_ids":[1,2],"admin_graphql_api_id":"gid://shopify/Order/820982911946154508","payment_id":"12345","big":12345678901234567890}',
		);
	});

	it('turns raw numbers into strings (integers) or numbers for plain JSON answers', () => {
		expect(toPlain(parseLossless('{"a":[9007199254740993,0.10]}'))).toEqual({
			a: ['9007199254740993', 0.1],
		});
	});
});

describe('Shopify sandbox: search query syntax', () => {
	const rows = [
		{ sku: 'A-1', title: 'Red' },
		{ sku: 'A B', title: 'Blue' },
		{ sku: 'C:3', title: 'Green' },
		{ sku: null, title: 'Plain' },
	];
	const get = (r: (typeof rows)[number], f: string) =>
		f === 'sku' ? r.sku : f === 'title' ? r.title : undefined;
	const run = (q: string) => filterBySearch(rows, q, get, ['title']).map((r) => r.title);

	it.each([
		['sku:A-1 OR sku:"A B"', ['Red', 'Blue']],
		["sku:'C:3'", ['Green']],
		['sku:a*', ['Red', 'Blue']],
		['sku:A* AND -sku:A-1', ['Blue']],
		['sku:A* NOT title:Blue', ['Red']],
		['(sku:A-1 OR sku:C:3) title:Green', ['Green']],
		['re', ['Red', 'Green']],
		['vendor:Anything', []],
		['', ['Red', 'Blue', 'Green', 'Plain']],
	])('query %j', (query, expected) => {
		expect(run(query)).toEqual(expected);
	});

	it('matches single tokens of a value only for fuzzy fields', () => {
		expect(filterBySearch(rows, 'sku:A', get, [], ['sku']).map((r) => r.sku)).toEqual([
			'A-1',
			'A B',
		]);
		expect(filterBySearch(rows, 'sku:A', get, []).map((r) => r.sku)).toEqual([]);
	});
});
