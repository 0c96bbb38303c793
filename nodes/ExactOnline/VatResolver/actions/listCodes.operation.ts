/**
 * Check VAT Mapping: the division's VAT codes and the code the node would use for every
 * (kind of sale, country, rate), so a merchant can fix gaps before going live.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	codeRate,
	formatRate,
	proposeVatMapping,
	type ExactVatCode,
	type ProposedVatCode,
} from '../../../core/vat';
import { loadVatCodesOnce } from '../helpers/vatCodes';
import { readSellerCountry, readVatMapping } from './common';

const show = { show: { operation: ['listCodes'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Exact VAT Code',
				value: 'vatCodes',
				description: "Each of the division's sales VAT codes, with the sales it would be used for",
			},
			{
				name: 'One Item per VAT Rate',
				value: 'mapping',
				description:
					'Each kind of sale, country and rate, with the VAT code the node would use or what is missing',
			},
		],
		default: 'mapping',
		displayOptions: show,
		description: 'What to list',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Prices Sent to Exact',
				name: 'pricesPosted',
				type: 'options',
				options: [
					{ name: 'Excluding VAT', value: 'excl' },
					{ name: 'Including VAT', value: 'incl' },
				],
				default: 'excl',
				description:
					"The same choice as in the 'Shopify to Exact' node: VAT codes must be of type E for prices excluding VAT, type I for prices including VAT",
			},
			{
				displayName: 'Rates on Date',
				name: 'date',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2025-07-01',
				description:
					'List the VAT rates in force on this day (YYYY-MM-DD). Leave empty for the latest rates.',
			},
		],
	},
];

function keyText(row: ProposedVatCode): string {
	const where = row.country === '*' ? '' : ` ${row.country}`;
	return `${row.treatment}${where} ${formatRate(row.rate)}`;
}

function mappingItem(row: ProposedVatCode, division: number): IDataObject {
	return {
		treatment: row.treatment,
		country: row.country,
		rate: row.rate,
		ratePercent: formatRate(row.rate),
		code: row.code,
		codeDescription: row.description ?? null,
		source: row.source ?? null,
		status: row.code === null ? 'missing' : row.warnings.length > 0 ? 'check' : 'ok',
		message: row.error ?? (row.warnings.length > 0 ? row.warnings.join('; ') : null),
		division,
	};
}

function vatCodeItem(code: ExactVatCode, rows: ProposedVatCode[], division: number): IDataObject {
	const used = rows.filter((row) => row.code === code.Code.trim());
	return {
		code: code.Code.trim(),
		description: code.Description,
		rate: codeRate(code),
		ratePercent: formatRate(codeRate(code)),
		type: code.Type,
		vatTransactionType: code.VATTransactionType,
		euSalesListing: code.EUSalesListing ?? null,
		ossCountry: code.OssCountry?.trim() || null,
		isBlocked: code.IsBlocked,
		usedFor: used.map(keyText),
		division,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const sellerCountry = readSellerCountry(this, itemIndex);
	const mapping = readVatMapping(this, itemIndex);
	const output = this.getNodeParameter('output', itemIndex, 'mapping') as 'mapping' | 'vatCodes';
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const date = String(options.date ?? '').trim();
	if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
		throw new NodeOperationError(
			this.getNode(),
			`Rates on Date must be a date like 2025-07-01, got "${date}"`,
			{
				itemIndex,
			},
		);
	}
	const { division, vatCodes } = await loadVatCodesOnce(this, itemIndex);
	const rows = proposeVatMapping(vatCodes, sellerCountry, options.pricesPosted === 'incl', {
		date: date || undefined,
		mapping,
	});
	if (output === 'vatCodes') return vatCodes.map((code) => vatCodeItem(code, rows, division));
	return rows.map((row) => mappingItem(row, division));
}
