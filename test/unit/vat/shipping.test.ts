import {
	allocateByWeights,
	allocateShipping,
	allocateShippingGross,
	classifyShipping,
	classifyVat,
	netCentsFromGross,
	type GoodsLine,
	type VatInput,
} from '../../../nodes/core/vat';

const nl21 = { treatment: 'domestic', country: 'NL', rate: 0.21 } as const;
const nl9 = { treatment: 'domestic', country: 'NL', rate: 0.09 } as const;

/** vat-oss.md §5 worked example: shoes € 121 incl. 21 %, book € 20 incl. 9 %, shipping € 5 excl. */
const SHOES: GoodsLine = { ...nl21, netCents: netCentsFromGross(12100, 0.21) };
const BOOK: GoodsLine = { ...nl9, netCents: netCentsFromGross(2000, 0.09) };

describe('allocateShipping: pro rata over net values (vat-oss.md §5)', () => {
	it('splits the worked example in the ratio 100 : 18.35', () => {
		expect([SHOES.netCents, BOOK.netCents]).toEqual([10000, 1835]);
		const { portions, warnings } = allocateShipping([SHOES, BOOK], 500, 'proRata');
		expect(portions).toEqual([
			{ ...nl21, netCents: 422 },
			{ ...nl9, netCents: 78 },
		]);
		expect(portions[0].netCents / portions[1].netCents).toBeCloseTo(100 / 18.35, 0);
		expect(warnings).toEqual([]);
	});

	it('always sums to the shipping amount exactly (largest remainder)', () => {
		const goods: GoodsLine[] = [
			{ ...nl21, netCents: 333 },
			{ ...nl9, netCents: 333 },
			{ treatment: 'oss', country: 'DE', rate: 0.19, netCents: 334 },
		];
		for (const shipping of [1, 2, 99, 100, 101, 4999, 123457]) {
			const parts = allocateShipping(goods, shipping, 'proRata').portions.map((p) => p.netCents);
			expect(parts.reduce((a, b) => a + b, 0)).toBe(shipping);
			// Each part is within one cent of its exact proportional share.
			parts.forEach((part, i) =>
				expect(Math.abs(part - (shipping * goods[i].netCents) / 1000)).toBeLessThan(1),
			);
		}
	});

	it('merges goods with the same (treatment, country, rate)', () => {
		const { portions } = allocateShipping(
			[{ ...nl21, netCents: 5000 }, BOOK, { ...nl21, netCents: 5000 }],
			500,
			'proRata',
		);
		expect(portions.map((p) => [p.rate, p.netCents])).toEqual([
			[0.21, 422],
			[0.09, 78],
		]);
	});

	it('ignores out-of-scope goods such as gift cards', () => {
		const giftCard: GoodsLine = {
			treatment: 'outOfScope',
			country: 'NL',
			rate: 0,
			netCents: 50000,
		};
		const { portions } = allocateShipping([SHOES, giftCard], 495, 'proRata');
		expect(portions).toEqual([{ ...nl21, netCents: 495 }]);
	});

	it('lets exempt goods carry their share (exempt goods make shipping exempt)', () => {
		const exempt: GoodsLine = { treatment: 'exempt', country: 'NL', rate: 0, netCents: 10000 };
		const { portions } = allocateShipping([SHOES, exempt], 500, 'proRata');
		expect(portions.map((p) => [p.treatment, p.netCents])).toEqual([
			['domestic', 250],
			['exempt', 250],
		]);
	});

	it('splits a negative amount (a shipping refund) the same way', () => {
		const { portions } = allocateShipping([SHOES, BOOK], -500, 'proRata');
		expect(portions.map((p) => p.netCents)).toEqual([-422, -78]);
	});

	it('falls back to the highest-rate goods when no goods have a positive net value', () => {
		const free = [
			{ ...nl9, netCents: 0 },
			{ ...nl21, netCents: 0 },
		];
		const { portions, warnings } = allocateShipping(free, 495, 'proRata');
		expect(portions).toEqual([{ ...nl21, netCents: 495 }]);
		expect(warnings).toEqual([expect.stringMatching(/no positive net value/)]);
	});

	it('uses the shipping line key when there are no goods to follow', () => {
		const own = { treatment: 'oss', country: 'DE', rate: 0.19 } as const;
		const { portions, warnings } = allocateShipping([], 495, 'proRata', own);
		expect(portions).toEqual([{ ...own, netCents: 495 }]);
		expect(warnings).toEqual([expect.stringMatching(/keeps its own VAT/)]);
		expect(allocateShipping([], 495, 'proRata').portions).toEqual([]);
	});
});

