import { readFileSync } from 'fs';
import path from 'path';
import type { Rec } from '../store';

/**
 * The division's VAT codes. Rates come from data/vat-rates.json (ibericode/vat-rates); each OSS
 * code carries the standard or main reduced rate in force on the sandbox's "today".
 */
interface Period {
	effective_from: string;
	rates: Record<string, number>;
}

const EU = new Set(
	'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

function loadRates(): Record<string, Period[]> {
	const file = path.join(__dirname, '..', 'data', 'vat-rates.json');
	return (JSON.parse(readFileSync(file, 'utf8')) as { items: Record<string, Period[]> }).items;
}

/** Rates of a country in force on a date (YYYY-MM-DD). */
export function ratesOn(periods: Period[], day: string): Record<string, number> | undefined {
	const valid = periods.filter((p) => p.effective_from <= day);
	valid.sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1));
	return valid[0]?.rates;
}

const fraction = (pct: number) => Math.round(pct * 10000) / 1000000;

function code(c: string, description: string, pct: number, type: string, extra: Rec = {}): Rec {
	return {
		Code: c,
		Description: description,
		Percentage: fraction(pct),
		Type: type,
		VATTransactionType: 'S',
		EUSalesListing: 'N',
		IsBlocked: false,
		Charged: false,
		IntraStat: false,
		...extra,
	};
}

export function vatCodeSeed(day: string): Rec[] {
	const rates = loadRates();
	const nl = ratesOn(rates.NL, day) ?? { standard: 21, reduced: 9 };
	const list: Rec[] = [
		code('V21', `BTW ${nl.standard}% hoog, excl.`, nl.standard, 'E'),
		code('I21', `BTW ${nl.standard}% hoog, incl.`, nl.standard, 'I'),
		code('V9', `BTW ${nl.reduced}% laag, excl.`, nl.reduced, 'E'),
		code('I9', `BTW ${nl.reduced}% laag, incl.`, nl.reduced, 'I'),
		code('0', 'Geen BTW', 0, 'N'),
		code('ICP', 'ICP levering binnen EU 0%', 0, 'B', { EUSalesListing: 'L', IntraStat: true }),
		code('EXP', 'Export buiten EU 0%', 0, 'B'),
		code('OLD', 'BTW 19% (oud tarief, geblokkeerd)', 19, 'E', { IsBlocked: true }),
	];
	for (const cc of [...EU].sort()) {
		if (cc === 'NL' || !rates[cc]) continue;
		const r = ratesOn(rates[cc], day);
		if (!r) continue;
		list.push(
			code(`${cc}S`, `OSS ${cc} ${r.standard}% standaard`, r.standard, 'I', { OssCountry: cc }),
		);
		const reduced = r.reduced ?? r.reduced1;
		if (reduced !== undefined) {
			list.push(code(`${cc}R`, `OSS ${cc} ${reduced}% verlaagd`, reduced, 'I', { OssCountry: cc }));
		}
	}
	return list;
}
