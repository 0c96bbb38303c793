/**
 * Shipping follows the goods (vat-oss.md §5): an ancillary supply shares the goods' treatment and,
 * with mixed rates, is split pro rata to the goods' net values. Amounts are integer cents.
 */
import { MILLION, allocateByWeights, netCentsFromGross, rateMicros } from './allocate';
import { classifyVat } from './classify';
import { formatRate, sameRate } from './rates';
import type { VatDecision, VatInput, VatKey, VatTreatment } from './types';

/** How shipping gets its VAT: pro rata over the goods' net values (§5), all at the goods' highest
 * rate (a shortcut other tools offer), or as Shopify taxed the shipping line. */
export type ShippingMode = 'proRata' | 'highestRate' | 'asShopify';

/** One goods line (or group) that shipping can follow. */
export interface GoodsLine {
	/** Net value of the goods after discounts, in cents. */
	netCents: number;
	/** Rate as a fraction. */
	rate: number;
	/** Treatment of the goods; `outOfScope` goods (gift cards, tips) are not followed. */
	treatment: VatTreatment;
	/** VAT country of the goods. */
	country: string;
}

/** A part of the shipping amount with its VAT key. */
export interface ShippingPortion extends VatKey {
	/** Net shipping in cents (for `allocateShippingGross`, derived from `grossCents`). */
	netCents: number;
}

/** Result of a shipping allocation. */
export interface ShippingAllocation {
	/** Portions in order of first appearance of their key among the goods; cents sum exactly. */
	portions: ShippingPortion[];
	/** Fallbacks taken. */
	warnings: string[];
}

/** Portion of a gross (VAT-inclusive) shipping amount. */
export interface GrossShippingPortion extends ShippingPortion {
	/** Gross shipping in cents; portions sum exactly to the input. */
	grossCents: number;
	/** VAT in cents (gross − net). */
	vatCents: number;
}

interface Group extends VatKey {
	netCents: number;
}

function keyOf(line: VatKey): string {
	return `${line.treatment}|${line.country}|${rateMicros(line.rate)}`;
}

/** Goods grouped by (treatment, country, rate), out-of-scope lines left out. */
function groupGoods(goods: readonly GoodsLine[]): Group[] {
	const groups = new Map<string, Group>();
	for (const line of goods) {
		if (line.treatment === 'outOfScope') continue;
		const key = keyOf(line);
		const group = groups.get(key);
		if (group) group.netCents += line.netCents;
		else
			groups.set(key, {
				treatment: line.treatment,
				country: line.country,
				rate: line.rate,
				netCents: line.netCents,
			});
	}
	return [...groups.values()];
}

function highest(groups: Group[]): Group {
	return groups.reduce((best, group) => {
		if (group.rate > best.rate && !sameRate(group.rate, best.rate)) return group;
		if (sameRate(group.rate, best.rate) && group.netCents > best.netCents) return group;
		return best;
	});
}

/** The groups and integer weights to split over, after the mode and the fallbacks. */
function plan(
	goods: readonly GoodsLine[],
	mode: ShippingMode,
	shopifyShipping: VatKey | undefined,
	warnings: string[],
): Group[] {
	if (mode === 'asShopify') {
		if (!shopifyShipping)
			throw new TypeError("shipping mode 'asShopify' needs Shopify's shipping key");
		return [{ ...shopifyShipping, netCents: 1 }];
	}
	const groups = groupGoods(goods);
	const positive = groups.filter((group) => group.netCents > 0);
	if (groups.length === 0) {
		if (!shopifyShipping) return [];
		warnings.push('no taxable goods to follow: shipping keeps its own VAT');
		return [{ ...shopifyShipping, netCents: 1 }];
	}
	if (mode === 'highestRate') return [{ ...highest(groups), netCents: 1 }];
	if (positive.length === 0) {
		warnings.push('goods have no positive net value: shipping follows the highest-rate goods');
		return [{ ...highest(groups), netCents: 1 }];
	}
	return positive;
}

/**
 * Splits net shipping over the goods' (treatment, country, rate) groups. `shopifyShipping` is the
 * shipping line's own key, required for `asShopify` and used when there are no goods to follow.
 * Returns no portions when there is nothing to follow and no own key.
 */
