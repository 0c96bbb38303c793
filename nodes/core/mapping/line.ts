/**
 * Turns one priced Shopify line (unit price in Shopify's basis, quantity, Shopify's discount and
 * tax amounts) into a document line with both excl. and incl. figures.
 *
 * Shopify's amounts are the truth: net = unit × quantity − Σ discount_allocations, and the tax is
 * Σ tax_lines (computed by Shopify after discounts, per line). The side Shopify did not price in
 * is derived once: incl = excl + tax, or excl = incl − tax. The unit price on that side is the
 * Shopify unit price converted at the line's rate (one half-away-from-zero rounding), and that
 * side's discount absorbs the per-unit rounding so unit × quantity − discount = net holds.
 */
import { grossFromNet, multiplyQuantity, netFromGross, rateToFraction, sumCents } from '../money';
import { fit, TEXT_LIMITS } from './text';
import type { DocumentLine, ItemCodeSource, LineKind, PriceBasis, TaxPortion } from './types';

export interface TaxInput {
	rateMicro: number | null;
	title: string | null;
	amountCents: number;
	channelLiable: boolean;
}

export interface LineInput {
	kind: LineKind;
	/** Field path of the Shopify line, for messages: "line_items[2]". */
	path: string;
	itemCode: string | null;
	itemCodeSource: ItemCodeSource | 'setting' | null;
	sku: string | null;
	shopifyLineId: string | null;
	shopifyProductId: string | null;
	shopifyVariantId: string | null;
	description: string;
	quantity: number;
	/** Unit price before discounts, on Shopify's basis (incl. tax when taxes_included). */
	unitCents: number;
	/** Whole-line discount on Shopify's basis. */
	discountCents: number;
	taxes: TaxInput[];
	taxable: boolean;
	requiresShipping: boolean;
	giftCard: boolean;
}

export interface PricingContext {
	pricesIncludeTax: boolean;
	pricesPosted: PriceBasis;
	/** 10^exponent of the currency: converts cents to the currency units of netPrice. */
	unitDivisor: number;
	warnings: string[];
}

function toPortion(tax: TaxInput): TaxPortion {
	return {
		rate: tax.rateMicro === null ? null : rateToFraction(tax.rateMicro),
		title: tax.title,
		amountCents: tax.amountCents,
		channelLiable: tax.channelLiable,
	};
}

export function finalizeLine(
	input: LineInput,
	lineNumber: number,
	context: PricingContext,
): DocumentLine {
	const { quantity, unitCents, discountCents, taxes } = input;
	const rates = taxes.filter((t) => t.rateMicro !== null).map((t) => t.rateMicro as number);
	const rateMicro = rates.length > 0 ? sumCents(rates) : null;
	const taxAmountCents = sumCents(taxes.map((t) => t.amountCents));
	const grossCents = multiplyQuantity(unitCents, quantity);

	let unitExcl: number, unitIncl: number, netExcl: number, netIncl: number;
	if (context.pricesIncludeTax) {
		unitIncl = unitCents;
		unitExcl = rateMicro === null ? unitCents : netFromGross(unitCents, rateMicro);
		netIncl = grossCents - discountCents;
		netExcl = netIncl - taxAmountCents;
	} else {
		unitExcl = unitCents;
		unitIncl = rateMicro === null ? unitCents : grossFromNet(unitCents, rateMicro);
		netExcl = grossCents - discountCents;
		netIncl = netExcl + taxAmountCents;
	}
	const discountExcl = multiplyQuantity(unitExcl, quantity) - netExcl;
	const discountIncl = multiplyQuantity(unitIncl, quantity) - netIncl;
	const posted = context.pricesPosted === 'incl';
	const netAmountCents = posted ? netIncl : netExcl;

	const description = fit(input.description, TEXT_LIMITS.description, TEXT_LIMITS.extraDescription);
	if (description.truncated) {
		context.warnings.push(
			`Line ${lineNumber}: description cut to ${TEXT_LIMITS.description} characters (full text in extraDescription)`,
		);
	}
	if (taxes.some((t) => t.channelLiable)) {
		context.warnings.push(
			`Line ${lineNumber}: tax is collected by the sales channel (channel_liable)`,
		);
	}
	if (discountCents > grossCents) {
		context.warnings.push(`Line ${lineNumber}: discount exceeds the line amount`);
	}

	return {
		lineNumber,
		kind: input.kind,
		itemCode: input.itemCode,
		itemCodeSource: input.itemCodeSource,
		sku: input.sku,
		shopifyLineId: input.shopifyLineId,
		shopifyProductId: input.shopifyProductId,
		shopifyVariantId: input.shopifyVariantId,
		description: description.text,
		extraDescription: description.overflow,
		quantity,
		unitPriceExclCents: unitExcl,
		unitPriceInclCents: unitIncl,
		discountExclCents: discountExcl,
		discountInclCents: discountIncl,
		netAmountExclCents: netExcl,
		netAmountInclCents: netIncl,
		unitPriceCents: posted ? unitIncl : unitExcl,
		discountCents: posted ? discountIncl : discountExcl,
		netAmountCents,
		netPrice: quantity === 0 ? null : netAmountCents / (quantity * context.unitDivisor),
		taxRate: rateMicro === null ? null : rateToFraction(rateMicro),
		taxRates: taxes.map(toPortion),
		taxAmountCents,
		taxable: input.taxable,
		requiresShipping: input.requiresShipping,
		giftCard: input.giftCard,
	};
}
