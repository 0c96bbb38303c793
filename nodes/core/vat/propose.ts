/** The mapping the engine would use for every rate in the table ("check mapping" operation). */
import { EU_MEMBER_STATES, isEuForGoods, normalizeCountryCode } from './countries';
import { rateList, ratesFor } from './rates';
import { isVatCodeError, selectVatCode } from './selectCode';
import type { ExactVatCode, VatCodeMapping, VatKey, VatTreatment } from './types';

/** One row of the proposed mapping. */
export interface ProposedVatCode {
	/** Treatment of the row. */
	treatment: VatTreatment;
	/** ISO2 country (`XI` for Northern Ireland), `*` for treatments that do not depend on it. */
	country: string;
	/** Rate as a fraction. */
	rate: number;
	/** The code the engine would use, or null when none fits. */
	code: string | null;
	/** Description of that code in Exact. */
	description?: string;
	/** Whether the user mapping or the auto rules chose it. */
	source?: 'mapping' | 'auto';
	/** What to create or map when `code` is null. */
	error?: string;
	/** Ambiguities and doubts. */
	warnings: string[];
}

/** Options of `proposeVatMapping`. */
export interface ProposeOptions {
	/** Date whose rates are listed (YYYY-MM-DD); default: the newest rates in the table. */
	date?: string;
	/** The user's mapping, applied as `selectVatCode` would. */
	mapping?: readonly VatCodeMapping[];
}

const NEWEST = '9999-12-31';

/**
 * Lists (treatment, country, rate) -> code for: every domestic rate of the seller, every rate of
 * every other EU country and XI under OSS, and one row each for ICP, export, exempt, out of scope.
 */
export function proposeVatMapping(
	vatCodes: readonly ExactVatCode[],
	sellerCountry: string,
	pricesIncludeVat: boolean,
	options: ProposeOptions = {},
): ProposedVatCode[] {
	const seller = normalizeCountryCode(sellerCountry);
	const date = options.date ?? NEWEST;
	const keys: VatKey[] = rateList(ratesFor(seller, date)).map((rate) => ({
		treatment: 'domestic',
		country: seller,
		rate,
	}));
	if (isEuForGoods(seller)) {
		const destinations = [...EU_MEMBER_STATES, 'XI'].filter((country) => country !== seller);
		for (const country of destinations) {
			for (const rate of rateList(ratesFor(country, date))) {
				keys.push({ treatment: 'oss', country, rate });
			}
		}
		keys.push({ treatment: 'icp', country: '*', rate: 0 });
	}
	const zeroRated: VatTreatment[] = ['export', 'exempt', 'outOfScope'];
	for (const treatment of zeroRated) keys.push({ treatment, country: '*', rate: 0 });
	return keys.map((key) => {
		const selection = selectVatCode(key, vatCodes, options.mapping ?? [], { pricesIncludeVat });
		if (isVatCodeError(selection)) {
			return { ...key, code: null, error: selection.error, warnings: [] };
		}
		const row: ProposedVatCode = {
			...key,
			code: selection.code,
			source: selection.source,
			warnings: selection.warnings,
		};
		if (selection.vatCode) row.description = selection.vatCode.Description;
		return row;
	});
}
