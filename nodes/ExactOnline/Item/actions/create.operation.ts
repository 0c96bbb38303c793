/** Create: a new item, unless an item with the code exists (then reported as skipped). */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { codeKey } from '../../../core/exact/itemDraft';
import { cleanRecord } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { createItemWithPrice, findItemsByCodes } from './common';
import { itemFieldsBody, itemFieldsCollection } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		description: 'Item code (up to 30 characters), e.g. the SKU',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		description: 'Description (up to 60 characters)',
	},
	itemFieldsCollection('additionalFields', 'Additional Fields'),
];

export const description = updateDisplayOptions({ show: { operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const code = String(this.getNodeParameter('code', itemIndex, '')).trim();
		const { body, salesPrice } = itemFieldsBody(
			this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		);
		const existing = (await findItemsByCodes(this, [code], itemIndex)).get(codeKey(code));
		if (existing)
			return {
				...cleanRecord(existing),
				action: 'skipped',
				reason: 'an item with this code already exists',
			};
		const newItem = {
			IsSalesItem: true,
			...body,
			Code: code,
			Description: String(this.getNodeParameter('description', itemIndex, '')).trim(),
		};
		const record = await createItemWithPrice(this, { code, body: newItem, itemIndex }, salesPrice);
		return {
			...cleanRecord(record),
			...(salesPrice !== null ? { StandardSalesPrice: salesPrice } : {}),
			action: 'created',
		};
	});
}
