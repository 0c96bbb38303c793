/**
 * The mapping settings of the core (MappingSettings) as one `options` collection. Every field of
 * MappingSettings is an option here with DEFAULT_MAPPING_SETTINGS as its default (written out as
 * literals, which n8n's lint requires; a test keeps them equal), so an option the merchant did not
 * add behaves exactly like the core's default.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { DEFAULT_VAT_NUMBER_PATTERN, type MappingSettings } from '../../core/mapping';

const ORDER = { show: { '/operation': ['order'] } };
const ORDER_CUSTOMER = { show: { '/operation': ['order', 'customer'] } };
const ORDER_PRODUCT_REFUND = { show: { '/operation': ['order', 'product', 'refund'] } };
const ORDER_REFUND = { show: { '/operation': ['order', 'refund'] } };
const PRODUCT = { show: { '/operation': ['product'] } };

const LINE_OR_SKIP = [
	{ name: 'Add as a Line', value: 'line' },
	{ name: 'Leave Out', value: 'skip' },
];

/** The collection, sorted by display name (n8n's lint wants collection options sorted). */
export const mappingOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Add Rounding Line',
			name: 'addRoundingLine',
			type: 'boolean',
			default: false,
			displayOptions: ORDER,
			description:
				"Whether to add a rounding line when the order's lines differ from Shopify's total by at most the maximum rounding difference",
		},
		{
			displayName: 'Gift Card Item Code',
			name: 'giftCardItemCode',
			type: 'string',
			default: 'GIFTCARD',
			displayOptions: ORDER_REFUND,
			description:
				'Exact item code for gift card sales. Leave empty to give gift cards an item code like any other product.',
		},
		{
			displayName: 'Gift Card Sales',
			name: 'giftCardLines',
			type: 'options',
			options: LINE_OR_SKIP,
			default: 'line',
			displayOptions: ORDER,
			description: 'Whether sold gift cards become a line of the sales order or are left out',
		},
		{
			displayName: 'Import Duties',
			name: 'duties',
			type: 'options',
			options: LINE_OR_SKIP,
			default: 'line',
			displayOptions: ORDER,
			description: 'Whether import duties charged by Shopify become a line or are left out',
		},
		{
			displayName: 'Import Duty Item Code',
			name: 'dutyItemCode',
			type: 'string',
			default: 'DUTY',
			displayOptions: ORDER,
			description: 'Exact item code for import duty lines',
		},
		{
			displayName: 'Item Code From',
			name: 'itemCodeSource',
			type: 'options',
			options: [
				{
					name: 'Product ID',
					value: 'productId',
					description: 'The Shopify product ID (all variants share it)',
				},
				{
					name: 'SKU',
					value: 'sku',
					description: 'The variant SKU; the variant ID, then the product ID when it is empty',
				},
				{
					name: 'Variant ID',
					value: 'variantId',
					description: 'The Shopify variant ID; the product ID when it is missing',
				},
			],
			default: 'sku',
			displayOptions: ORDER_PRODUCT_REFUND,
			description: 'Which Shopify field becomes the item code in Exact',
		},
		{
			displayName: 'Max Rounding Difference (Cents)',
			name: 'roundingLineMaxCents',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 10,
			displayOptions: ORDER,
			description:
				"Largest difference from Shopify's total, in cents, that a rounding line may absorb. A larger difference stays a warning.",
		},
		{
			displayName: 'Order Reference Prefix',
			name: 'orderReferencePrefix',
			type: 'string',
			default: '',
			displayOptions: ORDER_REFUND,
			placeholder: 'e.g. NL-',
			description:
				"Text put before the Shopify order name in the Exact order's reference (YourRef), e.g. NL-#1001. Every Shopify store numbers from #1001: give each shop that books into the same Exact division its own prefix, the same in the orders and refunds workflows. Leave empty with one shop.",
		},
		{
			displayName: 'Prefix for ID-Based Item Codes',
			name: 'itemCodePrefix',
			type: 'string',
			default: '',
			displayOptions: ORDER_PRODUCT_REFUND,
			placeholder: 'e.g. SHOP-',
			description:
				'Text put before item codes made from a Shopify variant or product ID. Never put before a SKU.',
		},
		{
			displayName: 'Prices Sent to Exact',
			name: 'pricesPosted',
			type: 'options',
			options: [
				{ name: 'Excluding VAT', value: 'excl' },
				{ name: 'Including VAT', value: 'incl' },
			],
			default: 'excl',
			displayOptions: ORDER_REFUND,
			description:
				'Whether line prices sent to Exact exclude or include VAT. Match how your Exact VAT codes are set up (type E or I).',
		},
		{
			displayName: 'Rounding Item Code',
			name: 'roundingItemCode',
			type: 'string',
			default: 'ROUNDING',
			displayOptions: ORDER,
			description: 'Exact item code for the rounding line',
		},
		{
			displayName: 'Shipping Item Code',
			name: 'shippingItemCode',
			type: 'string',
			default: 'SHIPMENT',
			displayOptions: ORDER_REFUND,
			description: 'Exact item code for shipping costs',
		},
		{
			displayName: 'Shop Currency',
			name: 'shopCurrency',
			type: 'string',
			default: '',
			displayOptions: PRODUCT,
			placeholder: 'e.g. EUR',
			description:
				"Currency of your shop's product prices. Leave empty to read prices with 2 decimals. Orders carry their own currency.",
		},
		{
			displayName: 'Skip Test Orders',
			name: 'skipTestOrders',
			type: 'boolean',
			default: true,
			displayOptions: ORDER,
			description:
				'Whether Shopify test orders are marked to be skipped, so the next nodes do not book them in Exact',
		},
		{
			displayName: 'Tip Item Code',
			name: 'tipItemCode',
			type: 'string',
			default: 'TIP',
			displayOptions: ORDER,
			description: 'Exact item code for tips',
		},
		{
			displayName: 'Tips',
			name: 'tips',
			type: 'options',
			options: LINE_OR_SKIP,
			default: 'line',
			displayOptions: ORDER,
			description: 'Whether tips become a line of the sales order or are left out',
		},
		{
			displayName: 'VAT Number Metafield',
			name: 'vatNumberMetafield',
			type: 'string',
			default: 'custom.vat_number',
			displayOptions: ORDER_CUSTOMER,
			placeholder: 'namespace.key',
			description: 'Customer metafield that holds the VAT number, as namespace.key',
		},
		{
			displayName: 'VAT Number Note Attributes',
			name: 'vatNumberNoteAttributes',
			type: 'string',
			default: 'vat_number, VAT number, btw_nummer, BTW-nummer',
			displayOptions: ORDER,
			description:
				'Names of order note attributes (checkout fields) that hold the VAT number, separated by commas. Upper and lower case are treated alike.',
		},
		{
			displayName: 'VAT Number Pattern',
			name: 'vatNumberPattern',
			type: 'string',
			default: DEFAULT_VAT_NUMBER_PATTERN,
			displayOptions: ORDER_CUSTOMER,
			description:
				'Advanced: regular expression that finds a VAT number in free text such as a company name or note. Group 1 is the number.',
		},
		{
			displayName: 'Where to Find the VAT Number',
			name: 'vatNumberSources',
			type: 'multiOptions',
			options: [
				{
					name: 'B2B Company Location',
					value: 'companyLocation',
					description: "The tax registration ID of the order's B2B company location",
				},
				{
					name: 'Billing Company Field',
					value: 'billingCompany',
					description: 'A VAT number typed into the company field of the billing address',
				},
				{
					name: 'Customer Metafield',
					value: 'metafield',
					description: 'The customer metafield named below',
				},
				{
					name: 'Customer Note',
					value: 'customerNote',
					description: 'A VAT number in the note on the customer',
				},
				{
					name: 'Order Note Attribute',
					value: 'noteAttribute',
					description: 'A checkout field (note attribute) with one of the names below',
				},
			],
			default: ['companyLocation', 'noteAttribute', 'metafield', 'billingCompany'],
			displayOptions: ORDER_CUSTOMER,
			description:
				"Where the customer's VAT number is looked for. The places are tried in a fixed order and the first hit wins.",
		},
	],
};

