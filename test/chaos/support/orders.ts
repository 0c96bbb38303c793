/** Small synthetic Shopify orders (1–3 lines) for the chaos scenarios, from the flow tests' generator. */
import { catalogue, customers, orderSpecs, shopifyOrder } from '../../nodes/flow/syntheticOrders';

export const CHAOS_ITEMS = catalogue(40);

/** `count` orders named #firstNumber…, by `customerCount` customers, 1–3 lines each. */
export function chaosOrders(
	count: number,
	firstNumber: number,
	seed = 9,
	customerCount = 40,
): Array<Record<string, unknown>> {
	const specs = orderSpecs({
		seed,
		count,
		firstNumber,
		knownCustomers: customers(customerCount, firstNumber),
		newCustomers: [],
		newShare: 0,
		items: CHAOS_ITEMS,
		shippingShare: 0.7,
	});
	return specs.map((spec) =>
		shopifyOrder({ ...spec, lines: spec.lines.slice(0, 1 + (spec.number % 3)) }),
	);
}

export const nameOf = (order: Record<string, unknown>): string => String(order.name);
