/**
 * The sales order another run of this package posts for a document (same customer, description
 * and lines): what a concurrent run or an earlier race leaves in Exact.
 */
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { salesOrderLines } from '../../../nodes/core/exact/salesOrderDraft';

export function ownCopy(doc: EnrichedOrderDocument): Record<string, unknown> {
	return {
		OrderedBy: doc.exact.account!.id,
		YourRef: doc.references.yourRef,
		Description: doc.references.description,
		Currency: doc.currency,
		SalesOrderLines: salesOrderLines(doc, { linePricing: 'netPrice' }).lines,
	};
}
