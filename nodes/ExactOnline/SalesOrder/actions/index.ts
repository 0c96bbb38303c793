/** The Sales Order node's operations: the Operation field and a typed map to each operation module. */
import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as cancelFromOrder from './cancelFromOrder.operation';
import * as createFromOrder from './createFromOrder.operation';
import * as deliverFromFulfillment from './deliverFromFulfillment.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as invoiceFromOrder from './invoiceFromOrder.operation';
import * as update from './update.operation';
import * as updateLinesFromOrder from './updateLinesFromOrder.operation';

export const operations = {
	cancel,
	cancelFromOrder,
	createFromOrder,
	deliverFromFulfillment,
	get,
	getAll,
	invoiceFromOrder,
	update,
	updateLinesFromOrder,
};

export type SalesOrderOperation = keyof typeof operations;

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Cancel',
			value: 'cancel',
			action: 'Cancel a sales order',
			description:
				"Remove an order nothing was delivered on (Exact's API has no cancel; the order is deleted)",
		},
		{
			name: 'Cancel From Order',
			value: 'cancelFromOrder',
			action: 'Cancel the sales order of a cancelled order',
			description:
				'For a cancelled Shopify order: delete its Exact order while nothing was delivered or invoiced, complete the rest of a partly delivered one, else report it kept',
		},
		{
			name: 'Create From Order',
			value: 'createFromOrder',
			action: 'Create a sales order from an order',
			description:
				'Create the sales order of an order document once; an order already imported is skipped',
		},
		{
			name: 'Deliver From Fulfilment',
			value: 'deliverFromFulfillment',
			action: 'Deliver a sales order from a fulfilment',
			description:
				'Post the goods delivery of a Shopify fulfilment (its lines and quantities) on the imported order once, optionally invoicing it',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get a sales order',
			description: 'Get one sales order with its lines',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many sales orders',
			description: 'List sales orders, filtered by customer, reference, status or date',
		},
		{
			name: 'Invoice Order',
			value: 'invoiceFromOrder',
			action: 'Invoice a sales order',
			description:
				"Invoice the imported order through Exact's order-to-invoice and process the invoice, once",
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a sales order',
			description: 'Change header fields of a sales order',
		},
		{
			name: 'Update Lines From Order',
			value: 'updateLinesFromOrder',
			action: 'Update the lines of a sales order from an edited order',
			description:
				'Make the Exact order lines match an order edited in Shopify while nothing was delivered or invoiced',
		},
	],
	default: 'createFromOrder',
};

export const description: INodeProperties[] = [
	operationProperty,
	...createFromOrder.description,
	...get.description,
	...getAll.description,
	...update.description,
	...cancel.description,
	...deliverFromFulfillment.description,
	...invoiceFromOrder.description,
	...cancelFromOrder.description,
	...updateLinesFromOrder.description,
];
