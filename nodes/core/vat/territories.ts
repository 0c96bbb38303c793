/**
 * Resolves a ship-to address to the VAT area that applies: member state, Northern Ireland, or a
 * territory outside the EU VAT area (vat-oss.md §6, Directive 2006/112/EC art. 6 and 7).
 */
import { isEuMember, normalizeCountryCode } from './countries';
import { normalizePostcode, postcodeException } from './rates';
import type { ShipTo } from './types';

/** Where a line's goods go, in VAT terms. */
export interface Destination {
	/** Country code as sent, normalised (`ES` for the Canary Islands, `GB` for Northern Ireland). */
	countryCode: string;
	/** Country whose VAT rules apply: `XI` for Northern Ireland, `FR` for Monaco, `GB` for Man. */
	vatCountry: string;
	/** Inside the EU VAT area for goods (member states without their excluded territories, plus NI). */
	inEuVat: boolean;
	/** Name of the special territory that decided, if any. */
	territory?: string;
	/** Rule text with its reference, when a special territory decided. */
	rule?: string;
}

interface Territory {
	country: string;
	name: string;
	postcode?: RegExp;
	provinces?: string[];
	rule: string;
}

const ART6 = 'outside the EU VAT area (art. 6 Directive 2006/112/EC)';

/**
 * Territories of member states outside the EU VAT area. ES and FI need the postcode or province
 * (§6). The DE/IT/GR postcodes are the table's 0 % exceptions (§1); Ceuta and Melilla are matched on
 * the whole 51xxx/52xxx ranges, Åland on 22xxx [general knowledge, unverified in the reference].
 */
const EXCLUDED_TERRITORIES: Territory[] = [
	{
		country: 'ES',
		name: 'Canary Islands',
		postcode: /^3[58]\d{3}$/,
		provinces: ['GC', 'TF'],
		rule: ART6,
	},
	{ country: 'ES', name: 'Ceuta', postcode: /^51\d{3}$/, provinces: ['CE'], rule: ART6 },
	{ country: 'ES', name: 'Melilla', postcode: /^52\d{3}$/, provinces: ['ML'], rule: ART6 },
	{ country: 'FI', name: 'Åland Islands', postcode: /^22\d{3}$/, rule: ART6 },
	{ country: 'GR', name: 'Mount Athos', postcode: /^63086$/, rule: ART6 },
	{ country: 'DE', name: 'Büsingen am Hochrhein', postcode: /^78266$/, rule: ART6 },
	{ country: 'DE', name: 'Heligoland', postcode: /^27498$/, rule: ART6 },
	{ country: 'IT', name: 'Livigno', postcode: /^23041$/, rule: ART6 },
	{ country: 'IT', name: "Campione d'Italia", postcode: /^22061$/, rule: ART6 },
];

/** French overseas departments as Shopify country codes and as FR postcodes 971-976 (§6). */
const FRENCH_OVERSEAS: Record<string, string> = {
	GP: 'Guadeloupe',
	MQ: 'Martinique',
	GF: 'French Guiana',
	RE: 'Réunion',
	YT: 'Mayotte',
	MF: 'Saint-Martin',
};
const FRENCH_OVERSEAS_POSTCODES: Record<string, string> = {
	'971': 'Guadeloupe',
	'972': 'Martinique',
	'973': 'French Guiana',
	'974': 'Réunion',
	'975': 'Saint-Pierre-et-Miquelon',
	'976': 'Mayotte',
};

function provinceOf(raw: string | null | undefined, country: string): string {
	const code = (raw ?? '').trim().toUpperCase();
	return code.startsWith(`${country}-`) ? code.slice(country.length + 1) : code;
}

function outside(
	countryCode: string,
	vatCountry: string,
	territory: string,
	rule: string,
): Destination {
	return { countryCode, vatCountry, inEuVat: false, territory, rule: `${territory}: ${rule}` };
}

/** Resolves a ship-to address; `date` selects the table exceptions in force. */
export function resolveDestination(shipTo: ShipTo, date: string): Destination {
	const countryCode = normalizeCountryCode(shipTo.countryCode);
	const postcode = normalizePostcode(shipTo.postcode);
	const province = provinceOf(shipTo.provinceCode, countryCode);

	// Northern Ireland: GB + BT postcode (or an explicit XI) follows EU rules for goods (§6).
	if (countryCode === 'XI' || (countryCode === 'GB' && /^BT\d/.test(postcode))) {
		return {
			countryCode,
			vatCountry: 'XI',
			inEuVat: true,
			territory: 'Northern Ireland',
			rule: 'Northern Ireland: EU VAT rules for goods, country XI',
		};
	}
	if (countryCode === 'MC') {
		const rule = 'Monaco is treated as France';
		return { countryCode, vatCountry: 'FR', inEuVat: true, territory: 'Monaco', rule };
	}
	if (countryCode === 'IM') {
		return outside(countryCode, 'GB', 'Isle of Man', 'treated as the UK, a third country');
	}
	if (countryCode === 'AX') return outside(countryCode, 'AX', 'Åland Islands', ART6);
	if (FRENCH_OVERSEAS[countryCode]) {
		return outside(countryCode, countryCode, FRENCH_OVERSEAS[countryCode], ART6);
	}
	if (countryCode === 'FR' && /^97[1-6]\d{2}$/.test(postcode)) {
		return outside(countryCode, 'FR', FRENCH_OVERSEAS_POSTCODES[postcode.slice(0, 3)], ART6);
	}
	for (const territory of EXCLUDED_TERRITORIES) {
		if (territory.country !== countryCode) continue;
		const byPostcode = territory.postcode?.test(postcode) ?? false;
		const byProvince = territory.provinces?.includes(province) ?? false;
		if (byPostcode || byProvince) {
			return outside(countryCode, countryCode, territory.name, territory.rule);
		}
	}
	// Any other 0 % postcode exception of the dated table is a territory outside the VAT area (§1).
	const exception = postcodeException(countryCode, date, shipTo.postcode);
	if (exception && exception.standard === 0) {
		return outside(countryCode, countryCode, exception.name, ART6);
	}
	return { countryCode, vatCountry: countryCode, inEuVat: isEuMember(countryCode) };
}
