/** Shopify refunds/create payloads for the end-to-end and queue tests. */
type Json = Record<string, unknown>;

function money(amount: string, currency: string) {
	return {
		shop_money: { amount, currency_code: currency },
		presentment_money: { amount, currency_code: currency },
	};
}

/** A refund of one unit of the order's first line, shaped like Shopify's refunds/create payload. */
export function refundOfFirstLine(order: Json, refundId: number): Json {
	const line = (order.line_items as Json[])[0];
	const currency = String(order.currency);
	const tax =
		(line.tax_lines as Json[]).reduce((sum, t) => sum + Number(t.price), 0) / Number(line.quantity);
	const subtotal = Number(line.price).toFixed(2);
	return {
		id: refundId,
		order_id: order.id,
		created_at: '2026-11-20T10:00:00+01:00',
		processed_at: '2026-11-20T10:00:00+01:00',
		note: 'Returned by the customer',
		restock: true,
		admin_graphql_api_id: `gid://shopify/Refund/${refundId}`,
		duties: [],
		order_adjustments: [],
		refund_shipping_lines: [],
		refund_line_items: [
			{
				id: refundId + 1,
				line_item_id: line.id,
				quantity: 1,
				restock_type: 'return',
				location_id: null,
				subtotal: Number(subtotal),
				subtotal_set: money(subtotal, currency),
				total_tax: tax,
				total_tax_set: money(tax.toFixed(2), currency),
				line_item: line,
			},
		],
		transactions: [
			{
				id: refundId + 2,
				kind: 'refund',
				status: 'success',
				amount: subtotal,
				currency,
				gateway: 'shopify_payments',
			},
		],
	};
}
