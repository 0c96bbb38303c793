import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapShopifyOrder } from '../../core/mapping';
import { settingsFromOptions } from './settings';

/**
 * Shopify order (as the Shopify Trigger emits it, or `{ order }`) → order document. A test order
 * the settings skip still comes out, carrying `skip: { reason }` for the next nodes.
 */
export function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): IDataObject[] {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const document = mapShopifyOrder(item.json, settingsFromOptions(options));
	return [document as unknown as IDataObject];
}
