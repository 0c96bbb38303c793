/** Update: changes the given fields of an item (and its general sales price). */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../shared/runner';
import { putItem, setSalesPrices } from './common';
import { itemFieldsBody, itemFieldsCollection, itemLocator } from './fields';
import { itemIdFor } from './locate';

export const description = updateDisplayOptions({ show: { operation: ['update'] } }, [
	itemLocator,
	itemFieldsCollection('updateFields', 'Update Fields'),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const { body, salesPrice } = itemFieldsBody(
			this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		);
		if (Object.keys(body).length === 0 && salesPrice === null) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field', {
				itemIndex,
			});
		}
		const id = await itemIdFor(this, itemIndex);
		if (Object.keys(body).length) await putItem(this, id, body, itemIndex);
		if (salesPrice !== null)
			await setSalesPrices(this, [{ itemId: id, price: salesPrice, currency: null }], itemIndex);
		return {
			ID: id,
			...body,
			...(salesPrice !== null ? { StandardSalesPrice: salesPrice } : {}),
			action: 'updated',
		};
	});
}
