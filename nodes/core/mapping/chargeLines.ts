/** Shipping lines, tips and duties → line inputs. */
import type { ShopifyOrder } from '../shopify/order.schema';
import type { Amounts } from './amounts';
import type { LineInput } from './line';
import { readDiscounts, readTaxes } from './productLines';
import { clean } from './text';
import type { MappingSettings } from './types';

function chargeLine(
	kind: 'shipping' | 'tip' | 'duty',
	path: string,
	itemCode: string,
	description: string,
	unitCents: number,
): LineInput {
	return {
		kind,
		path,
		itemCode,
		itemCodeSource: 'setting',
		sku: null,
		shopifyLineId: null,
		shopifyProductId: null,
		shopifyVariantId: null,
		description,
		quantity: 1,
		unitCents,
		discountCents: 0,
		taxes: [],
		taxable: kind === 'shipping',
		requiresShipping: false,
		giftCard: false,
	};
}

/**
 * One line per Shopify shipping line, net of its discounts. The discount is Σ discount_allocations;
 * an older payload without allocations gives it as price − discounted_price. Removed lines
 * (is_removed, an order edit) are left out.
 */
export function shippingLineInputs(
	order: ShopifyOrder,
	amounts: Amounts,
	settings: MappingSettings,
	warnings: string[],
): LineInput[] {
	const inputs: LineInput[] = [];
	order.shipping_lines.forEach((shipping, i) => {
		const path = `shipping_lines[${i}]`;
		const description = clean(shipping.title) ?? clean(shipping.code) ?? 'Shipping';
		if (shipping.is_removed) {
			warnings.push(`${path} "${description}" was removed from the order; not mapped`);
			return;
		}
		const price = amounts.pick(shipping.price_set, shipping.price, `${path}.price`) as number;
		const line = chargeLine('shipping', path, settings.shippingItemCode, description, price);
		line.shopifyLineId = shipping.id;
		line.taxes = readTaxes(shipping.tax_lines, path, amounts);
		line.discountCents = readDiscounts(shipping.discount_allocations, path, amounts);
		if (shipping.discount_allocations.length === 0) {
			const discounted = amounts.pick(
				shipping.discounted_price_set,
				shipping.discounted_price,
				`${path}.discounted_price`,
			);
			if (discounted !== null && discounted < price) line.discountCents = price - discounted;
		}
		inputs.push(line);
	});
	return inputs;
}

/** The tip (total_tip_received) as one untaxed line. */
export function tipLineInput(
	order: ShopifyOrder,
	amounts: Amounts,
	settings: MappingSettings,
): LineInput | null {
	const tip = amounts.pick(undefined, order.total_tip_received, 'total_tip_received') ?? 0;
	return tip > 0 ? chargeLine('tip', 'total_tip_received', settings.tipItemCode, 'Tip', tip) : null;
}

/**
 * Import duties: one line per line-item duty; when the order gives only a total
 * (original_total_duties_set), one line for it.
 */
export function dutyLineInputs(
	order: ShopifyOrder,
	amounts: Amounts,
	settings: MappingSettings,
): LineInput[] {
	const inputs: LineInput[] = [];
	order.line_items.forEach((item, i) => {
		item.duties.forEach((duty, d) => {
			const path = `line_items[${i}].duties[${d}]`;
			const amount =
				amounts.pick(duty.price_set, null, `${path}.price`) ??
				amounts.pick(undefined, duty.shop_money?.amount, `${path}.shop_money.amount`) ??
				0;
			if (amount <= 0) return;
			const code = clean(duty.harmonized_system_code);
			const label = clean(item.name) ?? clean(item.title) ?? `line ${i + 1}`;
			const line = chargeLine(
				'duty',
				path,
				settings.dutyItemCode,
				`Import duty ${label}${code ? ` (HS ${code})` : ''}`,
				amount,
			);
			line.shopifyLineId = duty.id;
			line.taxes = readTaxes(duty.tax_lines, path, amounts);
			inputs.push(line);
		});
	});
	if (inputs.length === 0) {
		const total = amounts.pick(order.original_total_duties_set, null, 'original_total_duties') ?? 0;
		if (total > 0) {
			inputs.push(
				chargeLine(
					'duty',
					'original_total_duties_set',
					settings.dutyItemCode,
					'Import duties',
					total,
				),
			);
		}
	}
	return inputs;
}
