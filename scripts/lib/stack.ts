/**
 * The whole product on one machine: the Exact Online and Shopify sandboxes, and a real n8n with this
 * package installed as a community package. n8n is then set up the way a merchant sets it up in the
 * editor, through n8n's own REST API: owner account, credentials (the Exact one connected through
 * the real OAuth2 flow), the template workflows imported unchanged, activated.
 * Used by the end-to-end tests and by `npm run demo`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

import { ExactSandbox, ExactSandboxSettings, startExactSandbox } from '../../sandbox/exact';
import { ShopifySandbox, startShopifySandbox } from '../../sandbox/shopify';
import { createN8n, ensureN8nInstalled, freePort, N8N_2_8, N8nInstance, N8nRuntime, packPackage, projectRoot } from './n8n';
import { okJson, trustSandboxCertificate } from './http';
import { N8nRest, OAuthResult, Owner } from './rest';
import { createsDataTables, setUpStatusTableByHand } from './statusTable';
import { Service, startPostgres, startRedis } from './services';
import { createTestCertificate, startTlsTerminator, TlsTerminator } from './tls';

/** Names the templates use for their credentials; n8n links imported workflows by name + type. */
export const CREDENTIAL_NAMES = {
	exact: 'Exact Online account',
	shopifyTrigger: 'Shopify account',
	shopifyAdmin: 'Shopify Admin account',
};

/** The OAuth2 app n8n is registered as in the Exact sandbox (a client of its own, so calls are traceable). */
export const EXACT_APP = { clientId: 'n8n-exact-online-commerce', clientSecret: 'n8n-sandbox-app-secret' };

export const TEMPLATE_FILES = [
	'error-handler.json',
	'shopify-orders-to-exact.json',
	'shopify-products-to-exact.json',
	'exact-stock-to-shopify.json',
	'exact-stock-to-shopify-instant.json',
	'shopify-refunds-to-exact.json',
	'shopify-fulfilments-to-exact.json',
	'shopify-order-changes-to-exact.json',
	'shopify-paid-orders-to-exact-invoices.json',
	'shopify-payouts-to-exact.json',
];

export interface TemplateInfo {
	file: string;
	id: string;
	name: string;
	json: Record<string, unknown>;
}

export function readTemplates(files: string[] = TEMPLATE_FILES): TemplateInfo[] {
	return files.map((name) => {
		const file = path.join(projectRoot, 'workflows', name);
		const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { id: string; name: string };
		return { file, id: json.id, name: json.name, json };
	});
}

export interface StackOptions {
	runtime?: N8nRuntime;
	n8nPort?: number;
	workDir?: string;
	owner?: Owner;
	exactSettings?: Partial<ExactSandboxSettings>;
	/** A packed package to install instead of packing this checkout (`npm pack` output). */
	tarball?: string;
	/** Template files to import (default all of TEMPLATE_FILES). */
	templateFiles?: string[];
	/**
	 * Pick the sandbox's division in every Exact node after import, as the sticky notes ask a merchant
	 * to do (default: leave the templates' empty Division, i.e. the user's current division).
	 */
	pickDivision?: boolean;
	/** Keep n8n's user folder (database, installed package) after stop; default false. */
	keepN8nFolder?: boolean;
	/** Templates to activate; default all. */
	activate?: (template: TemplateInfo) => boolean;
	/**
	 * n8n in queue mode: Redis and Postgres started for the run, a main instance and this many
	 * `n8n worker` processes (default: one n8n process on SQLite).
	 */
	queueWorkers?: number;
	/** Extra environment for every n8n process. */
	n8nEnv?: Record<string, string>;
	/** Changes the imported templates as a merchant would in the editor, before they are activated. */
	configure?: (rest: N8nRest, templates: TemplateInfo[]) => Promise<void>;
	log?: (line: string) => void;
}

