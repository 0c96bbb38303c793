import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { mapShopifyRefund } from '../../core/mapping';
import { settingsFromOptions } from './settings';

export const refundProperties: INodeProperties[] = [
	{
		displayName: 'Refund',
		name: 'refund',
		type: 'json',
		default: '',
		required: true,
		displayOptions: { show: { operation: ['refund'] } },
		placeholder: "e.g. {{ $('Refund Created').item.json }}",
		description:
			"The Shopify refund as the Shopify Trigger (topic refunds/create) emits it, usually an expression that points at the trigger's item. The input item is the refund's order, as n8n's Shopify node (Order → Get) returns it.",
	},
];

function refundParameter(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const value = ctx.getNodeParameter('refund', itemIndex, '') as unknown;
	if (typeof value !== 'string') return value;
	if (!value.trim()) {
		throw new NodeOperationError(ctx.getNode(), 'No refund given', {
			itemIndex,
			description:
				"Set Refund to the Shopify refund, e.g. {{ $('Refund Created').item.json }}; the input item is its order.",
		});
	}
	try {
		return jsonParse(value);
	} catch {
		throw new NodeOperationError(ctx.getNode(), 'Refund is not valid JSON', { itemIndex });
	}
}

/**
 * Shopify refund (the Refund parameter) + its order (the input item, as n8n's Shopify node Order →
 * Get returns it) → refund document for the Exact Online Credit Note node.
 */
export function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): IDataObject[] {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const refund = refundParameter(this, itemIndex);
	const document = mapShopifyRefund(refund, item.json, settingsFromOptions(options));
	return [document as unknown as IDataObject];
}
