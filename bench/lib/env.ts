/**
 * The bench environment: both sandboxes on port 0 in this process, one credential store holding
 * our Exact credential, the peer package's Exact credential (its own OAuth client, so its calls are
 * told apart in the call log) and our Shopify credential, and the sandboxes' admin APIs.
 */
import { clearProcessMemory } from '../../nodes/ExactOnline/shared/processMemory';
import { startExactSandbox } from '../../sandbox/exact';
import type { ExactSandbox, ExactSandboxSettings } from '../../sandbox/exact';
import { startShopifySandbox } from '../../sandbox/shopify';
import type { ShopifySandbox } from '../../sandbox/shopify';
import { CredentialStore } from '../../test/helpers/credentials';
import { admin, createCredentialStore } from '../../test/helpers/exactSandbox';

export const OUR_EXACT = 'bench-exact';
export const PEER_EXACT = 'bench-peer-exact';
export const SHOPIFY = 'bench-shopify';
export const PEER_CLIENT = { id: 'peer-node-client', secret: 'peer-node-secret' };
export const TOKEN_TTL_SEC = 3600;

/** One Exact REST call as the sandbox logged it. */
export interface ExactCall {
	time: string;
	method: string;
	path: string;
	query: string;
	status: number;
	clientId: string | null;
}

export interface ShopifyCall {
	method: string;
	path: string;
	kind?: string;
	status: number;
	throttled?: boolean;
	operationName?: string | null;
	rootFields?: string[];
}

export interface BenchEnv {
	exact: ExactSandbox;
	shopify: ShopifySandbox;
	credentials: CredentialStore;
	division: number;
	exactAdmin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
	shopifyAdmin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
	/** Exact REST calls (/api/v1/…, not the token endpoint) since the last clearCalls. */
	exactCalls(): Promise<ExactCall[]>;
	shopifyCalls(): Promise<ShopifyCall[]>;
	clearCalls(): Promise<void>;
	/**
	 * Back to a division with only Exact's master data (VAT codes, warehouses, item groups, …; no
	 * demo accounts or items) and the seeded shop, with these settings.
	 */
	reset(
		exactSettings: Partial<ExactSandboxSettings>,
		shopifySettings?: Record<string, unknown>,
	): Promise<void>;
	close(): Promise<void>;
}

async function shopifyAdminCall<T>(
	shop: ShopifySandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${shop.baseUrl}/__sandbox/${path.replace(/^\//, '')}`, {
		method,
		headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`shopify sandbox ${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
	return (text ? JSON.parse(text) : undefined) as T;
}

export async function startBenchEnv(): Promise<BenchEnv> {
	const exact = await startExactSandbox({ port: 0 });
	const shopify = await startShopifySandbox({ port: 0 });
	const exactAdmin = <T>(method: string, path: string, body?: unknown) =>
		admin<T>(exact, method, path, body);
	const shopifyAdmin = <T>(method: string, path: string, body?: unknown) =>
		shopifyAdminCall<T>(shopify, method, path, body);

	// Tokens that outlive the run: the bench measures API calls, not token refreshes.
	await exactAdmin('PUT', 'settings', { accessTokenTtlSec: TOKEN_TTL_SEC });
	const credentials = await createCredentialStore(exact, OUR_EXACT, new CredentialStore());
	await exactAdmin('POST', 'clients', {
		clientId: PEER_CLIENT.id,
		clientSecret: PEER_CLIENT.secret,
	});
	const peerTokens = await exactAdmin<Record<string, string>>('POST', 'tokens', {
		clientId: PEER_CLIENT.id,
	});
	credentials.add({
		id: PEER_EXACT,
		name: 'Exact (n8n-nodes-exact-online)',
		type: 'exactOnlineApiOAuth2Api',
		data: {
			country: 'nl',
			url: exact.baseUrl,
			clientId: PEER_CLIENT.id,
			clientSecret: PEER_CLIENT.secret,
			oauthTokenData: {
				access_token: peerTokens.access_token,
				refresh_token: peerTokens.refresh_token,
				token_type: 'bearer',
				expires_in: peerTokens.expires_in,
			},
		},
	});
	credentials.add({
		id: SHOPIFY,
		name: 'Shopify sandbox',
		type: 'shopifyAdminCommerceApi',
		data: {
			shopDomain: shopify.shopDomain,
			accessToken: shopify.accessToken,
			customBaseUrl: shopify.baseUrl,
		},
	});

	return {
		exact,
		shopify,
		credentials,
		division: exact.division,
		exactAdmin,
		shopifyAdmin,
		exactCalls: async () =>
			(await exactAdmin<{ calls: ExactCall[] }>('GET', 'calls')).calls.filter((c) =>
				c.path.startsWith('/api/v1/'),
			),
		shopifyCalls: async () => (await shopifyAdmin<{ calls: ShopifyCall[] }>('GET', 'calls')).calls,
		clearCalls: async () => {
			await exactAdmin('DELETE', 'calls');
			await shopifyAdmin('DELETE', 'calls');
		},
		reset: async (exactSettings, shopifySettings) => {
			await exactAdmin('POST', 'reset', { mode: 'empty', settings: true });
			// A new Exact administration: what the nodes remember of the old one goes, as after a restart.
			clearProcessMemory();
			await exactAdmin('PUT', 'settings', exactSettings);
			await shopifyAdmin('POST', 'reset', {});
			if (shopifySettings) await shopifyAdmin('PUT', 'settings', shopifySettings);
			await exactAdmin('DELETE', 'calls');
		},
		close: async () => {
			await Promise.all([exact.close(), shopify.close()]);
		},
	};
}
