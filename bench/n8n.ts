/**
 * npm run bench:n8n: Exact calls per order in a real n8n (the e2e stack: n8n 2.8.4 with the packed
 * package, the templates as shipped with credentials linked and the division picked, as the sticky
 * notes ask). Steady state: customers, items and VAT codes already in Exact and remembered (a
 * warm-up imports one order of every customer first). Then, per flow, in this order:
 * - webhook: orders sent as signed Shopify webhooks in bursts of 10 at once, plus duplicate
 *   deliveries of some of them;
 * - hand-built baseline (bench/baseline/hand-built-orders-to-exact.json): the same orders (renumbered)
 *   delivered the same way to the workflow a merchant builds without this package: n8n's Shopify
 *   Trigger, HTTP Request nodes with a generic OAuth2 credential, the VAT code and the shipping item
 *   typed in;
 * - batch: the same number of orders placed without webhooks, read by the batch template's next
 *   runs (every minute).
 * It counts the calls of n8n's OAuth client in the Exact sandbox's log, and the sales orders per
 * YourRef afterwards (duplicates). Prints a table with each template's ratio to the baseline; the
 * last line is JSON. BENCH_N8N_ORDERS (default 60) sets the orders per flow, the same for every
 * flow; the full run is 300. Tests never assert these numbers.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { okJson } from '../scripts/lib/http';
import { runtimeFromEnv } from '../scripts/lib/n8n';
import { EXACT_APP, startStack } from '../scripts/lib/stack';
import type { Stack } from '../scripts/lib/stack';
import { catalogue, customers, orderSpecs, shopifyOrder } from '../test/nodes/flow/syntheticOrders';
import { duplicatesCreated, figures, ratios, table } from './lib/n8nFigures';
import type { ExactCall, FlowFigures } from './lib/n8nFigures';

const ORDERS = Math.max(10, Number(process.env.BENCH_N8N_ORDERS ?? 60));
const BURST = 10;
const DUPLICATE_SHARE = 0.2;
/** Orders delivered twice at the same moment after each webhook flow's measured run. */
const COPIES_AT_ONCE = 20;
const WEBHOOK = 'shopify-orders-to-exact.json';
const BATCH = 'shopify-orders-to-exact-batch.json';
const INSTANT_STOCK = 'exact-stock-to-shopify-instant.json';
const BASELINE = 'hand-built baseline';
const BASELINE_FILE = path.join(__dirname, 'baseline', 'hand-built-orders-to-exact.json');
/** The VAT code the baseline types in: Dutch 21 %, prices including VAT, as the shop's prices are. */
const BASELINE_VAT_CODE = 'I21';
/** The shipping item the baseline types in (the sandbox's shipping item; a merchant copies its ID). */
const SHIPPING_ITEM_CODE = 'VERZEND';

const started = Date.now();
const say = (line: string) =>
	process.stdout.write(
		`[bench:n8n ${String(Math.round((Date.now() - started) / 1000)).padStart(4)}s] ${line}\n`,
	);

const CUSTOMERS = customers(20, 900);
const ITEMS = catalogue(12);

async function until<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs: number,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

function specs(count: number, firstNumber: number, seed: number) {
	return orderSpecs({
		seed,
		count,
		firstNumber,
		knownCustomers: CUSTOMERS,
		newCustomers: [],
		newShare: 0,
		items: ITEMS,
		shippingShare: 0.8,
	}).map((spec) => ({ ...spec, lines: spec.lines.slice(0, 3) }));
}

async function salesOrders(stack: Stack): Promise<Array<{ ref: string; amount: number }>> {
	const state = await okJson<{ records: Array<{ YourRef?: string; AmountFC?: number }> }>(
		'GET',
		`${stack.exact.baseUrl}/__sandbox/state/salesorder/SalesOrders`,
	);
	return state.records.map((r) => ({
		ref: String(r.YourRef ?? '').trim(),
		amount: Number(r.AmountFC ?? 0),
	}));
}

async function salesOrderRefs(stack: Stack): Promise<string[]> {
	return (await salesOrders(stack)).map((o) => o.ref);
}

/** Shopify's total of each order, by name (the YourRef every flow sets). */
const shopifyTotals = (list: Array<Record<string, unknown>>) =>
	Object.fromEntries(list.map((o) => [String(o.name), Number(o.total_price)]));

async function waitForOrders(stack: Stack, names: string[], timeoutMs: number): Promise<void> {
	const wanted = new Set(names);
	await until(
		`${names.length} sales orders`,
		async () => {
			const refs = await salesOrderRefs(stack);
			return refs.filter((r) => wanted.has(r)).length >= names.length ? true : undefined;
		},
		timeoutMs,
	);
}

