/**
 * `classifyVat`: the VAT treatment of one order line. Rules and their sources are in vat-oss.md;
 * each branch names its section. Shopify's rate is never changed: when it contradicts the rules the
 * treatment follows what was charged and a warning says so.
 */
import { isEuForGoods, normalizeCountryCode, sameVatArea } from './countries';
import { formatRate, normalizeDate, rateList, ratesFor, sameRate } from './rates';
import { resolveDestination, type Destination } from './territories';
import type { VatDecision, VatInput, VatSettings, VatTreatment } from './types';
import { validateVatNumber } from './vatNumber/validate';

const DEFAULT_SETTINGS: Required<VatSettings> = {
	giftCardTaxedAtSale: false,
	tipsOutOfScope: true,
	trustShopifyZeroRate: false,
};

/** The rule's verdict before Shopify's rate is reconciled with it. */
interface Verdict {
	treatment: VatTreatment;
	country: string;
	reason: string;
	postcode?: string | null;
	territory?: string;
	vatNumber?: string;
}

interface Context {
	input: VatInput;
	date: string;
	seller: string;
	settings: Required<VatSettings>;
	warnings: string[];
}

function list(rates: number[]): string {
	return rates.map(formatRate).join(', ');
}

/** Destination with fallbacks: ship-to, else billing country, else the seller (warned). */
function destinationOf(context: Context): Destination {
	const { input, date, seller } = context;
	if (input.shipTo && normalizeCountryCode(input.shipTo.countryCode)) {
		return resolveDestination(input.shipTo, date);
	}
	const billing = normalizeCountryCode(input.billingCountry);
	if (billing) return resolveDestination({ countryCode: billing }, date);
	context.warnings.push(
		`no ship-to or billing country: the seller's country ${seller} is assumed (domestic)`,
	);
	return resolveDestination({ countryCode: seller }, date);
}

/** B2B check for an EU destination other than the seller's (vat-oss.md §3). */
function icpVerdict(context: Context, destination: Destination): Verdict | string {
	const { input } = context;
	const hint = normalizeCountryCode(input.billingCountry) || destination.vatCountry;
	const check = validateVatNumber(input.customerVatNumber ?? '', hint);
	const shown = check.normalized;
	if (!check.valid) return `customer VAT number ${shown} is not valid (${check.reason})`;
	if (check.country !== destination.vatCountry) {
		const xiNote =
			destination.vatCountry === 'XI' ? '; goods to Northern Ireland need an XI number' : '';
		return `customer VAT number ${shown} is from ${check.country}, goods go to ${destination.vatCountry}${xiNote}`;
	}
	if (input.vatNumberValid === false) return `customer VAT number ${shown} is invalid in VIES`;
	if (input.vatNumberValid !== true) {
		return `customer VAT number ${shown} was not checked in VIES (ICP 0% needs a valid VIES check)`;
	}
	return {
		treatment: 'icp',
		country: destination.vatCountry,
		reason: `EU B2B supply to a valid ${check.country} VAT number: intra-community supply 0%`,
		vatNumber: shown,
		territory: destination.territory,
	};
}

/** EU B2C distance sale (vat-oss.md §2): destination VAT under OSS above the threshold, else origin. */
function b2cVerdict(context: Context, destination: Destination): Verdict {
	const { input, seller } = context;
	const thresholdExceeded = input.ossThresholdExceeded ?? input.sellerUsesOss;
	if (input.sellerUsesOss && thresholdExceeded) {
		return {
			treatment: 'oss',
			country: destination.vatCountry,
			reason: `EU B2C distance sale to ${destination.vatCountry} under OSS: destination VAT`,
			postcode: input.shipTo?.postcode,
			territory: destination.territory,
		};
	}
	if (!input.sellerUsesOss && thresholdExceeded) {
		context.warnings.push(
			`EUR 10,000 threshold exceeded but the seller does not use OSS: ${destination.vatCountry} VAT is due (OSS or a local registration), origin VAT booked`,
		);
	}
	const why = input.sellerUsesOss ? 'below the EUR 10,000 threshold' : 'seller not in OSS';
	return {
		treatment: 'domestic',
		country: seller,
		reason: `EU B2C distance sale to ${destination.vatCountry}, ${why}: origin VAT of ${seller}`,
		territory: destination.territory,
	};
}

