/**
 * Splits one shipping line of the order document over the VAT portions it follows (vat-oss.md §5).
 * The gross (what the customer paid) is kept: the parts' `netAmountInclCents`, `discountInclCents`
 * and `unitPriceInclCents` sum exactly to the line's, and each part's excl. side and tax are derived
 * from its gross at its own rate (one half-away-from-zero rounding, as `finalizeLine` does).
 */
import type { DocumentLine } from '../mapping/types';
import { allocate, netFromGross, RATE_SCALE } from '../money';
import { formatRate } from './rates';
import type { VatKey } from './types';

/** The description of an Exact line holds at most 60 characters. */
const DESCRIPTION_MAX = 60;

/** One part of a shipping line: its VAT key and the gross cents it covers. */
export interface ShippingPart {
	key: VatKey;
	grossCents: number;
}

function rateMicro(rate: number): number {
	return Math.round(rate * RATE_SCALE);
}

function describe(line: DocumentLine, rate: number): string {
	const text = `${line.description} (${formatRate(rate)})`;
	return text.length <= DESCRIPTION_MAX ? text : line.description;
}

/**
 * One line per part, in the parts' order, all numbered like the original (the caller renumbers).
 * Only quantity-1 lines are split (the mapping gives every shipping line quantity 1).
 */
export function splitShippingLine(
	line: DocumentLine,
	parts: readonly ShippingPart[],
	pricesPosted: 'excl' | 'incl',
	exponent: number,
): DocumentLine[] {
	if (line.quantity !== 1) throw new RangeError('only a shipping line of quantity 1 can be split');
	const total = parts.reduce((sum, part) => sum + part.grossCents, 0);
	if (total !== line.netAmountInclCents) {
		throw new RangeError('the parts must sum to the shipping line amount');
	}
	const weights = parts.map((part) => Math.abs(part.grossCents));
	const discounts = allocate(line.discountInclCents, weights);
	const title = line.taxRates[0]?.title ?? null;
	const posted = pricesPosted === 'incl';
	return parts.map((part, index) => {
		const micro = rateMicro(part.key.rate);
		const netIncl = part.grossCents;
		const discountIncl = discounts[index];
		const unitIncl = netIncl + discountIncl;
		const unitExcl = netFromGross(unitIncl, micro);
		const netExcl = netFromGross(netIncl, micro);
		const discountExcl = unitExcl - netExcl;
		const netAmountCents = posted ? netIncl : netExcl;
		const tax = netIncl - netExcl;
		return {
			...line,
			description: parts.length > 1 ? describe(line, part.key.rate) : line.description,
			unitPriceExclCents: unitExcl,
			unitPriceInclCents: unitIncl,
			discountExclCents: discountExcl,
			discountInclCents: discountIncl,
			netAmountExclCents: netExcl,
			netAmountInclCents: netIncl,
			unitPriceCents: posted ? unitIncl : unitExcl,
			discountCents: posted ? discountIncl : discountExcl,
			netAmountCents,
			netPrice: netAmountCents / 10 ** exponent,
			taxRate: part.key.rate,
			taxRates: [{ rate: part.key.rate, title, amountCents: tax, channelLiable: false }],
			taxAmountCents: tax,
		};
	});
}
