/** The results as a Markdown table (stdout and the README's Performance section). */
import type { BenchResults } from './index';

const fmt = (n: number, digits = 2) =>
	Number.isInteger(n)
		? n.toLocaleString('en-US')
		: n.toLocaleString('en-US', { maximumFractionDigits: digits });

const times = (n: number) => `${fmt(n, 1)}×`;

/** # | Scenario | Figure | ours 1/exec | ours batch | ours batch, check off | baseline | ratio */
function row(cells: string[]): string {
	const full = [...cells, ...Array.from({ length: 8 - cells.length }, () => '')];
	return `| ${full.join(' | ')} |`;
}

function orderRows(r: BenchResults): string[] {
	const { steadyState: s1, newShop: s2 } = r.scenarios;
	const scenarios = [
		['1', s1, `Steady state: ${fmt(s1.config.orders)} orders, known customers and items`],
		[
			'2',
			s2,
			`New shop: ${fmt(s2.config.orders)} orders, ${s2.newCustomers} by new customers, ${s2.newSkusOrdered} SKUs not in Exact`,
		],
	] as const;
	return scenarios.map(([n, s, title]) =>
		row([
			n,
			title,
			`Exact calls per order (${fmt(s.linesPerOrder)} lines/order)`,
			fmt(s.ours.oneOrderPerExecution.callsPerOrder),
			fmt(s.ours.batchPerExecution.callsPerOrder),
			fmt(s.ours.batchWithAfterCreateCheck.callsPerOrder),
			fmt(s.baseline.callsPerOrder),
			[s.ratio.oneOrderPerExecution, s.ratio.batchPerExecution, s.ratio.batchWithAfterCreateCheck]
				.map(times)
				.join(' / '),
		]),
	);
}

function stockRows(r: BenchResults): string[] {
	const s3 = r.scenarios.stock;
	const o = s3.ours;
	const b = s3.baseline;
	const round = `Stock round: ${s3.changesPerRound} changes (1%), mean of ${s3.config.rounds}`;
	/** One figure of ours against the baseline's; stock has one "Ours" column. */
	const stockRow = (title: string, figure: string, ours: number, baseline: number, ratio: number) =>
		row(['3', title, figure, fmt(ours), '', '', fmt(baseline), times(ratio)]);
	return [
		stockRow(
			`Stock full sync: ${fmt(s3.positions)} positions`,
			'Exact calls',
			o.fullSync.exactCalls,
			b.fullSync.exactCalls,
			s3.ratio.fullSyncExact,
		),
		stockRow(
			'',
			'Shopify calls',
			o.fullSync.shopifyCalls,
			b.fullSync.shopifyCalls,
			s3.ratio.fullSyncShopify,
		),
		stockRow(
			round,
			'Exact calls per round',
			o.perRound.exactCalls,
			b.perRound.exactCalls,
			s3.ratio.roundExact,
		),
		stockRow(
			'',
			'Shopify calls per round',
			o.perRound.shopifyCalls,
			b.perRound.shopifyCalls,
			s3.ratio.roundShopify,
		),
	];
}

function throughputRows(r: BenchResults): string[] {
	const s4 = r.scenarios.throughput;
	const {
		oneOrderPerExecution: one,
		batchPerExecution: batch,
		batchWithAfterCreateCheck: off,
	} = s4;
	const shared = s4.batchWithNeighbour;
	const window = `${s4.config.minutelyLimit} calls per ${fmt(s4.config.rateWindowMs / 1000)} s window`;
	const neighbour =
		`… while another client of the same app bursts ${s4.config.neighbourCallsPerWindow} calls mid-window ` +
		`(it got ${shared.neighbour429 ?? 0} × 429 of ${shared.neighbourCalls ?? 0})`;
	return [
		row([
			'4',
			`Throughput: ${s4.config.orders}-order burst, ${window}`,
			'Orders per window',
			fmt(one.ordersPerWindow),
			fmt(batch.ordersPerWindow),
			fmt(off.ordersPerWindow),
		]),
		row([
			'4',
			'',
			'429s received / orders failed',
			`${one.status429} / ${one.failed}`,
			`${batch.status429} / ${batch.failed}`,
			`${off.status429} / ${off.failed}`,
		]),
		row([
			'4',
			neighbour,
			'Orders per window; 429s / failed',
			'',
			`${fmt(shared.ordersPerWindow)}; ${shared.status429} / ${shared.failed}`,
		]),
	];
}

export function resultTable(r: BenchResults): string[] {
	const { steadyState: s1, cpu: s5 } = r.scenarios;
	const batch = `${s1.config.batchSize} orders/execution`;
	return [
		row([
			'#',
			'Scenario',
			'Figure',
			'Ours, 1 order/execution',
			`Ours, ${batch}`,
			`Ours, ${batch}, After Create Check on (queue mode)`,
			'Baseline',
			'Baseline ÷ ours',
		]),
		row(['-', '-', '-', '-:', '-:', '-:', '-:', '-:']),
		...orderRows(r),
		...stockRows(r),
		...throughputRows(r),
		row([
			'5',
			`CPU: mapping + VAT of ${fmt(s5.config.orders)} orders`,
			'Orders per second (mapping alone)',
			`${fmt(s5.ordersPerSecond)} (${fmt(s5.mappingOnlyOrdersPerSecond)})`,
		]),
	];
}

export function targetLines(r: BenchResults): string[] {
	return r.targets.map(
		(t) => `- ${t.met ? 'met' : 'NOT met'}: ${t.target} — measured ${t.measured}`,
	);
}

export function printableReport(r: BenchResults): string {
	const out = [
		`Baseline: ${r.baseline.package}. ${r.baseline.how}`,
		'',
		...resultTable(r),
		'',
		'Targets (issue 8), judged on the template settings:',
		...targetLines(r),
		'',
		'Notes:',
		...r.notes.map((note) => `- ${note}`),
		'',
		`Run took ${fmt(r.durationMs / 1000, 1)} s on ${r.environment.cpus} CPUs (${r.environment.cpuModel}), Node ${r.environment.node}.`,
	];
	return out.join('\n');
}
