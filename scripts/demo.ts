/**
 * `npm run demo`: the whole product on this machine. Installs the pinned n8n when it is missing,
 * starts the Exact Online and Shopify sandboxes and n8n with this package and the template workflows,
 * then plays a small webshop day: a product update, a batch of Shopify orders (domestic, OSS, ICP,
 * export, discounts, shipping), a fulfilment and a cancellation of two of them, and a stock change
 * in Exact. Prints what landed where and leaves n8n
 * running so the executions can be opened, until Ctrl+C.
 *
 * `npm run demo -- --once`: the same, then stops and exits with the report; non-zero if anything
 * failed. Its last line is the report as one JSON object.
 */
import { runtimeFromEnv } from './lib/n8n';
import { okJson, requestJson } from './lib/http';
import { buildOrders, SampleOrder } from './lib/orders';
import { buildReport, DemoReport, formatReport } from './lib/report';
import { Stack, startStack } from './lib/stack';

const ORDER_COUNT = Number(process.env.DEMO_ORDERS ?? 20);
const FIRST_ORDER_NUMBER = 5001;
/** A product of the sandbox shop; its variants TOTE-NAT and TOTE-BLK become Exact items. */
const DEMO_PRODUCT_ID = '7001';
const STOCK_SKU = 'TOTE-NAT';

const once = process.argv.includes('--once');
const started = Date.now();
const say = (line: string) => process.stdout.write(`[demo ${String(Math.round((Date.now() - started) / 1000)).padStart(3)}s] ${line}\n`);

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what} after ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/** Shopify sends products/update for the demo product, as after a price change in the admin. */
async function updateProduct(stack: Stack): Promise<string[]> {
	const url = `${stack.shopify.baseUrl}/admin/api/2026-01/products/${DEMO_PRODUCT_ID}.json`;
	const res = await requestJson<{ product: Record<string, unknown> }>('GET', url, undefined, {
		'X-Shopify-Access-Token': stack.shopify.accessToken,
	});
	const product = res.body.product;
	const variants = product.variants as Array<Record<string, unknown>>;
	await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/webhooks/deliver`, {
		topic: 'products/update',
		payloads: [{ ...product, title: `${String(product.title)} (new season)` }],
	});
	return variants.map((v) => String(v.sku));
}

function templateId(stack: Stack, file: string): string {
	const template = stack.templates.find((t) => t.file.endsWith(file));
	if (!template) throw new Error(`template ${file} is missing`);
	return template.id;
}

async function executionsOf(stack: Stack, workflowId: string) {
	const all = await stack.rest.executions(workflowId);
	return all.filter((e) => !['running', 'new', 'waiting'].includes(e.status));
}

async function salesOrdersIn(stack: Stack, names: Set<string>): Promise<number> {
	const state = await okJson<{ records: Array<{ YourRef?: string }> }>(
		'GET',
		`${stack.exact.baseUrl}/__sandbox/state/salesorder/SalesOrders`,
	);
	return state.records.filter((r) => names.has(String(r.YourRef))).length;
}

async function placeOrders(stack: Stack, orders: SampleOrder[], workflowId: string): Promise<void> {
	const before = (await executionsOf(stack, workflowId)).length;
	await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/orders`, {
		orders: orders.map((o) => o.order),
		topics: ['orders/create'],
		concurrent: 2,
	});
	say(`Shopify sent ${orders.length} orders/create webhooks; n8n is importing them…`);
	const names = new Set(orders.map((o) => o.name));
	let lastNote = Date.now();
	await until(
		'the orders to be processed',
		async () => {
			if (Date.now() - lastNote > 20_000) {
				lastNote = Date.now();
				const usage = await okJson<Record<string, { minute: number; day: number }>>(
					'GET',
					`${stack.exact.baseUrl}/__sandbox/rate`,
				);
				const minute = Math.max(0, ...Object.values(usage).map((u) => u.minute));
				say(`  ${await salesOrdersIn(stack, names)}/${orders.length} sales orders in Exact; ${minute} of the 60 Exact ` +
					'calls allowed this minute used (the nodes wait for the next minute when they run out)');
			}
			return (await executionsOf(stack, workflowId)).length >= before + orders.length ? true : undefined;
		},
		15 * 60_000,
	);
}

type Json = Record<string, any>;

/**
 * The first order is shipped (Shopify sends fulfillments/create with its product lines) and the
 * second is cancelled (orders/cancelled); waits until Exact shows the delivery and the removal.
 */
async function fulfilAndCancel(stack: Stack, orders: SampleOrder[]): Promise<{ fulfilled: string; cancelled: string }> {
	const stored = (await okJson<{ orders: Json[] }>('GET', `${stack.shopify.baseUrl}/__sandbox/orders`)).orders;
	const [shipped, dropped] = orders.slice(0, 2).map((o) => stored.find((s) => s.name === o.name) as Json);
	const fulfillment = {
		id: 990_000_001,
		admin_graphql_api_id: 'gid://shopify/Fulfillment/990000001',
		order_id: shipped.id,
		name: `${shipped.name}.1`,
		status: 'success',
		created_at: new Date().toISOString(),
		location_id: 1001,
		tracking_company: 'PostNL',
		tracking_number: '3SDEMO990000001',
		tracking_numbers: ['3SDEMO990000001'],
		line_items: (shipped.line_items as Json[]).filter((l) => l.requires_shipping !== false),
	};
	await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/webhooks/deliver`, { topic: 'fulfillments/create', payloads: [fulfillment] });
	await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/webhooks/deliver`, {
		topic: 'orders/cancelled',
		payloads: [{ ...dropped, cancelled_at: new Date().toISOString(), cancel_reason: 'customer' }],
	});
	say(`Shopify sent fulfillments/create for ${shipped.name} and orders/cancelled for ${dropped.name}…`);
	await until('the goods delivery and the cancellation in Exact', async () => {
		const state = async (set: string) =>
			(await okJson<{ records: Json[] }>('GET', `${stack.exact.baseUrl}/__sandbox/state/${set}`)).records;
		const delivered = (await state('salesorder/GoodsDeliveries')).some((d) => String(d.Description).endsWith(` of ${shipped.name}`));
		const gone = !(await state('salesorder/SalesOrders')).some((o) => o.YourRef === dropped.name);
		return delivered && gone ? true : undefined;
	}, 180_000);
	return { fulfilled: shipped.name, cancelled: dropped.name };
}

