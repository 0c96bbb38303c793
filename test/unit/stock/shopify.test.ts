import {
	MAX_QUERY_COST,
	MAX_SEARCH_LENGTH,
	chunk,
	skuGroups,
	skuPageSize,
	skuQueryCost,
} from '../../../nodes/core/stock/batching';
import {
	normalizeShopDomain,
	REFUSED_SHOPIFY_URL,
	resolveShopifyEndpoint,
	shopifyBaseUrlExpression,
} from '../../../nodes/core/stock/shopifyEndpoint';
import { quoteSearchValue, skuSearchQuery } from '../../../nodes/core/stock/shopifySearch';

describe('SKU search text', () => {
	it('quotes every SKU and escapes quotes and backslashes', () => {
		expect(skuSearchQuery(['A-1', 'SOCKS 39-42'])).toBe('sku:"A-1" OR sku:"SOCKS 39-42"');
		expect(quoteSearchValue('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
	});
});

describe('query sizing', () => {
	it.each([1, 2, 5, 20])(
		'a page for %p locations stays within the 1,000-point query limit',
		(locations) => {
			const first = skuPageSize(locations);
			expect(skuQueryCost(first, locations)).toBeLessThanOrEqual(MAX_QUERY_COST);
			expect(skuQueryCost(first + 1, locations)).toBeGreaterThan(MAX_QUERY_COST);
		},
	);

	it('never asks for more than 250 or fewer than 1 variants', () => {
		expect(skuPageSize(0)).toBe(250);
		expect(skuPageSize(2, 5)).toBe(1);
	});

	it('splits SKUs by count and by search length', () => {
		const skus = Array.from({ length: 10 }, (_, i) => `S${i}`);
		expect(skuGroups(skus, 4, skuSearchQuery).map((g) => g.length)).toEqual([4, 4, 2]);
		const long = Array.from({ length: 100 }, (_, i) => `${'X'.repeat(200)}${i}`);
		const groups = skuGroups(long, 1000, skuSearchQuery);
		expect(groups.length).toBeGreaterThan(1);
		for (const g of groups) expect(skuSearchQuery(g).length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH);
		expect(groups.flat()).toEqual(long);
	});

	it('chunks writes by 250', () => {
		expect(
			chunk(
				Array.from({ length: 501 }, (_, i) => i),
				250,
			).map((c) => c.length),
		).toEqual([250, 250, 1]);
	});
});

describe('Shopify endpoint rule', () => {
	it('builds the shop URL and checks the version', () => {
		expect(
			resolveShopifyEndpoint({ shopDomain: 'Demo-Shop.myshopify.com', apiVersion: '2026-04' }),
		).toEqual({
			baseUrl: 'https://demo-shop.myshopify.com',
			apiVersion: '2026-04',
			shopDomain: 'demo-shop.myshopify.com',
			graphqlUrl: 'https://demo-shop.myshopify.com/admin/api/2026-04/graphql.json',
		});
		expect(() =>
			resolveShopifyEndpoint({ shopDomain: 'demo-shop.myshopify.com', apiVersion: '2024-07' }),
		).toThrow(/Unsupported/);
		expect(normalizeShopDomain('https://shop.example.com')).toBeUndefined();
	});

	it.each(['http://127.0.0.1:8712', 'http://localhost:1234/', 'https://proxy.example.com/shopify'])(
		'accepts the custom base URL %s',
		(url) => {
			expect(
				resolveShopifyEndpoint({ shopDomain: 'a.myshopify.com', customBaseUrl: url }).baseUrl,
			).toBe(url.replace(/\/$/, ''));
		},
	);

	it.each([
		'http://evil.example.com',
		'http://127.0.0.1.evil.com:80',
		'ftp://localhost',
		'http://localhost@evil.com',
	])('refuses the custom base URL %s', (url) => {
		expect(() =>
			resolveShopifyEndpoint({ shopDomain: 'a.myshopify.com', customBaseUrl: url }),
		).toThrow(/custom base URL/);
	});

	it('the credential test expression applies the same rule', () => {
		const body = shopifyBaseUrlExpression()
			.replace(/^=\{\{/, '')
			.replace(/\}\}$/, '');
		const evaluate = new Function('$credentials', `return ${body}`) as (c: object) => string;
		expect(evaluate({ shopDomain: 'Shop.myshopify.com' })).toBe('https://shop.myshopify.com');
		expect(
			evaluate({ shopDomain: 'shop.myshopify.com', customBaseUrl: 'http://127.0.0.1:9/' }),
		).toBe('http://127.0.0.1:9');
		expect(
			evaluate({ shopDomain: 'shop.myshopify.com', customBaseUrl: 'http://evil.example.com' }),
		).toBe(REFUSED_SHOPIFY_URL);
		expect(evaluate({ shopDomain: 'evil.example.com' })).toBe(REFUSED_SHOPIFY_URL);
		expect(evaluate({ shopDomain: ' Demo-Shop ' })).toBe('https://demo-shop.myshopify.com');
		expect(evaluate({ shopDomain: 'demo shop' })).toBe(REFUSED_SHOPIFY_URL);
	});

	it("takes the shop as n8n's Shopify credentials do (the subdomain) or as the full address", () => {
		expect(normalizeShopDomain('demo-shop')).toBe('demo-shop.myshopify.com');
		expect(normalizeShopDomain('Demo-Shop.myshopify.com')).toBe('demo-shop.myshopify.com');
		expect(normalizeShopDomain('https://demo-shop.myshopify.com/')).toBe('demo-shop.myshopify.com');
		expect(normalizeShopDomain('demo-shop.example.com')).toBeUndefined();
		expect(normalizeShopDomain('-shop')).toBeUndefined();
	});
});