export function allocateShipping(
	goods: readonly GoodsLine[],
	shippingNetCents: number,
	mode: ShippingMode,
	shopifyShipping?: VatKey,
): ShippingAllocation {
	const warnings: string[] = [];
	const groups = plan(goods, mode, shopifyShipping, warnings);
	if (groups.length === 0) {
		warnings.push('no goods to follow and no shipping VAT key given');
		return { portions: [], warnings };
	}
	const parts = allocateByWeights(
		shippingNetCents,
		groups.map((group) => BigInt(group.netCents)),
	);
	const portions = groups.map((group, index) => ({
		treatment: group.treatment,
		country: group.country,
		rate: group.rate,
		netCents: parts[index],
	}));
	return { portions, warnings };
}

/**
 * Like `allocateShipping` for a VAT-inclusive shipping amount: the gross is split so that the net
 * parts stay proportional to the goods' net values (weights net × (1 + rate)), gross parts sum to
 * the input exactly, and net/VAT are derived per part.
 */
export function allocateShippingGross(
	goods: readonly GoodsLine[],
	shippingGrossCents: number,
	mode: ShippingMode,
	shopifyShipping?: VatKey,
): { portions: GrossShippingPortion[]; warnings: string[] } {
	const warnings: string[] = [];
	const groups = plan(goods, mode, shopifyShipping, warnings);
	if (groups.length === 0) {
		warnings.push('no goods to follow and no shipping VAT key given');
		return { portions: [], warnings };
	}
	const weights = groups.map(
		(group) => BigInt(group.netCents) * (MILLION + rateMicros(group.rate)),
	);
	const parts = allocateByWeights(shippingGrossCents, weights);
	const portions = groups.map((group, index) => {
		const netCents = netCentsFromGross(parts[index], group.rate);
		return {
			treatment: group.treatment,
			country: group.country,
			rate: group.rate,
			netCents,
			grossCents: parts[index],
			vatCents: parts[index] - netCents,
		};
	});
	return { portions, warnings };
}

/** A goods line already classified, with its net value. */
export interface ClassifiedGoods {
	/** The goods line's decision. */
	decision: VatDecision;
	/** Its net value in cents. */
	netCents: number;
}

/** Result of `classifyShipping`. */
export interface ShippingClassification {
	/** One decision per portion, with the cents it covers (net or gross, as passed in). */
	portions: { decision: VatDecision; cents: number }[];
	/** Warnings of the shipping line itself and of the allocation. */
	warnings: string[];
}

/**
 * Classifies a shipping line and splits it over the goods: `input` is the shipping line
 * (`lineKind` is forced to 'shipping'), `cents` its amount, net unless `amountsIncludeVat`.
 * Each portion gets a decision that follows its goods (or the line's own decision in `asShopify`).
 */
export function classifyShipping(
	input: VatInput,
	goods: readonly ClassifiedGoods[],
	cents: number,
	options: { mode: ShippingMode; amountsIncludeVat?: boolean },
): ShippingClassification {
	const own = classifyVat({ ...input, lineKind: 'shipping' });
	const warnings = [...own.warnings];
	const lines: GoodsLine[] = goods.map(({ decision, netCents }) => ({ ...decision, netCents }));
	const allocation = options.amountsIncludeVat
		? allocateShippingGross(lines, cents, options.mode, own)
		: allocateShipping(lines, cents, options.mode, own);
	warnings.push(...allocation.warnings);
	const portions = allocation.portions.map((portion) => {
		const amount =
			'grossCents' in portion ? (portion as GrossShippingPortion).grossCents : portion.netCents;
		if (options.mode === 'asShopify' || keyOf(portion) === keyOf(own)) {
			return { decision: { ...own, warnings: [] }, cents: amount };
		}
		const source = goods.find(({ decision }) => keyOf(decision) === keyOf(portion))?.decision;
		const decision: VatDecision = {
			treatment: portion.treatment,
			country: portion.country,
			rate: portion.rate,
			expectedRates: source?.expectedRates ?? [portion.rate],
			reason: `shipping follows the goods at ${formatRate(portion.rate)}`,
			warnings: [],
		};
		return { decision, cents: amount };
	});
	const shopifyDiffers = portions.some(({ decision }) => !sameRate(decision.rate, own.rate));
	if (shopifyDiffers) {
		warnings.push(
			`shipping VAT re-allocated to follow the goods: Shopify taxed shipping at ${formatRate(own.rate)}`,
		);
	}
	return { portions, warnings };
}
