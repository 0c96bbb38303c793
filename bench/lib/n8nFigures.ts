/**
 * The pure part of `npm run bench:n8n`: tallying the Exact sandbox's call log into figures per
 * flow, the duplicates a flow left behind, the ratios of each template to the hand-built baseline,
 * and the Markdown table. No I/O here, so it is unit tested (test/bench/n8nFigures.test.ts).
 */

export const DAILY_LIMIT = 5_000;

export interface ExactCall {
	method: string;
	path: string;
	clientId?: string;
	status: number;
}

export interface FlowFigures {
	/** The template file, or the baseline's name. */
	flow: string;
	orders: number;
	duplicateDeliveries: number;
	/** Orders of the run found in Exact afterwards (each YourRef counted once). */
	imported: number;
	/** Sales orders in Exact beyond the first for one of the run's YourRefs. */
	duplicatesCreated: number;
	/** Executions of the flow that ended in an error. */
	failedExecutions: number;
	/** Orders of the run whose Exact total (incl. VAT) differs from Shopify's total_price by a cent or more. */
	totalsOff: number;
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
	/**
	 * After the measured run (its calls not counted above): more orders each delivered twice at the
	 * same moment, and the sales orders created twice. Webhook flows only.
	 */
	copiesAtOnce?: { orders: number; duplicatesCreated: number };
}

/** Template ÷ baseline: below 1 means the template needs fewer calls (or fits fewer orders). */
export interface Ratios {
	exactCallsPerOrder: number;
	totalCallsPerOrder: number;
	ordersPerDayWithin5000: number;
}

/** Endpoints of the stock push (the instant stock template), reported apart from the order path. */
export const isStock = (endpoint: string) =>
	/StockPositions|ItemWarehouses|Inventory/.test(endpoint);

const round2 = (n: number) => Math.round(n * 100) / 100;

/** `GET salesorder/SalesOrders` for `/api/v1/{division}/salesorder/SalesOrders(guid'…')`. */
export function endpoint(call: Pick<ExactCall, 'method' | 'path'>): string {
	const parts = call.path.split('?')[0].split('/').slice(3);
	const entity = (/^\d+$/.test(parts[0] ?? '') ? parts.slice(1) : parts)
		.join('/')
		.replace(/\(.*\)$/, '');
	return `${call.method} ${entity}`;
}

