/**
 * Create From Refund: the refund document (Shopify to Exact → Map Refund) → an Exact credit note
 * (salesinvoice/SalesInvoices, Type 8021) against the imported sales order, once. One lookup of
 * the orders (with their lines) and one of earlier credit notes for all input items, then one POST
 * per new credit note. Adds `exact.creditNote` to the document.
 */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readRefundDocument } from '../../../core/exact/creditNoteDraft';
import type { WhenNotInvoiced } from '../../../core/exact/creditNoteDraft';
import type { RefundDocument } from '../../../core/mapping/refund';
import type { AfterCreateCheck } from '../../shared/afterCreateCheck';
import { runBatch } from '../../shared/runner';
import type { BatchResult } from '../../shared/runner';
import { getExactCallCount } from '../../shared/transport';
import { CreditNoteBooker } from './fromRefund/booker';
import type { BookerOptions } from './fromRefund/booker';

const properties: INodeProperties[] = [
	{
		displayName: 'Journal Name or ID',
		name: 'journal',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getSalesJournals',
			loadOptionsDependsOn: ['division.value'],
		},
		default: '70',
		required: true,
		description:
			'The sales journal the credit notes are booked in (by its code). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'After Create Check',
				name: 'afterCreateCheck',
				type: 'options',
				options: [
					{
						name: 'None',
						value: 'none',
						description: 'Trust the lookup before the create',
					},
					{
						name: 'Report Duplicates',
						value: 'report',
						description:
							'Look the refund up again after creating and warn if another run credited the same refund',
					},
					{
						name: 'Remove Own Duplicate',
						value: 'removeNewer',
						description:
							"As Report, and delete this run's credit note if a concurrent run booked the same refund first (the lowest invoice number stays)",
					},
				],
				default: 'none',
				description:
					'Protection against two runs (e.g. on two queue-mode workers) booking the same refund at the same moment (costs one call per new credit note)',
			},
			{
				displayName: 'Order Not Invoiced Yet',
				name: 'whenNotInvoiced',
				type: 'options',
				options: [
					{
						name: 'Credit It (Warn)',
						value: 'credit',
						description:
							'Book the credit note now; it is right once the whole order is invoiced (the output warns)',
					},
					{
						name: 'Fail the Refund',
						value: 'fail',
						description:
							'Book nothing until the order is invoiced, so you can lower the order instead',
					},
				],
				default: 'credit',
				description:
					'What to do when the refunded order has no invoice in Exact yet. A cancelled order is never credited.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['createFromRefund'] } },
	properties,
);

function readOptions(ctx: IExecuteFunctions): BookerOptions {
	const raw = ctx.getNodeParameter('options', 0, {}) as {
		whenNotInvoiced?: WhenNotInvoiced;
		afterCreateCheck?: AfterCreateCheck;
	};
	const journal = String(ctx.getNodeParameter('journal', 0, '70') ?? '').trim() || '70';
	return {
		journal,
		whenNotInvoiced: raw.whenNotInvoiced === 'fail' ? 'fail' : 'credit',
		afterCreateCheck: raw.afterCreateCheck ?? 'none',
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBatch.call(this, async (items) => {
		const booker = new CreditNoteBooker(this, readOptions(this));
		const docs: Array<RefundDocument | Error> = items.map((item) => {
			try {
				return readRefundDocument(item.json);
			} catch (error) {
				return error as Error;
			}
		});
		await booker.prefetch(docs.filter((d): d is RefundDocument => !(d instanceof Error)));
		const results: BatchResult[] = [];
		for (let i = 0; i < docs.length; i++) {
			const doc = docs[i];
			if (doc instanceof Error) {
				results.push(doc);
				continue;
			}
			const before = getExactCallCount.call(this);
			try {
				const { ref, warnings } = await booker.book(doc, i);
				doc.exact.creditNote = { ...ref };
				doc.warnings = [...doc.warnings, ...warnings.map((w) => `Credit note: ${w}`)];
				const out: IDataObject = {
					...(doc as unknown as IDataObject),
					action: ref.action,
					invoiceId: ref.id,
					invoiceNumber: ref.number,
					exactCalls: getExactCallCount.call(this) - before,
				};
				if (ref.reason) out.reason = ref.reason;
				if (warnings.length) out.warning = warnings.join('; ');
				results.push(out);
			} catch (error) {
				results.push(error as Error);
			}
		}
		return results;
	});
}
