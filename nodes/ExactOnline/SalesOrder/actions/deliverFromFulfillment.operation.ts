/**
 * Deliver From Fulfilment: a Shopify fulfilment (fulfillments/create, as n8n's Shopify Trigger
 * emits it) → an Exact goods delivery of the fulfilled lines and quantities on the imported sales
 * order, once, optionally followed by the invoice of what was delivered.
 */
import { NodeOperationError, jsonParse, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_CLAIM_LEASE_MINUTES } from '../../../core/exact/deliveryClaim';
import { FulfillmentError, mapShopifyFulfillment } from '../../../core/mapping/fulfillment';
import type { FulfillmentMappingOptions } from '../../../core/mapping/fulfillment';
import { runPerItem } from '../../shared/runner';
import { FulfillmentDeliverer } from './fromFulfillment/deliverer';
import type { DeliverOptions, InvoiceWhen } from './fromFulfillment/deliverer';

const properties: INodeProperties[] = [
	{
		displayName: 'Fulfilment',
		name: 'fulfillment',
		type: 'json',
		default: '={{ $json }}',
		required: true,
		description:
			"The Shopify fulfilment as n8n's Shopify Trigger (topic Fulfillment Created) emits it; by default the input item",
	},
	{
		displayName: 'Order Reference',
		name: 'orderReference',
		type: 'string',
		default: '',
		placeholder: 'e.g. #1001',
		description:
			"The Shopify order's name. Empty: the fulfilment's name without its number (#1001.2 → #1001).",
	},
	{
		displayName: 'Invoice',
		name: 'invoice',
		type: 'options',
		options: [
			{
				name: 'Never',
				value: 'never',
				description: 'Deliver only; you invoice in Exact',
			},
			{
				name: 'What Was Delivered',
				value: 'delivered',
				description:
					"After each delivery, invoice the delivered quantities not yet invoiced through Exact's order-to-invoice",
			},
		],
		default: 'never',
		description: 'Whether the delivered goods are also invoiced in Exact (linked to the order)',
	},
	{
		displayName: 'Sales Journal Code',
		name: 'journal',
		type: 'string',
		default: '70',
		displayOptions: { show: { invoice: ['delivered'] } },
		description: 'Code of the Exact sales journal the invoices go into',
	},
	{
		displayName: 'Queue-Mode Guard',
		name: 'queueModeGuard',
		type: 'options',
		options: [
			{
				name: 'None (One N8n Process)',
				value: 'none',
				description:
					'Enough when n8n runs as one process: copies of a fulfilment are delivered one after the other and the second finds the first delivery',
			},
			{
				name: 'Claim in Shopify Before Delivering',
				value: 'shopifyClaim',
				description:
					'For n8n in queue mode (workers): before posting, the delivery is claimed on the Shopify order, so two workers handling the same fulfilment at once post one delivery. Costs 3 Shopify API calls per fulfilment (read, claim, mark delivered) and no Exact calls.',
			},
		],
		default: 'none',
		description:
			'Exact cannot delete a goods delivery, so a delivery posted twice stays twice. Switch this on when n8n runs in queue mode, where copies of one fulfilment webhook can run on two workers at the same moment. Needs the Shopify Admin credential with the write_orders scope.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Claim Lease (Minutes)',
				name: 'claimLeaseMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1440 },
				default: 5,
				description:
					'With the Queue-Mode Guard: how long a claim holds. A claim older than this (its worker stopped mid-delivery) is taken over by the next execution, which finds in Exact what was posted.',
			},
			{
				displayName: 'Item Code From',
				name: 'itemCodeSource',
				type: 'options',
				options: [
					{ name: 'SKU', value: 'sku' },
					{ name: 'Variant ID', value: 'variantId' },
					{ name: 'Product ID', value: 'productId' },
				],
				default: 'sku',
				description:
					'How a fulfilled line finds its order line: the same Item Code From as Map Shopify Order',
			},
			{
				displayName: 'Item Code Prefix',
				name: 'itemCodePrefix',
				type: 'string',
				default: '',
				description: 'Prefix of item codes made from IDs, as in Map Shopify Order',
			},
			{
				displayName: 'Location to Warehouse Map',
				name: 'locationWarehouses',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description:
					"Exact warehouse per Shopify location (the stock template's map the other way round). A fulfilment from a mapped location is delivered from that warehouse; unmapped: the order's warehouse.",
				options: [
					{
						displayName: 'Rule',
						name: 'rules',
						values: [
							{
								displayName: 'Shopify Location ID',
								name: 'locationId',
								type: 'string',
								default: '',
								placeholder: 'e.g. 1001',
							},
							{
								displayName: 'Exact Warehouse Code',
								name: 'warehouse',
								type: 'string',
								default: '',
								placeholder: 'e.g. 1',
							},
						],
					},
				],
			},
			{
				displayName: 'Order Reference Prefix',
				name: 'orderReferencePrefix',
				type: 'string',
				default: '',
				placeholder: 'e.g. NL-',
				description:
					"The same Order Reference Prefix as in Map Shopify Order: the Exact order's YourRef is this text and the order name (NL-#1001)",
			},
			{
				displayName: 'Process Invoices',
				name: 'processInvoice',
				type: 'boolean',
				default: true,
				description:
					'Whether invoices are processed (final, an open item in the books) rather than left for review in Exact',
			},
			{
				displayName: 'Shipping Item Code',
				name: 'shippingItemCode',
				type: 'string',
				default: 'SHIPMENT',
				description:
					'The shipping item of Map Shopify Order. Shopify does not fulfil shipping, so its order lines are delivered with the first parcel (and invoiced with it); empty: never delivered.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['deliverFromFulfillment'] } },
	properties,
);

interface RawOptions {
	itemCodeSource?: FulfillmentMappingOptions['itemCodeSource'];
	itemCodePrefix?: string;
	orderReferencePrefix?: string;
	locationWarehouses?: { rules?: Array<{ locationId: string; warehouse: string }> };
	processInvoice?: boolean;
	shippingItemCode?: string;
	claimLeaseMinutes?: number;
}

/** How long a worker waits for another worker's delivery of the same fulfilment, and how often it looks. */
export const claimWaiting = { waitMs: 30_000, pollMs: 2_000 };

function fulfillmentParameter(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const value = ctx.getNodeParameter('fulfillment', itemIndex, '') as unknown;
	if (typeof value !== 'string') return value;
	if (!value.trim())
		throw new NodeOperationError(ctx.getNode(), 'No fulfilment given', { itemIndex });
	try {
		return jsonParse(value);
	} catch {
		throw new NodeOperationError(ctx.getNode(), 'Fulfilment is not valid JSON', { itemIndex });
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const raw = this.getNodeParameter('options', 0, {}) as RawOptions;
	const invoice = this.getNodeParameter('invoice', 0, 'never') as InvoiceWhen;
	const options: DeliverOptions = {
		invoice,
		journal: invoice === 'never' ? '' : String(this.getNodeParameter('journal', 0, '70')).trim(),
		processInvoice: raw.processInvoice !== false,
		locationWarehouses: raw.locationWarehouses?.rules ?? [],
		withFirstDelivery: [raw.shippingItemCode ?? 'SHIPMENT'].map((c) => c.trim()).filter(Boolean),
		guard:
			this.getNodeParameter('queueModeGuard', 0, 'none') === 'shopifyClaim'
				? {
						kind: 'shopifyClaim',
						leaseMs:
							Math.max(1, Number(raw.claimLeaseMinutes ?? DEFAULT_CLAIM_LEASE_MINUTES)) * 60_000,
						...claimWaiting,
					}
				: { kind: 'none' },
	};
	const deliverer = new FulfillmentDeliverer(this, options);
	return await runPerItem.call(this, async (itemIndex) => {
		let doc;
		try {
			doc = mapShopifyFulfillment(fulfillmentParameter(this, itemIndex), {
				orderReference: String(this.getNodeParameter('orderReference', itemIndex, '') ?? ''),
				itemCodeSource: raw.itemCodeSource ?? 'sku',
				itemCodePrefix: raw.itemCodePrefix ?? '',
				orderReferencePrefix: raw.orderReferencePrefix ?? '',
			});
		} catch (error) {
			const message = error instanceof FulfillmentError ? error.message : (error as Error).message;
			throw new NodeOperationError(this.getNode(), message, { itemIndex });
		}
		return (await deliverer.deliver(doc, itemIndex)) as IDataObject;
	});
}
