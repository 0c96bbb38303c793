/**
 * Create or Update From Product: a Shopify product (products/create or products/update webhook
 * payload) → one Exact item per variant. One lookup of every variant code of every input item;
 * missing items are created, existing ones get only their changed description and price.
 */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	codeKey,
	itemBodyFromDraft,
	itemChanges,
	priceChanged,
	productPrice,
	productTags,
	variantVatRatePercent,
} from '../../../core/exact/itemDraft';
import type { ProductItemOptions, VatRateRule } from '../../../core/exact/itemDraft';
import { mapShopifyProduct } from '../../../core/mapping';
import type { ItemCodeSource, ItemDraft } from '../../../core/mapping';
import { runBatch } from '../../shared/runner';
import type { BatchResult } from '../../shared/runner';
import { getExactCallCount } from '../../shared/transport';
import { findItemsByCodes, postItem, putItem, setSalesPrices } from './common';
import type { ItemRecord, PriceUpdate } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Item Code From',
		name: 'itemCodeSource',
		type: 'options',
		options: [
			{
				name: 'SKU',
				value: 'sku',
				description: "The variant's SKU (then variant ID, then product ID)",
			},
			{
				name: 'Variant ID',
				value: 'variantId',
				description: 'The Shopify variant ID, with the prefix below',
			},
			{
				name: 'Product ID',
				value: 'productId',
				description: 'The Shopify product ID, with the prefix below',
			},
		],
		default: 'sku',
		description:
			'Where the Exact item code comes from; use the same setting as in Map Shopify Order',
	},
	{
		displayName: 'Item Code Prefix',
		name: 'itemCodePrefix',
		type: 'string',
		default: '',
		description: 'Put before codes made from Shopify IDs (never before a SKU)',
	},
	{
		displayName: 'Prices Include VAT',
		name: 'pricesIncludeVat',
		type: 'boolean',
		default: true,
		description: "Whether the shop's prices include VAT; Exact gets the price excl. VAT.",
	},
	{
		displayName: 'VAT Rate (%)',
		name: 'vatRatePercent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 21,
		displayOptions: { show: { pricesIncludeVat: [true] } },
		description:
			'VAT rate taken out of the shop price of products no rule below matches, e.g. 21. Variants Shopify does not tax get no VAT taken out.',
	},
	{
		displayName: 'VAT Rate Rules',
		name: 'vatRateRules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Rule',
		default: {},
		displayOptions: { show: { pricesIncludeVat: [true] } },
		description:
			'Products sold at another rate (e.g. books at 9 %): the first rule that matches the product sets the rate taken out of its price',
		options: [
			{
				displayName: 'Rule',
				name: 'rules',
				values: [
					{
						displayName: 'Match On',
						name: 'field',
						type: 'options',
						options: [
							{ name: 'Product Type', value: 'productType' },
							{ name: 'Tag', value: 'tag' },
							{ name: 'Vendor', value: 'vendor' },
						],
						default: 'productType',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Books',
						description: "The product's type, tag or vendor (not case-sensitive)",
					},
					{
						displayName: 'VAT Rate (%)',
						name: 'ratePercent',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
						default: 9,
					},
				],
			},
		],
	},
	{
		displayName: 'Item Group Name or ID',
		name: 'itemGroup',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getItemGroupsOrDefault' },
		default: '',
		description:
			'Item group of new items. Empty: Exact\'s default group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Mark as Webshop Items',
				name: 'webshopItem',
				type: 'boolean',
				default: true,
				description: 'Whether new items are marked as webshop items',
			},
			{
				displayName: 'Sales VAT Code Name or ID',
				name: 'salesVatCode',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getVatCodesOrDefault' },
				default: '',
				description:
					'VAT code of new items. Empty: the item group\'s. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Shop Currency',
				name: 'shopCurrency',
				type: 'string',
				default: 'EUR',
				description:
					"The shop's currency (ISO code); prices are set in it. Use the same as Shop Currency in Map Shopify Order.",
			},
			{
				displayName: 'Stock Items',
				name: 'productsAreStockItems',
				type: 'boolean',
				default: true,
				description: 'Whether new items whose Shopify stock is tracked keep stock in Exact',
			},
			{
				displayName: 'Update Prices',
				name: 'updatePrices',
				type: 'boolean',
				default: true,
				description: 'Whether a changed Shopify price updates the Exact sales price',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['createOrUpdateFromProduct'] } },
	properties,
);

