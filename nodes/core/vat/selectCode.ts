/**
 * Picks the Exact VAT code for a decision: the user's mapping first (always wins, most specific row),
 * else the auto rules of vat-oss.md §7 on the division's vat/VATCodes. No code numbers are built in.
 */
import { countryName, normalizeCountryCode } from './countries';
import { formatRate, sameRate } from './rates';
import type { ExactVatCode, VatCodeMapping, VatKey, VatTreatment } from './types';

/** A chosen code. `code` is trimmed (Exact may pad codes with spaces). */
export interface VatCodeChoice {
	/** The Exact VAT code to put on the line. */
	code: string;
	/** The division's VAT code record, when the code is among `vatCodes`. */
	vatCode?: ExactVatCode;
	/** `mapping` when a user mapping row decided, `auto` when the rules did. */
	source: 'mapping' | 'auto';
	/** Ambiguities and doubts (two candidates, a blocked or unknown mapped code, …). */
	warnings: string[];
}

/** No code fits; `error` says exactly what to create or map. */
export interface VatCodeError {
	/** What is missing, e.g. "no OSS code for DE 7%: create … or map it". */
	error: string;
}

/** Result of `selectVatCode`. */
export type VatCodeSelection = VatCodeChoice | VatCodeError;

/** Narrows a selection to the error case. */
export function isVatCodeError(selection: VatCodeSelection): selection is VatCodeError {
	return 'error' in selection;
}

/** Options of `selectVatCode`. */
export interface SelectVatCodeOptions {
	/** Lines are posted with VAT-inclusive prices: taxable codes must be Type I, else Type E. */
	pricesIncludeVat: boolean;
}

/** Exact's Percentage as a fraction (a value above 1 is read as a percentage). */
export function codeRate(code: ExactVatCode): number {
	const value = Number(code.Percentage ?? 0);
	return value > 1 ? value / 100 : value;
}

function ossCountry(code: ExactVatCode): string {
	return normalizeCountryCode(code.OssCountry ?? '');
}

function listing(code: ExactVatCode): string {
	return (code.EUSalesListing ?? 'N') || 'N';
}

/** Compares codes numerically when both are numbers, else as text. */
function byCode(a: ExactVatCode, b: ExactVatCode): number {
	const left = a.Code.trim();
	const right = b.Code.trim();
	if (/^\d+$/.test(left) && /^\d+$/.test(right)) return Number(left) - Number(right);
	return left.localeCompare(right);
}

function mappingRate(rate: number | null | undefined): number | null {
	if (rate === null || rate === undefined) return null;
	return rate > 1 ? rate / 100 : rate;
}

/** The most specific matching mapping row (country and rate count), earliest row on a tie. */
function findMapping(key: VatKey, mapping: readonly VatCodeMapping[]): VatCodeMapping | undefined {
	let best: VatCodeMapping | undefined;
	let bestScore = -1;
	const country = normalizeCountryCode(key.country);
	for (const row of mapping) {
		if (row.treatment !== key.treatment || !row.code?.trim()) continue;
		const rowCountry = normalizeCountryCode(row.country ?? '*');
		const rowRate = mappingRate(row.rate);
		const countryAny = rowCountry === '*' || rowCountry === '';
		if (!countryAny && rowCountry !== country) continue;
		if (rowRate !== null && !sameRate(rowRate, key.rate)) continue;
		const score = (countryAny ? 0 : 2) + (rowRate === null ? 0 : 1);
		if (score > bestScore) {
			best = row;
			bestScore = score;
		}
	}
	return best;
}

function fromMapping(
	key: VatKey,
	row: VatCodeMapping,
	vatCodes: readonly ExactVatCode[],
): VatCodeChoice {
	const code = row.code.trim();
	const vatCode = vatCodes.find((candidate) => candidate.Code.trim() === code);
	const warnings: string[] = [];
	if (!vatCode) warnings.push(`mapped VAT code ${code} is not among the division's VAT codes`);
	else if (vatCode.IsBlocked) warnings.push(`mapped VAT code ${code} is blocked in Exact`);
	else if (!sameRate(codeRate(vatCode), key.rate)) {
		warnings.push(
			`mapped VAT code ${code} has ${formatRate(codeRate(vatCode))}, the line has ${formatRate(key.rate)}`,
		);
	}
	return vatCode
		? { code, vatCode, source: 'mapping', warnings }
		: { code, source: 'mapping', warnings };
}

