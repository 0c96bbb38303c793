/**
 * What the Sales Order node tests share: documents that went through the Account and Item nodes,
 * and the sales order another run of this package posts for a document.
 */
import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { salesOrderLines } from '../../../nodes/core/exact/salesOrderDraft';
import { mapSpecs } from '../flow/documents';
import type { Kit } from '../flow/exactTestKit';
import type { OrderSpec } from '../flow/syntheticOrders';

/** Documents of the specs, mapped and enriched by the Account and Item nodes. */
export async function readyDocuments(
	kit: Kit,
	specs: OrderSpec[],
): Promise<EnrichedOrderDocument[]> {
	const account = await kit.run(
		new ExactOnlineAccount(),
		{ operation: 'findOrCreateFromOrder' },
		mapSpecs(specs),
	);
	const items = await kit.run(
		new ExactOnlineItem(),
		{ operation: 'ensureItemsForOrder' },
		account.items,
	);
	return items.items.map((i) => i.json as unknown as EnrichedOrderDocument);
}

/** The sales order another run of this package posts for a document (same customer, description, lines). */
export function ownCopy(doc: EnrichedOrderDocument): Record<string, unknown> {
	return {
		OrderedBy: doc.exact.account!.id,
		YourRef: doc.references.yourRef,
		Description: doc.references.description,
		Currency: doc.currency,
		SalesOrderLines: salesOrderLines(doc, { linePricing: 'netPrice' }).lines,
	};
}
