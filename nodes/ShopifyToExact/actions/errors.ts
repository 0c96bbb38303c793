/** Errors of the mapping node: merchant-readable NodeOperationErrors naming the record and field. */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { MappingSettingsError } from '../../core/mapping';
import { ShopifyValidationError } from '../../core/shopify';

/** One operation: an input item in, its output items out (thrown errors fail only that item). */
export type MapItem = (
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
) => IDataObject[];

/** The error of one item, with its index, as a NodeOperationError. */
export function mappingError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeOperationError {
	if (error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof ShopifyValidationError) {
		const fields = error.issues.map((issue) => `${issue.path || 'payload'}: ${issue.message}`);
		return new NodeOperationError(ctx.getNode(), error.message, {
			itemIndex,
			description: `Fields to check in the Shopify ${error.entity.toLowerCase()}: ${fields.join('; ')}`,
		});
	}
	if (error instanceof MappingSettingsError) {
		return new NodeOperationError(ctx.getNode(), error.message, {
			itemIndex,
			description: "Correct this value in the node's Options.",
		});
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}
