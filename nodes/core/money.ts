/**
 * Integer minor-unit arithmetic ("cents": 1/100 EUR, 1 JPY, 1/1000 KWD).
 *
 * Amounts are parsed from decimal strings digit by digit, never through a float. Every
 * division rounds once, **half away from zero** ("commercial rounding": 0.125 → 0.13,
 * -0.125 → -0.13), which is how Shopify rounds a line's tax and how Exact rounds line VAT.
 * Banker's rounding is deliberately not used.
 *
 * Tax rates are integers in millionths (`RATE_SCALE`): 21 % = 210000, 5.5 % = 55000.
 */

export const RATE_SCALE = 1_000_000;

export type MoneyErrorCode = 'notDecimal' | 'tooPrecise' | 'outOfRange' | 'notRate';

export class MoneyError extends Error {
	constructor(
		readonly code: MoneyErrorCode,
		readonly input: unknown,
		message: string,
	) {
		super(message);
		this.name = 'MoneyError';
	}
}

/** ISO 4217 currencies whose minor unit is not 1/100. Any other currency has 2 decimals. */
// prettier-ignore
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
	BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
	RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
	BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

/** Number of decimals of a currency's minor unit (EUR 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
	return EXPONENT_EXCEPTIONS[currency.toUpperCase()] ?? 2;
}

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A plain decimal ("12", "12.5", "-0.055"); no exponent, no thousands separators. */
export function isDecimal(value: string): boolean {
	return DECIMAL_PATTERN.test(value.trim());
}

/** Text of a decimal input; numbers are accepted through their shortest round-trip form. */
function decimalText(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw new MoneyError('notDecimal', value, `${describe(value)} is not a decimal amount`);
}

function describe(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	return String(value);
}

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** Fast path for the usual unsigned "1234.56": undefined sends anything else to the full parser. */
function quickScaled(text: string, scale: number): number | undefined {
	const length = text.length;
	if (length === 0 || length > 15 || scale > 6) return undefined;
	let value = 0;
	let decimals = -1;
	for (let i = 0; i < length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 48 && code <= 57) {
			value = value * 10 + (code - 48);
			if (decimals >= 0) decimals++;
		} else if (code === 46 && decimals < 0 && i > 0 && i < length - 1) {
			decimals = 0;
		} else {
			return undefined;
		}
	}
	if (decimals > scale) return undefined;
	const scaled = value * POWERS_OF_TEN[scale - Math.max(decimals, 0)];
	return Number.isSafeInteger(scaled) ? scaled : undefined;
}

/**
 * Parses a decimal into an integer scaled by 10^scale. Digits beyond `scale` must be zeros
 * (`round: false`) or are rounded half away from zero (`round: true`).
 */