describe('allocateShipping: other modes', () => {
	it('highestRate puts all shipping on the highest-rate goods', () => {
		const { portions } = allocateShipping([BOOK, SHOES], 500, 'highestRate');
		expect(portions).toEqual([{ ...nl21, netCents: 500 }]);
	});

	it("asShopify keeps the shipping line's own key", () => {
		const own = { treatment: 'domestic', country: 'NL', rate: 0.21 } as const;
		expect(allocateShipping([SHOES, BOOK], 500, 'asShopify', own).portions).toEqual([
			{ ...own, netCents: 500 },
		]);
		expect(() => allocateShipping([SHOES, BOOK], 500, 'asShopify')).toThrow(/asShopify/);
	});
});

describe('allocateShippingGross: VAT-inclusive shipping', () => {
	it('keeps the gross total exact and the net parts in the goods ratio', () => {
		const { portions } = allocateShippingGross([SHOES, BOOK], 595, 'proRata');
		expect(portions.reduce((sum, p) => sum + p.grossCents, 0)).toBe(595);
		for (const p of portions) {
			expect(p.vatCents).toBe(p.grossCents - p.netCents);
			expect(p.netCents).toBe(Math.round(p.grossCents / (1 + p.rate)));
		}
		expect(portions[0].netCents / portions[1].netCents).toBeCloseTo(10000 / 1835, 0);
	});
});

describe('allocateByWeights and netCentsFromGross', () => {
	it('stays exact for amounts and weights beyond 2^53 when multiplied', () => {
		const weights = [BigInt('9007199254740993'), BigInt('9007199254740993'), BigInt(1)];
		const parts = allocateByWeights(1_000_000_000_01, weights);
		expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000_000_000_01);
		expect(parts[0] - parts[1]).toBeLessThanOrEqual(1);
	});

	it('rejects weights without a positive sum and non-integer cents', () => {
		expect(() => allocateByWeights(100, [BigInt(0)])).toThrow(RangeError);
		expect(() => allocateByWeights(1.5, [BigInt(1)])).toThrow(RangeError);
	});

	it('rounds the net part of a gross amount half away from zero', () => {
		expect(netCentsFromGross(12100, 0.21)).toBe(10000);
		expect(netCentsFromGross(2000, 0.09)).toBe(1835); // 1834.86…
		expect(netCentsFromGross(-2000, 0.09)).toBe(-1835);
		expect(netCentsFromGross(1, 0.21)).toBe(1); // 0.826…
	});
});

describe('classifyShipping', () => {
	const base: VatInput = {
		sellerCountry: 'NL',
		shipTo: { countryCode: 'NL', postcode: '1012 AB' },
		sellerUsesOss: true,
		shopifyRate: 0.21,
		lineKind: 'shipping',
		date: '2025-03-01',
	};
	const goods = [
		{ decision: classifyVat({ ...base, lineKind: 'product', shopifyRate: 0.21 }), netCents: 10000 },
		{ decision: classifyVat({ ...base, lineKind: 'product', shopifyRate: 0.09 }), netCents: 1835 },
	];

	it('gives each portion a decision that follows its goods, and warns that Shopify used one rate', () => {
		const result = classifyShipping(base, goods, 500, { mode: 'proRata' });
		expect(result.portions.map((p) => [p.decision.treatment, p.decision.rate, p.cents])).toEqual([
			['domestic', 0.21, 422],
			['domestic', 0.09, 78],
		]);
		expect(result.portions[1].decision.reason).toMatch(/follows the goods/);
		expect(result.warnings).toEqual([
			expect.stringMatching(/re-allocated.*Shopify taxed shipping at 21%/),
		]);
	});

	it("keeps Shopify's own decision in asShopify mode", () => {
		const result = classifyShipping(base, goods, 500, { mode: 'asShopify' });
		expect(result.portions).toHaveLength(1);
		expect(result.portions[0]).toMatchObject({
			cents: 500,
			decision: { treatment: 'domestic', rate: 0.21 },
		});
		expect(result.warnings).toEqual([]);
	});

	it('splits gross shipping when amounts include VAT', () => {
		const result = classifyShipping(base, goods, 595, { mode: 'proRata', amountsIncludeVat: true });
		expect(result.portions.reduce((sum, p) => sum + p.cents, 0)).toBe(595);
	});

	it('follows OSS goods to their destination rate', () => {
		const de = { ...base, shipTo: { countryCode: 'DE', postcode: '10115' } };
		const deGoods = [
			{ decision: classifyVat({ ...de, lineKind: 'product', shopifyRate: 0.19 }), netCents: 5000 },
		];
		const result = classifyShipping({ ...de, shopifyRate: 0.19 }, deGoods, 495, {
			mode: 'proRata',
		});
		expect(result.portions).toEqual([
			{
				cents: 495,
				decision: expect.objectContaining({ treatment: 'oss', country: 'DE', rate: 0.19 }),
			},
		]);
		expect(result.warnings).toEqual([]);
	});
});