export interface Stack {
	exact: ExactSandbox;
	shopify: ShopifySandbox;
	n8n: N8nInstance;
	rest: N8nRest;
	owner: Owner;
	templates: TemplateInfo[];
	credentialIds: Record<keyof typeof CREDENTIAL_NAMES, string>;
	/** Queue mode: the Redis and Postgres n8n runs on. */
	services?: { redis: Service; postgres: Service };
	/** How the Exact credential was connected: n8n's authorize URL and its callback page. */
	oauth: OAuthResult;
	/** The test certificate the sandboxes serve HTTPS with (PEM). */
	certificatePem: string;
	workDir: string;
	/** Time taken by each start-up step, in ms. */
	timings: Record<string, number>;
	stop(): Promise<void>;
}

export const DEFAULT_OWNER: Owner = {
	email: 'merchant@example.com',
	password: 'Sandbox-Demo-2025',
	firstName: 'Demo',
	lastName: 'Merchant',
};

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const log = options.log ?? (() => undefined);
	const runtime = options.runtime ?? N8N_2_8;
	const owner = options.owner ?? DEFAULT_OWNER;
	const workDir = options.workDir ?? mkdtempSync(path.join(os.tmpdir(), 'exact-commerce-'));
	mkdirSync(workDir, { recursive: true });
	const timings: Record<string, number> = {};
	const step = async <T>(name: string, task: () => Promise<T>): Promise<T> => {
		const started = Date.now();
		const result = await task();
		timings[name] = Date.now() - started;
		return result;
	};

	await step('installN8n', () => ensureN8nInstalled(runtime, log));
	log('Packing the package…');
	const tarball = options.tarball ?? (await step('pack', () => packPackage(path.join(workDir, 'pack'))));

	const certificate = createTestCertificate(path.join(workDir, 'tls'));
	const exact = await startExactSandbox({ port: 0, settings: options.exactSettings });
	const shopify = await startShopifySandbox({ port: 0, tls: { key: certificate.key, cert: certificate.cert } });
	const vies: TlsTerminator = await startTlsTerminator(certificate, exact.port);
	trustSandboxCertificate(certificate.cert);
	await okJson('POST', `${exact.baseUrl}/__sandbox/clients`, EXACT_APP);
	log(`Exact Online sandbox: ${exact.baseUrl}`);
	log(`Shopify sandbox: ${shopify.baseUrl} (${shopify.shopDomain})`);

	let services: { redis: Service; postgres: Service } | undefined;
	if (options.queueWorkers) {
		const dataRoot = path.join(workDir, 'services');
		const postgres = await step('startPostgres', () => startPostgres(dataRoot, log));
		const redis = await step('startRedis', () => startRedis(dataRoot, log)).catch(async (error) => {
			await postgres.stop();
			throw error;
		});
		services = { redis, postgres };
	}
	const stopServices = async () => {
		await services?.redis.stop();
		await services?.postgres.stop();
	};

	const n8nPort = options.n8nPort ?? (await freePort());
	const brokerPort = await freePort();
	const n8n = await step('installPackage', () =>
		createN8n(tarball, {
			runtime,
			port: n8nPort,
			brokerPort,
			userFolder: path.join(workDir, 'n8n'),
			log,
			env: {
				NODE_OPTIONS: `--require ${path.join(projectRoot, 'scripts/lib/sandbox-hosts-preload.js')}`,
				NODE_EXTRA_CA_CERTS: certificate.certFile,
				SANDBOX_TLS_ROUTES: `*.myshopify.com=127.0.0.1:${shopify.port},ec.europa.eu=127.0.0.1:${vies.port}`,
				...options.n8nEnv,
			},
			workers: options.queueWorkers,
			queue: services && { redisPort: services.redis.port, postgresPort: services.postgres.port },
		}),
	);
	const stopAll = async () => {
		await n8n.stop();
		await vies.close();
		await shopify.close();
		await exact.close();
		await stopServices();
		if (!options.keepN8nFolder) {
			for (const dir of ['n8n', 'pack', 'services']) rmSync(path.join(workDir, dir), { recursive: true, force: true });
		}
	};
	try {
		log(`Starting n8n ${runtime.version}…`);
		await step('startN8n', () => n8n.start());
		const rest = new N8nRest(n8n.url);
		const { credentialIds, oauth } = await step('setUp', async () => {
			await rest.ensureOwner(owner);
			return await createCredentials(rest, exact, shopify);
		});
		const templates = readTemplates(options.templateFiles);
		await step('importAndActivate', async () => {
			await importTemplates(rest, templates);
			await fillInWebhookSecret(rest, templates, exact);
			if (options.pickDivision) await pickDivision(rest, templates, exact.division);
			// n8n 1.x cannot create the status table from a workflow: set it up as the README tells a
			// merchant on n8n 1.x to (the table made by hand and picked in the templates' row nodes).
			if (!createsDataTables(runtime.version)) await setUpStatusTableByHand(rest, templates);
			if (options.configure) await options.configure(rest, templates);
			for (const t of templates.filter(options.activate ?? (() => true))) {
				try {
					await rest.activateWorkflow(t.id);
					log(`Activated "${t.name}"`);
				} catch (error) {
					// n8n 1.x does not activate a workflow whose only trigger is an Error Trigger; it runs
					// error workflows without that (n8n 2.x publishes them like any other).
					const nodes = (t.json.nodes ?? []) as Array<{ type: string }>;
					const errorWorkflowOnly = nodes.some((n) => n.type === 'n8n-nodes-base.errorTrigger');
					if (!errorWorkflowOnly || !/no node to start the workflow/.test((error as Error).message)) throw error;
					log(`"${t.name}" is an error workflow: n8n ${runtime.version} runs it without activation`);
				}
			}
			await waitForTriggerRegistrations(templates.filter(options.activate ?? (() => true)), exact, shopify);
		});
		const certificatePem = certificate.cert;
		return {
			exact,
			shopify,
			n8n,
			rest,
			owner,
			templates,
			credentialIds,
			services,
			oauth,
			certificatePem,
			workDir,
			timings,
			stop: stopAll,
		};
	} catch (error) {
		const tail = n8n.output().slice(-3000);
		await stopAll();
		throw new Error(`${(error as Error).message}\n--- n8n output ---\n${tail}`);
	}
}

