/** The fixed scenarios of `npm run bench` (issue 8), and a tiny variant for the smoke test. */
import type { CpuConfig } from './scenarios/cpu';
import type { OrdersScenarioConfig } from './scenarios/orders';
import type { StockConfig } from './scenarios/stock';
import type { ThroughputConfig } from './scenarios/throughput';

export interface BenchConfig {
	steadyState: OrdersScenarioConfig;
	newShop: OrdersScenarioConfig;
	stock: StockConfig;
	throughput: ThroughputConfig;
	cpu: CpuConfig;
}

export const BENCH_CONFIG: BenchConfig = {
	steadyState: {
		seed: 101,
		orders: 500,
		knownCustomers: 300,
		knownSkus: 200,
		newCustomerShare: 0,
		newSkus: 0,
		batchSize: 25,
	},
	newShop: {
		seed: 202,
		orders: 500,
		knownCustomers: 300,
		knownSkus: 200,
		newCustomerShare: 0.3,
		newSkus: 50,
		batchSize: 25,
	},
	stock: { seed: 303, items: 2500, rounds: 10, changeShare: 0.01 },
	throughput: {
		seed: 404,
		orders: 300,
		knownCustomers: 300,
		knownSkus: 200,
		newCustomerShare: 0,
		newSkus: 0,
		rateWindowMs: 2000,
		minutelyLimit: 60,
		batchSize: 25,
		neighbourCallsPerWindow: 20,
	},
	cpu: { seed: 505, orders: 10_000 },
};

/** A few orders and positions: proves the machinery, in seconds. */
export const TINY_CONFIG: BenchConfig = {
	steadyState: {
		...BENCH_CONFIG.steadyState,
		orders: 5,
		knownCustomers: 5,
		knownSkus: 10,
		batchSize: 5,
	},
	newShop: {
		...BENCH_CONFIG.newShop,
		orders: 5,
		knownCustomers: 5,
		knownSkus: 10,
		newSkus: 2,
		batchSize: 5,
	},
	stock: { seed: 303, items: 20, rounds: 2, changeShare: 0.1 },
	throughput: {
		...BENCH_CONFIG.throughput,
		orders: 5,
		knownCustomers: 5,
		knownSkus: 10,
		batchSize: 5,
		rateWindowMs: 500,
		neighbourCallsPerWindow: 2,
	},
	cpu: { seed: 505, orders: 50 },
};
