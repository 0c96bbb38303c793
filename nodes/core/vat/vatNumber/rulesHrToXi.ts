/**
 * VAT number format and check rules HR–XI, per the vat-oss.md §8 table. `check` receives the
 * number without its prefix.
 */
import {
	digitsOf,
	isRealDate,
	luhnSum,
	mod,
	mod11_10Valid,
	mod97_10Valid,
	weightedSum,
} from './algorithms';
import { czechBirthNumber, type VatNumberRule } from './rulesAtoFr';

/** IE: mod-23 letter over digits ×8..2 plus the optional second letter ×9; old format reordered. */
function checkIe(body: string): boolean {
	const alphabet = 'WABCDEFGHIJKLMNOPQRSTUV';
	const letterFor = (digits: string, extra: string): string => {
		const extraValue = extra ? alphabet.indexOf(extra) : 0;
		return alphabet[(weightedSum(digits, [8, 7, 6, 5, 4, 3, 2]) + 9 * extraValue) % 23];
	};
	if (/^\d{7}/.test(body)) return letterFor(body.slice(0, 7), body.slice(8)) === body[7];
	// Old format: digit, letter/symbol, 5 digits, letter -> '0' + 5 digits + first digit.
	return letterFor(`0${body.slice(2, 7)}${body[0]}`, '') === body[7];
}

/** IT: first 7 digits not all 0, office code 001–100/120/121/888/999, Luhn over all 11. */
function checkIt(body: string): boolean {
	if (Number(body.slice(0, 7)) === 0) return false;
	const office = body.slice(7, 10);
	const officeOk =
		(office >= '001' && office <= '100') || ['120', '121', '888', '999'].includes(office);
	return officeOk && luhnSum(body) === 0;
}

/** LT: 9 digits (8th = 1) or 12 digits (11th = 1); weights 1..9 cyclic, retry shifted by 2. */
function checkLt(body: string): boolean {
	if (body.length === 9 ? body[7] !== '1' : body[10] !== '1') return false;
	const digits = digitsOf(body.slice(0, -1));
	const sum = (shift: number) =>
		digits.reduce((total, digit, index) => total + (1 + ((index + shift) % 9)) * digit, 0);
	let check = sum(0) % 11;
	if (check === 10) check = sum(2) % 11;
	return check % 10 === Number(body[body.length - 1]);
}

/** LV: legal entities (first digit > 3) sum mod 11 = 3; personal codes carry a birth date. */
function checkLv(body: string): boolean {
	if (Number(body[0]) > 3) return weightedSum(body, [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1]) % 11 === 3;
	const year = 1800 + Number(body[6]) * 100 + Number(body.slice(4, 6));
	if (!isRealDate(year, Number(body.slice(2, 4)), Number(body.slice(0, 2)))) return false;
	const check = (1 + weightedSum(body, [10, 5, 8, 4, 2, 1, 6, 3, 7, 9])) % 11;
	return check % 10 === Number(body[10]);
}

/** NL: 9 digits + B + 2 digits (> 00); RSIN/BSN 11-proof or mod 97-10 over 'NL' + number. */
function checkNl(body: string): boolean {
	if (Number(body.slice(0, 9)) === 0 || Number(body.slice(10)) === 0) return false;
	const elevenProof = mod(weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2, -1]), 11) === 0;
	return elevenProof || mod97_10Valid(`NL${body}`);
}

/** RO: 2–10 digits; the others padded to 9, weights 7,5,3,2,1,7,5,3,2, check = 10·Σ mod 11 mod 10. */
function checkRo(body: string): boolean {
	const padded = body.slice(0, -1).padStart(9, '0');
	const check = ((10 * weightedSum(padded, [7, 5, 3, 2, 1, 7, 5, 3, 2])) % 11) % 10;
	return check === Number(body[body.length - 1]);
}

