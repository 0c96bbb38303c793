import {
	allocate,
	currencyExponent,
	formatMoney,
	grossFromNet,
	MoneyError,
	mulDivRound,
	multiplyQuantity,
	netFromGross,
	parseMoney,
	parseRate,
	parseScaled,
	rateToFraction,
	sumCents,
	taxInGross,
	taxOnNet,
} from '../../nodes/core/money';

function codeOf(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		return error instanceof MoneyError ? error.code : `not a MoneyError: ${String(error)}`;
	}
	return undefined;
}

describe('parseMoney', () => {
	it.each([
		['19.99', 1999],
		['0.00', 0],
		['10', 1000],
		['10.5', 1050],
		['  7.10 ', 710],
		['-3.05', -305],
		['-0.00', 0],
		['0012.30', 1230],
		['19.990', 1999],
		['90071992547409.91', 9007199254740991],
	])('reads %p as %p cents without a float', (text, cents) => {
		expect(parseMoney(text)).toBe(cents);
	});

	it('reads JSON numbers through their shortest decimal form, refusing float noise', () => {
		expect(parseMoney(89.99)).toBe(8999);
		expect(parseMoney(13.5)).toBe(1350);
		expect(codeOf(() => parseMoney(0.1 + 0.2))).toBe('tooPrecise'); // 0.30000000000000004
	});

	it.each([
		'1e3',
		'abc',
		'',
		'1,00',
		'1.2.3',
		'.5',
		'5.',
		'+1.00',
		'NaN',
		'Infinity',
		'0x10',
		'1 000',
	])('rejects %p as not a decimal amount', (text) => {
		expect(codeOf(() => parseMoney(text))).toBe('notDecimal');
	});

	it.each([null, undefined, true, {}, [], Number.NaN, Number.POSITIVE_INFINITY])(
		'rejects the non-text value %p',
		(value) => {
			expect(codeOf(() => parseMoney(value))).toBe('notDecimal');
		},
	);

	it('rejects amounts whose cents exceed 2^53', () => {
		expect(codeOf(() => parseMoney('90071992547409.92'))).toBe('outOfRange');
		expect(codeOf(() => parseMoney('99999999999999999999.99'))).toBe('outOfRange');
	});

	it('refuses non-zero digits beyond the currency exponent instead of rounding them away', () => {
		expect(codeOf(() => parseMoney('10.005'))).toBe('tooPrecise');
		expect(codeOf(() => parseMoney('1000.5', 'JPY'))).toBe('tooPrecise');
		expect(parseMoney('1000.00', 'JPY')).toBe(1000);
		expect(parseMoney('1.234', 'KWD')).toBe(1234);
	});
});

describe('parseMoney against an independent BigInt reference', () => {
	function reference(text: string, scale: number): number | 'error' {
		const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
		if (!match) return 'error';
		const fraction = match[3] ?? '';
		if (/[1-9]/.test(fraction.slice(scale))) return 'error';
		const scaled = BigInt(match[2] + fraction.slice(0, scale).padEnd(scale, '0'));
		if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) return 'error';
		const value = Number(scaled);
		return match[1] === '-' ? -value || 0 : value;
	}

	it('agrees on 20,000 generated amounts (fast and full parser paths)', () => {
		const mismatches: unknown[] = [];
		let seed = 42;
		const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
		for (let i = 0; i < 20000; i++) {
			const digits =
				String(next(10 ** (1 + next(9)))) + (next(4) === 0 ? String(next(10 ** 8)) : '');
			const decimals = next(5);
			const fraction = decimals ? '.' + String(next(10 ** decimals)).padStart(decimals, '0') : '';
			const text = (next(10) === 0 ? '-' : '') + digits + fraction;
			for (const scale of [0, 2, 3]) {
				let actual: number | 'error';
				try {
					actual = parseMoney(text, scale);
				} catch {
					actual = 'error';
				}
				const expected = reference(text, scale);
				if (actual !== expected) mismatches.push({ text, scale, actual, expected });
			}
		}
		expect(mismatches).toEqual([]);
	});
});

describe('currency exponents', () => {
	it('knows zero- and three-decimal currencies and defaults to two', () => {
		expect(currencyExponent('JPY')).toBe(0);
		expect(currencyExponent('krw')).toBe(0);
		expect(currencyExponent('KWD')).toBe(3);
		expect(currencyExponent('EUR')).toBe(2);
		expect(currencyExponent('XYZ')).toBe(2);
	});
});

describe('formatMoney', () => {
	it.each([
		[1234, 2, '12.34'],
		[-5, 2, '-0.05'],
		[0, 2, '0.00'],
		[7, 3, '0.007'],
		[1000, 0, '1000'],
		[9007199254740991, 2, '90071992547409.91'],
	])('formats %p with exponent %p as %p', (cents, exponent, text) => {
		expect(formatMoney(cents, exponent)).toBe(text);
	});

	it('round-trips with parseMoney', () => {
		for (const cents of [0, 1, 99, 100, 123456789, -42]) {
			expect(parseMoney(formatMoney(cents))).toBe(cents);
		}
	});
});

