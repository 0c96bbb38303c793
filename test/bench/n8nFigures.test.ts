/**
 * The tallying of `npm run bench:n8n`: calls by endpoint (the stock push apart), duplicates left in
 * Exact per YourRef, and the template ÷ baseline ratios. No timing is asserted.
 */
import {
	duplicatesCreated,
	endpoint,
	figures,
	importedCount,
	ratios,
	table,
	totalsOff,
} from '../../bench/lib/n8nFigures';
import type { ExactCall, RunOutcome } from '../../bench/lib/n8nFigures';

const call = (method: string, entity: string): ExactCall => ({
	method,
	path: `/api/v1/123456/${entity}`,
	clientId: 'app',
	status: 200,
});

function run(
	flow: string,
	orders: number,
	calls: ExactCall[],
	extra: Partial<RunOutcome> = {},
): RunOutcome {
	return {
		flow,
		orders,
		duplicateDeliveries: 0,
		calls,
		ms: 60_000,
		exactOrders: [],
		shopifyTotals: {},
		failedExecutions: 0,
		...extra,
	};
}

const times = (n: number, c: ExactCall) => Array.from({ length: n }, () => c);

describe('bench:n8n figures', () => {
	it('names an endpoint by method and entity, without division, key or query', () => {
		expect(
			endpoint({
				method: 'GET',
				path: "/api/v1/123456/salesorder/SalesOrders?$filter=YourRef eq '#1'",
			}),
		).toBe('GET salesorder/SalesOrders');
		expect(endpoint({ method: 'PUT', path: "/api/v1/123456/crm/Accounts(guid'abc')" })).toBe(
			'PUT crm/Accounts',
		);
		expect(endpoint({ method: 'GET', path: '/api/v1/current/Me' })).toBe('GET current/Me');
	});

	it('counts the order path per order and the stock reads apart, and the orders a day within 5,000 calls', () => {
		const calls = [
			...times(4, call('GET', 'salesorder/SalesOrders')),
			...times(4, call('POST', 'salesorder/SalesOrders')),
			call('GET', 'sync/Inventory/StockPositions'),
		];
		const f = figures(run('webhook', 4, calls));
		expect(f.exactCalls).toBe(8);
		expect(f.exactCallsPerOrder).toBe(2);
		expect(f.stockCalls).toBe(1);
		expect(f.totalCallsPerOrder).toBe(2.25);
		expect(f.ordersPerDayWithin5000).toBe(2500);
		expect(f.ordersPerMinuteWithin60).toBe(30);
		expect(f.byEndpoint).toEqual({
			'GET salesorder/SalesOrders': 4,
			'POST salesorder/SalesOrders': 4,
			'GET sync/Inventory/StockPositions': 1,
		});
	});

	it('counts a YourRef in Exact twice as one duplicate, and ignores orders outside the run', () => {
		const exactRefs = ['#1', '#2', '#2', '#3', '#3', '#3', '#9', '#9'];
		expect(duplicatesCreated(exactRefs, ['#1', '#2', '#3', '#4'])).toBe(3);
		expect(importedCount(exactRefs, ['#1', '#2', '#3', '#4'])).toBe(3);
		const f = figures(
			run('baseline', 4, [], {
				exactOrders: exactRefs.map((ref) => ({ ref, amount: 10 })),
				shopifyTotals: { '#1': 10, '#2': 10, '#3': 10, '#4': 10 },
			}),
		);
		expect([f.imported, f.duplicatesCreated]).toEqual([3, 3]);
	});

	it('counts every Exact copy of a run order whose total is a cent or more off Shopify', () => {
		const exactOrders = [
			{ ref: '#1', amount: 12.1 },
			{ ref: '#2', amount: 12.11 },
			{ ref: '#2', amount: 12.1 },
			{ ref: '#9', amount: 1 },
		];
		expect(totalsOff(exactOrders, { '#1': 12.1, '#2': 12.1 })).toBe(1);
		expect(totalsOff([{ ref: '#1', amount: 0.1 + 0.2 }], { '#1': 0.3 })).toBe(0);
	});

	it('gives template ÷ baseline ratios from the unrounded counts', () => {
		const template = figures(run('template', 3, times(7, call('POST', 'salesorder/SalesOrders'))));
		const baseline = figures(run('baseline', 3, times(14, call('GET', 'crm/Accounts'))));
		// 7/3 = 2.333… and 14/3 = 4.666…: rounded first they would give 2.33 / 4.67 = 0.4989…
		expect(ratios(template, baseline)).toEqual({
			exactCallsPerOrder: 0.5,
			totalCallsPerOrder: 0.5,
			ordersPerDayWithin5000: 2,
		});
	});

	it('prints one column per flow, the ratios for the templates and a dash for the baseline', () => {
		const template = figures(run('template', 2, times(2, call('POST', 'salesorder/SalesOrders'))));
		const baseline = {
			...figures(run('baseline', 2, times(8, call('GET', 'crm/Accounts')))),
			copiesAtOnce: { orders: 20, duplicatesCreated: 3 },
		};
		const lines = table([template, baseline], baseline);
		expect(lines[0]).toBe('| Figure | template | baseline |');
		expect(lines).toContain('| Calls per order ÷ baseline (order path) | 0.25× | – |');
		expect(lines).toContain('| Orders a day ÷ baseline | 4× | – |');
		expect(lines).toContain('| GET crm/Accounts | 0.00 | 4.00 |');
		expect(lines).toContain(
			'| Orders delivered twice at the same moment: duplicates created | – | 3 of 20 |',
		);
	});
});
