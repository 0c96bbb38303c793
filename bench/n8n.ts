/**
 * npm run bench:n8n: Exact calls per order in a real n8n (the e2e stack: n8n 2.8.4 with the packed
 * package, the templates as shipped with credentials linked and the division picked, as the sticky
 * notes ask). Steady state: customers, items and VAT codes already in Exact and remembered (a
 * warm-up imports one order of every customer first). Then, per order template:
 * - webhook: orders sent as signed Shopify webhooks in bursts of 10 at once, plus duplicate
 *   deliveries of some of them;
 * - batch: the same number of orders placed without webhooks, read by the batch template's next
 *   runs (every minute).
 * It counts the calls of n8n's OAuth client in the Exact sandbox's log. Prints a table; the last
 * line is JSON. BENCH_N8N_ORDERS (default 60) sets the orders per template; the issue's full run is
 * 300. Tests never assert these numbers.
 */
import { okJson } from '../scripts/lib/http';
import { runtimeFromEnv } from '../scripts/lib/n8n';
import { EXACT_APP, startStack } from '../scripts/lib/stack';
import type { Stack } from '../scripts/lib/stack';
import { catalogue, customers, orderSpecs, shopifyOrder } from '../test/nodes/flow/syntheticOrders';

const ORDERS = Math.max(10, Number(process.env.BENCH_N8N_ORDERS ?? 60));
const BURST = 10;
const DUPLICATE_SHARE = 0.2;
const DAILY_LIMIT = 5_000;
const WEBHOOK = 'shopify-orders-to-exact.json';
const BATCH = 'shopify-orders-to-exact-batch.json';
const INSTANT_STOCK = 'exact-stock-to-shopify-instant.json';
/** Endpoints of the stock push (the instant stock template), reported apart from the order path. */
const isStock = (endpoint: string) => /StockPositions|ItemWarehouses|Inventory/.test(endpoint);

const started = Date.now();
const say = (line: string) =>
	process.stdout.write(
		`[bench:n8n ${String(Math.round((Date.now() - started) / 1000)).padStart(4)}s] ${line}\n`,
	);

const CUSTOMERS = customers(20, 900);
const ITEMS = catalogue(12);

interface ExactCall {
	method: string;
	path: string;
	clientId?: string;
	status: number;
}

interface TemplateFigures {
	template: string;
	orders: number;
	duplicateDeliveries: number;
	exactCalls: number;
	exactCallsPerOrder: number;
	/** Calls of the instant stock template while the orders came in (Exact stock webhooks). */
	stockCalls: number;
	stockCallsPerOrder: number;
	/** Stock calls per 10 seconds of the run. */
	stockCallsPer10s: number;
	/** Order path plus stock, per order. */
	totalCallsPerOrder: number;
	ordersPerDayWithin5000: number;
	/** Orders a minute within Exact's 60 calls a minute. */
	ordersPerMinuteWithin60: number;
	/** Orders a minute on this machine, Exact's limits lifted (the sandbox counts, it does not throttle). */
	ordersPerMinuteWallClock: number;
	byEndpoint: Record<string, number>;
}

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

async function salesOrderRefs(stack: Stack): Promise<string[]> {
	const state = await okJson<{ records: Array<{ YourRef?: string }> }>(
		'GET',
		`${stack.exact.baseUrl}/__sandbox/state/salesorder/SalesOrders`,
	);
	return state.records.map((r) => String(r.YourRef ?? '').trim());
}

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

function endpoint(call: ExactCall): string {
	const parts = call.path.split('/').slice(3);
	const entity = (/^\d+$/.test(parts[0] ?? '') ? parts.slice(1) : parts)
		.join('/')
		.replace(/\(.*\)$/, '');
	return `${call.method} ${entity}`;
}

function figures(
	template: string,
	orders: number,
	duplicates: number,
	calls: ExactCall[],
	ms: number,
): TemplateFigures {
	const byEndpoint: Record<string, number> = {};
	for (const call of calls) byEndpoint[endpoint(call)] = (byEndpoint[endpoint(call)] ?? 0) + 1;
	const stockCalls = calls.filter((c) => isStock(endpoint(c))).length;
	const orderCalls = calls.length - stockCalls;
	const perOrder = orderCalls / orders;
	const round = (n: number) => Math.round(n * 100) / 100;
	return {
		template,
		orders,
		duplicateDeliveries: duplicates,
		exactCalls: orderCalls,
		exactCallsPerOrder: round(perOrder),
		stockCalls,
		stockCallsPerOrder: round(stockCalls / orders),
		stockCallsPer10s: round(stockCalls / Math.max(1, ms / 10_000)),
		totalCallsPerOrder: round(calls.length / orders),
		ordersPerDayWithin5000: perOrder > 0 ? Math.floor(DAILY_LIMIT / perOrder) : 0,
		ordersPerMinuteWithin60: perOrder > 0 ? Math.round((60 / perOrder) * 10) / 10 : 0,
		ordersPerMinuteWallClock: Math.round((orders / (ms / 60_000)) * 10) / 10,
		byEndpoint: Object.fromEntries(Object.entries(byEndpoint).sort((a, b) => b[1] - a[1])),
	};
}