describe('parseRate', () => {
	it('reads fractions into millionths, including Shopify three-decimal rates', () => {
		expect(parseRate(0.21)).toBe(210000);
		expect(parseRate('0.055')).toBe(55000);
		expect(parseRate(0.08875)).toBe(88750);
		expect(parseRate('0')).toBe(0);
		expect(rateToFraction(parseRate(0.055))).toBe(0.055);
	});

	it('rounds float noise beyond six decimals', () => {
		expect(parseRate(0.07250000000000001)).toBe(72500);
	});

	it.each([-0.1, 1.5, 'abc', '1e-2', null])('rejects %p', (value) => {
		expect(codeOf(() => parseRate(value))).toBe('notRate');
	});
});

describe('rounding', () => {
	it('rounds half away from zero, once', () => {
		expect(mulDivRound(125, 1, 10)).toBe(13);
		expect(mulDivRound(-125, 1, 10)).toBe(-13);
		expect(mulDivRound(124, 1, 10)).toBe(12);
		expect(mulDivRound(5, 1, 10)).toBe(1);
		expect(mulDivRound(-5, 1, 10)).toBe(-1);
		expect(mulDivRound(125, 1, -10)).toBe(-13);
	});

	it('stays exact when a × b exceeds 2^53', () => {
		// 9007199254740991 × 210000 / 1000000 = 1891511843495608.11 → …608
		expect(mulDivRound(9007199254740991, 210000, 1000000)).toBe(1891511843495608);
		expect(mulDivRound(9007199254740990, 5, 10)).toBe(4503599627370495);
	});

	it('computes tax on net and inside gross like Shopify (per line, half up)', () => {
		expect(taxOnNet(1000, 210000)).toBe(210);
		expect(taxInGross(12100, 210000)).toBe(2100);
		expect(taxInGross(2000, 90000)).toBe(165); // 165.137…
		expect(taxInGross(3885, 90000)).toBe(321); // 320.78…
		expect(netFromGross(12100, 210000)).toBe(10000);
		expect(grossFromNet(10000, 210000)).toBe(12100);
		expect(taxInGross(1500, 55000)).toBe(78); // 78.199…
	});
});

describe('multiplyQuantity and sumCents', () => {
	it('multiplies and sums exactly', () => {
		expect(multiplyQuantity(1999, 3)).toBe(5997);
		expect(multiplyQuantity(-1, 0)).toBe(0);
		expect(Object.is(multiplyQuantity(-1, 0), -0)).toBe(false);
		expect(sumCents([1, 2, 3])).toBe(6);
	});

	it('refuses results beyond 2^53 and fractional quantities', () => {
		expect(codeOf(() => multiplyQuantity(9007199254740991, 2))).toBe('outOfRange');
		expect(codeOf(() => multiplyQuantity(100, 1.5))).toBe('outOfRange');
		expect(codeOf(() => sumCents([9007199254740991, 1]))).toBe('outOfRange');
	});
});

describe('allocate (largest remainder)', () => {
	it('splits exactly, in proportion, leftovers to the largest remainders', () => {
		// 15.00 over 49.95 / 39.90 / 12.50: 7.3205 / 5.8476 / 1.8320 → 7.32 / 5.85 / 1.83
		expect(allocate(1500, [4995, 3990, 1250])).toEqual([732, 585, 183]);
	});

	it('breaks ties towards the earlier index', () => {
		expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
		expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
	});

	it('always sums to the total, for many totals and weights', () => {
		const weights = [[1], [3, 7], [1000, 1, 1], [0, 5, 5], [12345, 67890, 5, 0, 999]];
		for (const w of weights) {
			for (const total of [0, 1, 7, 99, 1000, 123457]) {
				const parts = allocate(total, w);
				expect(sumCents(parts)).toBe(total);
				parts.forEach((part, i) => {
					const exact = (total * w[i]) / w.reduce((a, b) => a + b, 0);
					expect(Math.abs(part - exact)).toBeLessThan(1);
				});
			}
		}
	});

	it('gives nothing to zero weights and splits evenly when every weight is zero', () => {
		expect(allocate(10, [0, 1, 0])).toEqual([0, 10, 0]);
		expect(allocate(10, [0, 0])).toEqual([5, 5]);
	});

	it('splits negative totals as their absolute value', () => {
		expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
	});

	it('works when total × weight exceeds 2^53', () => {
		const parts = allocate(9007199254740991, [1, 2]);
		expect(parts).toEqual([3002399751580330, 6004799503160661]);
	});

	it('rejects negative or fractional weights', () => {
		expect(codeOf(() => allocate(10, [1, -1]))).toBe('outOfRange');
		expect(codeOf(() => allocate(10, [0.5]))).toBe('outOfRange');
		expect(codeOf(() => allocate(10, []))).toBe('outOfRange');
	});
});

describe('parseScaled', () => {
	it('rounds half away from zero when asked', () => {
		expect(parseScaled('0.0000005', 6, true)).toBe(1);
		expect(parseScaled('-0.0000005', 6, true)).toBe(-1);
		expect(parseScaled('0.0000004', 6, true)).toBe(0);
	});
});