/** Sales orders beyond the first per YourRef, counted over the given refs only. */
export function duplicatesCreated(exactRefs: string[], runRefs: string[]): number {
	const wanted = new Set(runRefs);
	const seen = new Map<string, number>();
	for (const ref of exactRefs) if (wanted.has(ref)) seen.set(ref, (seen.get(ref) ?? 0) + 1);
	return [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
}

/** Orders of the run in Exact whose total differs from Shopify's (each Exact copy counted). */
export function totalsOff(
	exactOrders: Array<{ ref: string; amount: number }>,
	shopifyTotals: Record<string, number>,
): number {
	return exactOrders.filter(
		(o) =>
			o.ref in shopifyTotals &&
			Math.round(o.amount * 100) !== Math.round(shopifyTotals[o.ref] * 100),
	).length;
}

/** How many of the run's refs are in Exact at least once. */
export function importedCount(exactRefs: string[], runRefs: string[]): number {
	const present = new Set(exactRefs);
	return runRefs.filter((r) => present.has(r)).length;
}

export interface RunOutcome {
	flow: string;
	orders: number;
	duplicateDeliveries: number;
	calls: ExactCall[];
	ms: number;
	/** Every sales order in Exact after the run: YourRef and total incl. VAT (AmountFC). */
	exactOrders: Array<{ ref: string; amount: number }>;
	/** Shopify's total_price of each of the run's orders, by name (the YourRef). */
	shopifyTotals: Record<string, number>;
	failedExecutions: number;
}

export function figures(run: RunOutcome): FlowFigures {
	const byEndpoint: Record<string, number> = {};
	for (const call of run.calls) byEndpoint[endpoint(call)] = (byEndpoint[endpoint(call)] ?? 0) + 1;
	const stockCalls = run.calls.filter((c) => isStock(endpoint(c))).length;
	const orderCalls = run.calls.length - stockCalls;
	const perOrder = orderCalls / run.orders;
	const exactRefs = run.exactOrders.map((o) => o.ref);
	const runRefs = Object.keys(run.shopifyTotals);
	return {
		flow: run.flow,
		orders: run.orders,
		duplicateDeliveries: run.duplicateDeliveries,
		imported: importedCount(exactRefs, runRefs),
		duplicatesCreated: duplicatesCreated(exactRefs, runRefs),
		failedExecutions: run.failedExecutions,
		totalsOff: totalsOff(run.exactOrders, run.shopifyTotals),
		exactCalls: orderCalls,
		exactCallsPerOrder: round2(perOrder),
		stockCalls,
		stockCallsPerOrder: round2(stockCalls / run.orders),
		stockCallsPer10s: round2(stockCalls / Math.max(1, run.ms / 10_000)),
		totalCallsPerOrder: round2(run.calls.length / run.orders),
		ordersPerDayWithin5000: perOrder > 0 ? Math.floor(DAILY_LIMIT / perOrder) : 0,
		ordersPerMinuteWithin60: perOrder > 0 ? Math.round((60 / perOrder) * 10) / 10 : 0,
		ordersPerMinuteWallClock: Math.round((run.orders / (run.ms / 60_000)) * 10) / 10,
		byEndpoint: Object.fromEntries(Object.entries(byEndpoint).sort((a, b) => b[1] - a[1])),
	};
}

/** Ratios from the unrounded call counts, so a ratio does not inherit the figures' rounding. */
export function ratios(template: FlowFigures, baseline: FlowFigures): Ratios {
	const perOrder = (f: FlowFigures) => f.exactCalls / f.orders;
	const total = (f: FlowFigures) => (f.exactCalls + f.stockCalls) / f.orders;
	const divide = (a: number, b: number) => (b > 0 ? round2(a / b) : 0);
	return {
		exactCallsPerOrder: divide(perOrder(template), perOrder(baseline)),
		totalCallsPerOrder: divide(total(template), total(baseline)),
		ordersPerDayWithin5000: divide(
			template.ordersPerDayWithin5000,
			baseline.ordersPerDayWithin5000,
		),
	};
}

/** The run's table: one column per flow, then one row per endpoint (calls per order). */
export function table(rows: FlowFigures[], baseline?: FlowFigures): string[] {
	const endpoints = [...new Set(rows.flatMap((r) => Object.keys(r.byEndpoint)))].sort();
	const head = ['Figure', ...rows.map((r) => r.flow)];
	const row = (label: string, cell: (r: FlowFigures) => string | number) =>
		`| ${label} | ${rows.map((r) => String(cell(r))).join(' | ')} |`;
	const ratio = (r: FlowFigures, key: keyof Ratios) =>
		!baseline || r === baseline ? '–' : `${ratios(r, baseline)[key]}×`;
	const lines = [
		`| ${head.join(' | ')} |`,
		`| ${head.map(() => '---').join(' | ')} |`,
		row('Orders (duplicate deliveries)', (r) => `${r.orders} (${r.duplicateDeliveries})`),
		row('Imported / duplicates created / failed executions', (r) =>
			[r.imported, r.duplicatesCreated, r.failedExecutions].join(' / '),
		),
		row("Exact totals off Shopify's by a cent or more", (r) => r.totalsOff),
		row('Orders delivered twice at the same moment: duplicates created', (r) =>
			r.copiesAtOnce ? `${r.copiesAtOnce.duplicatesCreated} of ${r.copiesAtOnce.orders}` : '–',
		),
		row('Exact calls per order (order path)', (r) => r.exactCallsPerOrder),
		row('Stock calls per order (instant stock template)', (r) => r.stockCallsPerOrder),
		row('Stock calls per 10 s', (r) => r.stockCallsPer10s),
		row('Exact calls per order, in total', (r) => r.totalCallsPerOrder),
		row('Orders a day within 5,000 calls', (r) => r.ordersPerDayWithin5000.toLocaleString('en-US')),
		row('Orders a minute within 60 calls', (r) => r.ordersPerMinuteWithin60),
	];
	if (baseline) {
		lines.push(
			row('Calls per order ÷ baseline (order path)', (r) => ratio(r, 'exactCallsPerOrder')),
		);
		lines.push(row('Calls per order ÷ baseline (in total)', (r) => ratio(r, 'totalCallsPerOrder')));
		lines.push(row('Orders a day ÷ baseline', (r) => ratio(r, 'ordersPerDayWithin5000')));
	}
	for (const e of endpoints)
		lines.push(row(e, (r) => ((r.byEndpoint[e] ?? 0) / r.orders).toFixed(2)));
	return lines;
}