function templateId(stack: Stack, file: string): string {
	const found = stack.templates.find((t) => t.file.endsWith(file));
	if (!found) throw new Error(`template ${file} not imported`);
	return found.id;
}

async function webhookRun(stack: Stack): Promise<TemplateFigures> {
	const list = specs(ORDERS, 91001, 31).map(shopifyOrder);
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
	await waitForOrders(
		stack,
		list.map((o) => String(o.name)),
		600_000,
	);
	await waitForIdle(stack);
	// Until n8n went quiet (the idle check waits 3 s): stock reads follow the orders by up to 10 s.
	const ms = Date.now() - t0 - 3000;
	return figures(WEBHOOK, list.length, duplicates.length, await n8nCalls(stack), ms);
}

async function batchRun(stack: Stack): Promise<TemplateFigures> {
	await stack.rest.deactivateWorkflow(templateId(stack, WEBHOOK));
	const batchId = templateId(stack, BATCH);
	await stack.rest.updateWorkflow(batchId, (nodes) => {
		for (const node of nodes) {
			if (String(node.type).endsWith('.shopifyOrders'))
				(node.parameters as Record<string, unknown>).options = { firstRunHours: 0.02 };
		}
	});
	const list = specs(ORDERS, 92001, 32).map(shopifyOrder);
	await clearCalls(stack);
	const t0 = Date.now();
	await stack.rest.activateWorkflow(batchId);
	await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/orders`, { orders: list, topics: [] });
	await waitForOrders(
		stack,
		list.map((o) => String(o.name)),
		300_000,
	);
	await waitForIdle(stack);
	// Until n8n went quiet (the idle check waits 3 s): stock reads follow the orders by up to 10 s.
	const ms = Date.now() - t0 - 3000;
	await stack.rest.deactivateWorkflow(batchId);
	return figures(BATCH, list.length, 0, await n8nCalls(stack), ms);
}

function table(rows: TemplateFigures[]): string[] {
	const endpoints = [...new Set(rows.flatMap((r) => Object.keys(r.byEndpoint)))].sort();
	const head = ['Figure', ...rows.map((r) => r.template)];
	const lines = [
		`| ${head.join(' | ')} |`,
		`| ${head.map(() => '---').join(' | ')} |`,
		`| Orders (duplicate deliveries) | ${rows.map((r) => `${r.orders} (${r.duplicateDeliveries})`).join(' | ')} |`,
		`| Exact calls per order (order path) | ${rows.map((r) => r.exactCallsPerOrder).join(' | ')} |`,
		`| Stock calls per order (instant stock template) | ${rows.map((r) => r.stockCallsPerOrder).join(' | ')} |`,
		`| Stock calls per 10 s | ${rows.map((r) => r.stockCallsPer10s).join(' | ')} |`,
		`| Exact calls per order, in total | ${rows.map((r) => r.totalCallsPerOrder).join(' | ')} |`,
		`| Orders a day within 5,000 calls | ${rows.map((r) => r.ordersPerDayWithin5000.toLocaleString('en-US')).join(' | ')} |`,
		`| Orders a minute within 60 calls | ${rows.map((r) => r.ordersPerMinuteWithin60).join(' | ')} |`,
	];
	for (const e of endpoints)
		lines.push(
			`| ${e} | ${rows.map((r) => ((r.byEndpoint[e] ?? 0) / r.orders).toFixed(2)).join(' | ')} |`,
		);
	return lines;
}

async function main(): Promise<void> {
	say(`Starting the e2e stack (real n8n, packed package) for ${ORDERS} orders per template…`);
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
		say('Batch template: orders without webhooks, read by its every-minute runs…');
		const batch = await batchRun(stack);
		say(`  ${batch.exactCallsPerOrder} Exact calls per order`);
		const rows = [webhook, batch];
		process.stdout.write(`\n${table(rows).join('\n')}\n\n`);
		const result = {
			bench: 'n8n',
			n8n: runtimeFromEnv().version,
			ordersPerTemplate: ORDERS,
			burst: BURST,
			templates: Object.fromEntries(rows.map((r) => [r.template, r])),
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
