/** EU member states and country-code aliases used by the VAT engine. */

/** The 27 member states (ISO codes; Greece is `GR` here, `EL` only in VAT numbers). */
export const EU_MEMBER_STATES: readonly string[] = [
	'AT',
	'BE',
	'BG',
	'CY',
	'CZ',
	'DE',
	'DK',
	'EE',
	'ES',
	'FI',
	'FR',
	'GR',
	'HR',
	'HU',
	'IE',
	'IT',
	'LT',
	'LU',
	'LV',
	'MT',
	'NL',
	'PL',
	'PT',
	'RO',
	'SE',
	'SI',
	'SK',
];

const memberSet = new Set(EU_MEMBER_STATES);

const NAMES: Record<string, string> = {
	AT: 'Austria',
	BE: 'Belgium',
	BG: 'Bulgaria',
	CY: 'Cyprus',
	CZ: 'Czechia',
	DE: 'Germany',
	DK: 'Denmark',
	EE: 'Estonia',
	ES: 'Spain',
	FI: 'Finland',
	FR: 'France',
	GR: 'Greece',
	HR: 'Croatia',
	HU: 'Hungary',
	IE: 'Ireland',
	IT: 'Italy',
	LT: 'Lithuania',
	LU: 'Luxembourg',
	LV: 'Latvia',
	MT: 'Malta',
	NL: 'the Netherlands',
	PL: 'Poland',
	PT: 'Portugal',
	RO: 'Romania',
	SE: 'Sweden',
	SI: 'Slovenia',
	SK: 'Slovakia',
	XI: 'Northern Ireland',
	GB: 'the United Kingdom',
	CH: 'Switzerland',
	NO: 'Norway',
	US: 'the United States',
	CA: 'Canada',
	AU: 'Australia',
};

/**
 * Countries for pickers, by name: the member states, Northern Ireland (XI) and the countries
 * outside the EU a webshop most often sells to. Others can be given as a code by expression.
 */
export function countryChoices(): Array<{ name: string; value: string }> {
	return Object.entries(NAMES)
		.map(([code, name]) => ({ name: `${name.replace(/^the /, '')} (${code})`, value: code }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** A country's name for messages ("Northern Ireland"); the code itself when it is not an EU one. */
export function countryName(country: string): string {
	const code = normalizeCountryCode(country);
	return NAMES[code] ?? code;
}

/**
 * Uppercases and trims a country code and resolves the aliases people and systems use:
 * `EL` (Greek VAT prefix) -> `GR`, `UK` -> `GB`. Returns '' for empty input.
 */
export function normalizeCountryCode(raw: string | null | undefined): string {
	const code = (raw ?? '').trim().toUpperCase();
	if (code === 'EL') return 'GR';
	if (code === 'UK') return 'GB';
	return code;
}

/** True for the 27 member states (after alias resolution). */
export function isEuMember(country: string): boolean {
	return memberSet.has(normalizeCountryCode(country));
}

/** True for a member state or Northern Ireland, which follows EU VAT rules for goods (§6). */
export function isEuForGoods(country: string): boolean {
	const code = normalizeCountryCode(country);
	return code === 'XI' || memberSet.has(code);
}

/**
 * True when two VAT countries form one VAT area for goods: equal codes, or Northern Ireland and Great
 * Britain (both the UK; NI -> GB is a UK domestic supply).
 */
export function sameVatArea(a: string, b: string): boolean {
	if (a === b) return true;
	return (a === 'XI' && b === 'GB') || (a === 'GB' && b === 'XI');
}
