/** Check-digit building blocks shared by the per-country VAT number rules (vat-oss.md §8). */

/** Mathematical modulo (never negative). */
export function mod(value: number, modulus: number): number {
	return ((value % modulus) + modulus) % modulus;
}

/** '0123' -> [0, 1, 2, 3]. */
export function digitsOf(text: string): number[] {
	return [...text].map((char) => char.charCodeAt(0) - 48);
}

/** Σ weights[i] · digit[i] over the shorter of the two. */
export function weightedSum(text: string, weights: readonly number[]): number {
	const digits = digitsOf(text);
	let sum = 0;
	for (let i = 0; i < Math.min(digits.length, weights.length); i++) sum += digits[i] * weights[i];
	return sum;
}

/**
 * Luhn sum mod 10 of a digit string: from the right, digits at odd distance are doubled (digit sum).
 * A complete Luhn number has sum 0.
 */
export function luhnSum(text: string): number {
	const digits = digitsOf(text).reverse();
	let sum = 0;
	digits.forEach((digit, index) => {
		if (index % 2 === 0) sum += digit;
		else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
	});
	return sum % 10;
}

/** Luhn check digit to append to `text`. */
export function luhnCheckDigit(text: string): number {
	return mod(10 - luhnSum(`${text}0`), 10);
}

/** ISO 7064 Mod 11,10 (DE, HR): the last digit is the check digit of the others. */
export function mod11_10Valid(text: string): boolean {
	let product = 10;
	const digits = digitsOf(text);
	for (let i = 0; i < digits.length - 1; i++) {
		const sum = (digits[i] + product) % 10 || 10;
		product = (2 * sum) % 11;
	}
	return (11 - product) % 10 === digits[digits.length - 1];
}

/** ISO 7064 Mod 97-10 over letters (A=10 … Z=35) and digits: valid when the remainder is 1. */
export function mod97_10Valid(text: string): boolean {
	let remainder = 0;
	for (const char of text) {
		const value = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
		for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
	}
	return remainder === 1;
}

/** True when year/month/day form a real calendar date. */
export function isRealDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}
