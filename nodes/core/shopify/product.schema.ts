/** Shape of a Shopify product with its variants (REST / products webhook). */
import { flag, money, optionalId, optionalInteger, optionalMoney, text } from './fields';
import { list, object, type Output } from './spec';

export const variantSpec = object({
	id: optionalId,
	admin_graphql_api_id: text,
	product_id: optionalId,
	title: text,
	sku: text,
	barcode: text,
	price: money,
	compare_at_price: optionalMoney,
	taxable: flag,
	requires_shipping: flag,
	inventory_management: text,
	inventory_policy: text,
	inventory_item_id: optionalId,
	grams: optionalInteger,
	position: optionalInteger,
});

export const productSpec = object({
	id: optionalId,
	admin_graphql_api_id: text,
	title: text,
	body_html: text,
	vendor: text,
	product_type: text,
	handle: text,
	status: text,
	tags: text,
	variants: list(variantSpec),
	variant_gids: list(object({ admin_graphql_api_id: text })),
});

export type ShopifyProduct = Output<typeof productSpec>;
export type ShopifyVariant = Output<typeof variantSpec>;

/** zod schemas of the same shapes. */
export const variantSchema = variantSpec.zod;
export const productSchema = productSpec.zod;
