/**
 * Shopify Admin API sandbox: GraphQL (inventory subset, query cost, throttling), the REST calls
 * n8n's Shopify Trigger and credential test make, signed webhook delivery, and a control API
 * under /__sandbox/. See README.md.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { SandboxCore } from './core';
import { createHandler } from './server';

export interface ShopifySandboxOptions {
	/** 0 (tests) picks a free port. Default 8712. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** 'demo-shop' -> demo-shop.myshopify.com (a full *.myshopify.com domain is kept as is). */
	shop?: string;
	/** Required in X-Shopify-Access-Token. Default 'shpat_sandbox_token'. */
	accessToken?: string;
	/** HMAC key of webhook deliveries. Default 'sandbox-app-secret'. */
	appSecret?: string;
	/** Serve HTTPS with this key and certificate (PEM) instead of HTTP. */
	tls?: { key: string; cert: string };
	/** GraphQL cost bucket size (points). Default 1000. */
	bucketSize?: number;
	/** GraphQL cost restore rate (points per second). Default 50. */
	restoreRate?: number;
}

export interface ShopifySandbox {
	baseUrl: string;
	port: number;
	shopDomain: string;
	accessToken: string;
	appSecret: string;
	close(): Promise<void>;
}

export const DEFAULT_SHOPIFY_SANDBOX_PORT = 8712;

function shopDomainOf(shop: string): string {
	return shop.endsWith('.myshopify.com') ? shop : `${shop}.myshopify.com`;
}

export async function startShopifySandbox(
	opts: ShopifySandboxOptions = {},
): Promise<ShopifySandbox> {
	const core = new SandboxCore({
		shopDomain: shopDomainOf(opts.shop ?? 'demo-shop'),
		accessToken: opts.accessToken ?? 'shpat_sandbox_token',
		appSecret: opts.appSecret ?? 'sandbox-app-secret',
		bucketSize: opts.bucketSize ?? 1000,
		restoreRate: opts.restoreRate ?? 50,
	});
	const handler = createHandler(core);
	const server = opts.tls
		? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, handler)
		: http.createServer(handler);
	const host = opts.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? DEFAULT_SHOPIFY_SANDBOX_PORT, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	core.baseUrl = `${opts.tls ? 'https' : 'http'}://${urlHost}:${port}`;
	let closed: Promise<void> | undefined;
	return {
		baseUrl: core.baseUrl,
		port,
		shopDomain: core.config.shopDomain,
		accessToken: core.config.accessToken,
		appSecret: core.config.appSecret,
		close: () => {
			closed ??= new Promise<void>((resolve) => {
				core.closing.abort();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closed;
		},
	};
}

/**
 * Options from the environment, for the CLI: SHOPIFY_SANDBOX_PORT (default 8712),
 * SHOPIFY_SANDBOX_HOST, SHOPIFY_SANDBOX_SHOP, SHOPIFY_SANDBOX_ACCESS_TOKEN,
 * SHOPIFY_SANDBOX_APP_SECRET, SHOPIFY_SANDBOX_BUCKET_SIZE, SHOPIFY_SANDBOX_RESTORE_RATE.
 */
export function shopifySandboxOptionsFromEnv(
	env: NodeJS.ProcessEnv = process.env,
): ShopifySandboxOptions {
	const num = (name: string): number | undefined => {
		const value = env[name];
		if (value === undefined || value === '') return undefined;
		const n = Number(value);
		if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, got "${value}"`);
		return n;
	};
	return {
		port: num('SHOPIFY_SANDBOX_PORT') ?? DEFAULT_SHOPIFY_SANDBOX_PORT,
		host: env.SHOPIFY_SANDBOX_HOST || undefined,
		shop: env.SHOPIFY_SANDBOX_SHOP || undefined,
		accessToken: env.SHOPIFY_SANDBOX_ACCESS_TOKEN || undefined,
		appSecret: env.SHOPIFY_SANDBOX_APP_SECRET || undefined,
		bucketSize: num('SHOPIFY_SANDBOX_BUCKET_SIZE'),
		restoreRate: num('SHOPIFY_SANDBOX_RESTORE_RATE'),
	};
}
