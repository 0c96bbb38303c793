/** mapShopifyProduct: a Shopify product payload → one Exact item draft per variant. */
import { resolveId } from '../shopify/ids';
import type { ShopifyProduct, ShopifyVariant } from '../shopify/product.schema';
import { parseShopifyProduct } from '../shopify/validate';
import { Amounts } from './amounts';
import { chooseItemCode } from './itemCode';
import { resolveSettings } from './settings';
import { clean, fit, TEXT_LIMITS } from './text';
import type { ItemDraft, MappingSettings } from './types';

/** Shopify's title of the only variant of a product without options. */
const DEFAULT_VARIANT_TITLE = 'Default Title';

function describe(product: ShopifyProduct, variant: ShopifyVariant): string {
	const title = clean(product.title);
	const variantTitle = clean(variant.title);
	const withVariant = variantTitle && variantTitle !== DEFAULT_VARIANT_TITLE ? variantTitle : null;
	if (title && withVariant) return `${title} - ${withVariant}`;
	return title ?? withVariant ?? clean(variant.sku) ?? 'Item';
}

function variantDraft(
	product: ShopifyProduct,
	productId: string | null,
	variant: ShopifyVariant,
	index: number,
	amounts: Amounts,
	settings: MappingSettings,
): ItemDraft {
	const path = `variants[${index}]`;
	const warnings: string[] = [];
	const sku = clean(variant.sku);
	const variantId = resolveId(variant.id, variant.admin_graphql_api_id);
	const code = chooseItemCode({ sku, variantId, productId }, settings);
	if (!code.itemCode) warnings.push(`${path} has no SKU, variant id or product id: no item code`);
	const text = fit(
		describe(product, variant),
		TEXT_LIMITS.description,
		TEXT_LIMITS.extraDescription,
	);
	if (text.truncated) {
		warnings.push(
			`${path}: description cut to ${TEXT_LIMITS.description} characters (full text in extraDescription)`,
		);
	}
	const compareAt = variant.compare_at_price;
	return {
		itemCode: code.itemCode,
		itemCodeSource: code.itemCodeSource,
		sku,
		barcode: clean(variant.barcode),
		shopifyProductId: productId,
		shopifyVariantId: variantId,
		shopifyInventoryItemId: variant.inventory_item_id,
		description: text.text,
		extraDescription: text.overflow,
		salesPriceCents: amounts.parse(variant.price, `${path}.price`),
		compareAtPriceCents:
			compareAt === null ? null : amounts.parse(compareAt, `${path}.compare_at_price`),
		currency: settings.shopCurrency,
		taxable: variant.taxable ?? true,
		requiresShipping: variant.requires_shipping ?? true,
		isStockItem: clean(variant.inventory_management) === 'shopify',
		weightGrams: variant.grams,
		vendor: clean(product.vendor),
		productType: clean(product.product_type),
		status: clean(product.status),
		warnings,
	};
}

/**
 * Validates a product (webhook/REST shape, or `{ product }`) and maps each variant. Variants that
 * the webhook lists only in `variant_gids` (beyond the first 100) are named in a warning on the
 * first draft; read them through the API.
 */
export function mapShopifyProduct(input: unknown, partial?: Partial<MappingSettings>): ItemDraft[] {
	const settings = resolveSettings(partial);
	const { value: product, label } = parseShopifyProduct(input);
	const amounts = new Amounts(settings.shopCurrency ?? 'EUR', 'Product', label);
	const productId = resolveId(product.id, product.admin_graphql_api_id);
	const drafts = product.variants.map((variant, i) =>
		variantDraft(product, productId, variant, i, amounts, settings),
	);
	const mapped = new Set(drafts.map((draft) => draft.shopifyVariantId));
	const missing = product.variant_gids.filter((gid) => {
		const id = resolveId(null, gid.admin_graphql_api_id);
		return id !== null && !mapped.has(id);
	});
	if (missing.length > 0 && drafts.length > 0) {
		drafts[0].warnings.push(
			`${missing.length} variant(s) are listed only in variant_gids and were not mapped; read them through the API`,
		);
	}
	return drafts;
}
