/** Create or Update: finds the item by code; updates only what differs, or creates it. */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { codeKey, priceChanged } from '../../../core/exact/itemDraft';
import { cleanRecord, differs } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { createItemWithPrice, findItemsByCodes, putItem, setSalesPrices } from './common';
import { itemFieldsBody, itemFieldsCollection } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		description: 'Item code that identifies the item (e.g. the SKU)',
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

export const description = updateDisplayOptions({ show: { operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const code = String(this.getNodeParameter('code', itemIndex, '')).trim();
		const { body, salesPrice } = itemFieldsBody(
			this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		);
		const wanted: IDataObject = {
			...body,
			Description: String(this.getNodeParameter('description', itemIndex, '')).trim(),
		};
		const existing = (await findItemsByCodes(this, [code], itemIndex)).get(codeKey(code));
		if (!existing) {
			const newItem = { IsSalesItem: true, ...wanted, Code: code };
			const record = await createItemWithPrice(
				this,
				{ code, body: newItem, itemIndex },
				salesPrice,
			);
			return { ...cleanRecord(record), action: 'created' };
		}
		const changes: IDataObject = {};
		for (const [field, value] of Object.entries(wanted))
			if (differs(existing[field], value)) changes[field] = value;
		if (Object.keys(changes).length) await putItem(this, existing.ID, changes, itemIndex);
		const repriced = salesPrice !== null && priceChanged(existing.StandardSalesPrice, salesPrice);
		if (repriced)
			await setSalesPrices(
				this,
				[{ itemId: existing.ID, price: salesPrice as number, currency: null }],
				itemIndex,
			);
		const changed = [...Object.keys(changes), ...(repriced ? ['StandardSalesPrice'] : [])];
		if (changed.length === 0)
			return { ...cleanRecord(existing), action: 'found', reason: 'unchanged' };
		return {
			...cleanRecord(existing),
			...changes,
			...(repriced ? { StandardSalesPrice: salesPrice } : {}),
			action: 'updated',
			changed,
		};
	});
}
