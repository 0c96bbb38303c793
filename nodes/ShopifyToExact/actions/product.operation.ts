import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapShopifyProduct } from '../../core/mapping';
import { settingsFromOptions } from './settings';

/** Shopify product (products/create or /update webhook, or `{ product }`) → one item draft per variant. */
export function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): IDataObject[] {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const drafts = mapShopifyProduct(item.json, settingsFromOptions(options));
	if (drafts.length === 0) {
		const id = (item.json.product as IDataObject | undefined)?.id ?? item.json.id;
		throw new NodeOperationError(
			this.getNode(),
			`Product ${String(id ?? '(without id)')}: no variants to map`,
			{
				itemIndex,
				description:
					'A Shopify product always has at least one variant; check that the input is a product.',
			},
		);
	}
	return drafts as unknown as IDataObject[];
}
