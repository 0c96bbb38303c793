/** Integer-cent allocation by the largest-remainder method (exact, BigInt inside). */

// The build targets ES2019, which has BigInt at run time but no BigInt literals.
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
/** 1,000,000 as a BigInt: rates are handled in millionths. */
export const MILLION = BigInt(1_000_000);

/**
 * Splits `totalCents` over non-negative integer `weights` so that the parts are proportional and sum
 * exactly to the total. Leftover cents go to the largest remainders; ties to the larger weight, then
 * to the earlier index. A negative total is split like its absolute value and negated.
 * Throws a RangeError when the weights do not sum to more than 0.
 */
export function allocateByWeights(totalCents: number, weights: readonly bigint[]): number[] {
	if (!Number.isSafeInteger(totalCents))
		throw new RangeError(`not an integer cent amount: ${totalCents}`);
	const sign = totalCents < 0 ? -1 : 1;
	const total = BigInt(Math.abs(totalCents));
	const weightSum = weights.reduce((sum, weight) => sum + weight, ZERO);
	if (weightSum <= ZERO || weights.some((weight) => weight < ZERO)) {
		throw new RangeError('allocation weights must be non-negative with a positive sum');
	}
	const floors = weights.map((weight) => (total * weight) / weightSum);
	const remainders = weights.map((weight) => (total * weight) % weightSum);
	let leftover = Number(total - floors.reduce((sum, part) => sum + part, ZERO));
	const order = weights
		.map((_, index) => index)
		.sort((a, b) => {
			if (remainders[a] !== remainders[b]) return remainders[b] > remainders[a] ? 1 : -1;
			if (weights[a] !== weights[b]) return weights[b] > weights[a] ? 1 : -1;
			return a - b;
		});
	const parts = floors.map(Number);
	for (const index of order) {
		if (leftover <= 0) break;
		parts[index] += 1;
		leftover -= 1;
	}
	return parts.map((part) => (sign < 0 && part !== 0 ? -part : part));
}

/** Rate as an integer number of millionths (0.055 -> 55000), for exact weight arithmetic. */
export function rateMicros(rate: number): bigint {
	return BigInt(Math.round(rate * 1_000_000));
}

/** Net part of a gross amount at a rate, rounded half away from zero to the cent. */
export function netCentsFromGross(grossCents: number, rate: number): number {
	const micros = rateMicros(rate);
	const gross = BigInt(Math.abs(grossCents));
	const denominator = MILLION + micros;
	const doubled = (TWO * gross * MILLION) / denominator;
	const net = Number((doubled + ONE) / TWO);
	return grossCents < 0 ? -net : net;
}
