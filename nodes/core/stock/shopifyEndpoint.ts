/**
 * Where a Shopify Admin credential may send its access token: https://<shop>.myshopify.com, or a
 * custom base URL that is http://localhost:<port>, http://127.0.0.1:<port> or an explicit https://
 * URL (the sandbox, a proxy). The credential's test expression and the node share this rule.
 */

export const SHOPIFY_API_VERSIONS = [
	'2025-01',
	'2025-04',
	'2025-07',
	'2025-10',
	'2026-01',
	'2026-04',
	'2026-07',
	'2026-10',
] as const;

export type ShopifyApiVersion = (typeof SHOPIFY_API_VERSIONS)[number];

export const DEFAULT_SHOPIFY_API_VERSION: ShopifyApiVersion = '2026-01';

export const SHOP_DOMAIN_PATTERN = /^[a-z0-9][a-z0-9-]{0,98}\.myshopify\.com$/;

export const CUSTOM_BASE_URL_PATTERN =
	/^(https:\/\/[A-Za-z0-9.-]+(:\d+)?|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?)(\/[A-Za-z0-9._~/-]*)?$/;

/** Host (the `.invalid` TLD never resolves) used when a URL is refused, so nothing is sent. */
export const REFUSED_SHOPIFY_URL = 'https://shopify-url-refused.invalid';

export class ShopifyEndpointError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ShopifyEndpointError';
	}
}

/** A bare shop subdomain, as n8n's own Shopify credentials take it ("your-shop"). */
const SHOP_SUBDOMAIN_PATTERN = /^([a-z0-9][a-z0-9-]{0,98})$/;

/**
 * "shop", "Shop.myshopify.com", "https://shop.myshopify.com/" → "shop.myshopify.com"; else
 * undefined.
 */
export function normalizeShopDomain(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const host = value
		.trim()
		.toLowerCase()
		.replace(/^https:\/\//, '')
		.replace(/\/+$/, '')
		.replace(SHOP_SUBDOMAIN_PATTERN, '$1.myshopify.com');
	return SHOP_DOMAIN_PATTERN.test(host) ? host : undefined;
}

export interface ShopifyEndpointSettings {
	shopDomain?: unknown;
	apiVersion?: unknown;
	customBaseUrl?: unknown;
}

export interface ShopifyEndpoint {
	/** Site root without trailing slash, e.g. https://shop.myshopify.com */
	baseUrl: string;
	apiVersion: ShopifyApiVersion;
	shopDomain: string;
	graphqlUrl: string;
}

export function isShopifyApiVersion(value: unknown): value is ShopifyApiVersion {
	return typeof value === 'string' && (SHOPIFY_API_VERSIONS as readonly string[]).includes(value);
}

/** The endpoint for the credential's settings; throws ShopifyEndpointError when refused. */
export function resolveShopifyEndpoint(settings: ShopifyEndpointSettings): ShopifyEndpoint {
	const shopDomain = normalizeShopDomain(settings.shopDomain);
	if (!shopDomain) {
		throw new ShopifyEndpointError('The shop domain must look like your-shop.myshopify.com');
	}
	const version = settings.apiVersion ?? DEFAULT_SHOPIFY_API_VERSION;
	if (!isShopifyApiVersion(version)) {
		throw new ShopifyEndpointError(`Unsupported Shopify API version: ${JSON.stringify(version)}`);
	}
	const custom = typeof settings.customBaseUrl === 'string' ? settings.customBaseUrl.trim() : '';
	if (custom && !CUSTOM_BASE_URL_PATTERN.test(custom)) {
		throw new ShopifyEndpointError(
			'The custom base URL must be http://localhost:<port>, http://127.0.0.1:<port> or an https:// URL',
		);
	}
	const baseUrl = custom ? custom.replace(/\/+$/, '') : `https://${shopDomain}`;
	return {
		baseUrl,
		apiVersion: version,
		shopDomain,
		graphqlUrl: `${baseUrl}/admin/api/${version}/graphql.json`,
	};
}

/**
 * An n8n expression for the credential test's base URL, with the same rule as
 * resolveShopifyEndpoint (a refused URL becomes REFUSED_SHOPIFY_URL). n8n evaluates a credential
 * test request with the credential's data as `$credentials`.
 */
export function shopifyBaseUrlExpression(data = '$credentials'): string {
	const custom = `String(${data}.customBaseUrl || '').trim()`;
	const domain = `String(${data}.shopDomain || '').trim().toLowerCase().replace(/^https:\\/\\//, '').replace(/\\/+$/, '').replace(/${SHOP_SUBDOMAIN_PATTERN.source}/, '$1.myshopify.com')`;
	return (
		`={{ ${custom} ? (/${CUSTOM_BASE_URL_PATTERN.source}/.test(${custom}) ? ${custom}.replace(/\\/+$/, '') : '${REFUSED_SHOPIFY_URL}')` +
		` : (/${SHOP_DOMAIN_PATTERN.source}/.test(${domain}) ? 'https://' + ${domain} : '${REFUSED_SHOPIFY_URL}') }}`
	);
}
