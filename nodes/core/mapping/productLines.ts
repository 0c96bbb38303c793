/** Shopify line_items → line inputs (product and gift card lines). */
import { sumCents } from '../money';
import { isImpreciseNumber, resolveId } from '../shopify/ids';
import type {
	ShopifyDiscountAllocation,
	ShopifyLineItem,
	ShopifyTaxLine,
} from '../shopify/order.schema';
import type { Amounts } from './amounts';
import { chooseItemCode } from './itemCode';
import type { LineInput, TaxInput } from './line';
import { clean } from './text';
import type { MappingSettings } from './types';

export function readTaxes(lines: ShopifyTaxLine[], path: string, amounts: Amounts): TaxInput[] {
	return lines.map((tax, i) => ({
		rateMicro: tax.rate,
		title: clean(tax.title),
		amountCents: amounts.pick(tax.price_set, tax.price, `${path}.tax_lines[${i}].price`) ?? 0,
		channelLiable: tax.channel_liable === true,
	}));
}

export function readDiscounts(
	allocations: ShopifyDiscountAllocation[],
	path: string,
	amounts: Amounts,
): number {
	return sumCents(
		allocations.map(
			(a, i) =>
				amounts.pick(a.amount_set, a.amount, `${path}.discount_allocations[${i}].amount`) ?? 0,
		),
	);
}

function describe(item: ShopifyLineItem, sku: string | null): string {
	const title = clean(item.title);
	const variant = clean(item.variant_title);
	return (
		clean(item.name) ??
		(title && variant ? `${title} - ${variant}` : title) ??
		sku ??
		(item.gift_card ? 'Gift card' : 'Item')
	);
}

export function productLineInput(
	item: ShopifyLineItem,
	index: number,
	amounts: Amounts,
	settings: MappingSettings,
): LineInput {
	const path = `line_items[${index}]`;
	const sku = clean(item.sku);
	const giftCard = item.gift_card === true;
	const code = chooseItemCode(
		{ sku, variantId: item.variant_id, productId: item.product_id },
		settings,
	);
	const useGiftCardCode = giftCard && settings.giftCardItemCode !== null;
	return {
		kind: giftCard ? 'giftCard' : 'product',
		path,
		itemCode: useGiftCardCode ? settings.giftCardItemCode : code.itemCode,
		itemCodeSource: useGiftCardCode ? 'setting' : code.itemCodeSource,
		sku,
		shopifyLineId: resolveId(item.id, item.admin_graphql_api_id),
		shopifyProductId: item.product_id,
		shopifyVariantId: item.variant_id,
		description: describe(item, sku),
		quantity: item.quantity,
		unitCents: amounts.pick(item.price_set, item.price, `${path}.price`) as number,
		discountCents: readDiscounts(item.discount_allocations, path, amounts),
		taxes: readTaxes(item.tax_lines, path, amounts),
		taxable: item.taxable ?? !giftCard,
		requiresShipping: item.requires_shipping ?? !giftCard,
		giftCard,
	};
}

/**
 * Warnings for lines whose item code was made from a product or variant id that arrived as a JSON
 * number beyond 2^53 (its last digits were lost when the body was read). Ids the code is not made
 * from do not matter to the booking and get no warning.
 */
export function impreciseIdWarnings(
	raw: Record<string, unknown>,
	codeSources: ReadonlyArray<string | null>,
): string[] {
	const warnings: string[] = [];
	const items = Array.isArray(raw.line_items) ? raw.line_items : [];
	items.forEach((item: unknown, i: number) => {
		if (!item || typeof item !== 'object') return;
		const key = { productId: 'product_id', variantId: 'variant_id' }[codeSources[i] ?? ''];
		if (key && isImpreciseNumber((item as Record<string, unknown>)[key])) {
			const what = key === 'product_id' ? 'product' : 'variant';
			warnings.push(
				`Line ${i + 1}: Shopify sent the ${what} ID as a number too long to read exactly, and the item code is made from it, so it may name the wrong item; use the SKU as Item Code From`,
			);
		}
	});
	return warnings;
}