/** A stock count in Exact's main warehouse; the instant workflow brings it to Shopify. */
async function changeStock(stack: Stack): Promise<number> {
	const quantity = 37;
	await okJson('POST', `${stack.exact.baseUrl}/__sandbox/stock`, { itemCode: STOCK_SKU, warehouse: '1', quantity });
	const changedAt = Date.now();
	say(`Stock of ${STOCK_SKU} set to ${quantity} in Exact (warehouse 1); waiting for Shopify…`);
	await until(
		`${STOCK_SKU} to show ${quantity} in Shopify`,
		async () => {
			const inv = await okJson<{ bySku: Record<string, Record<string, number>> }>(
				'GET',
				`${stack.shopify.baseUrl}/__sandbox/inventory?sku=${STOCK_SKU}`,
			);
			return inv.bySku[STOCK_SKU]?.['1001'] === quantity ? true : undefined;
		},
		120_000,
	);
	return Date.now() - changedAt;
}

function verdict(report: DemoReport): string[] {
	const problems: string[] = [];
	const expected = report.orders - report.cancelled;
	if (report.salesOrders !== expected) problems.push(`${expected - report.salesOrders} orders did not become sales orders`);
	if (report.deliveries < 1) problems.push('the fulfilment did not become a goods delivery');
	if (report.failed > 0) problems.push(`${report.failed} executions failed`);
	if (report.stockUpdates < 1) problems.push('no stock update reached Shopify');
	return problems;
}

async function main(): Promise<void> {
	say('Starting the Exact Online sandbox, the Shopify sandbox and n8n with this package…');
	const stack = await startStack({ runtime: runtimeFromEnv(), log: say, pickDivision: true });
	let exitCode = 0;
	try {
		say(`n8n is ready at ${stack.n8n.url}: templates imported, division ${stack.exact.division} picked in each Exact node, active`);
		const skus = await updateProduct(stack);
		say(`Shopify sent products/update for product ${DEMO_PRODUCT_ID} (${skus.join(', ')})`);
		await until('the product items in Exact', async () => {
			const items = await okJson<{ records: Array<{ Code: string }> }>('GET', `${stack.exact.baseUrl}/__sandbox/state/logistics/Items`);
			return skus.every((s) => items.records.some((i) => String(i.Code).trim() === s)) ? true : undefined;
		}, 120_000);
		const orders = buildOrders(ORDER_COUNT, FIRST_ORDER_NUMBER);
		await placeOrders(stack, orders, templateId(stack, 'shopify-orders-to-exact.json'));
		const lifecycle = await fulfilAndCancel(stack, orders);
		say(`Goods delivery of ${lifecycle.fulfilled} posted in Exact; ${lifecycle.cancelled} removed from Exact`);
		const stockMs = await changeStock(stack);
		say(`Stock reached Shopify ${(stockMs / 1000).toFixed(1)} s after the change in Exact`);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		const report = await buildReport({
			exactUrl: stack.exact.baseUrl,
			shopifyUrl: stack.shopify.baseUrl,
			rest: stack.rest,
			orderNames: orders.map((o) => o.name),
			cancelledNames: [lifecycle.cancelled],
			productSkus: skus,
			startedAt: started,
		});
		const problems = verdict(report);
		process.stdout.write(`\n${formatReport(report).join('\n')}\n`);
		process.stdout.write(problems.length ? `\nNOT OK: ${problems.join('; ')}\n` : '\nAll orders imported, stock in sync.\n');
		exitCode = problems.length ? 1 : 0;
		if (!once) {
			process.stdout.write(
				`\nn8n keeps running: open ${stack.n8n.url} and log in as ${stack.owner.email} / ${stack.owner.password}` +
					'\n(Overview → Executions shows every order; Overview → Data tables the failures). Ctrl+C stops everything.\n',
			);
			await new Promise<void>((resolve) => {
				process.once('SIGINT', resolve);
				process.once('SIGTERM', resolve);
			});
			process.stdout.write('\nStopping…\n');
		}
		await stack.stop();
		process.stdout.write(`${JSON.stringify({ ok: exitCode === 0, ...report })}\n`);
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n--- n8n output ---\n${stack.n8n.output().slice(-3000)}\n`);
		await stack.stop();
		throw error;
	}
	process.exit(exitCode);
}

main().catch((error: Error) => {
	process.stderr.write(`Demo failed: ${error.message}\n`);
	process.stdout.write(`${JSON.stringify({ ok: false, error: error.message, orders: 0, salesOrders: 0, deliveries: 0, invoices: 0, failed: 1, stockUpdates: 0, exactCalls: 0 })}\n`);
	process.exit(1);
});
