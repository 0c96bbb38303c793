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
