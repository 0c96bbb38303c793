/**
 * The output item for an input that failed while the node continues on fail.
 *
 * - "Continue (using error output)": exactly `{ error }`, the shape n8n routes to the error
 *   output (n8n then merges the input item's json back in). The text holds the description and
 *   ends with the step (the node's name), because n8n 2.8 routes only `{ error }` or
 *   `{ error, message }` items.
 * - "Continue (regular output)": the input json plus `error`, `errorDescription` and `extra`, so
 *   later nodes still see the record.
 *
 * The error object is never attached as `item.error`: n8n-core then replaces the json with
 * `{ error: message }` and the merge with the input is lost.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

export interface ItemFailure {
	message: string;
	description?: string | null;
}

export function failedItem(
	ctx: IExecuteFunctions,
	input: INodeExecutionData,
	itemIndex: number,
	error: ItemFailure,
	extra: IDataObject = {},
): INodeExecutionData {
	const pairedItem = { item: itemIndex };
	if (ctx.getNode().onError === 'continueErrorOutput') {
		const reason = error.description ? `${error.message} (${error.description})` : error.message;
		return { json: { error: `${reason} (step: ${ctx.getNode().name})` }, pairedItem };
	}
	const json: IDataObject = { ...input.json, error: error.message };
	if (error.description) json.errorDescription = error.description;
	return { json: { ...json, ...extra }, pairedItem };
}
