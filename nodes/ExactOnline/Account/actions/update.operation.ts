/** Update: changes the given fields of an account (Exact's PUT merges, so only they are sent). */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { accountFieldsBody, accountFieldsCollection, accountLocator } from './fields';

const properties: INodeProperties[] = [
	accountLocator,
	accountFieldsCollection('updateFields', 'Update Fields'),
];

export const description = updateDisplayOptions({ show: { operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const id = String(
			this.getNodeParameter('accountId', itemIndex, '', { extractValue: true }),
		).trim();
		const body = accountFieldsBody(
			this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		);
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field', {
				itemIndex,
			});
		}
		const path = entityKeyPath('crm/Accounts', id);
		// PUT is idempotent: after an ambiguous failure it is simply sent again.
		await exactRequest.call(this, {
			method: 'PUT',
			path,
			body,
			itemIndex,
			writeCheck: async () => undefined,
		});
		return { ID: id, ...body, action: 'updated' };
	});
}
