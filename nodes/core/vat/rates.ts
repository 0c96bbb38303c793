/**
 * Dated EU rate table (vat-oss.md §1), from ibericode/vat-rates shipped in ./data (see SOURCE.md).
 * The table is in percent; everything returned here is a fraction.
 */
import rateData from './data/vat-rates.json';
import { normalizeCountryCode } from './countries';
import type { RateSet } from './types';

interface RawException {
	name: string;
	postcode: string;
	standard: number;
}

interface RawPeriod {
	effective_from: string;
	rates: Record<string, number>;
	exceptions?: RawException[];
}

const table = (rateData as unknown as { items: Record<string, RawPeriod[]> }).items;

/** Newest period first, so the first period not after the date is the one in force. */
const periodsByCountry: Record<string, RawPeriod[]> = {};
for (const [country, periods] of Object.entries(table)) {
	periodsByCountry[country] = [...periods].sort((a, b) =>
		b.effective_from.localeCompare(a.effective_from),
	);
}

/**
 * Countries whose rates come from another table entry. The table has GB but not XI: Northern
 * Ireland charges UK rates (20/5, §6). Monaco is treated as France, the Isle of Man as the UK (§6).
 */
const TABLE_ALIASES: Record<string, string> = { XI: 'GB', MC: 'FR', IM: 'GB' };

const DATE_PATTERN = /^(\d{4}-\d{2}-\d{2})/;

/**
 * Returns the `YYYY-MM-DD` part of a date or ISO timestamp (the local date as written, so a
 * timestamp's own offset decides the day). Throws a TypeError for anything else.
 */
export function normalizeDate(date: string): string {
	const match = DATE_PATTERN.exec(String(date ?? '').trim());
	if (!match) throw new TypeError(`VAT date must be YYYY-MM-DD, got '${date}'`);
	return match[1];
}

/** Percent (21, 5.5) -> fraction (0.21, 0.055) without binary noise. */
export function percentToFraction(percent: number): number {
	return Number((percent / 100).toFixed(6));
}

/** True when two fractional rates are the same rate (tolerant of float noise). */
export function sameRate(a: number, b: number): boolean {
	return Math.abs(a - b) < 5e-7;
}

/** 0.055 -> '5.5%'. */
export function formatRate(rate: number): string {
	return `${Number((rate * 100).toFixed(4))}%`;
}

/**
 * Cleans a postcode for matching: uppercase, no spaces or dashes, and a leading country letter prefix
 * on a numeric code dropped ('D-78266' -> '78266', 'FI-22100' -> '22100').
 */
export function normalizePostcode(raw: string | null | undefined): string {
	const code = (raw ?? '').toUpperCase().replace(/[\s-]/g, '');
	const prefixed = /^[A-Z]{1,3}(\d{4,})$/.exec(code);
	return prefixed ? prefixed[1] : code;
}

function periodOn(country: string, date: string): RawPeriod | undefined {
	const periods = periodsByCountry[country];
	return periods?.find((period) => period.effective_from <= date);
}

/** The table exception (e.g. Canary Islands, Madeira) that a postcode falls in, on a date. */
export function postcodeException(
	country: string,
	date: string,
	postcode: string | null | undefined,
): { name: string; standard: number } | undefined {
	const code = normalizeCountryCode(country);
	const period = periodOn(TABLE_ALIASES[code] ?? code, normalizeDate(date));
	const cleaned = normalizePostcode(postcode);
	if (!period?.exceptions || !cleaned) return undefined;
	const hit = period.exceptions.find((exception) =>
		new RegExp(`^(?:${exception.postcode})$`).test(cleaned),
	);
	return hit ? { name: hit.name, standard: percentToFraction(hit.standard) } : undefined;
}

/**
 * Rates in force in `country` on `date` (fractions), or null when the table has no such country
 * (non-EU except GB/XI/IM, and MC which is read as FR). With a postcode that matches a table
 * exception, the exception's standard rate replaces the rates (its reduced rates are not in the table,
 * so `reduced` is empty) and `exception` names it.
 */
export function ratesFor(country: string, date: string, postcode?: string | null): RateSet | null {
	const code = normalizeCountryCode(country);
	const period = periodOn(TABLE_ALIASES[code] ?? code, normalizeDate(date));
	if (!period) return null;
	const exception = postcodeException(code, date, postcode);
	if (exception) {
		return {
			standard: exception.standard,
			reduced: [],
			effectiveFrom: period.effective_from,
			exception: exception.name,
		};
	}
	const reduced: number[] = [];
	let superReduced: number | undefined;
	let parking: number | undefined;
	for (const [key, value] of Object.entries(period.rates)) {
		// Keys in the file: standard, reduced, reduced1, reduced2, super_reduced, parking,
		// press_publications (EE 9 %, a reduced rate).
		if (key.startsWith('reduced') || key === 'press_publications') reduced.push(value);
		else if (key === 'super_reduced') superReduced = value;
		else if (key === 'parking') parking = value;
	}
	const unique = [...new Set(reduced)].sort((a, b) => b - a).map(percentToFraction);
	const result: RateSet = {
		standard: percentToFraction(period.rates.standard),
		reduced: unique,
		effectiveFrom: period.effective_from,
	};
	if (superReduced !== undefined) result.superReduced = percentToFraction(superReduced);
	if (parking !== undefined) result.parking = percentToFraction(parking);
	return result;
}

/** All distinct rates of a RateSet, highest first. */
export function rateList(rates: RateSet | null): number[] {
	if (!rates) return [];
	const all = [rates.standard, ...rates.reduced];
	if (rates.superReduced !== undefined) all.push(rates.superReduced);
	if (rates.parking !== undefined) all.push(rates.parking);
	return [...new Set(all)].sort((a, b) => b - a);
}

/** Countries in the table, plus XI (UK rates). */
export function tableCountries(): string[] {
	return [...Object.keys(periodsByCountry), 'XI'].sort();
}
