/**
 * Shape of a Shopify refund as the refunds/create webhook and the REST Admin API deliver it. Only
 * the keys the refund mapping reads are declared. Line amounts come from the `*_set` strings
 * (`subtotal_set`, `total_tax_set`); the plain numbers are a fallback only.
 *
 * Order adjustments carry signed amounts from the order's point of view: a shipping refund of 5.00
 * is `amount: "-5.00"`, a refund discrepancy (money kept back) is positive.
 */
import { isDecimal } from '../money';
import { flag, optionalId, optionalMoney, quantity, shopMoneySet, text } from './fields';
import { leaf, list, nullish, object, Problem, type Output } from './spec';

/** A decimal amount that may be negative (order adjustments); null when absent. */
export const signedMoney = leaf((value): string | null | Problem => {
	if (value === null || value === undefined || value === '') return null;
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof text !== 'string' || !isDecimal(text)) return new Problem('is not a decimal amount');
	return text.trim();
});

/** The shop-currency half of a signed `*_set` twin. */
export const signedShopMoneySet = nullish(
	object({ shop_money: nullish(object({ amount: signedMoney })) }),
);

const refundedLineItemSpec = object({
	id: optionalId,
	admin_graphql_api_id: text,
	product_id: optionalId,
	variant_id: optionalId,
	sku: text,
	title: text,
	variant_title: text,
	name: text,
	gift_card: flag,
});

export const refundLineItemSpec = object({
	id: optionalId,
	line_item_id: optionalId,
	quantity,
	restock_type: text,
	location_id: optionalId,
	subtotal: optionalMoney,
	subtotal_set: shopMoneySet,
	total_tax: optionalMoney,
	total_tax_set: shopMoneySet,
	line_item: nullish(refundedLineItemSpec),
});

export const refundShippingLineSpec = object({
	id: optionalId,
	shipping_line_id: optionalId,
	subtotal_amount_set: shopMoneySet,
	tax_amount_set: shopMoneySet,
	shipping_line: nullish(object({ id: optionalId, title: text, code: text })),
});

export const orderAdjustmentSpec = object({
	id: optionalId,
	kind: text,
	reason: text,
	amount: signedMoney,
	amount_set: signedShopMoneySet,
	tax_amount: signedMoney,
	tax_amount_set: signedShopMoneySet,
});

export const refundTransactionSpec = object({
	id: optionalId,
	kind: text,
	status: text,
	amount: optionalMoney,
	currency: text,
});

export const refundSpec = object({
	id: optionalId,
	admin_graphql_api_id: text,
	order_id: optionalId,
	created_at: text,
	processed_at: text,
	note: text,
	restock: flag,
	refund_line_items: list(refundLineItemSpec),
	refund_shipping_lines: list(refundShippingLineSpec),
	order_adjustments: list(orderAdjustmentSpec),
	transactions: list(refundTransactionSpec),
});

/** The zod schema of the same shape. */
export const refundSchema = refundSpec.zod;

export type ShopifyRefund = Output<typeof refundSpec>;
export type ShopifyRefundLineItem = Output<typeof refundLineItemSpec>;
export type ShopifyRefundShippingLine = Output<typeof refundShippingLineSpec>;
export type ShopifyOrderAdjustment = Output<typeof orderAdjustmentSpec>;