function text(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

function list(value: unknown): string[] | undefined {
	if (Array.isArray(value)) return value.map(String);
	if (typeof value !== 'string') return undefined;
	return value
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
}

/** The merchant's options as a partial MappingSettings; the core fills in and checks the rest. */
export function settingsFromOptions(options: IDataObject): Partial<MappingSettings> {
	const settings: Partial<MappingSettings> = {};
	const copy = <K extends keyof MappingSettings>(key: K, value: MappingSettings[K] | undefined) => {
		if (value !== undefined) settings[key] = value;
	};
	const opt = options as Record<string, unknown>;
	copy('itemCodeSource', text(opt.itemCodeSource) as MappingSettings['itemCodeSource']);
	copy('itemCodePrefix', text(opt.itemCodePrefix));
	copy('orderReferencePrefix', text(opt.orderReferencePrefix)?.trim());
	copy('shippingItemCode', text(opt.shippingItemCode));
	if (opt.giftCardItemCode !== undefined) {
		const code = text(opt.giftCardItemCode)?.trim();
		settings.giftCardItemCode = code ? code : null;
	}
	copy('tipItemCode', text(opt.tipItemCode));
	copy('dutyItemCode', text(opt.dutyItemCode));
	copy('roundingItemCode', text(opt.roundingItemCode));
	copy('vatNumberSources', list(opt.vatNumberSources) as MappingSettings['vatNumberSources']);
	copy('vatNumberNoteAttributes', list(opt.vatNumberNoteAttributes));
	copy('vatNumberMetafield', text(opt.vatNumberMetafield));
	copy('vatNumberPattern', text(opt.vatNumberPattern));
	copy('pricesPosted', text(opt.pricesPosted) as MappingSettings['pricesPosted']);
	copy('giftCardLines', text(opt.giftCardLines) as MappingSettings['giftCardLines']);
	copy('tips', text(opt.tips) as MappingSettings['tips']);
	copy('duties', text(opt.duties) as MappingSettings['duties']);
	if (typeof opt.skipTestOrders === 'boolean') settings.skipTestOrders = opt.skipTestOrders;
	if (typeof opt.addRoundingLine === 'boolean') settings.addRoundingLine = opt.addRoundingLine;
	if (opt.roundingLineMaxCents !== undefined)
		settings.roundingLineMaxCents = Number(opt.roundingLineMaxCents);
	if (opt.shopCurrency !== undefined) {
		const currency = text(opt.shopCurrency)?.trim().toUpperCase();
		settings.shopCurrency = currency ? currency : null;
	}
	return settings;
}
