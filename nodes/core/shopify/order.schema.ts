/**
 * Shape of a Shopify order as webhooks and the REST Admin API deliver it. Only the keys the
 * mapping reads are declared (unknown keys are dropped; so are order-level tax_lines and
 * discount_applications: the lines' own tax_lines and discount_allocations are the truth). Amounts stay decimal strings here; the
 * mapping converts them with the order currency's exponent.
 *
 * Strict: line price and quantity, tax and discount amounts, currency, total_price, line_items.
 * Tolerant: everything that may be null or absent in real shops (customer, addresses, company,
 * sets, tax lines, shipping lines).
 */
import { addressSpec, customerSpec } from './customer.schema';
import {
	currency,
	flag,
	money,
	moneySet,
	optionalCurrency,
	optionalId,
	optionalInteger,
	optionalMoney,
	quantity,
	rate,
	shopMoneySet,
	text,
} from './fields';
import { list, nullish, object, requiredList, type Output } from './spec';

export const taxLineSpec = object({
	title: text,
	rate,
	price: money,
	price_set: shopMoneySet,
	channel_liable: flag,
});

export const discountAllocationSpec = object({
	amount: money,
	amount_set: shopMoneySet,
	discount_application_index: optionalInteger,
});

const dutySpec = object({
	id: optionalId,
	harmonized_system_code: text,
	country_code_of_origin: text,
	price_set: shopMoneySet,
	shop_money: nullish(object({ amount: optionalMoney })),
	tax_lines: list(taxLineSpec),
});

export const lineItemSpec = object({
	id: optionalId,
	admin_graphql_api_id: text,
	product_id: optionalId,
	variant_id: optionalId,
	sku: text,
	title: text,
	variant_title: text,
	name: text,
	quantity,
	/** Quantity after order edits and refunds (absent in older payloads). */
	current_quantity: optionalInteger,
	price: money,
	price_set: shopMoneySet,
	taxable: flag,
	gift_card: flag,
	requires_shipping: flag,
	tax_lines: list(taxLineSpec),
	discount_allocations: list(discountAllocationSpec),
	duties: list(dutySpec),
});

export const shippingLineSpec = object({
	id: optionalId,
	title: text,
	code: text,
	price: money,
	price_set: shopMoneySet,
	discounted_price: optionalMoney,
	discounted_price_set: shopMoneySet,
	is_removed: flag,
	tax_lines: list(taxLineSpec),
	discount_allocations: list(discountAllocationSpec),
});

const noteAttributeSpec = object({ name: text, value: text });

/** What a node may attach after reading GraphQL `companyLocation(id) { taxSettings { … } }`. */
const companyLocationSpec = object({
	taxSettings: nullish(
		object({ taxRegistrationId: text, taxExempt: flag, taxExemptions: list(text) }),
	),
});

export const orderSpec = object({
	id: optionalId,
	admin_graphql_api_id: text,
	name: text,
	number: optionalInteger,
	order_number: optionalInteger,
	email: text,
	contact_email: text,
	phone: text,
	currency,
	presentment_currency: optionalCurrency,
	customer_locale: text,
	taxes_included: flag,
	tax_exempt: flag,
	test: flag,
	processed_at: text,
	created_at: text,
	cancelled_at: text,
	cancel_reason: text,
	financial_status: text,
	fulfillment_status: text,
	source_name: text,
	tags: text,
	note: text,
	po_number: text,
	gateway: text,
	payment_gateway_names: list(text),
	total_price: money,
	total_price_set: moneySet,
	total_tax: optionalMoney,
	total_tax_set: shopMoneySet,
	total_discounts: optionalMoney,
	total_discounts_set: shopMoneySet,
	total_tip_received: optionalMoney,
	original_total_duties_set: shopMoneySet,
	note_attributes: list(noteAttributeSpec),
	line_items: requiredList(lineItemSpec),
	/** Only which lines and how many were refunded: the credit notes book the rest. */
	refunds: list(
		object({
			refund_line_items: list(object({ line_item_id: optionalId, quantity: optionalInteger })),
		}),
	),
	shipping_lines: list(shippingLineSpec),
	customer: nullish(customerSpec),
	billing_address: nullish(addressSpec),
	shipping_address: nullish(addressSpec),
	company: nullish(object({ id: optionalId, location_id: optionalId })),
	company_location_tax_id: text,
	companyLocation: nullish(companyLocationSpec),
});

/** The zod schema of the same shape. */
export const orderSchema = orderSpec.zod;

export type ShopifyOrder = Output<typeof orderSpec>;
export type ShopifyLineItem = Output<typeof lineItemSpec>;
export type ShopifyShippingLine = Output<typeof shippingLineSpec>;
export type ShopifyTaxLine = Output<typeof taxLineSpec>;
export type ShopifyDiscountAllocation = Output<typeof discountAllocationSpec>;