/** What the auto rule looks for, per treatment (vat-oss.md §7). */
interface Requirement {
	/** Candidate test, blocked codes and purchase-only codes already excluded. */
	fits: (code: ExactVatCode) => boolean;
	/** Preference order among fitting codes (lower first); undefined = all equal. */
	rank?: (code: ExactVatCode) => number;
	/** Error text when nothing fits. */
	missing: string;
	/** Warn even for a single candidate (export codes cannot be told from other 0 % codes). */
	confirm?: (code: ExactVatCode) => string | undefined;
}

const EXPORT_WORDS = /export|buiten|outside|non.?eu|extra.?eu|hors|drittland|ausfuhr|world|wereld/i;

function requirementFor(key: VatKey, pricesIncludeVat: boolean): Requirement {
	const type = pricesIncludeVat ? 'I' : 'E';
	const typeText = pricesIncludeVat ? 'type I, prices include VAT' : 'type E, prices exclude VAT';
	const rate = formatRate(key.rate);
	const noOss = (code: ExactVatCode) => ossCountry(code) === '';
	const plainSales = (code: ExactVatCode) => noOss(code) && listing(code) === 'N' && !code.Charged;
	const zero = (code: ExactVatCode) => sameRate(codeRate(code), 0);
	const taxableType = (code: ExactVatCode) =>
		key.rate === 0 ? ['B', 'N', type].includes(code.Type) : code.Type === type;
	const country = normalizeCountryCode(key.country);
	// A taxable sale at 0 % is nearly always a product without tax in Shopify: say that first, and
	// never advise a 0 % domestic or OSS code.
	const untaxed = `Shopify charged no VAT on a sale to ${countryName(country)} (${country}), where VAT is due: check the product's tax settings in Shopify (or, for a business, its VAT number). If the product really is zero-rated there, choose its code under VAT Code Mapping`;
	const treatments: Record<VatTreatment, Requirement> = {
		domestic: {
			fits: (code) => plainSales(code) && sameRate(codeRate(code), key.rate) && taxableType(code),
			rank: (code) => (code.Type === type ? 0 : 1),
			missing:
				key.rate === 0
					? untaxed
					: `no domestic VAT code for ${country} ${rate} (${typeText}): create a sales VAT code of ${rate} with type ${type} and no OSS country in Exact, or map it`,
		},
		oss: {
			fits: (code) =>
				ossCountry(code) === country &&
				sameRate(codeRate(code), key.rate) &&
				!code.Charged &&
				taxableType(code),
			rank: (code) => (code.Type === type ? 0 : 1),
			missing:
				key.rate === 0
					? untaxed
					: `no OSS code for ${country} ${rate}: create a VAT code with OSS country ${country} and ${rate} (type ${type}) in Exact, or map it`,
		},
		icp: {
			fits: (code) => zero(code) && noOss(code) && listing(code) === 'L',
			missing: `no ICP code for intra-community supplies: create a sales VAT code of 0% with EU sales listing 'L' (goods) in Exact, or map it`,
		},
		export: {
			// Type N ("no VAT") is for exempt / out-of-scope lines, not for zero-rated exports.
			fits: (code) => zero(code) && plainSales(code) && code.Type !== 'N',
			rank: (code) => (EXPORT_WORDS.test(code.Description ?? '') ? 0 : 1),
			confirm: (code) =>
				EXPORT_WORDS.test(code.Description ?? '')
					? undefined
					: `VAT code ${code.Code.trim()} (${code.Description}) was picked for exports as a 0% code without EU listing: confirm it or map export explicitly`,
			missing: `no export code: create a sales VAT code of 0% with EU sales listing 'N' for exports outside the EU in Exact, or map it`,
		},
		exempt: {
			fits: (code) => plainSales(code) && (code.Type === 'N' || (code.Type === 'B' && zero(code))),
			rank: (code) => (code.Type === 'N' ? 0 : 1),
			missing: `no code for exempt lines: create a sales VAT code of type N (no VAT) or 0% type B in Exact, or map it`,
		},
		outOfScope: {
			fits: (code) => plainSales(code) && (code.Type === 'N' || (code.Type === 'B' && zero(code))),
			rank: (code) => (code.Type === 'N' ? 0 : 1),
			missing: `no code for out-of-scope lines (gift cards, tips): create a sales VAT code of type N (no VAT) or 0% type B in Exact, or map it`,
		},
	};
	return treatments[key.treatment];
}

