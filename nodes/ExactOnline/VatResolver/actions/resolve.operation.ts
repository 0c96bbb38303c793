/** Resolve VAT Codes: the Exact VAT code, treatment and reason on every line of an order document. */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { isOrderDocument, type EnrichedOrderDocument } from '../../../core/document';
import type { ShippingMode, VatSettings } from '../../../core/vat';
import { applyResolvedVat, resolveDocumentVat } from '../../../core/vat/resolveDocument';
import { DEFAULT_VIES_BASE_URL } from '../../shared/vies';
import { vatCodesForRun } from '../helpers/vatCodes';
import {
	checkCustomerVatNumber,
	type ViesDownBehaviour,
	type ViesMode,
} from '../helpers/vatNumberCheck';
import { readSellerCountry, readVatMapping } from './common';

const show = { show: { operation: ['resolve'] } };

export const description: INodeProperties[] = [
	{
		// Not shown in the editor: the EU service is the only one merchants use. Tests and the
		// benchmark point it at the sandbox's VIES stand-in.
		displayName: 'VIES Service URL',
		name: 'viesBaseUrl',
		type: 'hidden',
		default: DEFAULT_VIES_BASE_URL,
		displayOptions: show,
	},
	{
		displayName: 'Seller Uses OSS',
		name: 'sellerUsesOss',
		type: 'boolean',
		default: true,
		displayOptions: show,
		description:
			"Whether you are registered for the EU One-Stop-Shop: sales to consumers in other EU countries are then taxed at their country's rate",
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
				displayName: 'Remember VAT Codes (Minutes)',
				name: 'rememberVatCodesMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description:
					"How long the division's VAT codes loaded by one run are reused, saving one Exact call per run. Kept in the memory of this n8n process (shared at once by all runs using this credential and division, even those at the same moment) and with the workflow, so they survive a restart; in queue mode each worker loads them once. An order that needs a code the remembered list lacks reloads the list at once. 0 loads them in every run.",
			},
			{
				displayName: 'Shipping VAT',
				name: 'shippingVat',
				type: 'options',
				options: [
					{
						name: 'As Shopify Taxed It',
						value: 'asShopify',
						description: 'Keep the rate Shopify put on the shipping line',
					},
					{
						name: 'Follow the Goods Pro Rata',
						value: 'proRata',
						description:
							'Split shipping over the rates of the goods in proportion to their value (the Dutch and EU rule)',
					},
					{
						name: 'Highest Rate of the Goods',
						value: 'highestRate',
						description: 'Tax all shipping at the highest rate among the goods',
					},
				],
				default: 'proRata',
				description:
					'How shipping costs get their VAT. Shipping follows the goods: with mixed rates it is split into one shipping line per rate.',
			},
			{
				displayName: 'Tax Gift Cards When Sold',
				name: 'giftCardTaxedAtSale',
				type: 'boolean',
				default: false,
				description:
					'Whether gift cards are taxed when sold (single-purpose vouchers). Off: no VAT at sale, VAT is due when the card is used.',
			},
			{
				displayName: 'Tips Outside VAT',
				name: 'tipsOutOfScope',
				type: 'boolean',
				default: true,
				description: 'Whether tips are voluntary gratuities outside the scope of VAT',
			},
			{
				displayName: 'Trust Shopify 0% as Exempt',
				name: 'trustShopifyZeroRate',
				type: 'boolean',
				default: false,
				description:
					'Whether a taxable line that Shopify charged at 0% is booked as exempt. Off: it keeps its kind of sale and gets a warning.',
			},
			{
				displayName: 'VIES Check of VAT Numbers',
				name: 'viesCheck',
				type: 'options',
				options: [
					{
						name: 'Check in VIES',
						value: 'check',
						description: 'Ask the EU VIES service whether the number is valid before applying 0%',
					},
					{
						name: 'Off (Format Check Only)',
						value: 'off',
						description: 'Only check the format and check digits of the number',
					},
				],
				default: 'check',
				description:
					"How a business customer's VAT number is checked before a sale to another EU country is booked at 0% (ICP)",
			},
			{
				displayName: 'When VIES Is Unavailable',
				name: 'viesUnavailable',
				type: 'options',
				options: [
					{
						name: 'Charge VAT and Warn',
						value: 'treatAsInvalid',
						description: 'Book the sale as to a consumer (with VAT) and add a warning',
					},
					{
						name: 'Fail the Order',
						value: 'fail',
						description: 'Stop this order with an error so it can be run again later',
					},
					{
						name: 'Trust the Format Check and Warn',
						value: 'trustFormat',
						description: 'Apply 0% when the number has a valid format, and add a warning',
					},
				],
				default: 'treatAsInvalid',
				description: "What to do when VIES or the country's service does not answer",
			},
		],
	},
];

