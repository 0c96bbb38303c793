import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	DEFAULT_SHOPIFY_API_VERSION,
	SHOPIFY_API_VERSIONS,
	shopifyBaseUrlExpression,
} from '../nodes/core/stock/shopifyEndpoint';

/**
 * A custom app's Admin API access token for one shop. The token goes only to
 * https://<shop>.myshopify.com, or to a custom base URL on http://localhost, http://127.0.0.1 or
 * https:// (the sandbox or a proxy); the nodes refuse anything else before sending.
 */
export class ShopifyAdminCommerceApi implements ICredentialType {
	name = 'shopifyAdminCommerceApi';

	displayName = 'Shopify Admin (Exact Online Commerce) API';

	icon = 'file:shopify.svg' as const;

	documentationUrl =
		'https://github.com/n8n-nodes-exact-online-commerce/n8n-nodes-exact-online-commerce/blob/main/docs/go-live.md#shopify-the-app-its-token-and-scopes';

	properties: INodeProperties[] = [
		{
			displayName: 'Shop Subdomain',
			name: 'shopDomain',
			type: 'string',
			placeholder: 'your-shop',
			description:
				"The subdomain of your shop's permanent myshopify.com address, as in n8n's Shopify credential (your-shop for your-shop.myshopify.com; the full address works too, a custom storefront domain does not)",
			default: '',
			required: true,
		},
		{
			displayName: 'Admin API Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			description:
				'The Admin API access token of a custom app with the read_products, read_inventory, write_inventory and read_locations scopes (and write_orders for the fulfilments Queue-Mode Guard)',
			default: '',
			required: true,
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'options',
			description:
				'The Shopify Admin API version to call. From 2026-04 Shopify requires compare-and-swap values on every stock write; the nodes send them for every version.',
			options: SHOPIFY_API_VERSIONS.map((version) => ({ name: version, value: version })).reverse(),
			default: DEFAULT_SHOPIFY_API_VERSION,
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			placeholder: 'http://127.0.0.1:8712',
			description:
				'Leave empty for Shopify itself. For the bundled sandbox or a proxy: only http://localhost:PORT, http://127.0.0.1:PORT or an https:// URL are accepted; the token is never sent anywhere else.',
			default: '',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Shopify-Access-Token': '={{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: shopifyBaseUrlExpression('$credentials'),
			url: '={{"/admin/api/" + $credentials.apiVersion + "/graphql.json"}}',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: { query: '{ shop { name } }' },
		},
	};
}
