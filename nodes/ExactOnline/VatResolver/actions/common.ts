/** Parameters both operations share: the seller's country and the merchant's VAT code mapping. */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeCountryCode, type VatCodeMapping, type VatTreatment } from '../../../core/vat';
import { countryChoices } from '../../../core/vat/countries';

export const sellerCountry: INodeProperties = {
	displayName: 'Seller Country',
	name: 'sellerCountry',
	type: 'options',
	options: countryChoices(),
	default: 'NL',
	required: true,
	description:
		"The country your shop ships from and is VAT registered in. Domestic VAT is this country's VAT. Another country: its two-letter code as an expression.",
};

const TREATMENTS: Array<{ name: string; value: VatTreatment; description: string }> = [
	{ name: 'Domestic Sale', value: 'domestic', description: "VAT of the seller's own country" },
	{ name: 'Exempt', value: 'exempt', description: 'Products exempt from VAT' },
	{
		name: 'Export Outside the EU (0%)',
		value: 'export',
		description:
			'Goods shipped outside the EU VAT area, e.g. to the US, the UK or the Canary Islands',
	},
	{
		name: 'Intra-Community Supply (ICP, 0%)',
		value: 'icp',
		description: 'Goods sold to a business with a valid VAT number in another EU country',
	},
	{
		name: 'OSS Sale to an EU Consumer',
		value: 'oss',
		description: "Goods sold to a consumer in another EU country, taxed at that country's rate",
	},
	{
		name: 'Out of Scope',
		value: 'outOfScope',
		description: 'Gift card sales, tips, duties and rounding',
	},
];

export const vatMapping: INodeProperties = {
	displayName: 'VAT Code Mapping',
	name: 'vatMapping',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Rule',
	default: {},
	description:
		'Your own choice of Exact VAT code per kind of sale, country and rate. A rule always wins over the automatic choice; the most specific rule (country, then rate) is used.',
	options: [
		{
			displayName: 'Rule',
			name: 'rules',
			values: [
				{
					displayName: 'Country',
					name: 'country',
					type: 'options',
					options: [{ name: 'Any Country', value: '' }, ...countryChoices()],
					default: '',
					description:
						'The country whose VAT applies (Northern Ireland is XI). Another country: its two-letter code as an expression.',
				},
				{
					displayName: 'Kind of Sale',
					name: 'treatment',
					type: 'options',
					options: TREATMENTS,
					default: 'domestic',
					description: 'How the line is taxed',
				},
				{
					displayName: 'Rate (%)',
					name: 'rate',
					type: 'string',
					default: '',
					placeholder: 'e.g. 21 or 5.5',
					description: 'The VAT rate in percent. Leave empty for any rate.',
				},
				{
					displayName: 'VAT Code Name or ID',
					name: 'code',
					type: 'options',
					typeOptions: {
						loadOptionsMethod: 'getVatCodes',
						loadOptionsDependsOn: ['division.value'],
					},
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
			],
		},
	],
};

/** The seller country as an ISO code; a merchant-readable error when it is not one. */
export function readSellerCountry(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = String(ctx.getNodeParameter('sellerCountry', itemIndex, 'NL') ?? '');
	const country = normalizeCountryCode(raw);
	if (!/^[A-Z]{2}$/.test(country)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Seller Country must be a two-letter country code, got "${raw}"`,
			{
				itemIndex,
			},
		);
	}
	return country;
}

/** The mapping table as the VAT engine's rows; a readable error for a rate that is not a number. */
export function readVatMapping(ctx: IExecuteFunctions, itemIndex: number): VatCodeMapping[] {
	const table = ctx.getNodeParameter('vatMapping', itemIndex, {}) as { rules?: IDataObject[] };
	return (table.rules ?? []).map((rule, index) => {
		const rateText = String(rule.rate ?? '')
			.trim()
			.replace(',', '.')
			.replace(/%$/, '')
			.trim();
		const rate = rateText === '' ? null : Number(rateText);
		if (rate !== null && (!Number.isFinite(rate) || rate < 0 || rate > 100)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`VAT Code Mapping rule ${index + 1}: rate "${String(rule.rate)}" is not a percentage`,
				{ itemIndex },
			);
		}
		const country = String(rule.country ?? '')
			.trim()
			.toUpperCase();
		return {
			treatment: String(rule.treatment ?? 'domestic') as VatTreatment,
			country: country === '' ? '*' : country,
			// Percent in the table; the engine reads fractions (and values above 1 as percent).
			rate: rate === null ? null : rate / 100,
			code: String(rule.code ?? '').trim(),
		};
	});
}