export function parseScaled(value: unknown, scale: number, round = false): number {
	if (typeof value === 'string') {
		const quick = quickScaled(value, scale);
		if (quick !== undefined) return quick;
	}
	const text = decimalText(value);
	const match = DECIMAL_PATTERN.exec(text);
	if (!match)
		throw new MoneyError('notDecimal', value, `${describe(value)} is not a decimal amount`);
	const [, sign, whole, fraction = ''] = match;
	let carry = 0;
	if (fraction.length > scale) {
		const excess = fraction.slice(scale);
		if (!round && /[1-9]/.test(excess)) {
			throw new MoneyError(
				'tooPrecise',
				value,
				`${describe(value)} has more than ${scale} decimal${scale === 1 ? '' : 's'}`,
			);
		}
		carry = excess.charCodeAt(0) >= 53 /* '5' */ ? 1 : 0;
	}
	const digits = (whole + fraction.slice(0, scale).padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
	const magnitude = digits.length > 16 ? Infinity : Number(digits) + carry;
	if (!Number.isSafeInteger(magnitude)) {
		throw new MoneyError('outOfRange', value, `${describe(value)} is out of range`);
	}
	return sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/** Parses a Shopify amount ("19.99") into minor units; extra non-zero decimals are an error. */
export function parseMoney(value: unknown, currencyOrExponent: string | number = 2): number {
	const exponent =
		typeof currencyOrExponent === 'number'
			? currencyOrExponent
			: currencyExponent(currencyOrExponent);
	return parseScaled(value, exponent);
}

/** Formats minor units as a decimal string: 1234 → "12.34", -5 → "-0.05", JPY 1000 → "1000". */
export function formatMoney(cents: number, currencyOrExponent: string | number = 2): string {
	const exponent =
		typeof currencyOrExponent === 'number'
			? currencyOrExponent
			: currencyExponent(currencyOrExponent);
	assertSafe(cents, 'amount');
	const digits = String(Math.abs(cents)).padStart(exponent + 1, '0');
	const sign = cents < 0 ? '-' : '';
	if (exponent === 0) return sign + digits;
	return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Parses a tax rate given as a fraction (0.21, "0.055") into millionths, rounding beyond 6 decimals. */
export function parseRate(value: unknown): number {
	let micro: number | undefined;
	try {
		micro = parseScaled(value, 6, true);
	} catch {
		micro = undefined;
	}
	if (micro === undefined || micro < 0 || micro > RATE_SCALE) {
		throw new MoneyError('notRate', value, `${describe(value)} is not a tax rate between 0 and 1`);
	}
	return micro;
}

/** A rate in millionths as the fraction a person reads: 210000 → 0.21. */
export function rateToFraction(rateMicro: number): number {
	return rateMicro / RATE_SCALE;
}

/** Refuses anything but whole cents within ±2^53 (a sum that grew past it lost digits). */
export function assertSafe(value: number, what = 'amount'): void {
	if (!Number.isSafeInteger(value)) {
		throw new MoneyError('outOfRange', value, `${what} is out of range`);
	}
}

/** round(a × b / c), half away from zero, exact for any safe integers (BigInt when a × b is large). */
export function mulDivRound(a: number, b: number, c: number): number {
	assertSafe(a, 'amount');
	assertSafe(b, 'factor');
	assertSafe(c, 'divisor');
	if (c === 0) throw new MoneyError('outOfRange', c, 'division by zero');
	const negative = (a < 0 !== b < 0) !== c < 0;
	const product = Math.abs(a) * Math.abs(b);
	const divisor = Math.abs(c);
	let result: number;
	if (Number.isSafeInteger(product)) {
		const remainder = product % divisor;
		result = (product - remainder) / divisor + (remainder * 2 >= divisor ? 1 : 0);
	} else {
		const big = BigInt(Math.abs(a)) * BigInt(Math.abs(b));
		const bigDivisor = BigInt(divisor);
		const quotient = big / bigDivisor;
		const up = (big % bigDivisor) * BigInt(2) >= bigDivisor ? BigInt(1) : BigInt(0);
		result = Number(quotient + up);
		assertSafe(result, 'result');
	}
	return negative && result !== 0 ? -result : result;
}

/** unit × quantity, refusing results beyond 2^53. */
export function multiplyQuantity(unitCents: number, quantity: number): number {
	assertSafe(unitCents, 'unit price');
	if (!Number.isInteger(quantity))
		throw new MoneyError('outOfRange', quantity, 'quantity is not whole');
	const total = unitCents * quantity;
	assertSafe(total, 'unit price × quantity');
	return total === 0 ? 0 : total; // no -0
}

/** Σ of amounts, refusing results beyond 2^53. */
export function sumCents(values: readonly number[]): number {
	let total = 0;
	for (const value of values) total += value;
	assertSafe(total, 'sum');
	return total;
}

/** Tax on a net amount: round(net × rate). */
export function taxOnNet(netCents: number, rateMicro: number): number {
	return mulDivRound(netCents, rateMicro, RATE_SCALE);
}

/** Tax contained in a gross amount: round(gross × rate / (1 + rate)). */
export function taxInGross(grossCents: number, rateMicro: number): number {
	return mulDivRound(grossCents, rateMicro, RATE_SCALE + rateMicro);
}

/** Net (excl. tax) from gross: gross − round(gross × rate / (1 + rate)). */
export function netFromGross(grossCents: number, rateMicro: number): number {
	return grossCents - taxInGross(grossCents, rateMicro);
}

/** Gross (incl. tax) from net: net + round(net × rate). */
export function grossFromNet(netCents: number, rateMicro: number): number {
	return netCents + taxOnNet(netCents, rateMicro);
}

/**
 * Splits `total` over `weights` so the parts sum to `total` exactly (largest-remainder method):
 * each part gets floor(total × w / Σw), and the leftover units go one each to the largest
 * remainders, earlier index first on a tie. Weights are non-negative integers; when they are all
 * zero the split is even. A negative total is split as its absolute value, then negated.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
	assertSafe(total, 'amount');
	if (weights.length === 0) {
		if (total !== 0) throw new MoneyError('outOfRange', total, 'nothing to allocate over');
		return [];
	}
	for (const weight of weights) {
		if (!Number.isSafeInteger(weight) || weight < 0) {
			throw new MoneyError('outOfRange', weight, 'allocation weights must be whole numbers ≥ 0');
		}
	}
	if (total < 0) return allocate(-total, weights).map((part) => (part === 0 ? 0 : -part));
	const effective = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
	const weightSum = sumCents(effective);
	const parts: number[] = [];
	const remainders: Array<{ index: number; remainder: number }> = [];
	let given = 0;
	effective.forEach((weight, index) => {
		const part = floorMulDiv(total, weight, weightSum);
		parts.push(part.quotient);
		remainders.push({ index, remainder: part.remainder });
		given += part.quotient;
	});
	remainders.sort((x, y) => y.remainder - x.remainder || x.index - y.index);
	for (let i = 0; i < total - given; i++) parts[remainders[i].index] += 1;
	return parts;
}

/** floor(a × b / c) and its remainder, for non-negative safe integers (c is shared by all parts). */
function floorMulDiv(a: number, b: number, c: number): { quotient: number; remainder: number } {
	const product = a * b;
	if (Number.isSafeInteger(product)) {
		const remainder = product % c;
		return { quotient: (product - remainder) / c, remainder };
	}
	const big = BigInt(a) * BigInt(b);
	const bigC = BigInt(c);
	return { quotient: Number(big / bigC), remainder: Number(big % bigC) };
}
