/**
 * The whole product on one machine: the Exact Online and Shopify sandboxes, and a real n8n with this
 * package installed as a community package, the credentials pointing at the sandboxes and the template
 * workflows imported unchanged and published. Used by the end-to-end tests and by `npm run demo`.
 */
import axios from 'axios';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { ExactSandbox, startExactSandbox } from '../../sandbox/exact';
import { ShopifySandbox, startShopifySandbox } from '../../sandbox/shopify';
import {
	createN8n,
	ensureN8nInstalled,
	N8N_2_8,
	N8nInstance,
	N8nRuntime,
	packPackage,
	projectRoot,
} from './n8n';
import { createTestCertificate } from './tls';

/** Names the templates use for their credentials; n8n re-links imported workflows by name + type. */
export const CREDENTIAL_NAMES = {
	exact: 'Exact Online account',
	shopifyTrigger: 'Shopify account',
	shopifyAdmin: 'Shopify Admin account',
};

export interface TemplateInfo {
	file: string;
	id: string;
	name: string;
}

export function readTemplates(): TemplateInfo[] {
	const dir = path.join(projectRoot, 'workflows');
	const files = ['shopify-orders-to-exact.json', 'shopify-products-to-exact.json', 'exact-stock-to-shopify.json',
		'exact-stock-to-shopify-instant.json', 'error-handler.json'];
	return files.map((name) => {
		const file = path.join(dir, name);
		const json = JSON.parse(readFileSync(file, 'utf8')) as { id: string; name: string };
		return { file, id: json.id, name: json.name };
	});
}

export interface StackOptions {
	runtime?: N8nRuntime;
	n8nPort?: number;
	workDir?: string;
	/** Templates to publish (activate); default all. */
	publish?: (template: TemplateInfo) => boolean;
	exactSettings?: Record<string, unknown>;
	log?: (line: string) => void;
}

export interface Stack {
	exact: ExactSandbox;
	shopify: ShopifySandbox;
	n8n: N8nInstance;
	templates: TemplateInfo[];
	workDir: string;
	stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const log = options.log ?? (() => undefined);
	const runtime = options.runtime ?? N8N_2_8;
	const workDir = options.workDir ?? mkdtempSync(path.join(os.tmpdir(), 'exact-commerce-'));
	mkdirSync(workDir, { recursive: true });

	await ensureN8nInstalled(runtime, log);
	log('Packing the package…');
	const tarball = await packPackage(path.join(workDir, 'pack'));

	const tls = createTestCertificate(path.join(workDir, 'tls'));
	const exact = await startExactSandbox({ port: 0, settings: options.exactSettings });
	const shopify = await startShopifySandbox({ port: 0, tls: { key: tls.key, cert: tls.cert } });
	log(`Exact Online sandbox: ${exact.baseUrl}`);
	log(`Shopify sandbox: ${shopify.baseUrl} (${shopify.shopDomain})`);

	const n8n = await createN8n(tarball, {
		runtime,
		port: options.n8nPort ?? 5688,
		userFolder: path.join(workDir, 'n8n'),
		log,
		env: {
			NODE_OPTIONS: `--require ${path.join(projectRoot, 'scripts/lib/shopify-host-preload.js')}`,
			NODE_EXTRA_CA_CERTS: tls.certFile,
			SHOPIFY_SANDBOX_TLS_PORT: String(shopify.port),
		},
	});

	const credentialsFile = path.join(workDir, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(await sandboxCredentials(exact, shopify), null, 2));
	await n8n.cli(['import:credentials', `--input=${credentialsFile}`]);

	const templates = readTemplates();
	for (const t of templates) await n8n.cli(['import:workflow', `--input=${t.file}`]);
	for (const t of templates.filter(options.publish ?? (() => true))) {
		await n8n.cli(['publish:workflow', `--id=${t.id}`]);
	}
	log('Starting n8n…');
	await n8n.start();

	const stop = async () => {
		await n8n.stop();
		await shopify.close();
		await exact.close();
	};
	return { exact, shopify, n8n, templates, workDir, stop };
}

/** Credentials as n8n stores them, pointing at the sandboxes; the Exact one with a minted token pair. */
async function sandboxCredentials(exact: ExactSandbox, shopify: ShopifySandbox) {
	const { data: tokens } = await axios.post(`${exact.baseUrl}/__sandbox/tokens`, {});
	return [
		{
			id: 'sandboxExactCred',
			name: CREDENTIAL_NAMES.exact,
			type: 'exactOnlineOAuth2Api',
			data: {
				environment: 'sandbox',
				sandboxBaseUrl: exact.baseUrl,
				clientId: exact.clientId,
				clientSecret: exact.clientSecret,
				oauthTokenData: {
					access_token: tokens.access_token,
					refresh_token: tokens.refresh_token,
					token_type: 'bearer',
					expires_in: tokens.expires_in,
				},
			},
		},
		{
			id: 'sandboxShopifyCred',
			name: CREDENTIAL_NAMES.shopifyTrigger,
			type: 'shopifyAccessTokenApi',
			data: {
				shopSubdomain: shopify.shopDomain.replace(/\.myshopify\.com$/, ''),
				accessToken: shopify.accessToken,
				appSecretKey: shopify.appSecret,
			},
		},
		{
			id: 'sandboxShopAdmCred',
			name: CREDENTIAL_NAMES.shopifyAdmin,
			type: 'shopifyAdminCommerceApi',
			data: {
				shopDomain: shopify.shopDomain,
				accessToken: shopify.accessToken,
				apiVersion: '2026-01',
			},
		},
	];
}