/** The rule verdict for a taxable line. */
function taxableVerdict(context: Context): Verdict {
	const { input, seller } = context;
	const destination = destinationOf(context);
	const territory = destination.territory;
	if (!isEuForGoods(seller)) {
		if (sameVatArea(seller, destination.vatCountry)) {
			return { treatment: 'domestic', country: seller, reason: `domestic sale in ${seller}` };
		}
		context.warnings.push(
			`seller ${seller} is outside the EU: only domestic and export sales are modelled (no IOSS)`,
		);
		return {
			treatment: 'export',
			country: destination.vatCountry,
			reason: 'sale abroad by a non-EU seller: 0%',
			territory,
		};
	}
	const excluded = Boolean(territory) && !destination.inEuVat;
	if (
		excluded &&
		(destination.countryCode === seller || !sameVatArea(seller, destination.vatCountry))
	) {
		// A territory outside the EU VAT area (vat-oss.md §6), also when it belongs to the seller's
		// own member state (mainland Spain -> Canary Islands). Man stays in the UK area (§6).
		return exportVerdict(destination);
	}
	if (sameVatArea(seller, destination.vatCountry)) {
		// Domestic: goods stay in the seller's VAT area (XI -> GB stays inside the UK).
		const where = territory ? ` (${destination.rule})` : '';
		return {
			treatment: 'domestic',
			country: seller,
			reason: `domestic sale in ${seller}: ${seller} VAT${where}`,
			postcode: destination.countryCode === seller ? input.shipTo?.postcode : undefined,
			territory,
		};
	}
	if (!destination.inEuVat) return exportVerdict(destination);
	if (input.customerVatNumber && input.customerVatNumber.trim()) {
		const icp = icpVerdict(context, destination);
		if (typeof icp !== 'string') return icp;
		context.warnings.push(`${icp}: treated as B2C`);
	}
	return b2cVerdict(context, destination);
}

/** Export (vat-oss.md §4) or a territory outside the EU VAT area (§6): export-type 0 %. */
function exportVerdict(destination: Destination): Verdict {
	const reason = destination.rule
		? `${destination.rule}: export-type 0%`
		: `export to ${destination.vatCountry}, outside the EU: 0%`;
	return {
		treatment: 'export',
		country: destination.vatCountry,
		reason,
		territory: destination.territory,
	};
}

function outOfScope(context: Context, reason: string): Verdict {
	return { treatment: 'outOfScope', country: context.seller, reason };
}

/**
 * The verdict by line kind; null means "taxable like goods". Gift cards and tips follow the merchant
 * settings of issue 4 (not covered by vat-oss.md); duties are import charges (shopify.md §1.5).
 */
function kindVerdict(context: Context): Verdict | null {
	const { input, settings } = context;
	switch (input.lineKind) {
		case 'tip':
			return settings.tipsOutOfScope
				? outOfScope(context, 'tip: voluntary gratuity, outside the scope of VAT (setting)')
				: null;
		case 'giftCard':
			return settings.giftCardTaxedAtSale
				? null
				: outOfScope(
						context,
						'gift card sale: not taxed at sale, VAT is due on redemption (setting)',
					);
		case 'duty':
			return outOfScope(
				context,
				'import duty: not VAT revenue, outside the scope',
			);
		case 'rounding':
			return outOfScope(context, 'rounding difference: no VAT');
		default:
			return null;
	}
}

/**
 * Classifies one line: treatment, the VAT country, the rate (Shopify's, as given), the rates the
 * dated table expects, the rule that decided, and warnings. Throws a TypeError for an invalid date
 * or an empty seller country.
 */