function vatSettings(options: IDataObject): VatSettings {
	const settings: VatSettings = {};
	if (typeof options.giftCardTaxedAtSale === 'boolean')
		settings.giftCardTaxedAtSale = options.giftCardTaxedAtSale;
	if (typeof options.tipsOutOfScope === 'boolean') settings.tipsOutOfScope = options.tipsOutOfScope;
	if (typeof options.trustShopifyZeroRate === 'boolean')
		settings.trustShopifyZeroRate = options.trustShopifyZeroRate;
	return settings;
}

/** The document as it goes on: a copy without the previous node's call count. */
function passOn(doc: EnrichedOrderDocument): IDataObject {
	const json: IDataObject = { ...(doc as unknown as IDataObject) };
	delete json.exactCalls;
	delete json.exactBatchCalls;
	return json;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<IDataObject> {
	const doc = item.json as unknown;
	if (!isOrderDocument(doc)) {
		throw new NodeOperationError(this.getNode(), 'The input item is not an order document', {
			itemIndex,
			description: "Put the 'Shopify to Exact' node (Map Order) before this node.",
		});
	}
	if (doc.skip) return passOn(doc);
	const sellerCountry = readSellerCountry(this, itemIndex);
	const mapping = readVatMapping(this, itemIndex);
	const sellerUsesOss = this.getNodeParameter('sellerUsesOss', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const settings = vatSettings(options);
	const rememberMinutes = Number(options.rememberVatCodesMinutes ?? 60);
	let codes = await vatCodesForRun(this, itemIndex, rememberMinutes);
	const vatNumber = await checkCustomerVatNumber(this, itemIndex, doc, {
		mode: (options.viesCheck as ViesMode | undefined) ?? 'check',
		whenDown: (options.viesUnavailable as ViesDownBehaviour | undefined) ?? 'treatAsInvalid',
		viesBaseUrl: String(
			this.getNodeParameter('viesBaseUrl', itemIndex, '') || DEFAULT_VIES_BASE_URL,
		),
		classify: { sellerCountry, sellerUsesOss, settings },
	});
	const resolve = () =>
		resolveDocumentVat(doc, {
			sellerCountry,
			sellerUsesOss,
			shippingMode: (options.shippingVat as ShippingMode | undefined) ?? 'proRata',
			settings,
			vatCodes: codes.vatCodes,
			mapping,
			vatNumberValid: vatNumber.valid,
		});
	let resolved = resolve();
	if (resolved.errors.length > 0 && codes.fromEarlierRun) {
		// The code may have been created in Exact since the list was remembered.
		codes = await vatCodesForRun(this, itemIndex, rememberMinutes, true);
		resolved = resolve();
	}
	const { division } = codes;
	if (resolved.errors.length > 0) {
		const notes = [...vatNumber.warnings, ...resolved.warnings];
		throw new NodeOperationError(
			this.getNode(),
			`Order ${doc.references.orderName}: ${resolved.errors.join('; ')}`,
			{
				itemIndex,
				description:
					`Division ${division}: create the VAT code in Exact Online, or pick an existing code for it in 'VAT Code Mapping', then run the order again.` +
					(notes.length > 0 ? ` Notes: ${notes.join(' | ')}` : ''),
			},
		);
	}
	const result = applyResolvedVat(doc, resolved);
	result.warnings.push(
		...vatNumber.warnings.filter((warning) => !result.warnings.includes(warning)),
	);
	result.exact = { ...doc.exact, division, vatNumberCheck: vatNumber.check };
	return passOn(result);
}
