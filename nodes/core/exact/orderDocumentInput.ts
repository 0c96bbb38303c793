/**
 * The order document as input and output of the Exact flow nodes (Account, Item, Sales Order):
 * validation of the input item, and the run fields (`action`, `reason`, call counts) each node
 * sets at the top level after removing the previous node's. Pure.
 */
import { isOrderDocument } from '../document';
import type { EnrichedOrderDocument } from '../document';

/** Top-level fields that describe one node's run, not the order. */
export const RUN_FIELDS = ['action', 'reason', 'exactCalls', 'exactBatchCalls', 'warning'] as const;

export type RunAction = 'created' | 'updated' | 'found' | 'skipped';

/** A copy of the document without the previous node's run fields; throws a message when not a document. */
export function readOrderDocument(json: unknown, itemIndex: number): EnrichedOrderDocument {
	if (!isOrderDocument(json)) {
		throw new TypeError(
			`Item ${itemIndex} is not an order document: connect the output of "Shopify to Exact" ` +
				'(Map Shopify Order), or an earlier Exact flow node',
		);
	}
	const copy = JSON.parse(JSON.stringify(json)) as EnrichedOrderDocument & Record<string, unknown>;
	for (const field of RUN_FIELDS) delete copy[field];
	if (!copy.exact || typeof copy.exact !== 'object') copy.exact = {};
	return copy;
}

/** The order's name for messages. */
export function orderLabel(doc: EnrichedOrderDocument): string {
	return (
		doc.references?.orderName ||
		doc.references?.yourRef ||
		doc.references?.shopifyOrderId ||
		'(unnamed order)'
	);
}

/** The document with this node's run fields. */
export function documentOutput(
	doc: EnrichedOrderDocument,
	action: RunAction,
	reason?: string,
): Record<string, unknown> {
	const out: Record<string, unknown> = { ...doc, action };
	if (reason) out.reason = reason;
	return out;
}