/**
 * Waits until every order is in Exact, or, when a flow failed some, until n8n has had nothing
 * running for 15 seconds (so a failing flow is reported, not waited on for the whole timeout).
 */
async function waitForOrdersOrQuiet(
	stack: Stack,
	names: string[],
	timeoutMs: number,
): Promise<void> {
	const wanted = new Set(names);
	await until(
		`${names.length} sales orders or a quiet n8n`,
		async () => {
			const refs = await salesOrderRefs(stack);
			if (new Set(refs.filter((r) => wanted.has(r))).size >= names.length) return true;
			const executions = await stack.rest.executions();
			const running = executions.some((e) => ['running', 'new', 'waiting'].includes(e.status));
			const newest = Math.max(0, ...executions.map((e) => Date.parse(e.stoppedAt ?? e.startedAt)));
			return !running && Date.now() - newest > 15_000 ? true : undefined;
		},
		timeoutMs,
	);
}

async function waitForIdle(stack: Stack): Promise<void> {
	await until(
		'n8n to finish its executions',
		async () => {
			const executions = await stack.rest.executions();
			const running = executions.some((e) => ['running', 'new', 'waiting'].includes(e.status));
			const newest = Math.max(0, ...executions.map((e) => Date.parse(e.stoppedAt ?? e.startedAt)));
			return !running && Date.now() - newest > 3000 ? true : undefined;
		},
		300_000,
	);
}

async function clearCalls(stack: Stack): Promise<void> {
	await okJson('DELETE', `${stack.exact.baseUrl}/__sandbox/calls`);
}

async function n8nCalls(stack: Stack): Promise<ExactCall[]> {
	const log = await okJson<{ calls: ExactCall[] }>('GET', `${stack.exact.baseUrl}/__sandbox/calls`);
	return log.calls.filter(
		(c) => c.path.startsWith('/api/v1/') && c.clientId === EXACT_APP.clientId,
	);
}

function templateId(stack: Stack, file: string): string {
	const found = stack.templates.find((t) => t.file.endsWith(file));
	if (!found) throw new Error(`template ${file} not imported`);
	return found.id;
}

/** Executions of one workflow that ended in an error. */
async function failedExecutions(stack: Stack, workflowId: string): Promise<number> {
	const executions = await stack.rest.executions(workflowId);
	return executions.filter((e) => ['error', 'crashed'].includes(e.status)).length;
}

/** Waits until Shopify sends orders/create to exactly one subscription (the flow under test). */
async function waitForOneOrderHook(stack: Stack): Promise<void> {
	await until(
		'one orders/create webhook in Shopify',
		async () => {
			const hooks = await okJson<
				{ webhooks?: Array<{ topic: string }> } | Array<{ topic: string }>
			>('GET', `${stack.shopify.baseUrl}/__sandbox/webhooks`);
			const list = Array.isArray(hooks) ? hooks : (hooks.webhooks ?? []);
			return list.filter((h) => h.topic === 'orders/create').length === 1 ? true : undefined;
		},
		60_000,
	);
}

/**
 * The webhook scenario, the same for the webhook template and the baseline: the orders as signed
 * orders/create webhooks in bursts of 10 at once, then every fifth one delivered again, 10 at once.
 * Waits until every order is in Exact, or until n8n went quiet (a flow may fail some: the figures
 * say how many were imported and how many executions failed).
 */
async function webhookScenario(
	stack: Stack,
	flow: string,
	workflowId: string,
	list: Array<Record<string, unknown>>,
): Promise<FlowFigures> {
	const runRefs = list.map((o) => String(o.name));
	await waitForOneOrderHook(stack);
	await clearCalls(stack);
	const t0 = Date.now();
	for (let i = 0; i < list.length; i += BURST) {
		await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/orders`, {
			orders: list.slice(i, i + BURST),
			topics: ['orders/create'],
			concurrent: BURST,
			timeoutMs: 30_000,
		});
	}
	const duplicates = list.filter((_, i) => i % Math.round(1 / DUPLICATE_SHARE) === 0);
	await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/webhooks/deliver`, {
		topic: 'orders/create',
		payloads: duplicates,
		concurrent: BURST,
		timeoutMs: 30_000,
	});
	await waitForOrdersOrQuiet(stack, runRefs, 600_000);
	await waitForIdle(stack);
	// Until n8n went quiet (the idle check waits 3 s): stock reads follow the orders by up to 10 s.
	const ms = Date.now() - t0 - 3000;
	return figures({
		flow,
		orders: list.length,
		duplicateDeliveries: duplicates.length,
		calls: await n8nCalls(stack),
		ms,
		exactOrders: await salesOrders(stack),
		shopifyTotals: shopifyTotals(list),
		failedExecutions: await failedExecutions(stack, workflowId),
	});
}

