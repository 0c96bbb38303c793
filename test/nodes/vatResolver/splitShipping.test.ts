import type { DocumentLine } from '../../../nodes/core/mapping';
import { resolveDocumentVat } from '../../../nodes/core/vat/resolveDocument';
import { splitShippingLine } from '../../../nodes/core/vat/resolveShipping';
import { vatCodeSeed } from '../../../sandbox/exact/seed/vat';
import type { ExactVatCode } from '../../../nodes/core/vat';
import { documentOf } from './helpers';

const shipping = (): DocumentLine => {
	const doc = documentOf('nl-b2c-mixed-rates-shared-shipping');
	return { ...(doc.lines.find((line) => line.kind === 'shipping') as DocumentLine) };
};

describe('splitting a shipping line over VAT portions', () => {
	it('keeps gross, discount and unit price summing exactly, each part consistent at its own rate', () => {
		const line = {
			...shipping(),
			unitPriceInclCents: 1000,
			discountInclCents: 301,
			netAmountInclCents: 699,
		};
		const parts = splitShippingLine(
			line,
			[
				{ key: { treatment: 'domestic', country: 'NL', rate: 0.21 }, grossCents: 466 },
				{ key: { treatment: 'domestic', country: 'NL', rate: 0.09 }, grossCents: 233 },
			],
			'excl',
			2,
		);
		const sum = (field: keyof DocumentLine) =>
			parts.reduce((total, part) => total + (part[field] as number), 0);
		expect(sum('netAmountInclCents')).toBe(699);
		expect(sum('discountInclCents')).toBe(301);
		expect(sum('unitPriceInclCents')).toBe(1000);
		for (const part of parts) {
			expect(part.unitPriceInclCents - part.discountInclCents).toBe(part.netAmountInclCents);
			expect(part.unitPriceExclCents - part.discountExclCents).toBe(part.netAmountExclCents);
			expect(part.netAmountInclCents - part.netAmountExclCents).toBe(part.taxAmountCents);
			expect(part.netAmountCents).toBe(part.netAmountExclCents);
			expect(part.netPrice).toBe(part.netAmountCents / 100);
		}
		expect(parts.map((part) => part.netAmountExclCents)).toEqual([385, 214]);
		expect(parts.map((part) => part.description)).toEqual([
			'PostNL Standaard (21%)',
			'PostNL Standaard (9%)',
		]);
	});

	it('refuses parts that do not add up to the line', () => {
		const key = { treatment: 'domestic' as const, country: 'NL', rate: 0.21 };
		expect(() => splitShippingLine(shipping(), [{ key, grossCents: 1 }], 'incl', 2)).toThrow(
			RangeError,
		);
	});

	it('leaves a shipping line with a quantity other than 1 whole, with a warning', () => {
		const doc = documentOf('nl-b2c-mixed-rates-shared-shipping');
		const line = doc.lines.find((candidate) => candidate.kind === 'shipping') as DocumentLine;
		line.quantity = 2;
		const resolved = resolveDocumentVat(doc, {
			sellerCountry: 'NL',
			sellerUsesOss: true,
			shippingMode: 'proRata',
			vatCodes: vatCodeSeed('2025-04-01') as unknown as ExactVatCode[],
			mapping: [],
			vatNumberValid: null,
		});
		expect(resolved.lines).toHaveLength(4);
		expect(resolved.warnings).toEqual(
			expect.arrayContaining([expect.stringMatching(/quantity other than 1 is not split/)]),
		);
	});

	it('can keep the shipping VAT as Shopify charged it', () => {
		const doc = documentOf('nl-b2c-mixed-rates-shared-shipping');
		const resolved = resolveDocumentVat(doc, {
			sellerCountry: 'NL',
			sellerUsesOss: true,
			shippingMode: 'asShopify',
			vatCodes: vatCodeSeed('2025-04-01') as unknown as ExactVatCode[],
			mapping: [],
			vatNumberValid: null,
		});
		expect(resolved.lines.map((line) => line.vat?.code)).toEqual(['I21', 'I9', 'I9', 'I21']);
		expect(resolved.lines[3]).toMatchObject({ netAmountInclCents: 695, taxAmountCents: 121 });
	});
});
