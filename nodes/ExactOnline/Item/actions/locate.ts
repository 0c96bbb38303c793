/** Resolves the item locator (list, code or ID) to an item ID. */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { codeKey } from '../../../core/exact/itemDraft';
import { findItemsByCodes } from './common';

export async function itemIdFor(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const locator = ctx.getNodeParameter(
		'itemId',
		itemIndex,
		{},
		{ extractValue: false },
	) as INodeParameterResourceLocator;
	const value = String(locator?.value ?? '').trim();
	if (!value) throw new NodeOperationError(ctx.getNode(), 'No item chosen', { itemIndex });
	if (locator.mode !== 'code') return value;
	const item = (await findItemsByCodes(ctx, [value], itemIndex, ['ID', 'Code'])).get(
		codeKey(value),
	);
	if (!item)
		throw new NodeOperationError(ctx.getNode(), `No item with code ${value} in this division`, {
			itemIndex,
		});
	return item.ID;
}