/**
 * After the measured run, not counted in its calls: COPIES_AT_ONCE more orders, each delivered twice
 * at the same moment (as Shopify does when it retries a delivery whose answer was slow), and the
 * sales orders this created twice.
 */
async function copiesAtOnce(
	stack: Stack,
	firstNumber: number,
): Promise<{ orders: number; duplicatesCreated: number }> {
	const list = specs(COPIES_AT_ONCE, firstNumber, 34).map(shopifyOrder);
	const refs = list.map((o) => String(o.name));
	await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/webhooks/deliver`, {
		topic: 'orders/create',
		payloads: list,
		copies: 2,
		sameWebhookId: true,
		concurrent: BURST,
		timeoutMs: 30_000,
	});
	await waitForOrdersOrQuiet(stack, refs, 300_000);
	await waitForIdle(stack);
	return {
		orders: list.length,
		duplicatesCreated: duplicatesCreated(await salesOrderRefs(stack), refs),
	};
}

async function webhookRun(stack: Stack): Promise<FlowFigures> {
	const list = specs(ORDERS, 91001, 31).map(shopifyOrder);
	const result = await webhookScenario(stack, WEBHOOK, templateId(stack, WEBHOOK), list);
	return { ...result, copiesAtOnce: await copiesAtOnce(stack, 94001) };
}

/** The ID of an item in the sandbox, as a merchant copies it from Exact into the baseline. */
async function exactItemId(stack: Stack, code: string): Promise<string> {
	const state = await okJson<{ records: Array<{ ID: string; Code: string }> }>(
		'GET',
		`${stack.exact.baseUrl}/__sandbox/state/logistics/Items`,
	);
	const item = state.records.find((r) => String(r.Code).trim() === code);
	if (!item) throw new Error(`No item ${code} in the Exact sandbox`);
	return item.ID;
}

/**
 * The hand-built baseline, set up as a merchant without this package sets it up: a generic OAuth2
 * credential for Exact (connected through the same OAuth app, so its calls count alike), the
 * workflow imported with its Exact Settings typed in, then the webhook template switched off and
 * the baseline on, so each order is delivered to one flow only.
 */
async function baselineRun(stack: Stack): Promise<FlowFigures> {
	const credentialId = await stack.rest.createCredential('Exact Online (OAuth2 API)', 'oAuth2Api', {
		grantType: 'authorizationCode',
		authUrl: `${stack.exact.baseUrl}/api/oauth2/auth`,
		accessTokenUrl: `${stack.exact.baseUrl}/api/oauth2/token`,
		clientId: EXACT_APP.clientId,
		clientSecret: EXACT_APP.clientSecret,
		scope: '',
		authQueryParameters: '',
		authentication: 'body',
	});
	await stack.rest.connectOAuth2(credentialId);
	const settings: Record<string, string> = {
		apiUrl: `${stack.exact.baseUrl}/api/v1/${stack.exact.division}`,
		vatCode: BASELINE_VAT_CODE,
		shippingItem: await exactItemId(stack, SHIPPING_ITEM_CODE),
	};
	const workflow = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as {
		nodes: Array<{
			name: string;
			parameters: { assignments?: { assignments: Array<{ name: string; value: string }> } };
			credentials?: Record<string, { id: string | null; name: string }>;
		}>;
	};
	for (const node of workflow.nodes) {
		for (const field of node.parameters.assignments?.assignments ?? []) {
			if (node.name === 'Exact Settings' && field.name in settings)
				field.value = settings[field.name];
		}
		if (node.credentials?.oAuth2Api) node.credentials.oAuth2Api.id = credentialId;
		if (node.credentials?.shopifyAccessTokenApi)
			node.credentials.shopifyAccessTokenApi.id = stack.credentialIds.shopifyTrigger;
	}
	const created = await stack.rest.call<{ id: string }>('POST', '/rest/workflows', workflow);
	await stack.rest.deactivateWorkflow(templateId(stack, WEBHOOK));
	await stack.rest.activateWorkflow(created.id);
	// The same orders as the webhook template's run, renumbered (same customers, lines and shipping).
	const list = specs(ORDERS, 93001, 31).map(shopifyOrder);
	const result = await webhookScenario(stack, BASELINE, created.id, list);
	const copies = await copiesAtOnce(stack, 95001);
	await stack.rest.deactivateWorkflow(created.id);
	return { ...result, copiesAtOnce: copies };
}

async function batchRun(stack: Stack): Promise<FlowFigures> {
	const batchId = templateId(stack, BATCH);
	await stack.rest.updateWorkflow(batchId, (nodes) => {
		for (const node of nodes) {
			if (String(node.type).endsWith('.shopifyOrders'))
				(node.parameters as Record<string, unknown>).options = { firstRunHours: 0.02 };
		}
	});
	const list = specs(ORDERS, 92001, 32).map(shopifyOrder);
	const runRefs = list.map((o) => String(o.name));
	await clearCalls(stack);
	const t0 = Date.now();
	await stack.rest.activateWorkflow(batchId);
	await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/orders`, { orders: list, topics: [] });
	await waitForOrders(stack, runRefs, 300_000);
	await waitForIdle(stack);
	// Until n8n went quiet (the idle check waits 3 s): stock reads follow the orders by up to 10 s.
	const ms = Date.now() - t0 - 3000;
	await stack.rest.deactivateWorkflow(batchId);
	return figures({
		flow: BATCH,
		orders: list.length,
		duplicateDeliveries: 0,
		calls: await n8nCalls(stack),
		ms,
		exactOrders: await salesOrders(stack),
		shopifyTotals: shopifyTotals(list),
		failedExecutions: await failedExecutions(stack, batchId),
	});
}

