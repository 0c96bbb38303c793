import {
	isVatCodeError,
	proposeVatMapping,
	selectVatCode,
	type ExactVatCode,
	type VatCodeMapping,
	type VatKey,
} from '../../../nodes/core/vat';

/** A hand-made Dutch division: code numbers are arbitrary on purpose (nothing is hard-coded). */
function code(Code: string, Description: string, fields: Partial<ExactVatCode>): ExactVatCode {
	return {
		Code,
		Description,
		Percentage: 0,
		Type: 'E',
		VATTransactionType: 'S',
		EUSalesListing: 'N',
		OssCountry: null,
		IsBlocked: false,
		...fields,
	};
}

const DIVISION: ExactVatCode[] = [
	code('2  ', 'BTW hoog 21% excl', { Percentage: 0.21, Type: 'E', VATTransactionType: 'B' }),
	code('12 ', 'BTW hoog 21% incl', { Percentage: 0.21, Type: 'I' }),
	code('3', 'BTW laag 9% excl', { Percentage: 0.09, Type: 'E' }),
	code('13', 'BTW laag 9% incl', { Percentage: 0.09, Type: 'I' }),
	code('4', 'Inkoop 21%', { Percentage: 0.21, Type: 'E', VATTransactionType: 'P' }),
	code('6', 'ICP leveringen 0%', { Type: 'B', EUSalesListing: 'L' }),
	code('7', 'Export buiten EU 0%', { Type: 'B' }),
	code('8', 'Geen btw', { Type: 'N' }),
	code('40', 'OSS DE 19% incl', { Percentage: 0.19, Type: 'I', OssCountry: 'DE' }),
	code('41', 'OSS DE 19% excl', { Percentage: 0.19, Type: 'E', OssCountry: 'DE' }),
	code('42', 'OSS DE 7% incl (oud)', {
		Percentage: 0.07,
		Type: 'I',
		OssCountry: 'DE',
		IsBlocked: true,
	}),
	code('45', 'OSS FR 20% incl', { Percentage: 0.2, Type: 'I', OssCountry: 'FR' }),
	code('46', 'OSS GR 24% incl', { Percentage: 0.24, Type: 'I', OssCountry: 'GR' }),
	code('47', 'OSS NI 20% incl', { Percentage: 0.2, Type: 'I', OssCountry: 'XI' }),
];

const INCL = { pricesIncludeVat: true };
const EXCL = { pricesIncludeVat: false };

function chosen(key: VatKey, vatCodes = DIVISION, mapping: VatCodeMapping[] = [], opts = INCL) {
	const selection = selectVatCode(key, vatCodes, mapping, opts);
	if (isVatCodeError(selection)) throw new Error(`unexpected error: ${selection.error}`);
	return selection;
}

function failure(key: VatKey, vatCodes = DIVISION, opts = INCL): string {
	const selection = selectVatCode(key, vatCodes, [], opts);
	if (!isVatCodeError(selection)) throw new Error(`expected an error, got code ${selection.code}`);
	return selection.error;
}

