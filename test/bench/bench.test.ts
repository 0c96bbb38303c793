/**
 * Smoke test of the bench library on a tiny configuration (5 orders, 40 stock positions): the
 * results have the shape bench/run.ts prints, every flow completed its orders, and the call counts
 * read from the sandboxes' logs are positive integers. No timing is asserted.
 */
import { TINY_CONFIG } from '../../bench/lib/config';
import { runBench } from '../../bench/lib/index';
import type { BenchResults } from '../../bench/lib/index';
import { printableReport, resultTable } from '../../bench/lib/report';

jest.setTimeout(240_000);

const isPositiveInteger = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0;

describe('bench library on a tiny scenario', () => {
	let results: BenchResults;

	beforeAll(async () => {
		results = await runBench(TINY_CONFIG);
	});

	it('returns all five scenarios, the targets and the baseline package, and survives a JSON round trip', () => {
		expect(Object.keys(results.scenarios).sort()).toEqual([
			'cpu',
			'newShop',
			'steadyState',
			'stock',
			'throughput',
		]);
		expect(results.baseline.package).toBe('n8n-nodes-exact-online@0.2.5');
		expect(results.targets.length).toBeGreaterThan(0);
		for (const target of results.targets) expect(typeof target.met).toBe('boolean');
		expect(JSON.parse(JSON.stringify(results))).toEqual(results);
	});

	it('counts the Exact calls of every order run as positive integers and completes every order', () => {
		for (const scenario of [results.scenarios.steadyState, results.scenarios.newShop]) {
			for (const run of [
				scenario.ours.oneOrderPerExecution,
				scenario.ours.batchPerExecution,
				scenario.ours.batchWithAfterCreateCheck,
				scenario.baseline,
			]) {
				expect(isPositiveInteger(run.exactCalls)).toBe(true);
				expect(run.failed).toBe(0);
				expect(run.completed).toBe(run.orders);
				const byEntity = Object.values(run.callsByEntity).reduce((a, b) => a + b, 0);
				expect(byEntity).toBe(run.exactCalls);
			}
		}
	});

	it('counts Exact and Shopify calls of the stock syncs as positive integers and leaves the shop equal to Exact', () => {
		const { stock } = results.scenarios;
		for (const flow of [stock.ours, stock.baseline]) {
			expect(isPositiveInteger(flow.fullSync.exactCalls)).toBe(true);
			expect(isPositiveInteger(flow.fullSync.shopifyCalls)).toBe(true);
			expect(flow.rounds).toHaveLength(TINY_CONFIG.stock.rounds);
			for (const round of flow.rounds) {
				expect(isPositiveInteger(round.exactCalls)).toBe(true);
				expect(isPositiveInteger(round.shopifyCalls)).toBe(true);
			}
			expect(flow.shopifyMatchesExact).toBe(true);
		}
	});

	it('reports the burst runs with their windows, 429s and failures', () => {
		const { throughput } = results.scenarios;
		for (const run of [
			throughput.oneOrderPerExecution,
			throughput.batchPerExecution,
			throughput.batchWithAfterCreateCheck,
			throughput.batchWithNeighbour,
		]) {
			expect(isPositiveInteger(run.exactCalls)).toBe(true);
			expect(isPositiveInteger(run.windows)).toBe(true);
			expect(Number.isInteger(run.status429)).toBe(true);
			expect(run.failed).toBe(0);
		}
		expect(Number.isInteger(throughput.batchWithNeighbour.neighbourCalls)).toBe(true);
	});

	it('measures the CPU scenario over the configured number of orders', () => {
		const { cpu } = results.scenarios;
		expect(cpu.config.orders).toBe(TINY_CONFIG.cpu.orders);
		expect(isPositiveInteger(cpu.lines)).toBe(true);
		expect(cpu.ordersPerSecond).toBeGreaterThan(0);
	});

	it('renders one table row per figure under a header', () => {
		const table = resultTable(results);
		expect(table[0]).toMatch(/^\| # \| Scenario/);
		expect(table.every((line) => line.startsWith('|') && line.endsWith('|'))).toBe(true);
		expect(printableReport(results)).toContain('Targets (issue 8)');
	});
});