async function main(): Promise<void> {
	say(`Starting the e2e stack (real n8n, packed package) for ${ORDERS} orders per flow…`);
	const stack = await startStack({
		runtime: runtimeFromEnv(),
		log: say,
		pickDivision: true,
		templateFiles: ['error-handler.json', WEBHOOK, BATCH, INSTANT_STOCK],
		activate: (t) => !t.file.endsWith(BATCH),
		// Count calls: Exact's 60 a minute would only stretch the run.
		exactSettings: { minutelyLimit: 1_000_000, dailyLimit: 10_000_000 },
	});
	try {
		const warm = specs(CUSTOMERS.length, 90001, 30).map((spec, i) => ({
			...spec,
			customer: CUSTOMERS[i],
			lines: ITEMS.slice((i * 3) % ITEMS.length, ((i * 3) % ITEMS.length) + 3).map((item) => ({
				item,
				quantity: 1,
			})),
		}));
		const warmOrders = warm.map(shopifyOrder);
		say(`Warm-up: ${warmOrders.length} orders, one per customer, every item…`);
		await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/orders`, {
			orders: warmOrders,
			topics: ['orders/create'],
			concurrent: 2,
			timeoutMs: 30_000,
		});
		await waitForOrders(
			stack,
			warmOrders.map((o) => String(o.name)),
			600_000,
		);
		await waitForIdle(stack);
		say('Webhook template: bursts of 10 signed webhooks, plus duplicate deliveries…');
		const webhook = await webhookRun(stack);
		say(`  ${webhook.exactCallsPerOrder} Exact calls per order`);
		say('Hand-built baseline: the same orders, delivered the same way…');
		const baseline = await baselineRun(stack);
		say(`  ${baseline.exactCallsPerOrder} Exact calls per order`);
		say('Batch template: orders without webhooks, read by its every-minute runs…');
		const batch = await batchRun(stack);
		say(`  ${batch.exactCallsPerOrder} Exact calls per order`);
		const templates = [webhook, batch];
		process.stdout.write(`\n${table([...templates, baseline], baseline).join('\n')}\n\n`);
		const result = {
			bench: 'n8n',
			n8n: runtimeFromEnv().version,
			date: new Date().toISOString().slice(0, 10),
			ordersPerTemplate: ORDERS,
			burst: BURST,
			templates: Object.fromEntries(templates.map((r) => [r.flow, r])),
			baseline,
			/** Template ÷ baseline, per template. */
			ratios: Object.fromEntries(templates.map((r) => [r.flow, ratios(r, baseline)])),
		};
		await stack.stop();
		process.stdout.write(`${JSON.stringify(result)}\n`);
	} catch (error) {
		process.stderr.write(
			`${(error as Error).message}\n--- n8n output ---\n${stack.n8n.output().slice(-3000)}\n`,
		);
		await stack.stop();
		throw error;
	}
}

main().catch((error: Error) => {
	process.stderr.write(`bench:n8n failed: ${error.message}\n`);
	process.exit(1);
});
