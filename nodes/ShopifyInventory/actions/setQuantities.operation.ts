/**
 * Set Available Quantities: one input item per SKU and location ({sku, locationId, quantity}, as
 * the Exact Online Stock node emits them). SKUs are resolved in bulk, quantities that already match
 * are not written, the rest go out in inventorySetQuantities batches of up to 250 with a
 * compare-and-swap value. A stale value (someone sold or edited stock meanwhile) is re-read and
 * retried once. Bundles, untracked variants, unknown SKUs and locations the item is not stocked at
 * are reported as skipped, never fatal.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dedupeRequests, parseRequest, SKIP_MESSAGES } from '../../core/stock/inventoryPlan';
import type { QuantityRequest, Skip } from '../../core/stock/inventoryPlan';
import { locationIdOf, shopifyLocationLocator } from '../locations';
import { getShopifyCallCount, getShopifyEndpoint, toNodeError } from '../transport';
import { writeQuantities } from '../writeQuantities';
import type { Outcome } from '../writeQuantities';

const show = { operation: ['setQuantities'] };

export const description: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '={{ $json.sku }}',
		required: true,
		description: 'The SKU of the Shopify variant (the Exact item code)',
		displayOptions: { show },
	},
	shopifyLocationLocator({
		displayName: 'Location',
		name: 'locationId',
		default: { mode: 'id', value: '={{ $json.locationId }}' },
		required: true,
		description:
			'The Shopify location: picked from the list, or its ID (a number or gid://shopify/Location/…), by default the locationId of each input item',
		displayOptions: { show },
	}),
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'string',
		default: '={{ $json.quantity }}',
		required: true,
		description: 'The whole number Shopify should show as available at that location',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'options',
				default: 'correction',
				description: 'The reason shown in Shopify’s inventory history',
				options: [
					{ name: 'Correction', value: 'correction' },
					{ name: 'Cycle Count', value: 'cycle_count_available' },
					{ name: 'Other', value: 'other' },
					{ name: 'Received', value: 'received' },
					{ name: 'Restock', value: 'restock' },
				],
			},
			{
				displayName: 'Reference Document URI',
				name: 'referenceDocumentUri',
				type: 'string',
				default: '',
				placeholder: 'gid://exact-online-commerce/StockSync/123',
				description:
					'Shown in Shopify’s inventory history. Default: gid://exact-online-commerce/StockSync/ followed by the execution ID.',
			},
		],
	},
];

function outputFor(outcome: Outcome, calls: number): IDataObject {
	const json: IDataObject = {
		action: outcome.action,
		sku: outcome.sku ?? null,
		locationId: outcome.locationId ?? null,
		quantity: outcome.quantity ?? null,
		previousQuantity: outcome.previous ?? null,
		variantId: outcome.variantId ?? null,
		inventoryItemId: outcome.inventoryItemId ?? null,
		shopifyCalls: calls,
	};
	if (outcome.reason) {
		json.reason = outcome.reason;
		json.message = SKIP_MESSAGES[outcome.reason];
	}
	return json;
}

function skipOutcome(skip: Skip): Outcome {
	return {
		index: skip.index,
		action: 'skipped',
		reason: skip.reason,
		sku: skip.sku,
		locationId: skip.locationId,
		quantity: skip.quantity,
		previous: skip.current ?? undefined,
		variantId: skip.variantId,
		inventoryItemId: skip.inventoryItemId,
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	const callsBefore = getShopifyCallCount(this);
	const outcomes = new Map<number, Outcome>();
	const requests: QuantityRequest[] = [];
	for (let i = 0; i < items.length; i++) {
		const parsed = parseRequest(i, {
			sku: this.getNodeParameter('sku', i, ''),
			locationId: locationIdOf(this.getNodeParameter('locationId', i, '')),
			quantity: this.getNodeParameter('quantity', i, ''),
		});
		if (parsed.ok) requests.push(parsed.request);
		else outcomes.set(i, skipOutcome(parsed.skip));
	}
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const reason =
		typeof options.reason === 'string' && options.reason ? options.reason : 'correction';
	const reference =
		typeof options.referenceDocumentUri === 'string' && options.referenceDocumentUri.trim()
			? options.referenceDocumentUri.trim()
			: `gid://exact-online-commerce/StockSync/${String(this.getExecutionId() ?? 'manual')}`;
	const returnData: INodeExecutionData[] = [];
	try {
		const endpoint = await getShopifyEndpoint(this, 0);
		const { kept, skips } = dedupeRequests(requests);
		for (const skip of skips) outcomes.set(skip.index, skipOutcome(skip));
		if (kept.length > 0) {
			const done = await writeQuantities(this, endpoint, kept, { reason, reference });
			for (const outcome of done) outcomes.set(outcome.index, outcome);
		}
	} catch (error) {
		if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, 0);
		const message = (error as Error).message;
		for (let i = 0; i < items.length; i++) {
			const known = outcomes.get(i);
			if (known && known.action === 'skipped' && known.reason !== 'superseded') continue;
			outcomes.set(i, { index: i, action: 'error', error: message });
		}
	}
	const calls = getShopifyCallCount(this) - callsBefore;
	for (let i = 0; i < items.length; i++) {
		const outcome = outcomes.get(i);
		if (!outcome) {
			throw new NodeOperationError(this.getNode(), `No result for item ${i}`, { itemIndex: i });
		}
		if (outcome.action === 'error') {
			returnData.push({
				json: { ...items[i].json, error: outcome.error },
				pairedItem: { item: i },
			});
			continue;
		}
		returnData.push({ json: outputFor(outcome, calls), pairedItem: { item: i } });
	}
	return [returnData];
}
