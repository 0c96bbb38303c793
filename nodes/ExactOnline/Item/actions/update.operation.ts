/** Update: changes the given fields of an item (and its general sales price). */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { setSalesPrices } from './common';
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
		if (Object.keys(body).length) {
			const path = entityKeyPath('logistics/Items', id);
			await exactRequest.call(this, {
				method: 'PUT',
				path,
				body,
				itemIndex,
				writeCheck: async () => undefined,
			});
		}
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