/** SI: check = 11 − (Σ(8−i)·dᵢ mod 11), 10 -> 0, 11 is never valid. */
function checkSi(body: string): boolean {
	const check = 11 - (weightedSum(body, [8, 7, 6, 5, 4, 3, 2]) % 11);
	return (check === 10 ? 0 : check) === Number(body[7]);
}

/** XI (UK rule): weights 8..2,10,1 mod 97 ∈ {0, 42, 55}; 0 only below 100; GD < 500, HA ≥ 500. */
function checkXi(body: string): boolean {
	if (body.startsWith('GD')) return Number(body.slice(2)) < 500;
	if (body.startsWith('HA')) return Number(body.slice(2)) >= 500;
	const remainder = weightedSum(body.slice(0, 9), [8, 7, 6, 5, 4, 3, 2, 10, 1]) % 97;
	return Number(body.slice(0, 3)) >= 100 ? [0, 42, 55].includes(remainder) : remainder === 0;
}

/** Rules HR–XI by VAT prefix. */
export const RULES_HR_TO_XI: Record<string, VatNumberRule> = {
	HR: {
		pattern: /^HR\d{11}$/,
		format: 'HR + 11 digits (OIB)',
		check: (body) => mod11_10Valid(body),
	},
	HU: {
		pattern: /^HU\d{8}$/,
		format: 'HU + 8 digits',
		check: (body) => weightedSum(body, [9, 7, 3, 1, 9, 7, 3, 1]) % 10 === 0,
	},
	IE: {
		pattern: /^IE(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
		format: 'IE + 7 digits and 1–2 letters (or the old 8-character format)',
		check: checkIe,
	},
	IT: { pattern: /^IT\d{11}$/, format: 'IT + 11 digits', check: checkIt },
	LT: { pattern: /^LT(\d{9}|\d{12})$/, format: 'LT + 9 or 12 digits', check: checkLt },
	LU: {
		pattern: /^LU\d{8}$/,
		format: 'LU + 8 digits',
		check: (body) => Number(body.slice(0, 6)) % 89 === Number(body.slice(6)),
	},
	LV: { pattern: /^LV\d{11}$/, format: 'LV + 11 digits', check: checkLv },
	MT: {
		pattern: /^MT[1-9]\d{7}$/,
		format: 'MT + 8 digits',
		check: (body) => weightedSum(body, [3, 4, 6, 7, 8, 9, 10, 1]) % 37 === 0,
	},
	NL: { pattern: /^NL\d{9}B\d{2}$/, format: 'NL + 9 digits + B + 2 digits', check: checkNl },
	PL: {
		pattern: /^PL\d{10}$/,
		format: 'PL + 10 digits',
		check: (body) => mod(weightedSum(body, [6, 5, 7, 2, 3, 4, 5, 6, 7, -1]), 11) === 0,
	},
	PT: {
		pattern: /^PT[1-9]\d{8}$/,
		format: 'PT + 9 digits',
		check: (body) =>
			mod(11 - weightedSum(body, [9, 8, 7, 6, 5, 4, 3, 2]), 11) % 10 === Number(body[8]),
	},
	RO: { pattern: /^RO[1-9]\d{1,9}$/, format: 'RO + 2 to 10 digits', check: checkRo },
	SE: {
		pattern: /^SE\d{10}01$/,
		format: 'SE + 10 digits + 01',
		check: (body) => luhnSum(body.slice(0, 10)) === 0,
	},
	SI: { pattern: /^SI[1-9]\d{7}$/, format: 'SI + 8 digits', check: checkSi },
	SK: {
		pattern: /^SK[1-9]\d[2-47-9]\d{7}$/,
		format: 'SK + 10 digits (third digit 2, 3, 4, 7, 8 or 9)',
		// Whole number mod 11 = 0, or a birth number (§8); the format is the table's regex.
		check: (body) => Number(body) % 11 === 0 || czechBirthNumber(body),
	},
	XI: {
		pattern: /^XI(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
		format: 'XI + 9 or 12 digits (or GD/HA + 3 digits)',
		check: checkXi,
	},
};
