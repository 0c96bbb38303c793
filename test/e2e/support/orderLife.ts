/**
 * Helpers for the order-lifecycle end-to-end tests: place an order in the Shopify sandbox, wait for
 * its import, and read its lines, stock and the free stock Shopify should show from Exact's state.
 */
import { requestJson } from '../../../scripts/lib/http';
import { buildOrders } from '../../../scripts/lib/orders';
import type { SampleOrder } from '../../../scripts/lib/orders';
import { E2E, Row, waitFor, waitForOrFailures } from './context';

type Json = Record<string, any>;

/** NL consumer orders numbered from `first`: 1 × SHOE-TERRA-42, 1 × BOOK-UH-2025, 3 × COF-HUIS-500, shipping. */
export function nlConsumerOrders(first: number): SampleOrder[] {
	return buildOrders(40, first).filter((s) => s.scenario.file.startsWith('nl-b2c-mixed'));
}

/** A fulfillments/create body shipping `parts` ([line index, quantity]) of the order. */
export function fulfillmentBody(
	order: Json,
	id: number,
	seq: number,
	parts: Array<[number, number]>,
): Json {
	return {
		id,
		admin_graphql_api_id: `gid://shopify/Fulfillment/${id}`,
		order_id: order.id,
		name: `${order.name}.${seq}`,
		status: 'success',
		created_at: '2026-11-21T10:00:00+01:00',
		updated_at: '2026-11-21T10:00:00+01:00',
		location_id: 1001,
		service: 'manual',
		tracking_company: 'PostNL',
		tracking_number: `3SE2E${id}`,
		tracking_numbers: [`3SE2E${id}`],
		line_items: parts.map(([i, quantity]) => ({ ...order.line_items[i], quantity })),
	};
}

/** Puts the coffee in the Shopify shop (once), so its free stock is pushed back there. */
export async function sellCoffeeInShopify(e2e: E2E): Promise<void> {
	const { products } = await e2e.shopify.get<{ products: Json[] }>('products');
	if (JSON.stringify(products).includes('COF-HUIS-500')) return;
	await e2e.shopify.post('products', {
		products: [
			{
				id: 7301,
				title: 'Huismelange koffiebonen',
				variants: [
					{
						id: 4301,
						inventoryItemId: 5301,
						sku: 'COF-HUIS-500',
						title: '500 g',
						price: '9.95',
						inventory: { 1001: 0 },
					},
				],
			},
		],
	});
}

export function orderLife(e2e: () => E2E) {
	/** Creates the order in the Shopify sandbox, which sends orders/create to the orders template. */
	async function placeOrder(order: Json): Promise<Json> {
		const { id: _id, admin_graphql_api_id: _gid, ...body } = order;
		const res = await requestJson<{ order: Json }>(
			'POST',
			`${e2e().info.shopifyUrl}/admin/api/2026-01/orders.json`,
			{ order: body },
			{ 'X-Shopify-Access-Token': 'shpat_sandbox_token' },
		);
		expect(res.status).toBe(201);
		return res.body.order;
	}

	async function salesOrder(name: string): Promise<Row | undefined> {
		return (await e2e().exact.state('salesorder/SalesOrders')).find((o) => o.YourRef === name);
	}

	/** Waits for the order's Exact sales order (or fails early with the executions' errors). */
	async function imported(order: Json): Promise<Row> {
		return await waitForOrFailures(
			e2e().rest,
			`sales order ${order.name}`,
			() => salesOrder(order.name),
			180_000,
			1000,
		);
	}

	async function orderLines(orderId: unknown): Promise<Row[]> {
		return (await e2e().exact.state('salesorder/SalesOrderLines'))
			.filter((l) => l.OrderID === orderId)
			.sort((a, b) => Number(a.LineNumber) - Number(b.LineNumber));
	}

	/** CurrentStock and PlanningOut of an item, summed over Exact's warehouses. */
	async function stockOf(itemCode: string): Promise<{ current: number; planned: number }> {
		const rows = (await e2e().exact.state('sync/Inventory/StockPositions')).filter(
			(p) => p.ItemCode === itemCode,
		);
		return {
			current: rows.reduce((sum, p) => sum + Number(p.CurrentStock ?? 0), 0),
			planned: rows.reduce((sum, p) => sum + Number(p.PlanningOut ?? 0), 0),
		};
	}

	/** Exact's free-to-sell of an item in warehouse 1 (location 1001): current − planned − reserved, ≥ 0. */
	async function freeInWarehouse1(itemCode: string): Promise<number> {
		const row = (await e2e().exact.state('sync/Inventory/StockPositions')).find(
			(p) => p.ItemCode === itemCode && String(p.WarehouseCode).trim() === '1',
		);
		if (!row) return 0;
		const free =
			Number(row.CurrentStock ?? 0) - Number(row.PlanningOut ?? 0) - Number(row.ReservedStock ?? 0);
		return Math.max(0, Math.min(free, Number(row.CurrentStock ?? 0)));
	}

	/**
	 * Sets an item's stock in warehouse 1 to `spare` above what open orders plan out of it. Earlier
	 * suites leave orders that plan the same item out; free stock is never pushed below 0, so without
	 * this a freed quantity could stay invisible (0 before and after).
	 */
	async function stockAboveCommitted(itemCode: string, spare: number): Promise<void> {
		const row = (await e2e().exact.state('sync/Inventory/StockPositions')).find(
			(p) => p.ItemCode === itemCode && String(p.WarehouseCode).trim() === '1',
		);
		const committed = Number(row?.PlanningOut ?? 0) + Number(row?.ReservedStock ?? 0);
		await e2e().exact.post('stock', { itemCode, warehouse: '1', quantity: committed + spare });
	}

	/** Waits until Shopify's available quantity at location 1001 is Exact's free stock in warehouse 1. */
	async function shopifyFollows(itemCode: string): Promise<number> {
		let expected = -1;
		await waitFor(
			`${itemCode} in Shopify = Exact's free stock`,
			async () => {
				expected = await freeInWarehouse1(itemCode);
				return (await e2e().shopify.available(itemCode))['1001'] === expected ? true : undefined;
			},
			90_000,
			500,
		);
		return expected;
	}

	return {
		placeOrder,
		salesOrder,
		imported,
		orderLines,
		stockOf,
		stockAboveCommitted,
		freeInWarehouse1,
		shopifyFollows,
	};
}
