/** Load options: the division's sales VAT codes, for VAT code pickers in any Exact node. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ne } from '../../../core/exact/filter';
import { codeRate, formatRate, type ExactVatCode } from '../../../core/vat';
import { exactGetAll } from '../transport';

/** The vat/VATCodes fields the VAT engine reads (selectVatCode, proposeVatMapping). */
export const VAT_CODE_FIELDS = [
	'Code',
	'Description',
	'Percentage',
	'Type',
	'VATTransactionType',
	'EUSalesListing',
	'OssCountry',
	'IsBlocked',
	'Charged',
];

/** Sales codes only: purchase-only codes can never go on a sales order line. */
export const SALES_VAT_CODES = ne('VATTransactionType', 'P');

const TYPES: Record<string, string> = {
	B: '0%, base amount only',
	E: 'prices excl. VAT',
	I: 'prices incl. VAT',
	N: 'no VAT',
};

/** How a code reads in a dropdown: "I21 · BTW 21% hoog, incl. (21%)". */
export function vatCodeOption(code: ExactVatCode): INodePropertyOptions {
	const oss = code.OssCountry?.trim() ? `, OSS ${code.OssCountry.trim()}` : '';
	const listing = code.EUSalesListing === 'L' ? ', EU sales listing' : '';
	return {
		name: `${code.Code.trim()} · ${code.Description} (${formatRate(codeRate(code))})`,
		value: code.Code.trim(),
		description: `Type ${code.Type} (${TYPES[code.Type] ?? 'other'})${oss}${listing}`,
	};
}

/** The division's unblocked sales VAT codes, sorted by code. */
export async function getVatCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const codes = (await exactGetAll.call(this, {
		path: 'vat/VATCodes',
		qs: { $select: VAT_CODE_FIELDS, $filter: SALES_VAT_CODES },
		entity: 'VAT codes',
	})) as ExactVatCode[];
	return codes
		.filter((code) => !code.IsBlocked)
		.map(vatCodeOption)
		.sort((a, b) => String(a.value).localeCompare(String(b.value), undefined, { numeric: true }));
}
