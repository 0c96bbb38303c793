/**
 * Create From Order: the order document → an Exact sales order with all lines, once. One YourRef
 * lookup for all input items, then one POST per new order. Adds `exact.salesOrder` (and
 * `exact.goodsDelivery`) to the document.
 */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { EnrichedOrderDocument } from '../../../core/document';
import { documentOutput, readOrderDocument } from '../../../core/exact/orderDocumentInput';
import { assertSalesOrderReady } from '../../../core/exact/salesOrderDraft';
import type { GatewayCondition, LinePricing } from '../../../core/exact/salesOrderDraft';
import { runBatch } from '../../shared/runner';
import type { BatchResult } from '../../shared/runner';
import { readsCache } from '../../../core/exact/masterDataCache';
import { getExactCallCount, resolveDivision } from '../../shared/transport';
import { openImportedOrders } from './fromOrder/importedOrders';
import { OrderImporter } from './fromOrder/importer';
import type { AfterCreateCheck, ImportOptions, ImportResult } from './fromOrder/importer';

const properties: INodeProperties[] = [
	{
		displayName: 'Payment Condition Name or ID',
		name: 'paymentCondition',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPaymentConditionsOrDefault' },
		default: '',
		description:
			'Payment condition of the orders. Empty: the account\'s default. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Shipping Method Name or ID',
		name: 'shippingMethod',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getShippingMethodsOrDefault' },
		default: '',
		description:
			'Shipping method of the orders. Empty: the account\'s default. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Warehouse',
		name: 'warehouse',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'Warehouse the goods leave from. Empty: the main warehouse.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWarehouses', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5b7f4515-8a2c-4f38-9d1e-2a1b3c4d5e6f',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'After Create Check',
				name: 'afterCreateCheck',
				type: 'options',
				options: [
					{
						name: 'None',
						value: 'none',
						description:
							'Trust the lookup before the create (at most 2 calls per order): right for a single n8n process',
					},
					{
						name: 'Report Duplicates',
						value: 'report',
						description:
							'Look YourRef up again after creating and warn if another run created the same order',
					},
					{
						name: 'Remove Own Duplicate',
						value: 'removeNewer',
						description:
							"As Report, and delete this run's order if a concurrent run created the same order first (the lowest order number stays)",
					},
				],
				default: 'none',
				description:
					'For queue mode (several n8n processes importing orders): protection against two processes importing the same order at the same moment, at one Exact call per new order. A single n8n process needs None: its runs never create the same YourRef twice.',
			},
			{
				displayName: 'Deliver Immediately',
				name: 'deliverImmediately',
				type: 'boolean',
				default: false,
				description:
					'Whether to post a goods delivery of the whole order right after creating it (shops that ship from their own stock at once)',
			},
			{
				displayName: 'Line Prices',
				name: 'linePricing',
				type: 'options',
				options: [
					{
						name: 'Net Price',
						value: 'netPrice',
						description: 'Post the price after discount; Exact shows no discount',
					},
					{
						name: 'Unit Price and Discount',
						value: 'unitPriceDiscount',
						description: 'Post the list price and the discount as a percentage, plus the net price',
					},
				],
				default: 'netPrice',
				description: 'How line prices are posted; the amounts are the same',
			},
			{
				displayName: 'Note as Remarks',
				name: 'noteAsRemarks',
				type: 'boolean',
				default: true,
				description: "Whether the order's note goes into the order's remarks",
			},
			{
				displayName: 'Payment Condition per Gateway',
				name: 'gatewayConditions',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description:
					'Payment condition for orders paid through a Shopify payment gateway (e.g. paypal, shopify_payments)',
				options: [
					{
						displayName: 'Rule',
						name: 'rules',
						values: [
							{
								displayName: 'Gateway',
								name: 'gateway',
								type: 'string',
								default: '',
								description: 'Shopify payment gateway name, e.g. paypal',
							},
							{
								displayName: 'Payment Condition Name or ID',
								name: 'paymentCondition',
								type: 'options',
								typeOptions: { loadOptionsMethod: 'getPaymentConditions' },
								default: '',
								description:
									'Exact payment condition for these orders. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
							},
						],
					},
				],
			},
			{
				displayName: 'Remember Imported Orders',
				name: 'rememberImportedOrders',
				type: 'boolean',
				default: true,
				description:
					"Whether this n8n process remembers the orders it imported or found (by YourRef, per credential and division, 24 hours, up to 20,000), so a repeated webhook of an imported order costs no Exact call. Kept in memory only: after a restart, and in queue mode for another worker's orders, the YourRef is looked up in Exact as before. Off while Deliver Immediately is on, and for a retried execution.",
			},
			{
				displayName: 'Require VAT Code on Every Line',
				name: 'requireVatCode',
				type: 'boolean',
				default: true,
				description:
					"Whether every line must carry a VAT code from the VAT Resolver (off: Exact uses the item's or account's code)",
			},
			{
				displayName: 'Rounding Difference',
				name: 'roundingDifference',
				type: 'options',
				options: [
					{
						name: 'Fail the Order',
						value: 'fail',
						description: 'Create nothing and say by how much Exact would differ',
					},
					{
						name: 'Book on Rounding Item',
						value: 'line',
						description:
							'Add a line on the rounding item so the order totals exactly what Shopify charged',
					},
				],
				default: 'fail',
				description:
					'What to do when Exact, which computes VAT per line, would total the order differently from Shopify (prices excl. VAT only; with prices incl. VAT the totals always match)',
			},
			{
				displayName: 'Rounding Item Code',
				name: 'roundingItemCode',
				type: 'string',
				default: 'ROUNDING',
				description:
					'Exact item for rounding differences: create it once, without VAT, on your rounding differences G/L account (looked up only when an order needs it)',
			},
			{
				displayName: 'Rounding Limit (Cents)',
				name: 'roundingMaxCents',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				description: 'Largest difference booked on the rounding item; a larger one fails the order',
			},
			{
				displayName: 'Rounding VAT Code',
				name: 'roundingVatCode',
				type: 'string',
				default: '0',
				description:
					"VAT code of the rounding line (a code without VAT). Empty: the item's own code.",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['createFromOrder'] } },
	properties,
);

