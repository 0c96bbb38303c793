/**
 * VAT number format and check rules AT–FR, per the vat-oss.md §8 table (EC VIES structure; check
 * rules as summarised there from python-stdnum). `check` receives the number without its prefix.
 */
import {
	digitsOf,
	isRealDate,
	luhnCheckDigit,
	luhnSum,
	mod,
	mod11_10Valid,
	weightedSum,
} from './algorithms';

/** Format and check-digit rule of one VAT prefix. */
export interface VatNumberRule {
	/** Matches the whole normalised number, prefix included. */
	pattern: RegExp;
	/** Human description of the format, for error messages. */
	format: string;
	/** Check-digit test on the number without its two-letter prefix. */
	check: (body: string) => boolean;
}

/** AT: 8th digit = (6 − Luhn sum of digits 1–7) mod 10. */
function checkAt(body: string): boolean {
	const digits = body.slice(1);
	return mod(6 - luhnSum(digits.slice(0, 7)), 10) === Number(digits[7]);
}

/** BE: (first 8 digits + last 2) mod 97 = 0. */
function checkBe(body: string): boolean {
	return Number(body) > 0 && (Number(body.slice(0, 8)) + Number(body.slice(8))) % 97 === 0;
}

/** BG 10 digits, personal number (EGN): date of birth plus weighted check digit. */
function bulgarianEgn(body: string): boolean {
	let year = 1900 + Number(body.slice(0, 2));
	let month = Number(body.slice(2, 4));
	if (month > 40) {
		year += 100;
		month -= 40;
	} else if (month > 20) {
		year -= 100;
		month -= 20;
	}
	if (!isRealDate(year, month, Number(body.slice(4, 6)))) return false;
	return (weightedSum(body, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11) % 10 === Number(body[9]);
}

/** BG: 9 digits legal entity; 10 digits EGN, foreigner (PNF) or other. */
function checkBg(body: string): boolean {
	const last = Number(body[body.length - 1]);
	if (body.length === 9) {
		let check = weightedSum(body, [1, 2, 3, 4, 5, 6, 7, 8]) % 11;
		if (check === 10) check = weightedSum(body, [3, 4, 5, 6, 7, 8, 9, 10]) % 11;
		return check % 10 === last;
	}
	const foreigner = weightedSum(body, [21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 === last;
	const other = mod(11 - weightedSum(body, [4, 3, 2, 7, 6, 5, 4, 3, 2]), 11) === last;
	return bulgarianEgn(body) || foreigner || other;
}

/** CY: check letter from mapped odd-position digits plus even-position digits, mod 26. */
function checkCy(body: string): boolean {
	if (body.startsWith('12')) return false;
	const mapped = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
	const sum = digitsOf(body.slice(0, 8)).reduce(
		(total, digit, index) => total + (index % 2 === 0 ? mapped[digit] : digit),
		0,
	);
	return String.fromCharCode(65 + (sum % 26)) === body[8];
}

/** CZ/SK 9/10 digits: birth number (rodné číslo) with its embedded date. */
export function czechBirthNumber(body: string): boolean {
	let year = 1900 + Number(body.slice(0, 2));
	const month = (Number(body.slice(2, 4)) % 50) % 20;
	if (body.length === 9) {
		if (year >= 1980) year -= 100;
		if (year > 1953) return false; // 9-digit numbers were issued until 1953
	} else if (year < 1954) {
		year += 100;
	}
	if (!isRealDate(year, month, Number(body.slice(4, 6)))) return false;
	if (body.length === 9) return true;
	let check = Number(body.slice(0, 9)) % 11;
	if (year < 1985) check %= 10; // before 1985 a remainder of 10 was written as 0
	return check === Number(body[9]);
}

/** CZ: 8 digits legal entity, 9 digits starting with 6 special, else birth number. */
function checkCz(body: string): boolean {
	const last = Number(body[body.length - 1]);
	if (body.length === 8) {
		if (body.startsWith('9')) return false;
		const check = mod(11 - weightedSum(body, [8, 7, 6, 5, 4, 3, 2]), 11);
		return (check || 1) % 10 === last;
	}
	if (body.length === 9 && body.startsWith('6')) {
		const sum = weightedSum(body.slice(1, 8), [8, 7, 6, 5, 4, 3, 2]) % 11;
		return mod(8 - mod(10 - sum, 11), 10) === last;
	}
	return czechBirthNumber(body);
}

/** ES: DNI/NIE letter for persons, CIF digit or letter for entities. */
function checkEs(body: string): boolean {
	const letters = 'TRWAGMYFPDXBNJZSQVHLCKE';
	const first = body[0];
	const last = body[8];
	const middle = body.slice(1, 8);
	if (/\d/.test(first)) return letters[Number(body.slice(0, 8)) % 23] === last;
	if ('KLM'.includes(first)) return letters[Number(middle) % 23] === last;
	if ('XYZ'.includes(first)) {
		return letters[Number(`${'XYZ'.indexOf(first)}${middle}`) % 23] === last;
	}
	if (!'ABCDEFGHJNPQRSUVW'.includes(first)) return false;
	const digit = luhnCheckDigit(middle);
	return last === String(digit) || last === 'JABCDEFGHI'[digit];
}

/** FR: SIREN passes Luhn (except 000… Monaco numbers); key from SIREN, numeric or alphanumeric. */
function checkFr(body: string): boolean {
	const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
	const key = body.slice(0, 2);
	const siren = body.slice(2);
	if (!siren.startsWith('000') && luhnSum(siren) !== 0) return false;
	if (/^\d\d$/.test(key)) return Number(key) === Number(`${siren}12`) % 97;
	const first = alphabet.indexOf(key[0]);
	const second = alphabet.indexOf(key[1]);
	const check = /\d/.test(key[0]) ? first * 24 + second - 10 : first * 34 + second - 100;
	return (Number(siren) + 1 + Math.floor(check / 11)) % 11 === check % 11;
}

/** Rules AT–FR by VAT prefix. */
export const RULES_AT_TO_FR: Record<string, VatNumberRule> = {
	AT: { pattern: /^ATU\d{8}$/, format: 'ATU + 8 digits', check: checkAt },
	BE: { pattern: /^BE[01]\d{9}$/, format: 'BE + 10 digits starting with 0 or 1', check: checkBe },
	BG: { pattern: /^BG\d{9,10}$/, format: 'BG + 9 or 10 digits', check: checkBg },
	CY: { pattern: /^CY\d{8}[A-Z]$/, format: 'CY + 8 digits + a letter', check: checkCy },
	CZ: { pattern: /^CZ\d{8,10}$/, format: 'CZ + 8 to 10 digits', check: checkCz },
	DE: {
		pattern: /^DE[1-9]\d{8}$/,
		format: 'DE + 9 digits',
		check: (body) => mod11_10Valid(body),
	},
	DK: {
		pattern: /^DK[1-9]\d{7}$/,
		format: 'DK + 8 digits',
		check: (body) => weightedSum(body, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0,
	},
	EE: {
		pattern: /^EE10\d{7}$/,
		format: 'EE + 9 digits starting with 10',
		check: (body) => weightedSum(body, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0,
	},
	EL: {
		pattern: /^EL\d{9}$/,
		format: 'EL + 9 digits',
		check: (body) => {
			const sum = digitsOf(body.slice(0, 8)).reduce((total, digit) => total * 2 + digit, 0);
			return ((sum * 2) % 11) % 10 === Number(body[8]);
		},
	},
	ES: {
		pattern: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/,
		format: 'ES + a letter or digit, 7 digits, a letter or digit',
		check: checkEs,
	},
	FI: {
		pattern: /^FI\d{8}$/,
		format: 'FI + 8 digits',
		check: (body) => weightedSum(body, [7, 9, 10, 5, 8, 4, 2, 1]) % 11 === 0,
	},
	FR: {
		pattern: /^FR[0-9A-HJ-NP-Z]{2}\d{9}$/,
		format: 'FR + 2 key characters + 9-digit SIREN',
		check: checkFr,
	},
};
