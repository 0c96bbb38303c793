import { classifyVat, type VatDecision, type VatInput } from '../../../nodes/core/vat';

/** A Dutch OSS seller, B2C, product line, 2025-03-01, unless a row says otherwise. */
export const BASE: VatInput = {
	sellerCountry: 'NL',
	shipTo: { countryCode: 'NL', postcode: '1012 AB' },
	sellerUsesOss: true,
	shopifyRate: 0.21,
	lineKind: 'product',
	date: '2025-03-01',
};

export interface Row {
	name: string;
	input: Partial<VatInput>;
	expected: Partial<VatDecision>;
	/** Each pattern must match one warning; [] means no warnings at all. */
	warnings: RegExp[];
}

export const to = (countryCode: string, postcode?: string, provinceCode?: string) => ({
	shipTo: { countryCode, postcode, provinceCode },
});

/** Valid per vat-oss.md §8 checksums (see vatNumber.test.ts). */
export const BE_NUMBER = 'BE 0403.170.701';
export const DE_NUMBER = 'DE136695976';

/** Classifies a row's input over BASE and checks the decision, its warnings and that it has a reason. */
export function checkRow({ input, expected, warnings }: Row): void {
	const decision = classifyVat({ ...BASE, ...input });
	expect(decision).toMatchObject(expected);
	if (warnings.length === 0) expect(decision.warnings).toEqual([]);
	for (const pattern of warnings) {
		expect(decision.warnings.some((warning) => pattern.test(warning))).toBe(true);
	}
	expect(decision.reason.length).toBeGreaterThan(0);
}