/**
 * The three credentials the templates name, created as a merchant creates them; the Exact one is
 * connected through n8n's OAuth2 flow against the sandbox's authorize and token endpoints.
 */
async function createCredentials(
	rest: N8nRest,
	exact: ExactSandbox,
	shopify: ShopifySandbox,
): Promise<{ credentialIds: Record<keyof typeof CREDENTIAL_NAMES, string>; oauth: OAuthResult }> {
	const exactId = await rest.createCredential(CREDENTIAL_NAMES.exact, 'exactOnlineOAuth2Api', {
		environment: 'sandbox',
		baseUrl: exact.baseUrl,
		clientId: EXACT_APP.clientId,
		clientSecret: EXACT_APP.clientSecret,
		webhookSecret: await sandboxWebhookSecret(exact),
	});
	const oauth = await rest.connectOAuth2(exactId);
	const shopifyTrigger = await rest.createCredential(CREDENTIAL_NAMES.shopifyTrigger, 'shopifyAccessTokenApi', {
		shopSubdomain: shopify.shopDomain.replace(/\.myshopify\.com$/, ''),
		accessToken: shopify.accessToken,
		appSecretKey: shopify.appSecret,
	});
	const shopifyAdmin = await rest.createCredential(CREDENTIAL_NAMES.shopifyAdmin, 'shopifyAdminCommerceApi', {
		shopDomain: shopify.shopDomain,
		accessToken: shopify.accessToken,
		apiVersion: '2026-01',
		customBaseUrl: '',
	});
	return { credentialIds: { exact: exactId, shopifyTrigger, shopifyAdmin }, oauth };
}

/**
 * The Exact webhook secret belongs in the credential; a credential type without that field drops it,
 * and then the merchant types it into the Exact Online Trigger node, as its description says.
 */
async function fillInWebhookSecret(rest: N8nRest, templates: TemplateInfo[], exact: ExactSandbox): Promise<void> {
	const fields = await rest.credentialTypeProperties('exactOnlineOAuth2Api');
	if (fields.includes('webhookSecret')) return;
	const webhookSecret = await sandboxWebhookSecret(exact);
	for (const t of templates) {
		const nodes = (t.json.nodes ?? []) as Array<{ type: string }>;
		if (!nodes.some((n) => n.type.endsWith('.exactOnlineTrigger'))) continue;
		await rest.updateWorkflow(t.id, (list) => {
			for (const n of list) {
				if (String(n.type).endsWith('.exactOnlineTrigger')) {
					(n.parameters as Record<string, unknown>).webhookSecret = webhookSecret;
				}
			}
		});
	}
}