export function classifyVat(input: VatInput): VatDecision {
	const seller = normalizeCountryCode(input.sellerCountry);
	if (!seller) throw new TypeError('VAT classification needs the seller country');
	const context: Context = {
		input,
		date: normalizeDate(input.date),
		seller,
		settings: { ...DEFAULT_SETTINGS, ...(input.settings ?? {}) },
		warnings: [],
	};
	const shopifyRate = input.shopifyRate;
	const charged = shopifyRate !== null && shopifyRate !== undefined && shopifyRate > 0;
	let verdict = kindVerdict(context);
	if (verdict && charged) {
		// The rate is never changed: Shopify charged VAT, so the line is booked as taxable.
		context.warnings.push(
			`Shopify charged ${formatRate(shopifyRate)} on a ${input.lineKind} line that is normally out of scope: booked as taxable`,
		);
		verdict = null;
	}
	verdict ??= taxableVerdict(context);
	if (charged && (verdict.treatment === 'icp' || verdict.treatment === 'export')) {
		verdict = chargedZeroRated(context, verdict, shopifyRate);
	}
	return finish(context, verdict);
}

/** Shopify charged VAT where the rules give 0 %: book what was charged, as B2C/origin VAT. */
function chargedZeroRated(context: Context, verdict: Verdict, rate: number): Verdict {
	const label = verdict.treatment === 'icp' ? 'an intra-community supply' : 'an export';
	context.warnings.push(
		`Shopify charged ${formatRate(rate)} on what qualifies as ${label} (${verdict.reason}): booked with the VAT charged; refund it and re-invoice at 0% if intended`,
	);
	if (verdict.treatment === 'icp') {
		const destination = destinationOf({ ...context, warnings: [] });
		return b2cVerdict(context, destination);
	}
	return {
		treatment: 'domestic',
		country: context.seller,
		reason: `VAT charged on a sale outside the EU VAT area: origin VAT of ${context.seller}`,
		territory: verdict.territory,
	};
}

/** Adds the rate, the expected rates and the rate warnings (vat-oss.md §1: validate, never recompute). */
function finish(context: Context, verdict: Verdict): VatDecision {
	const { input, date, warnings } = context;
	const shopifyRate = input.shopifyRate;
	const taxable = verdict.treatment === 'domestic' || verdict.treatment === 'oss';
	let treatment = verdict.treatment;
	let rate = 0;
	let expectedRates = [0];
	if (taxable) {
		expectedRates = rateList(ratesFor(verdict.country, date, verdict.postcode));
		rate = shopifyRate ?? 0;
		const expected = list(expectedRates);
		if (shopifyRate === null || shopifyRate === undefined || shopifyRate === 0) {
			const what = shopifyRate === 0 ? 'Shopify charged 0%' : 'Shopify gave no tax rate';
			if (context.settings.trustShopifyZeroRate) {
				treatment = 'exempt';
				warnings.push(
					`${what} on a ${verdict.treatment} sale in ${verdict.country}: booked as exempt (setting)`,
				);
			} else {
				warnings.push(
					`${what} on a ${verdict.treatment} sale in ${verdict.country} (expected ${expected}): check the product's tax setting`,
				);
			}
		} else if (expectedRates.length && !expectedRates.some((r) => sameRate(r, shopifyRate))) {
			warnings.push(
				`Shopify rate ${formatRate(shopifyRate)} is not a ${verdict.country} rate on ${date} (${expected}): kept as given`,
			);
		} else if (!expectedRates.length) {
			warnings.push(
				`no rate table for ${verdict.country}: Shopify rate ${formatRate(shopifyRate)} kept unchecked`,
			);
		}
	}
	const decision: VatDecision = {
		treatment,
		country: verdict.country,
		rate,
		expectedRates,
		reason: verdict.reason,
		warnings,
	};
	if (verdict.territory) decision.territory = verdict.territory;
	if (verdict.vatNumber) decision.vatNumber = verdict.vatNumber;
	return decision;
}
