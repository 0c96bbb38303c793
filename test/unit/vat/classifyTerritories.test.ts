import { checkRow, to, type Row } from './classifyCases';

/** Special territories (vat-oss.md §6), line kinds, missing addresses and non-EU sellers. */
const ROWS: Row[] = [
	// Special territories - vat-oss.md §6.
	{
		name: 'Canary Islands by postcode 35001',
		input: { ...to('ES', '35001'), shopifyRate: 0 },
		expected: { treatment: 'export', country: 'ES', territory: 'Canary Islands' },
		warnings: [],
	},
	{
		name: 'Canary Islands by province TF without postcode',
		input: { ...to('ES', undefined, 'TF'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Canary Islands' },
		warnings: [],
	},
	{
		name: 'Ceuta by postcode 51001',
		input: { ...to('ES', '51001'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Ceuta' },
		warnings: [],
	},
	{
		name: 'Melilla by province ML',
		input: { ...to('ES', '', 'ML'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Melilla' },
		warnings: [],
	},
	{
		name: 'mainland Spain (Madrid 28001) stays OSS',
		input: { ...to('ES', '28001', 'M') },
		expected: { treatment: 'oss', country: 'ES', rate: 0.21 },
		warnings: [],
	},
	{
		name: 'Åland by FI postcode 22100',
		input: { ...to('FI', 'AX-22100'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Åland Islands' },
		warnings: [],
	},
	{
		name: 'Åland by country code AX',
		input: { ...to('AX', '22100'), shopifyRate: 0 },
		expected: { treatment: 'export', country: 'AX' },
		warnings: [],
	},
	{
		name: 'Mount Athos (GR 63086)',
		input: { ...to('GR', '630 86'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Mount Athos' },
		warnings: [],
	},
	{
		name: 'Guadeloupe as country code GP',
		input: { ...to('GP', '97110'), shopifyRate: 0 },
		expected: { treatment: 'export', country: 'GP', territory: 'Guadeloupe' },
		warnings: [],
	},
	{
		name: 'Martinique as FR postcode 97200',
		input: { ...to('FR', '97200'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Martinique' },
		warnings: [],
	},
	{
		name: 'Mayotte as country code YT',
		input: { ...to('YT', '97600'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Mayotte' },
		warnings: [],
	},
	{
		name: 'Büsingen (DE 78266)',
		input: { ...to('DE', '78266'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Büsingen am Hochrhein' },
		warnings: [],
	},
	{
		name: 'Heligoland (DE 27498)',
		input: { ...to('DE', '27498'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Heligoland' },
		warnings: [],
	},
	{
		name: 'Livigno (IT 23041)',
		input: { ...to('IT', '23041'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Livigno' },
		warnings: [],
	},
	{
		name: "Campione d'Italia (IT 22061)",
		input: { ...to('IT', '22061'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: "Campione d'Italia" },
		warnings: [],
	},
	{
		name: 'Monaco is treated as France (OSS FR 20%)',
		input: { ...to('MC', '98000'), shopifyRate: 0.2 },
		expected: {
			treatment: 'oss',
			country: 'FR',
			territory: 'Monaco',
			expectedRates: [0.2, 0.1, 0.055, 0.021],
		},
		warnings: [],
	},
	{
		name: 'Northern Ireland (GB + BT postcode) B2C: OSS with country XI at UK rates',
		input: { ...to('GB', 'BT1 1AA'), shopifyRate: 0.2 },
		expected: {
			treatment: 'oss',
			country: 'XI',
			territory: 'Northern Ireland',
			expectedRates: [0.2, 0.05],
		},
		warnings: [],
	},
	{
		name: 'Northern Ireland B2B with a valid XI number: ICP to XI',
		input: {
			...to('GB', 'BT7 1NN'),
			customerVatNumber: 'XI980780684',
			vatNumberValid: true,
			shopifyRate: 0,
		},
		expected: { treatment: 'icp', country: 'XI' },
		warnings: [],
	},
	{
		name: 'Northern Ireland B2B with a GB number: B2C with a warning',
		input: {
			...to('GB', 'BT7 1NN'),
			customerVatNumber: 'GB980780684',
			vatNumberValid: true,
			shopifyRate: 0.2,
		},
		expected: { treatment: 'oss', country: 'XI' },
		warnings: [/XI/],
	},
	{
		name: 'Jersey (JE) is a third country',
		input: { ...to('JE', 'JE2 3AB'), shopifyRate: 0 },
		expected: { treatment: 'export', country: 'JE' },
		warnings: [],
	},
	{
		name: 'Guernsey (GG) is a third country',
		input: { ...to('GG', 'GY1 1AA'), shopifyRate: 0 },
		expected: { treatment: 'export', country: 'GG' },
		warnings: [],
	},
	{
		name: 'Isle of Man is treated as the UK (export, country GB)',
		input: { ...to('IM', 'IM1 1AA'), shopifyRate: 0 },
		expected: { treatment: 'export', country: 'GB', territory: 'Isle of Man' },
		warnings: [],
	},
	{
		name: 'a Spanish seller shipping to the Canary Islands exports',
		input: { sellerCountry: 'ES', ...to('ES', '38001'), shopifyRate: 0 },
		expected: { treatment: 'export', territory: 'Canary Islands' },
		warnings: [],
	},
	{
		name: 'a French seller shipping to Monaco sells domestically',
		input: { sellerCountry: 'FR', ...to('MC', '98000'), shopifyRate: 0.2 },
		expected: { treatment: 'domestic', country: 'FR' },
		warnings: [],
	},
	{
		name: 'a Northern Ireland seller shipping to Great Britain sells domestically',
		input: { sellerCountry: 'XI', ...to('GB', 'SW1A 1AA'), shopifyRate: 0.2 },
		expected: { treatment: 'domestic', country: 'XI' },
		warnings: [],
	},
	// Line kinds.
	{
		name: 'gift card sale is out of scope by default',
		input: { lineKind: 'giftCard', shopifyRate: null },
		expected: { treatment: 'outOfScope', rate: 0, expectedRates: [0] },
		warnings: [],
	},
	{
		name: 'gift card taxed at sale by setting follows the goods rules',
		input: {
			lineKind: 'giftCard',
			...to('DE', '10115'),
			shopifyRate: 0.19,
			settings: { giftCardTaxedAtSale: true },
		},
		expected: { treatment: 'oss', country: 'DE' },
		warnings: [],
	},
	{
		name: 'tip is out of scope by default',
		input: { lineKind: 'tip', shopifyRate: 0 },
		expected: { treatment: 'outOfScope', rate: 0 },
		warnings: [],
	},
	{
		name: 'tip taxed when the setting says tips are in scope',
		input: { lineKind: 'tip', settings: { tipsOutOfScope: false } },
		expected: { treatment: 'domestic', rate: 0.21 },
		warnings: [],
	},
	{
		name: 'tip with VAT charged by Shopify is booked as taxable with a warning',
		input: { lineKind: 'tip', shopifyRate: 0.21 },
		expected: { treatment: 'domestic', rate: 0.21 },
		warnings: [/on a tip line that is normally out of scope/],
	},
	{
		name: 'duty is out of scope',
		input: { lineKind: 'duty', ...to('US', '10001'), shopifyRate: null },
		expected: { treatment: 'outOfScope', country: 'NL' },
		warnings: [],
	},
	{
		name: 'rounding line is out of scope',
		input: { lineKind: 'rounding', shopifyRate: null },
		expected: { treatment: 'outOfScope' },
		warnings: [],
	},
	{
		name: 'shipping line follows the destination rules (OSS DE)',
		input: { lineKind: 'shipping', ...to('DE', '10115'), shopifyRate: 0.19 },
		expected: { treatment: 'oss', country: 'DE' },
		warnings: [],
	},
	// Missing addresses and non-EU sellers.
	{
		name: 'no ship-to: billing country decides (OSS DE)',
		input: { shipTo: null, billingCountry: 'DE', shopifyRate: 0.19 },
		expected: { treatment: 'oss', country: 'DE' },
		warnings: [],
	},
	{
		name: 'no ship-to and no billing: seller country with a warning',
		input: { shipTo: null, billingCountry: null },
		expected: { treatment: 'domestic', country: 'NL' },
		warnings: [/seller's country NL is assumed/],
	},
	{
		name: 'empty ship-to country falls back to billing',
		input: { shipTo: { countryCode: '' }, billingCountry: 'US', shopifyRate: 0 },
		expected: { treatment: 'export', country: 'US' },
		warnings: [],
	},
	{
		name: 'non-EU seller selling at home is domestic',
		input: { sellerCountry: 'GB', ...to('GB', 'SW1A 1AA'), shopifyRate: 0.2 },
		expected: { treatment: 'domestic', country: 'GB' },
		warnings: [],
	},
	{
		name: 'non-EU seller selling into the EU: export with a warning (no IOSS model)',
		input: { sellerCountry: 'US', ...to('DE', '10115'), shopifyRate: 0 },
		expected: { treatment: 'export', country: 'DE' },
		warnings: [/outside the EU/],
	},
];

describe('classifyVat: territories, line kinds and fallbacks', () => {
	it.each(ROWS)('$name', checkRow);
});
