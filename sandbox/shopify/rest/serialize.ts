/** REST resource JSON: numeric ids (kept as digit strings, written as bare numbers). */
import type { WebhookSubscription } from '../core';
import { gid, inventoryLevelGid } from '../ids';
import type {
	InventoryItem,
	InventoryLevel,
	Location,
	Product,
	ShopState,
	Variant,
} from '../state';

export function webhookJson(s: WebhookSubscription) {
	return {
		id: s.id,
		address: s.address,
		topic: s.topic,
		created_at: s.createdAt,
		updated_at: s.updatedAt,
		format: s.format,
		fields: s.fields,
		metafield_namespaces: [],
		api_version: s.apiVersion,
		private_metafield_namespaces: [],
	};
}

export function locationJson(l: Location) {
	return {
		id: l.id,
		name: l.name,
		address1: l.address1,
		address2: null,
		city: l.city,
		zip: l.zip,
		province: null,
		country: l.countryCode,
		phone: null,
		created_at: l.createdAt,
		updated_at: l.updatedAt,
		country_code: l.countryCode,
		country_name: l.countryCode === 'NL' ? 'Netherlands' : l.countryCode,
		province_code: null,
		legacy: false,
		active: l.isActive,
		admin_graphql_api_id: gid('Location', l.id),
	};
}

function available(item: InventoryItem): number {
	let sum = 0;
	for (const level of item.levels.values()) sum += level.quantities.available;
	return sum;
}

export function variantJson(state: ShopState, v: Variant) {
	const item = state.itemOfVariant(v);
	return {
		id: v.id,
		product_id: v.productId,
		title: v.title,
		price: v.price,
		sku: v.sku,
		position: v.position,
		inventory_policy: 'deny',
		compare_at_price: null,
		fulfillment_service: 'manual',
		inventory_management: item.tracked ? 'shopify' : null,
		option1: v.title,
		option2: null,
		option3: null,
		created_at: v.createdAt,
		updated_at: v.updatedAt,
		taxable: true,
		barcode: v.barcode,
		grams: 0,
		weight: 0,
		weight_unit: 'kg',
		inventory_item_id: item.id,
		inventory_quantity: available(item),
		old_inventory_quantity: available(item),
		requires_shipping: item.requiresShipping,
		admin_graphql_api_id: gid('ProductVariant', v.id),
	};
}

export function productJson(state: ShopState, p: Product) {
	const variants = p.variantIds
		.map((id) => state.variants.get(id))
		.filter((v): v is Variant => !!v);
	return {
		id: p.id,
		title: p.title,
		body_html: '',
		vendor: p.vendor,
		product_type: p.productType,
		created_at: p.createdAt,
		handle: p.handle,
		updated_at: p.updatedAt,
		published_at: p.createdAt,
		template_suffix: null,
		published_scope: 'web',
		tags: '',
		status: p.status.toLowerCase(),
		admin_graphql_api_id: gid('Product', p.id),
		variants: variants.map((v) => variantJson(state, v)),
		options: [
			{ product_id: p.id, name: 'Title', position: 1, values: variants.map((v) => v.title) },
		],
		images: [],
		image: null,
		has_variants_that_requires_components: variants.some((v) => v.requiresComponents),
	};
}

export function levelJson(item: InventoryItem, level: InventoryLevel) {
	return {
		inventory_item_id: item.id,
		location_id: level.locationId,
		available: item.tracked ? level.quantities.available : null,
		updated_at: level.updatedAt,
		admin_graphql_api_id: inventoryLevelGid(level.locationId, item.id),
	};
}
