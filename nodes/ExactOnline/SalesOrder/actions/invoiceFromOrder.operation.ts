/**
 * Invoice Order: the imported sales order of a Shopify order becomes an Exact invoice through
 * Exact's own order-to-invoice path (InvoiceSalesOrders, then PrintedSalesInvoices), so the invoice
 * keeps its link to the order and its lines. For shops that invoice when the order is paid
 * (orders/paid, the paid-orders template) or whenever they choose. Once per order: Exact invoices
 * only what is not invoiced yet, so a repeated webhook creates nothing, and an order invoiced in full
 * here leaves nothing for the fulfilments template's "invoice delivered quantities" (and the other
 * way round: what a fulfilment invoiced is not invoiced again here).
 */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runPerItem } from '../../shared/runner';
import { invoiceOrder } from './delivery/invoice';
import type { InvoiceMode } from './delivery/invoice';
import { orderByRef, referenceProperties, yourRefParameter } from './delivery/orderByRef';

const properties: INodeProperties[] = [
	...referenceProperties,
	{
		displayName: 'Invoice Quantities',
		name: 'invoiceMode',
		type: 'options',
		options: [
			{
				name: 'Ordered',
				value: 1,
				description: 'The whole order, delivered or not (invoice when paid)',
			},
			{
				name: 'Delivered',
				value: 0,
				description: 'Only what was delivered and not invoiced yet',
			},
		],
		default: 1,
		description: 'Which quantities of the order are invoiced',
	},
	{
		displayName: 'Sales Journal Code',
		name: 'journal',
		type: 'string',
		default: '70',
		description: 'Code of the Exact sales journal the invoice goes into',
	},
	{
		displayName: 'Process Invoice',
		name: 'processInvoice',
		type: 'boolean',
		default: true,
		description:
			'Whether the invoice is processed (final, an open item in the books) rather than left for review in Exact',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['invoiceFromOrder'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const reference = yourRefParameter(this, itemIndex);
		const order = await orderByRef(this, reference, itemIndex);
		if (!order) {
			throw new NodeOperationError(
				this.getNode(),
				`Order ${reference}: no Exact sales order with this YourRef (not imported yet; retry)`,
				{
					itemIndex,
					description:
						'Shopify can send orders/paid before the orders workflow has imported the order. Nothing was invoiced: retry this execution once the order is in Exact; it is invoiced once.',
				},
			);
		}
		const run = await invoiceOrder(
			this,
			order,
			{
				mode: Number(this.getNodeParameter('invoiceMode', itemIndex, 1)) as InvoiceMode,
				journal: String(this.getNodeParameter('journal', itemIndex, '70')).trim(),
				process: this.getNodeParameter('processInvoice', itemIndex, true) as boolean,
			},
			itemIndex,
		);
		const created = run.invoices.some((i) => i.action === 'created');
		const out: IDataObject = {
			orderName: reference,
			action: created ? 'invoiced' : 'skipped',
			salesOrder: { id: order.OrderID, number: order.OrderNumber },
			invoices: run.invoices as unknown as IDataObject[],
		};
		if (!created) out.reason = run.message ?? 'nothing left to invoice on this order';
		return out;
	});
}
