/** Shapes of a Shopify address and customer (REST / webhook). Unknown keys are dropped. */
import { anything, flag, optionalId, text } from './fields';
import { list, nullish, object, type Output } from './spec';

export const addressSpec = object({
	first_name: text,
	last_name: text,
	name: text,
	company: text,
	address1: text,
	address2: text,
	city: text,
	zip: text,
	province: text,
	province_code: text,
	country: text,
	country_code: text,
	phone: text,
});

export type ShopifyAddress = Output<typeof addressSpec>;

export const customerSpec = object({
	id: optionalId,
	admin_graphql_api_id: text,
	email: text,
	first_name: text,
	last_name: text,
	phone: text,
	note: text,
	tags: text,
	state: text,
	currency: text,
	tax_exempt: flag,
	tax_exemptions: list(text),
	default_address: nullish(addressSpec),
	/** As apps attach them: a list of {namespace, key, value} or a nested map. */
	metafields: anything,
});

export type ShopifyCustomer = Output<typeof customerSpec>;

/** zod schemas of the same shapes. */
export const addressSchema = addressSpec.zod;
export const customerSchema = customerSpec.zod;
