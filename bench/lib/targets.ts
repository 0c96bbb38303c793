/** The targets of issue 8, checked against the measured figures (reported, never asserted). */
import type { CpuResult } from './scenarios/cpu';
import type { OrdersScenarioResult } from './scenarios/orders';
import type { StockResult } from './scenarios/stock';
import type { ThroughputResult } from './scenarios/throughput';

export interface TargetCheck {
	target: string;
	measured: string;
	met: boolean;
}

interface Scenarios {
	steadyState: OrdersScenarioResult;
	newShop: OrdersScenarioResult;
	stock: StockResult;
	throughput: ThroughputResult;
	cpu: CpuResult;
}

export function targetsOf(s: Scenarios): TargetCheck[] {
	const steady = s.steadyState.ours;
	const fresh = s.newShop.ours;
	const stock = s.stock;
	const fullSyncCalls = Math.ceil(stock.positions / 1000);
	const writes = Math.ceil(stock.changesPerRound / 250);
	const t = s.throughput;
	const burst = t.batchPerExecution;
	const per = (run: { callsPerOrder: number; ordersPerExecution: number }) =>
		`${run.callsPerOrder} (${run.ordersPerExecution}/execution)`;
	return [
		{
			target: 'Steady-state orders: <= 2 Exact calls per order',
			measured: `${per(steady.batchPerExecution)}; ${steady.batchWithAfterCreateCheck.callsPerOrder} with After Create Check on (queue mode); ${per(steady.oneOrderPerExecution)}`,
			met: steady.batchPerExecution.callsPerOrder <= 2,
		},
		{
			target: 'New-shop orders: <= 4 Exact calls per order, amortised',
			measured: `${per(fresh.batchPerExecution)}; ${fresh.batchWithAfterCreateCheck.callsPerOrder} with After Create Check on (queue mode); ${per(fresh.oneOrderPerExecution)}`,
			met: fresh.batchPerExecution.callsPerOrder <= 4,
		},
		{
			target: `Stock full sync: ceil(N/1000) = ${fullSyncCalls} Exact calls`,
			measured: `${stock.ours.fullSync.exactCalls}`,
			met: stock.ours.fullSync.exactCalls <= fullSyncCalls,
		},
		{
			target: `Stock round of ${stock.changesPerRound} changes: 1 Exact call, ${writes} Shopify write(s) + SKU resolution`,
			measured: `${stock.ours.perRound.maxExactCalls} Exact (max), ${stock.ours.perRound.shopifyWrites} writes + ${stock.ours.perRound.shopifyCalls - stock.ours.perRound.shopifyWrites} queries (avg)`,
			met: stock.ours.perRound.maxExactCalls <= 1 && stock.ours.perRound.shopifyWrites <= writes,
		},
		{
			target: 'Throughput: >= 29 orders per 60-call window',
			measured: `${burst.ordersPerWindow} (${burst.ordersPerExecution}/execution); ${t.batchWithAfterCreateCheck.ordersPerWindow} with After Create Check on (queue mode); ${t.oneOrderPerExecution.ordersPerWindow} (1/execution)`,
			met: burst.ordersPerWindow >= 29,
		},
		{
			target: 'Throughput: 0 failed orders',
			measured: `${t.oneOrderPerExecution.failed} / ${burst.failed} / ${t.batchWithAfterCreateCheck.failed} / ${t.batchWithNeighbour.failed} (1/execution, batch, batch with check on, batch + neighbour)`,
			met:
				t.oneOrderPerExecution.failed +
					burst.failed +
					t.batchWithAfterCreateCheck.failed +
					t.batchWithNeighbour.failed ===
				0,
		},
		{
			target: 'Throughput: 429s only where another client shares the quota',
			measured: `${t.oneOrderPerExecution.status429} / ${burst.status429} / ${t.batchWithAfterCreateCheck.status429} alone, ${t.batchWithNeighbour.status429} with a neighbour`,
			met:
				t.oneOrderPerExecution.status429 +
					burst.status429 +
					t.batchWithAfterCreateCheck.status429 ===
				0,
		},
	];
}
