import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapShopifyCustomer } from '../../core/mapping';
import { settingsFromOptions } from './settings';

/** Shopify customer (customers/create or /update webhook, or `{ customer }`) → account draft. */
export function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): IDataObject[] {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const draft = mapShopifyCustomer(item.json, settingsFromOptions(options));
	return [draft as unknown as IDataObject];
}
