/**
 * One chaos scenario's world: the Exact and Shopify sandboxes (port 0), a credential store whose
 * every token write is remembered (for the secrets grep), fast transport settings, and a text sink
 * that keeps every error, output item and log line the scenario produces.
 */
import { randomBytes } from 'node:crypto';

import { configureExactTransport } from '../../../nodes/ExactOnline/shared/transport';
import { clearRateStates } from '../../../nodes/ExactOnline/shared/rateLimiter';
import { startExactSandbox } from '../../../sandbox/exact';
import type { ExactSandbox, ExactSandboxSettings } from '../../../sandbox/exact';
import { startShopifySandbox } from '../../../sandbox/shopify';
import type { ShopifySandbox } from '../../../sandbox/shopify';
import type { CredentialStore } from '../../helpers/credentials';
import { admin, createCredentialStore, EXACT_CREDENTIAL_ID } from '../../helpers/exactSandbox';
import { recordOutput, recordSecrets } from './collect';
import { captureN8nLogs } from './logCapture';

export interface ChaosEnv {
	exact: ExactSandbox;
	shopify: ShopifySandbox;
	store: CredentialStore;
	division: number;
	viesBaseUrl: string;
	webhookSecret: string;
	/** Every secret the scenario handled: client secret, webhook secrets, every token issued. */
	secrets(): string[];
	admin<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	shopifyAdmin<T = any>(method: string, path: string, body?: unknown): Promise<T>;
	close(): Promise<void>;
}

const secret = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;

/** Fast retries and short waits: the sandbox's windows are shortened, never real minutes. */
export const FAST_TRANSPORT = {
	requestTimeoutMs: 1_500,
	retry: { baseDelayMs: 5, maxDelayMs: 40, totalBudgetMs: 20_000, maxAttempts: 8 },
	rateLimit: { marginMs: 20, maxWaitMs: 3_000, missingHeaderBackoffMs: 50, max429Retries: 8 },
	refreshReread: { attempts: 20, delayMs: 25 },
};

export async function startChaosEnv(
	settings: Partial<ExactSandboxSettings> = {},
): Promise<ChaosEnv> {
	const webhookSecret = secret('exact-webhook-secret');
	const exact = await startExactSandbox({
		port: 0,
		clientSecret: secret('exact-client-secret'),
		settings: { minutelyLimit: 1_000_000, dailyLimit: 1_000_000, webhookSecret, ...settings },
	});
	const shopify = await startShopifySandbox({
		port: 0,
		appSecret: secret('shopify-app-secret'),
		accessToken: `shpat_${randomBytes(16).toString('hex')}`,
	});
	captureN8nLogs();
	const restore = configureExactTransport(FAST_TRANSPORT);
	clearRateStates();
	const store = await createCredentialStore(exact);
	const tokens = new Set<string>();
	const remember = (data: unknown) => {
		const t = data as { access_token?: string; refresh_token?: string } | undefined;
		for (const token of [t?.access_token, t?.refresh_token]) if (token) tokens.add(token);
	};
	remember(store.data(EXACT_CREDENTIAL_ID).oauthTokenData);
	const setOauth = store.setOauthTokenData.bind(store);
	store.setOauthTokenData = (id, data) => {
		remember(data);
		setOauth(id, data);
	};
	const call = (base: string) => async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${base}/__sandbox/${path}`, {
			method,
			headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	};
	return {
		exact,
		shopify,
		store,
		division: exact.division,
		viesBaseUrl: `${exact.baseUrl}/taxation_customs/vies/rest-api`,
		webhookSecret,
		secrets: () => [
			exact.clientSecret,
			webhookSecret,
			shopify.appSecret,
			shopify.accessToken,
			...tokens,
		],
		admin: call(exact.baseUrl),
		shopifyAdmin: call(shopify.baseUrl),
		close: async () => {
			restore();
			recordSecrets([
				exact.clientSecret,
				webhookSecret,
				shopify.appSecret,
				shopify.accessToken,
				...tokens,
			]);
			recordOutput('env', `closing scenario on ${exact.baseUrl}`);
			await Promise.all([exact.close(), shopify.close()]);
		},
	};
}

/** Mints a token pair for another OAuth client (a second app sharing the division). */
export async function otherClientToken(env: ChaosEnv, clientId: string): Promise<string> {
	await admin(env.exact, 'POST', 'clients', { clientId, clientSecret: secret('other-secret') });
	const minted = await admin<{ access_token: string }>(env.exact, 'POST', 'tokens', { clientId });
	return minted.access_token;
}
