/**
 * Reconcile Payouts: the input items are Shopify payouts (one payout, or those of a period read by
 * Shopify Payouts). One output item: Shopify-paid orders whose Exact invoice or credit note is
 * still open (read/financial/ReceivablesList), payout transactions with no Exact document, and the
 * difference. Reads only: one lookup of the documents, one of their open items.
 */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { reconcilePayouts, type Payout } from '../../../core/settlement';
import { errorForItem } from '../../shared/runner';
import { getExactCallCount } from '../../shared/transport';
import { readPayouts } from './bookPayout.operation';
import { documentsByRef, openItems, orderRefs } from './exactSettlement';

const properties: INodeProperties[] = [
	{
		displayName: 'Order Reference Prefix',
		name: 'orderReferencePrefix',
		type: 'string',
		default: '',
		placeholder: 'NL-',
		description:
			'The prefix the orders workflow puts before the Shopify order name in YourRef (empty when it uses the order name as is)',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['reconcile'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const payouts: Payout[] = [];
	for (const [i, p] of readPayouts(items).entries()) {
		if (p instanceof Error) {
			const error = new NodeOperationError(this.getNode(), p.message, { itemIndex: i });
			if (!this.continueOnFail()) throw error;
			continue;
		}
		payouts.push(p);
	}
	const before = getExactCallCount.call(this);
	try {
		const prefix = String(this.getNodeParameter('orderReferencePrefix', 0, '') ?? '').trim();
		const documents = await documentsByRef(this, orderRefs(payouts, prefix));
		const numbers = [...documents.values()].flat().map((d) => d.invoiceNumber);
		const open = await openItems(this, numbers);
		const report = reconcilePayouts(
			payouts,
			documents,
			open,
			prefix,
			payouts[0]?.currency ?? 'EUR',
		);
		return [
			[
				{
					json: {
						...report,
						needsAttention: report.paidButOpen.length + report.withoutInvoice.length,
						exactCalls: getExactCallCount.call(this) - before,
					} as never,
					pairedItem: items.map((_, item) => ({ item })),
				},
			],
		];
	} catch (error) {
		const wrapped = errorForItem(this, error, 0);
		if (!this.continueOnFail()) throw wrapped;
		return [[{ json: { error: wrapped.message }, pairedItem: { item: 0 } }]];
	}
}