describe('selectVatCode: the explicit mapping always wins', () => {
	it('uses a mapped code even where an auto code fits', () => {
		const result = chosen({ treatment: 'domestic', country: 'NL', rate: 0.21 }, DIVISION, [
			{ treatment: 'domestic', country: 'NL', rate: 0.21, code: '2' },
		]);
		expect(result).toMatchObject({ code: '2', source: 'mapping' });
		expect(result.vatCode?.Description).toBe('BTW hoog 21% excl');
	});

	it.each([
		['country and rate beat country only and any', { country: 'DE', rate: 0.07 }, '52'],
		['country only beats any', { country: 'DE', rate: 0.19 }, '51'],
		['the catch-all row applies to other countries', { country: 'FR', rate: 0.2 }, '50'],
		['a rate given in percent is read as a fraction', { country: 'AT', rate: 0.1 }, '53'],
	])('picks the most specific row: %s', (_name, key, expected) => {
		const mapping: VatCodeMapping[] = [
			{ treatment: 'oss', country: '*', rate: null, code: '50' },
			{ treatment: 'oss', country: 'DE', code: '51' },
			{ treatment: 'oss', country: 'de', rate: 0.07, code: '52' },
			{ treatment: 'oss', country: 'AT', rate: 10, code: '53' },
		];
		expect(chosen({ treatment: 'oss', ...key }, DIVISION, mapping).code).toBe(expected);
	});

	it('matches an EL mapping row to Greece', () => {
		const mapping: VatCodeMapping[] = [{ treatment: 'oss', country: 'EL', code: '46' }];
		expect(chosen({ treatment: 'oss', country: 'GR', rate: 0.24 }, DIVISION, mapping).source).toBe(
			'mapping',
		);
	});

	it('warns when a mapped code is blocked, unknown or has another percentage', () => {
		const blocked = chosen({ treatment: 'oss', country: 'DE', rate: 0.07 }, DIVISION, [
			{ treatment: 'oss', country: 'DE', code: '42' },
		]);
		expect(blocked.warnings).toEqual([expect.stringMatching(/42 is blocked/)]);
		const unknown = chosen({ treatment: 'icp', country: 'BE', rate: 0 }, DIVISION, [
			{ treatment: 'icp', code: 'X9' },
		]);
		expect(unknown).toMatchObject({ code: 'X9', source: 'mapping' });
		expect(unknown.warnings).toEqual([expect.stringMatching(/not among the division's VAT codes/)]);
		const otherRate = chosen({ treatment: 'domestic', country: 'NL', rate: 0.09 }, DIVISION, [
			{ treatment: 'domestic', code: '12' },
		]);
		expect(otherRate.warnings).toEqual([expect.stringMatching(/12 has 21%, the line has 9%/)]);
	});

	it('ignores rows of another treatment', () => {
		const result = chosen({ treatment: 'export', country: 'US', rate: 0 }, DIVISION, [
			{ treatment: 'icp', code: '6' },
		]);
		expect(result).toMatchObject({ code: '7', source: 'auto' });
	});
});

describe('selectVatCode: auto rules per treatment (vat-oss.md §7)', () => {
	it.each([
		[
			'domestic 21% with prices incl. VAT -> type I',
			{ treatment: 'domestic', country: 'NL', rate: 0.21 },
			INCL,
			'12',
		],
		[
			'domestic 21% with prices excl. VAT -> type E (sales/both code)',
			{ treatment: 'domestic', country: 'NL', rate: 0.21 },
			EXCL,
			'2',
		],
		['domestic 9% incl.', { treatment: 'domestic', country: 'NL', rate: 0.09 }, INCL, '13'],
		['domestic 9% excl.', { treatment: 'domestic', country: 'NL', rate: 0.09 }, EXCL, '3'],
		[
			'OSS DE 19% incl. by OssCountry and Percentage',
			{ treatment: 'oss', country: 'DE', rate: 0.19 },
			INCL,
			'40',
		],
		['OSS DE 19% excl.', { treatment: 'oss', country: 'DE', rate: 0.19 }, EXCL, '41'],
		[
			'OSS to Northern Ireland by OssCountry XI',
			{ treatment: 'oss', country: 'XI', rate: 0.2 },
			INCL,
			'47',
		],
		['ICP -> 0% with EU sales listing L', { treatment: 'icp', country: 'BE', rate: 0 }, INCL, '6'],
		['export -> 0% without EU listing', { treatment: 'export', country: 'US', rate: 0 }, INCL, '7'],
		['exempt -> type N', { treatment: 'exempt', country: 'NL', rate: 0 }, INCL, '8'],
		['out of scope -> type N', { treatment: 'outOfScope', country: 'NL', rate: 0 }, EXCL, '8'],
	] as [string, VatKey, { pricesIncludeVat: boolean }, string][])(
		'%s',
		(_name, key, opts, expected) => {
			const result = chosen(key, DIVISION, [], opts);
			expect(result).toMatchObject({ code: expected, source: 'auto', warnings: [] });
		},
	);

	it('trims the padding Exact puts on codes', () => {
		expect(
			chosen({ treatment: 'domestic', country: 'NL', rate: 0.21 }, DIVISION, [], EXCL).code,
		).toBe('2');
	});

	it('skips blocked codes and purchase-only codes', () => {
		const withBlocked = [
			...DIVISION,
			code('1', 'BTW hoog incl (oud)', { Percentage: 0.21, Type: 'I', IsBlocked: true }),
		];
		expect(chosen({ treatment: 'domestic', country: 'NL', rate: 0.21 }, withBlocked).code).toBe(
			'12',
		);
		const purchaseOnly = [
			code('4', 'Inkoop 21% incl', { Percentage: 0.21, Type: 'I', VATTransactionType: 'P' }),
		];
		expect(failure({ treatment: 'domestic', country: 'NL', rate: 0.21 }, purchaseOnly)).toMatch(
			/purchase only: 4/,
		);
	});

	it('reads a Percentage given in percent', () => {
		const percent = [code('9', 'OSS AT 20%', { Percentage: 20, Type: 'I', OssCountry: 'AT' })];
		expect(chosen({ treatment: 'oss', country: 'AT', rate: 0.2 }, percent).code).toBe('9');
	});

	it('picks the lowest code with a warning when two codes fit', () => {
		const twice = [
			...DIVISION,
			code('112', 'BTW hoog 21% incl (webshop)', { Percentage: 0.21, Type: 'I' }),
		];
		const result = chosen({ treatment: 'domestic', country: 'NL', rate: 0.21 }, twice);
		expect(result.code).toBe('12');
		expect(result.warnings).toEqual([
			expect.stringMatching(/2 VAT codes fit domestic NL 21% \(12, 112\): 12 used/),
		]);
	});

	it('asks for confirmation when the export code is not described as export', () => {
		const plainZero = DIVISION.filter((c) => c.Code !== '7').concat(
			code('9', 'Nul procent', { Type: 'B' }),
		);
		const result = chosen({ treatment: 'export', country: 'US', rate: 0 }, plainZero);
		expect(result.code).toBe('9');
		expect(result.warnings).toEqual([expect.stringMatching(/confirm it or map export/)]);
	});
});

describe('selectVatCode: missing codes name exactly what to create', () => {
	it('names the OSS country and rate', () => {
		expect(failure({ treatment: 'oss', country: 'AT', rate: 0.1 })).toBe(
			'no OSS code for AT 10%: create a VAT code with OSS country AT and 10% (type I) in Exact, or map it',
		);
	});

	it('a taxable sale Shopify charged no VAT on: leads with the cause, never advises a 0 % OSS or domestic code', () => {
		for (const [treatment, codes] of [
			['oss', DIVISION],
			['domestic', []],
		] as const) {
			const message = failure({ treatment, country: 'XI', rate: 0 }, [...codes]);
			expect(message).toMatch(
				/^Shopify charged no VAT on a sale to Northern Ireland \(XI\), where VAT is due: check the product's tax settings in Shopify/,
			);
			expect(message).not.toMatch(/create|0%/);
			expect(message.length).toBeLessThanOrEqual(250);
		}
	});

	it('mentions a blocked code that would fit', () => {
		expect(failure({ treatment: 'oss', country: 'DE', rate: 0.07 })).toMatch(
			/^no OSS code for DE 7%: .* \(existing but unusable: blocked: 42\)$/,
		);
	});

	it('says which type is missing for domestic codes', () => {
		const exclOnly = DIVISION.filter((c) => c.Type !== 'I');
		expect(failure({ treatment: 'domestic', country: 'NL', rate: 0.21 }, exclOnly)).toBe(
			'no domestic VAT code for NL 21% (type I, prices include VAT): create a sales VAT code of 21% with type I and no OSS country in Exact, or map it (only type E: 2)',
		);
	});

	it.each([
		['icp', /^no ICP code .*EU sales listing 'L'/],
		['export', /^no export code: .*0% with EU sales listing 'N'/],
		['exempt', /^no code for exempt lines: .*type N/],
		['outOfScope', /^no code for out-of-scope lines/],
	] as const)('names the %s code to create', (treatment, message) => {
		expect(failure({ treatment, country: 'NL', rate: 0 }, [])).toMatch(message);
	});
});

describe('proposeVatMapping', () => {
	const rows = proposeVatMapping(DIVISION, 'NL', true, { date: '2025-09-01' });

	it('lists the domestic rates, every OSS country and rate, and the 0% treatments', () => {
		expect(rows.filter((r) => r.treatment === 'domestic').map((r) => [r.rate, r.code])).toEqual([
			[0.21, '12'],
			[0.09, '13'],
		]);
		const ossCountries = new Set(rows.filter((r) => r.treatment === 'oss').map((r) => r.country));
		expect(ossCountries.size).toBe(27); // 26 other member states + XI
		expect(ossCountries.has('NL')).toBe(false);
		expect(rows.filter((r) => r.country === '*').map((r) => [r.treatment, r.code])).toEqual([
			['icp', '6'],
			['export', '7'],
			['exempt', '8'],
			['outOfScope', '8'],
		]);
	});

	it('shows found codes with their description and missing ones with the error', () => {
		expect(
			rows.find((r) => r.treatment === 'oss' && r.country === 'DE' && r.rate === 0.19),
		).toMatchObject({
			code: '40',
			description: 'OSS DE 19% incl',
			source: 'auto',
		});
		expect(
			rows.find((r) => r.treatment === 'oss' && r.country === 'DE' && r.rate === 0.07),
		).toMatchObject({
			code: null,
			error: expect.stringMatching(/^no OSS code for DE 7%/),
		});
	});

	it('uses the dated rates: RO 21% and 11% from 2025-08-01', () => {
		const ro = rows.filter((r) => r.country === 'RO').map((r) => r.rate);
		expect(ro).toEqual([0.21, 0.11]);
	});

	it('applies the user mapping', () => {
		const mapped = proposeVatMapping(DIVISION, 'NL', true, {
			mapping: [{ treatment: 'oss', country: 'DE', rate: 0.07, code: '41' }],
		});
		expect(mapped.find((r) => r.country === 'DE' && r.rate === 0.07)).toMatchObject({
			code: '41',
			source: 'mapping',
		});
	});
});