interface Options {
	webshopItem?: boolean;
	salesVatCode?: string;
	shopCurrency?: string;
	productsAreStockItems?: boolean;
	updatePrices?: boolean;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBatch.call(this, async (items) => {
		const options = this.getNodeParameter('options', 0, {}) as Options;
		const currency = (options.shopCurrency || 'EUR').trim().toUpperCase();
		const settings = {
			itemCodeSource: this.getNodeParameter('itemCodeSource', 0, 'sku') as ItemCodeSource,
			itemCodePrefix: String(this.getNodeParameter('itemCodePrefix', 0, '')),
			shopCurrency: currency,
		};
		const includeVat = this.getNodeParameter('pricesIncludeVat', 0, true) as boolean;
		const productOptions: ProductItemOptions = {
			itemGroup: String(this.getNodeParameter('itemGroup', 0, '') ?? '').trim() || null,
			productsAreStockItems: options.productsAreStockItems !== false,
			webshopItem: options.webshopItem !== false,
			pricesIncludeVat: includeVat,
			vatRatePercent: includeVat ? Number(this.getNodeParameter('vatRatePercent', 0, 21)) : 0,
			salesVatCode: options.salesVatCode?.trim() || null,
			currency,
		};
		const rules = includeVat
			? (
					(this.getNodeParameter('vatRateRules', 0, {}) as { rules?: VatRateRule[] }).rules ?? []
				).map((r) => ({ ...r, ratePercent: Number(r.ratePercent) }))
			: [];
		const tagsOf = items.map((item) => productTags(item.json));
		const mapped: Array<ItemDraft[] | Error> = items.map((item) => {
			try {
				return mapShopifyProduct(item.json, settings);
			} catch (error) {
				return error as Error;
			}
		});
		const codes = mapped
			.flatMap((d) => (d instanceof Error ? [] : d.map((x) => x.itemCode ?? '')))
			.filter(Boolean);
		const found = await findItemsByCodes(this, [...new Set(codes)]);
		const prices: Array<PriceUpdate & { index: number }> = [];
		const results: BatchResult[] = [];
		for (let index = 0; index < mapped.length; index++) {
			const drafts = mapped[index];
			if (drafts instanceof Error) {
				results.push(drafts);
				continue;
			}
			const before = getExactCallCount.call(this);
			try {
				const out: IDataObject[] = [];
				for (const draft of drafts) {
					const vatRatePercent = includeVat
						? variantVatRatePercent(draft, tagsOf[index], rules, productOptions.vatRatePercent)
						: 0;
					const draftOptions = { ...productOptions, vatRatePercent };
					const result = await upsertDraft(
						this,
						draft,
						found,
						draftOptions,
						options,
						prices,
						index,
					);
					out.push(includeVat ? { ...result, vatRatePercent } : result);
				}
				const calls = getExactCallCount.call(this) - before;
				if (out.length === 0)
					out.push({ action: 'skipped', reason: 'the product has no variants' });
				results.push(out.map((o) => ({ ...o, exactCalls: calls })));
			} catch (error) {
				results.push(error as Error);
			}
		}
		await setSalesPrices(this, prices);
		return results;
	});
}

async function upsertDraft(
	ctx: IExecuteFunctions,
	draft: ItemDraft,
	found: Map<string, ItemRecord>,
	productOptions: ProductItemOptions,
	options: Options,
	prices: Array<PriceUpdate & { index: number }>,
	index: number,
): Promise<IDataObject> {
	const summary = {
		code: draft.itemCode,
		shopifyVariantId: draft.shopifyVariantId,
		description: draft.description,
	};
	if (!draft.itemCode)
		return {
			...summary,
			action: 'skipped',
			reason: 'the variant has no SKU or ID to make an item code from',
		};
	const key = codeKey(draft.itemCode);
	const price = productPrice(draft, productOptions);
	const existing = found.get(key);
	if (!existing) {
		const record = await postItem(ctx, {
			code: draft.itemCode,
			body: itemBodyFromDraft(draft, productOptions),
			itemIndex: index,
		});
		found.set(key, record);
		if (price > 0)
			prices.push({ itemId: record.ID, price, currency: productOptions.currency, index });
		return { ...summary, ID: record.ID, price, action: 'created' };
	}
	const changes = itemChanges(existing, draft);
	if (Object.keys(changes).length) {
		await putItem(ctx, existing.ID, changes, index);
		Object.assign(existing, changes);
	}
	const repriced =
		options.updatePrices !== false && priceChanged(existing.StandardSalesPrice, price);
	if (repriced)
		prices.push({ itemId: existing.ID, price, currency: productOptions.currency, index });
	const changed = [...Object.keys(changes), ...(repriced ? ['Price'] : [])];
	return changed.length
		? { ...summary, ID: existing.ID, price, action: 'updated', changed }
		: { ...summary, ID: existing.ID, price, action: 'found', reason: 'unchanged' };
}