/** The "Webhook secret" of the app in the Exact sandbox (Exact signs its webhook calls with it). */
async function sandboxWebhookSecret(exact: ExactSandbox): Promise<string> {
	const settings = await okJson<{ webhookSecret: string }>('GET', `${exact.baseUrl}/__sandbox/settings`);
	return settings.webhookSecret;
}

/**
 * Newer n8n versions register triggers in the background after activation: wait until every active
 * Shopify Trigger has its Shopify webhook and every Exact Online Trigger its Exact subscriptions.
 */
async function waitForTriggerRegistrations(
	active: TemplateInfo[],
	exact: ExactSandbox,
	shopify: ShopifySandbox,
	timeoutMs = 60_000,
): Promise<void> {
	type TemplateNode = { type: string; parameters: Record<string, unknown> };
	const nodes = active.flatMap((t) => (t.json.nodes ?? []) as TemplateNode[]);
	const shopifyTopics = nodes
		.filter((n) => n.type === 'n8n-nodes-base.shopifyTrigger')
		.map((n) => String(n.parameters.topic));
	const exactTopics = nodes
		.filter((n) => n.type.endsWith('.exactOnlineTrigger'))
		.flatMap((n) => n.parameters.topics as string[]);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const hooks = await okJson<{ webhooks?: Array<{ topic: string }> } | Array<{ topic: string }>>(
			'GET',
			`${shopify.baseUrl}/__sandbox/webhooks`,
		);
		const shopifyHooks = Array.isArray(hooks) ? hooks : (hooks.webhooks ?? []);
		const subs = await okJson<{ subscriptions: Array<{ Topic: string }> }>('GET', `${exact.baseUrl}/__sandbox/webhooks`);
		const missing = [
			...shopifyTopics.filter((t) => !shopifyHooks.some((h) => h.topic === t)).map((t) => `Shopify ${t}`),
			...exactTopics.filter((t) => !subs.subscriptions.some((s) => s.Topic === t)).map((t) => `Exact ${t}`),
		];
		if (missing.length === 0) return;
		if (Date.now() > deadline) throw new Error(`Triggers not registered after activation: ${missing.join(', ')}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Sets the Division of every Exact node to `division`, as a merchant picks it in each node. */
async function pickDivision(rest: N8nRest, templates: TemplateInfo[], division: number): Promise<void> {
	for (const t of templates) {
		await rest.updateWorkflow(t.id, (nodes) => {
			for (const n of nodes) {
				const parameters = n.parameters as Record<string, unknown>;
				if (parameters && typeof parameters.division === 'object') {
					parameters.division = { __rl: true, mode: 'id', value: String(division) };
				}
			}
		});
	}
}

/**
 * Imports the templates as the editor's "Import from File" does. n8n 2.x keeps each template's id;
 * n8n 1.x gives every imported workflow a new one, so the ids are taken from n8n's answers and the
 * error workflow the templates name is pointed at the imported error handler's new id.
 */
async function importTemplates(rest: N8nRest, templates: TemplateInfo[]): Promise<void> {
	const newIds = new Map<string, string>();
	for (const t of templates) {
		const created = await rest.call<{ id: string }>('POST', '/rest/workflows', t.json);
		if (created.id !== t.id) newIds.set(t.id, created.id);
		t.id = created.id;
	}
	if (newIds.size === 0) return;
	for (const t of templates) {
		const settings = (t.json.settings ?? {}) as Record<string, unknown>;
		const errorWorkflow = newIds.get(String(settings.errorWorkflow ?? ''));
		if (!errorWorkflow) continue;
		const workflow = await rest.call<{ versionId: string }>('GET', `/rest/workflows/${t.id}`);
		await rest.call('PATCH', `/rest/workflows/${t.id}`, {
			versionId: workflow.versionId,
			settings: { ...settings, errorWorkflow },
		});
	}
}
