import { NodeConnectionTypes, NodeOperationError, jsonParse } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { operations, properties, type ShopifyToExactOperation } from './actions';
import { failedItem } from '../shared/failedItem';
import { namedAfterItem } from '../shared/failureReference';
import { failureReference } from '../core/failureReference';
import type { FailureReference } from '../core/failureReference';
import { recordRun, summarized } from '../shared/runSummary';
import { mappingError } from './actions/errors';
import { optionNames, optionNameSubtitle } from '../shared/subtitle';

/**
 * Pure mapping node: Shopify payloads (as n8n's Shopify Trigger emits them) → the order document,
 * account drafts, item drafts and refund documents the Exact Online nodes take. It makes no API
 * calls.
 */
export class ShopifyToExact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify to Exact',
		name: 'shopifyToExact',
		icon: { light: 'file:shopifyToExact.svg', dark: 'file:shopifyToExact.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionNameSubtitle(optionNames(properties)),
		description:
			'Turn Shopify orders, customers, products and refunds into documents for the Exact Online nodes, without calling any API',
		defaults: { name: 'Shopify to Exact' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as ShopifyToExactOperation;
		const map = operations[operation];
		if (!map)
			throw new NodeOperationError(this.getNode(), `Unknown operation: ${String(operation)}`);
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		const failed: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				for (const json of map.call(this, itemIndex, items[itemIndex])) {
					out.push({ json, pairedItem: { item: itemIndex } });
				}
			} catch (caught) {
				const error = mappingError(this, caught, itemIndex);
				if (!this.continueOnFail()) {
					recordRun(this, out, [shopifyReference(items[itemIndex])]);
					throw namedAfterItem(
						error,
						items[itemIndex].json,
						failedReference(this, operation, itemIndex, items[itemIndex]),
					);
				}
				failed.push(shopifyReference(items[itemIndex]));
				out.push(failedItem(this, items[itemIndex], itemIndex, error));
			}
		}
		recordRun(this, out, failed);
		return [summarized(out)];
	}
}

/**
 * A Shopify payload that failed to map, as a minimal document so the failure is recorded under
 * its order name (an order's `name`, or a refund's order via the Refund field's order).
 */
function shopifyReference(item: INodeExecutionData): INodeExecutionData {
	const name = typeof item.json.name === 'string' ? item.json.name : null;
	return { json: { source: 'shopify', type: 'order', references: { orderName: name }, exact: {} } };
}

/**
 * The order (and, for a refund, the refund of the Refund field) a failed item is about; the input
 * of the refund operation is the refund's order.
 */
function failedReference(
	ctx: IExecuteFunctions,
	operation: ShopifyToExactOperation,
	itemIndex: number,
	item: INodeExecutionData,
): FailureReference | null {
	const reference = failureReference(item.json);
	if (operation !== 'refund' || !reference) return reference;
	try {
		let refund = ctx.getNodeParameter('refund', itemIndex, '') as unknown;
		if (typeof refund === 'string') refund = refund.trim() ? jsonParse(refund) : undefined;
		const id = (refund as { id?: unknown } | undefined)?.id;
		return typeof id === 'string' || typeof id === 'number'
			? { order: reference.order, refund: String(id) }
			: reference;
	} catch {
		return reference;
	}
}
