/** A Shopify sandbox plus a credential store holding a shopifyAdminCommerceApi credential for it. */
import { startShopifySandbox } from '../../../sandbox/shopify';
import type { ShopifySandbox, ShopifySandboxOptions } from '../../../sandbox/shopify';
import { CredentialStore } from '../../helpers/credentials';

export const SHOPIFY_CREDENTIAL_ID = 'shopify-cred-1';

export interface ShopifyCall {
	seq: number;
	kind: 'graphql' | 'rest';
	apiVersion: string | null;
	operationName: string | null;
	rootFields: string[];
	requestedCost: number | null;
	actualCost: number | null;
	throttled: boolean;
	status: number;
}

export async function startShop(options: ShopifySandboxOptions = {}): Promise<ShopifySandbox> {
	return await startShopifySandbox({ port: 0, ...options });
}

export function addShopifyCredential(
	store: CredentialStore,
	shop: ShopifySandbox,
	overrides: Record<string, string> = {},
	id = SHOPIFY_CREDENTIAL_ID,
): CredentialStore {
	store.add({
		id,
		name: `Shopify sandbox ${id}`,
		type: 'shopifyAdminCommerceApi',
		data: {
			shopDomain: shop.shopDomain,
			accessToken: shop.accessToken,
			apiVersion: '2026-01',
			customBaseUrl: shop.baseUrl,
			...overrides,
		},
	});
	return store;
}

export async function shopAdmin<T = any>(
	shop: ShopifySandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${shop.baseUrl}/__sandbox/${path}`, {
		method,
		headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`shopify admin ${method} ${path}: ${response.status} ${text}`);
	return (text ? JSON.parse(text) : undefined) as T;
}

/** The GraphQL calls logged since the last clearCalls. */
export async function shopifyCalls(shop: ShopifySandbox): Promise<ShopifyCall[]> {
	return (await shopAdmin<{ calls: ShopifyCall[] }>(shop, 'GET', 'calls')).calls.filter(
		(c) => c.kind === 'graphql',
	);
}

export async function clearShopifyCalls(shop: ShopifySandbox): Promise<void> {
	await shopAdmin(shop, 'DELETE', 'calls');
}

/** Available quantity by SKU and location id ("1001"). */
export async function availableBySku(
	shop: ShopifySandbox,
): Promise<Record<string, Record<string, number>>> {
	return (
		await shopAdmin<{ bySku: Record<string, Record<string, number>> }>(shop, 'GET', 'inventory')
	).bySku;
}
