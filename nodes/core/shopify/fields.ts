/**
 * Field types of Shopify payloads. Each accepts the variations real shops and tools send
 * (numbers for ids and amounts, null for absent) and names a failure in words a merchant can act
 * on ("is not a decimal amount"); the validation error prefixes it with the path.
 */
import { isDecimal, parseRate } from '../money';
import { idText } from './ids';
import { leaf, nullish, object, Problem, type Output } from './spec';

const MISSING = new Problem('is missing');
const NOT_DECIMAL = new Problem('is not a decimal amount');
const NEGATIVE = new Problem('must not be negative');

function isAbsent(value: unknown): value is null | undefined {
	return value === null || value === undefined;
}

function checkMoney(value: unknown): string | Problem {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof text !== 'string' || !isDecimal(text)) return NOT_DECIMAL;
	const trimmed = text.trim();
	return trimmed.charCodeAt(0) === 45 /* - */ && /[1-9]/.test(trimmed) ? NEGATIVE : trimmed;
}

/** A non-negative decimal amount ("19.99", or a JSON number), kept as its decimal text. */
export const money = leaf((value) => (isAbsent(value) ? MISSING : checkMoney(value)));

export const optionalMoney = leaf((value) =>
	isAbsent(value) || value === '' ? null : checkMoney(value),
);

/** A tax rate as a fraction (0.21 or "0.055"), converted to millionths; null when absent. */
export const rate = leaf((value): number | null | Problem => {
	if (isAbsent(value) || value === '') return null;
	try {
		return parseRate(value);
	} catch {
		return new Problem('is not a tax rate between 0 and 1');
	}
});

/** A Shopify id as a digit string (numbers, digit strings and gids accepted); null when absent. */
export const optionalId = leaf((value): string | null | Problem => {
	const text = idText(value);
	return text === undefined ? new Problem('is not a Shopify id') : text;
});

/** Free text; numbers and booleans become text, absent becomes null. */
export const text = leaf((value): string | null | Problem => {
	if (typeof value === 'string') return value;
	if (isAbsent(value)) return null;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return new Problem('must be text');
});

/** true/false (also "true"/"false"); absent becomes null so the caller picks the default. */
export const flag = leaf((value): boolean | null | Problem => {
	if (typeof value === 'boolean') return value;
	if (isAbsent(value)) return null;
	if (value === 'true' || value === 'false') return value === 'true';
	return new Problem('must be true or false');
});

export const MAX_QUANTITY = 1_000_000;

/** A whole quantity from 0 to MAX_QUANTITY. */
export const quantity = leaf((value): number | Problem => {
	if (isAbsent(value)) return MISSING;
	const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number))
		return new Problem('must be a whole number');
	if (number < 0 || number > MAX_QUANTITY)
		return new Problem(`must be between 0 and ${MAX_QUANTITY}`);
	return number;
});

/** A whole number (order numbers, indexes); null when absent. */
export const optionalInteger = leaf((value): number | null | Problem => {
	if (isAbsent(value)) return null;
	if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
	if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value);
	return new Problem('must be a whole number');
});

function checkCurrency(value: unknown): string | Problem {
	if (typeof value === 'string' && value.length === 3 && /^[A-Z]{3}$/.test(value)) return value;
	if (typeof value !== 'string' || !/^[A-Za-z]{3}$/.test(value.trim())) {
		return new Problem('is not an ISO currency code');
	}
	return value.trim().toUpperCase();
}

/** An ISO 4217 code, upper-cased. */
export const currency = leaf((value) =>
	isAbsent(value) || value === '' ? MISSING : checkCurrency(value),
);

export const optionalCurrency = leaf((value) =>
	isAbsent(value) || value === '' ? null : checkCurrency(value),
);

/** Any value, kept as it is (absent → null): for shapes apps choose, read defensively later. */
export const anything = leaf((value): unknown => value ?? null);

const amount = nullish(object({ amount: optionalMoney, currency_code: optionalCurrency }));

/** Shopify's `*_set` twin: the amount in shop and presentment currency (order totals). */
export const moneySet = nullish(object({ shop_money: amount, presentment_money: amount }));

/** The shop-currency half of a `*_set` twin: all the mapping reads of line-level amounts. */
export const shopMoneySet = nullish(
	object({ shop_money: nullish(object({ amount: optionalMoney })) }),
);

export type MoneySet = Output<typeof shopMoneySet>;