/** Why near-misses were rejected, to make the error actionable. */
function nearMisses(requirement: Requirement, vatCodes: readonly ExactVatCode[]): string {
	const blocked = vatCodes.filter((code) => code.IsBlocked && requirement.fits(code));
	const purchase = vatCodes.filter(
		(code) => !code.IsBlocked && code.VATTransactionType === 'P' && requirement.fits(code),
	);
	const notes: string[] = [];
	if (blocked.length) notes.push(`blocked: ${blocked.map((code) => code.Code.trim()).join(', ')}`);
	if (purchase.length)
		notes.push(`purchase only: ${purchase.map((code) => code.Code.trim()).join(', ')}`);
	return notes.length ? ` (existing but unusable: ${notes.join('; ')})` : '';
}

/** Adds the code that exists with the other Type, so the message says exactly what is missing. */
function typeNote(
	key: VatKey,
	vatCodes: readonly ExactVatCode[],
	pricesIncludeVat: boolean,
): string {
	if (key.treatment !== 'domestic' && key.treatment !== 'oss') return '';
	const other = requirementFor(key, !pricesIncludeVat);
	const found = vatCodes.filter((code) => usable(code) && other.fits(code));
	if (!found.length) return '';
	const otherType = pricesIncludeVat ? 'E' : 'I';
	return ` (only type ${otherType}: ${found.map((code) => code.Code.trim()).join(', ')})`;
}

function usable(code: ExactVatCode): boolean {
	return !code.IsBlocked && code.VATTransactionType !== 'P';
}

/**
 * Selects the Exact VAT code for a decision's (treatment, country, rate): the explicit mapping always
 * wins (most specific row: country, then rate); else the auto rule of its treatment. Two or more
 * candidates -> the lowest Code, with a warning.
 */
export function selectVatCode(
	decision: VatKey,
	vatCodes: readonly ExactVatCode[],
	mapping: readonly VatCodeMapping[],
	opts: SelectVatCodeOptions,
): VatCodeSelection {
	const row = findMapping(decision, mapping);
	if (row) return fromMapping(decision, row, vatCodes);
	const requirement = requirementFor(decision, opts.pricesIncludeVat);
	const candidates = vatCodes.filter((code) => usable(code) && requirement.fits(code));
	if (!candidates.length) {
		const note =
			typeNote(decision, vatCodes, opts.pricesIncludeVat) || nearMisses(requirement, vatCodes);
		return { error: `${requirement.missing}${note}` };
	}
	const rank = requirement.rank ?? (() => 0);
	const sorted = [...candidates].sort((a, b) => rank(a) - rank(b) || byCode(a, b));
	const best = sorted.filter((code) => rank(code) === rank(sorted[0]));
	const chosen = sorted[0];
	const warnings: string[] = [];
	if (best.length > 1) {
		warnings.push(
			`${best.length} VAT codes fit ${decision.treatment} ${decision.country} ${formatRate(decision.rate)} (${best.map((code) => code.Code.trim()).join(', ')}): ${chosen.Code.trim()} used; map it to choose`,
		);
	}
	const confirm = requirement.confirm?.(chosen);
	if (confirm) warnings.push(confirm);
	return { code: chosen.Code.trim(), vatCode: chosen, source: 'auto', warnings };
}