interface RawOptions {
	afterCreateCheck?: AfterCreateCheck;
	deliverImmediately?: boolean;
	linePricing?: LinePricing;
	noteAsRemarks?: boolean;
	gatewayConditions?: { rules?: GatewayCondition[] };
	requireVatCode?: boolean;
	rememberImportedOrders?: boolean;
	roundingDifference?: 'fail' | 'line';
	roundingItemCode?: string;
	roundingMaxCents?: number;
	roundingVatCode?: string;
}

async function readOptions(ctx: IExecuteFunctions): Promise<ImportOptions> {
	const raw = ctx.getNodeParameter('options', 0, {}) as RawOptions;
	// A remembered order's delivery status would be stale: Deliver Immediately always looks up.
	const remember =
		raw.rememberImportedOrders !== false &&
		raw.deliverImmediately !== true &&
		readsCache(true, ctx.getMode());
	return {
		importedOrders: remember
			? await openImportedOrders(ctx, await resolveDivision.call(ctx, 0))
			: undefined,
		paymentCondition: String(ctx.getNodeParameter('paymentCondition', 0, '') ?? ''),
		gatewayConditions: raw.gatewayConditions?.rules ?? [],
		shippingMethod: String(ctx.getNodeParameter('shippingMethod', 0, '') ?? '').trim() || null,
		warehouse:
			String(ctx.getNodeParameter('warehouse', 0, '', { extractValue: true }) ?? '').trim() || null,
		linePricing: raw.linePricing ?? 'netPrice',
		requireVatCode: raw.requireVatCode !== false,
		noteAsRemarks: raw.noteAsRemarks !== false,
		deliverImmediately: raw.deliverImmediately === true,
		afterCreateCheck: raw.afterCreateCheck ?? 'none',
		rounding: {
			mode: raw.roundingDifference ?? 'fail',
			itemCode: raw.roundingItemCode?.trim() || 'ROUNDING',
			vatCode: raw.roundingVatCode === undefined ? '0' : raw.roundingVatCode.trim() || null,
			maxCents: raw.roundingMaxCents ?? 5,
		},
	};
}

/** Exact's own refusals (e.g. no exchange rate) name the order they are about. */
function naming(error: Error, doc: EnrichedOrderDocument): Error {
	const name = doc.references?.orderName;
	if (name && !error.message.includes(name)) error.message = `Order ${name}: ${error.message}`;
	return error;
}

/** The output item of an imported order (its warnings are added to the document's). */
function output(doc: EnrichedOrderDocument, result: ImportResult, exactCalls: number): IDataObject {
	const { ref, goodsDelivery, warnings } = result;
	doc.exact.salesOrder = ref;
	if (goodsDelivery !== undefined) doc.exact.goodsDelivery = goodsDelivery;
	const out: IDataObject = {
		...documentOutput(
			{ ...doc, warnings: [...(doc.warnings ?? []), ...warnings.map((w) => `Sales order: ${w}`)] },
			ref.action,
			ref.reason,
		),
		exactCalls,
	};
	if (warnings.length) out.warning = warnings.join('; ');
	return out;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBatch.call(this, async (items) => {
		const options = await readOptions(this);
		const importer = new OrderImporter(this, options);
		const docs: Array<EnrichedOrderDocument | Error> = items.map((item, i) => {
			try {
				const doc = readOrderDocument(item.json, i);
				if (!doc.skip) assertSalesOrderReady(doc, options);
				return doc;
			} catch (error) {
				return error as Error;
			}
		});
		await importer.prefetch(
			docs.filter((d): d is EnrichedOrderDocument => !(d instanceof Error) && !d.skip),
		);
		const results: BatchResult[] = [];
		const callsOf: number[] = docs.map(() => 0);
		for (let i = 0; i < docs.length; i++) {
			const doc = docs[i];
			if (doc instanceof Error) {
				results.push(doc);
				continue;
			}
			if (doc.skip) {
				results.push({
					...documentOutput(doc, 'skipped', doc.skip.reason),
					exactCalls: 0,
				} as IDataObject);
				continue;
			}
			const before = getExactCallCount.call(this);
			try {
				const result = await importer.import(doc, i);
				callsOf[i] = getExactCallCount.call(this) - before;
				results.push(output(doc, result, callsOf[i]));
			} catch (error) {
				results.push(naming(error as Error, doc));
			}
		}
		// After Create Check: one read-back of all created YourRefs, then each order is settled
		// (duplicates resolved, delivered when kept). The read-back's calls count on the first item.
		const pending = importer.pendingItems();
		if (pending.length) {
			const before = getExactCallCount.call(this);
			let readBackError: Error | null = null;
			try {
				await importer.readBack();
			} catch (error) {
				readBackError = error as Error;
			}
			callsOf[pending[0]] += getExactCallCount.call(this) - before;
			for (const i of pending) {
				const doc = docs[i] as EnrichedOrderDocument;
				if (readBackError) {
					results[i] = naming(readBackError, doc);
					continue;
				}
				const start = getExactCallCount.call(this);
				try {
					const result = await importer.settle(i);
					results[i] = output(doc, result, callsOf[i] + getExactCallCount.call(this) - start);
				} catch (error) {
					results[i] = naming(error as Error, doc);
				}
			}
		}
		return results;
	});
}
