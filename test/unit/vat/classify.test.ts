import { classifyVat } from '../../../nodes/core/vat';
import { BASE, BE_NUMBER, DE_NUMBER, checkRow, to, type Row } from './classifyCases';

/** Domestic, dated rates, OSS, ICP and export rules (vat-oss.md §1-§4). */
const ROWS: Row[] = [
	// Domestic (seller country = destination).
	{
		name: 'domestic NL at 21%',
		input: {},
		expected: { treatment: 'domestic', country: 'NL', rate: 0.21, expectedRates: [0.21, 0.09] },
		warnings: [],
	},
	{
		name: 'domestic NL at the reduced 9%',
		input: { shopifyRate: 0.09 },
		expected: { treatment: 'domestic', rate: 0.09 },
		warnings: [],
	},
	{
		name: 'domestic rate not in the NL table is kept and warned',
		input: { shopifyRate: 0.19 },
		expected: { treatment: 'domestic', rate: 0.19 },
		warnings: [/19% is not a NL rate on 2025-03-01/],
	},
	{
		name: 'Shopify 0% on a domestic sale is kept and warned',
		input: { shopifyRate: 0 },
		expected: { treatment: 'domestic', rate: 0 },
		warnings: [/charged 0% on a domestic sale in NL/],
	},
	{
		name: 'Shopify 0% trusted as exempt by setting',
		input: { shopifyRate: 0, settings: { trustShopifyZeroRate: true } },
		expected: { treatment: 'exempt', rate: 0 },
		warnings: [/booked as exempt/],
	},
	{
		name: 'no Shopify rate on a domestic sale books 0% with a warning',
		input: { shopifyRate: null },
		expected: { treatment: 'domestic', rate: 0 },
		warnings: [/no tax rate/],
	},
	{
		name: 'domestic B2B with a same-country VAT number stays domestic',
		input: { customerVatNumber: 'NL004495445B01', vatNumberValid: true },
		expected: { treatment: 'domestic', country: 'NL' },
		warnings: [],
	},
	{
		name: 'seller given as EL is Greece',
		input: { sellerCountry: 'EL', ...to('GR', '10431'), shopifyRate: 0.24 },
		expected: { treatment: 'domestic', country: 'GR' },
		warnings: [],
	},
	// Dated rate checks.
	{
		name: 'DE seller at 16% in 2020-H2 matches the dated table',
		input: { sellerCountry: 'DE', ...to('DE', '10115'), shopifyRate: 0.16, date: '2020-08-01' },
		expected: { treatment: 'domestic', rate: 0.16, expectedRates: [0.16, 0.05] },
		warnings: [],
	},
	{
		name: 'DE seller at 19% in 2020-H2 is warned (rate was 16%)',
		input: { sellerCountry: 'DE', ...to('DE', '10115'), shopifyRate: 0.19, date: '2020-08-01' },
		expected: { rate: 0.19 },
		warnings: [/19% is not a DE rate on 2020-08-01/],
	},
	{
		name: 'OSS to FI at 25.5% from 2024-09-01',
		input: { ...to('FI', '00100'), shopifyRate: 0.255, date: '2024-09-01' },
		expected: { treatment: 'oss', country: 'FI', rate: 0.255 },
		warnings: [],
	},
	{
		name: 'OSS to FI at the old 24% after 2024-09-01 is warned',
		input: { ...to('FI', '00100'), shopifyRate: 0.24, date: '2024-09-02' },
		expected: { treatment: 'oss', rate: 0.24 },
		warnings: [/24% is not a FI rate/],
	},
	// EU B2C distance sales (OSS) - vat-oss.md §2.
	{
		name: 'OSS to DE at 19%',
		input: { ...to('DE', '10115'), shopifyRate: 0.19 },
		expected: { treatment: 'oss', country: 'DE', rate: 0.19, expectedRates: [0.19, 0.07] },
		warnings: [],
	},
	{
		name: 'OSS to DE at 7%',
		input: { ...to('DE', '10115'), shopifyRate: 0.07 },
		expected: { treatment: 'oss', country: 'DE', rate: 0.07 },
		warnings: [],
	},
	{
		name: 'OSS to DE at the NL rate is warned',
		input: { ...to('DE', '10115'), shopifyRate: 0.21 },
		expected: { treatment: 'oss', rate: 0.21 },
		warnings: [/21% is not a DE rate/],
	},
	{
		name: 'OSS to GR (ISO code) at 24%',
		input: { ...to('GR', '10431'), shopifyRate: 0.24 },
		expected: { treatment: 'oss', country: 'GR' },
		warnings: [],
	},
	{
		name: 'OSS to Madeira uses the regional 22% of the table',
		input: { ...to('PT', '9000-123'), shopifyRate: 0.22 },
		expected: { treatment: 'oss', country: 'PT', expectedRates: [0.22] },
		warnings: [],
	},
	{
		name: 'below the threshold: origin VAT (domestic NL) to FR',
		input: { ...to('FR', '75001'), ossThresholdExceeded: false },
		expected: { treatment: 'domestic', country: 'NL', rate: 0.21 },
		warnings: [],
	},
	{
		name: 'seller without OSS: origin VAT to FR',
		input: { ...to('FR', '75001'), sellerUsesOss: false },
		expected: { treatment: 'domestic', country: 'NL' },
		warnings: [],
	},
	{
		name: 'seller without OSS above the threshold: origin VAT with a warning',
		input: { ...to('FR', '75001'), sellerUsesOss: false, ossThresholdExceeded: true },
		expected: { treatment: 'domestic', country: 'NL' },
		warnings: [/threshold exceeded but the seller does not use OSS/],
	},
	// EU B2B (ICP) - vat-oss.md §3.
	{
		name: 'ICP to BE with a VIES-valid BE number',
		input: {
			...to('BE', '1000'),
			customerVatNumber: BE_NUMBER,
			vatNumberValid: true,
			shopifyRate: 0,
		},
		expected: {
			treatment: 'icp',
			country: 'BE',
			rate: 0,
			expectedRates: [0],
			vatNumber: 'BE0403170701',
		},
		warnings: [],
	},
	{
		name: 'ICP also when Shopify gave no rate',
		input: {
			...to('BE', '1000'),
			customerVatNumber: BE_NUMBER,
			vatNumberValid: true,
			shopifyRate: null,
		},
		expected: { treatment: 'icp', rate: 0 },
		warnings: [],
	},
	{
		name: 'ICP to GR with an EL number',
		input: {
			...to('GR', '10431'),
			customerVatNumber: 'EL094259216',
			vatNumberValid: true,
			shopifyRate: 0,
		},
		expected: { treatment: 'icp', country: 'GR' },
		warnings: [],
	},
	{
		name: 'VIES says invalid: B2C (OSS) with a warning',
		input: { ...to('BE', '1000'), customerVatNumber: BE_NUMBER, vatNumberValid: false },
		expected: { treatment: 'oss', country: 'BE', rate: 0.21 },
		warnings: [/invalid in VIES: treated as B2C/],
	},
	{
		name: 'VAT number not checked in VIES: B2C with a warning',
		input: { ...to('BE', '1000'), customerVatNumber: BE_NUMBER, vatNumberValid: null },
		expected: { treatment: 'oss', country: 'BE' },
		warnings: [/not checked in VIES/],
	},
	{
		name: 'number of another country than the ship-to: B2C with a warning',
		input: { ...to('BE', '1000'), customerVatNumber: DE_NUMBER, vatNumberValid: true },
		expected: { treatment: 'oss', country: 'BE' },
		warnings: [/is from DE, goods go to BE/],
	},
	{
		name: 'number failing its checksum: B2C with a warning',
		input: { ...to('BE', '1000'), customerVatNumber: 'BE0403170702', vatNumberValid: true },
		expected: { treatment: 'oss' },
		warnings: [/is not valid \(check digits/],
	},
	{
		name: 'valid number without OSS below threshold: origin VAT with a warning',
		input: { ...to('BE', '1000'), customerVatNumber: BE_NUMBER, sellerUsesOss: false },
		expected: { treatment: 'domestic', country: 'NL' },
		warnings: [/not checked in VIES/],
	},
	{
		name: 'ICP-qualified but Shopify charged 21%: booked as charged (OSS) with a warning',
		input: {
			...to('BE', '1000'),
			customerVatNumber: BE_NUMBER,
			vatNumberValid: true,
			shopifyRate: 0.21,
		},
		expected: { treatment: 'oss', country: 'BE', rate: 0.21 },
		warnings: [/charged 21% on what qualifies as an intra-community supply/],
	},
	// Exports - vat-oss.md §4.
	{
		name: 'export to the US at 0%',
		input: { ...to('US', '10001', 'NY'), shopifyRate: 0 },
		expected: { treatment: 'export', country: 'US', rate: 0, expectedRates: [0] },
		warnings: [],
	},
	{
		name: 'export to Great Britain (GB, London) at 0%',
		input: { ...to('GB', 'SW1A 1AA'), shopifyRate: null },
		expected: { treatment: 'export', country: 'GB' },
		warnings: [],
	},
	{
		name: 'export to Switzerland at 0%',
		input: { ...to('CH', '8001'), shopifyRate: 0 },
		expected: { treatment: 'export', country: 'CH' },
		warnings: [],
	},
	{
		name: 'export with NL VAT charged by Shopify: booked as domestic with a warning',
		input: { ...to('US', '10001') },
		expected: { treatment: 'domestic', country: 'NL', rate: 0.21 },
		warnings: [/charged 21% on what qualifies as an export/],
	},
];

describe('classifyVat', () => {
	it.each(ROWS)('$name', checkRow);

	it('gives each rule a reason a merchant reads, without references to documents outside the package', () => {
		const reasons = [
			classifyVat({ ...BASE, ...to('DE', '10115'), shopifyRate: 0.19 }).reason,
			classifyVat({
				...BASE,
				...to('BE', '1000'),
				customerVatNumber: BE_NUMBER,
				vatNumberValid: true,
				shopifyRate: 0,
			}).reason,
			classifyVat({ ...BASE, ...to('US'), shopifyRate: 0 }).reason,
			classifyVat({ ...BASE, ...to('ES', '35001'), shopifyRate: 0 }).reason,
		];
		expect(reasons[0]).toMatch(/distance sale to DE under OSS/);
		expect(reasons[1]).toMatch(/intra-community supply 0%/);
		expect(reasons[2]).toMatch(/export to US, outside the EU/);
		expect(reasons[3]).toMatch(/outside the EU VAT area/);
		for (const reason of reasons) expect(reason).not.toMatch(/§|\.md\b/);
	});

	it('never changes a rate Shopify charged on a taxable line', () => {
		for (const rate of [0.05, 0.19, 0.21, 0.3]) {
			expect(classifyVat({ ...BASE, ...to('DE', '10115'), shopifyRate: rate }).rate).toBe(rate);
		}
	});

	it('accepts an ISO timestamp as date', () => {
		const decision = classifyVat({
			...BASE,
			...to('FI', '00100'),
			shopifyRate: 0.255,
			date: '2024-09-01T10:00:00+03:00',
		});
		expect(decision.warnings).toEqual([]);
	});

	it('throws on an invalid date or a missing seller country', () => {
		expect(() => classifyVat({ ...BASE, date: '01/03/2025' })).toThrow(/YYYY-MM-DD/);
		expect(() => classifyVat({ ...BASE, sellerCountry: ' ' })).toThrow(/seller country/);
	});
});
