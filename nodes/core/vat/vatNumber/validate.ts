/**
 * VAT number normalisation, validation (format + checksum, vat-oss.md §8) and VIES splitting.
 * A passing checksum is only a pre-filter: ICP needs a VIES check (§3), done by the node.
 */
import { normalizeCountryCode } from '../countries';
import { RULES_AT_TO_FR, type VatNumberRule } from './rulesAtoFr';
import { RULES_HR_TO_XI } from './rulesHrToXi';

const RULES: Record<string, VatNumberRule> = { ...RULES_AT_TO_FR, ...RULES_HR_TO_XI };

/** Prefixes recognised but never valid for ICP: GB (third country since 2021), EU (non-Union OSS). */
const OTHER_PREFIXES = new Set(['GB', 'EU']);

/** Result of `validateVatNumber`. */
export interface VatNumberCheck {
	/** Format and checksum pass for an EU member state or XI. */
	valid: boolean;
	/** Normalised number with its VAT prefix (`EL…` for Greece), or the cleaned input. */
	normalized: string;
	/** ISO2 country of the number (`GR` for `EL`, `XI` for Northern Ireland); null when unknown. */
	country: string | null;
	/** Why it is not valid. */
	reason?: string;
}

/** VAT prefix for an ISO country: GR -> EL, MC -> FR (Monaco uses French numbers). */
export function vatPrefixFor(country: string): string {
	const code = normalizeCountryCode(country);
	if (code === 'GR') return 'EL';
	if (code === 'MC') return 'FR';
	return code;
}

function isKnownPrefix(prefix: string): boolean {
	return prefix in RULES || OTHER_PREFIXES.has(prefix) || prefix === 'GR';
}

/**
 * Normalises a VAT number: uppercase; spaces, dots, dashes, slashes, colons and parentheses removed;
 * a duplicated prefix dropped ('DE DE 123…'); `GR` -> `EL`; old 9-digit BE and 8-digit EL numbers
 * padded with a leading 0. Without a recognised prefix, `countryHint` supplies one. Returns the cleaned
 * text unchanged in shape when neither gives a prefix.
 */
export function normalizeVatNumber(raw: string, countryHint?: string | null): string {
	const cleaned = String(raw ?? '')
		.toUpperCase()
		.replace(/[\s.\-/:()]/g, '');
	let prefix: string;
	let body: string;
	if (/^[A-Z]{2}/.test(cleaned) && isKnownPrefix(cleaned.slice(0, 2))) {
		prefix = cleaned.slice(0, 2);
		body = cleaned.slice(2);
		const rule = RULES[prefix === 'GR' ? 'EL' : prefix];
		const duplicated = body.startsWith(prefix) || (prefix === 'GR' && body.startsWith('EL'));
		// Drop a repeated prefix unless the number is valid-looking with it (an FR key can be 'FR').
		if (duplicated && !rule?.pattern.test(`${prefix}${body}`)) body = body.slice(2);
	} else if (countryHint && normalizeCountryCode(countryHint)) {
		prefix = vatPrefixFor(countryHint);
		body = cleaned;
	} else {
		return cleaned;
	}
	if (prefix === 'GR') prefix = 'EL';
	if (prefix === 'BE' && /^\d{9}$/.test(body)) body = `0${body}`;
	if (prefix === 'EL' && /^\d{8}$/.test(body)) body = `0${body}`;
	return `${prefix}${body}`;
}

/**
 * Checks format and checksum for the 27 member states and XI. GB and EU (non-Union OSS) numbers are
 * recognised but reported invalid for ICP.
 */
export function validateVatNumber(raw: string, countryHint?: string | null): VatNumberCheck {
	const normalized = normalizeVatNumber(raw, countryHint);
	if (!normalized) return { valid: false, normalized, country: null, reason: 'empty VAT number' };
	const prefix = /^[A-Z]{2}/.test(normalized) ? normalized.slice(0, 2) : '';
	if (prefix === 'EU') {
		return {
			valid: false,
			normalized,
			country: null,
			reason: /^EU\d{9}$/.test(normalized)
				? 'EU… is a non-Union OSS number of a non-EU business: not valid for ICP'
				: 'EU… is not a well-formed non-Union OSS number (EU + 9 digits)',
		};
	}
	if (prefix === 'GB') {
		return {
			valid: false,
			normalized,
			country: 'GB',
			reason: 'GB numbers are not EU VAT numbers since 2021 (Northern Ireland goods use XI)',
		};
	}
	const rule = RULES[prefix];
	if (!rule) {
		const reason = prefix
			? `unknown VAT prefix '${prefix}'`
			: 'no country prefix and no country to infer it from';
		return { valid: false, normalized, country: null, reason };
	}
	const country = prefix === 'EL' ? 'GR' : prefix;
	if (!rule.pattern.test(normalized)) {
		return { valid: false, normalized, country, reason: `wrong format: expected ${rule.format}` };
	}
	if (!rule.check(normalized.slice(2))) {
		return { valid: false, normalized, country, reason: `check digits do not match (${prefix})` };
	}
	return { valid: true, normalized, country };
}

/**
 * Splits a VAT number for the VIES API: `{countryCode: 'EL', number: '094259216'}`. Returns null
 * when VIES cannot check it (no or unknown prefix, GB, EU).
 */
export function splitVatNumber(
	raw: string,
	countryHint?: string | null,
): { countryCode: string; number: string } | null {
	const normalized = normalizeVatNumber(raw, countryHint);
	const prefix = normalized.slice(0, 2);
	if (!RULES[prefix] || normalized.length <= 2) return null;
	return { countryCode: prefix, number: normalized.slice(2) };
}
