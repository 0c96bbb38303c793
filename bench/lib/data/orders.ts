/**
 * The order sets of the scenarios, fixed by their seed: who orders (known or new customers) and
 * which SKUs (known or not yet in Exact), 1–6 distinct lines, shipping on 80% of the orders.
 */
import type { OrderSpec } from './payload';
import { shopifyOrder } from './payload';
import type { Customer, Random, Sku } from './shop';
import { rng } from '../../../sandbox/shopify/random';
import { catalogue, customers } from './shop';

export interface OrderSetConfig {
	seed: number;
	orders: number;
	/** Customers and SKUs that are in Exact before the run. */
	knownCustomers: number;
	knownSkus: number;
	/** Share of the orders placed by customers not in Exact yet (each new customer orders once). */
	newCustomerShare: number;
	/** SKUs not in Exact yet; each appears in at least one order. */
	newSkus: number;
	firstOrderNumber?: number;
}

export interface OrderSet {
	known: Customer[];
	fresh: Customer[];
	knownSkus: Sku[];
	newSkus: Sku[];
	orders: Array<Record<string, unknown>>;
	specs: OrderSpec[];
}

function pick<T>(random: Random, list: T[]): T {
	return list[Math.floor(random() * list.length)];
}

export function orderSet(config: OrderSetConfig): OrderSet {
	const random = rng(config.seed);
	const known = customers(config.knownCustomers, config.seed);
	const newCount = Math.round(config.orders * config.newCustomerShare);
	const fresh = customers(newCount, config.seed, config.knownCustomers);
	const knownSkus = catalogue(config.knownSkus);
	const newSkus = catalogue(config.newSkus, 'NEW');
	const pool = [...knownSkus, ...newSkus];
	// Which orders are by new customers: a seeded choice of exactly newCount orders.
	const byNew = new Set<number>();
	while (byNew.size < newCount) byNew.add(Math.floor(random() * config.orders));
	// New SKU j is forced into order ⌊j × orders / newSkus⌋, so every one of them is ordered.
	const forced = new Map<number, Sku[]>();
	newSkus.forEach((sku, j) => {
		const at = Math.floor((j * config.orders) / Math.max(1, newSkus.length));
		forced.set(at, [...(forced.get(at) ?? []), sku]);
	});
	let nextNew = 0;
	const first = config.firstOrderNumber ?? 1001;
	const specs: OrderSpec[] = Array.from({ length: config.orders }, (_, i) => {
		const customer = byNew.has(i) ? fresh[nextNew++] : pick(random, known);
		const chosen = new Set<Sku>(forced.get(i) ?? []);
		const lineCount = Math.max(chosen.size, 1 + Math.floor(random() * 6));
		while (chosen.size < lineCount) chosen.add(pick(random, config.newSkus > 0 ? pool : knownSkus));
		return {
			number: first + i,
			customer,
			lines: [...chosen].map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 3) })),
			shippingCents: random() < 0.8 ? 495 : null,
		};
	});
	return { known, fresh, knownSkus, newSkus, specs, orders: specs.map(shopifyOrder) };
}

/** Lines per order (product lines + shipping), for the report. */
export function linesPerOrder(set: OrderSet): number {
	const lines = set.specs.reduce(
		(sum, s) => sum + s.lines.length + (s.shippingCents === null ? 0 : 1),
		0,
	);
	return lines / set.specs.length;
}
