/** The Bank Entry node's operations: the Operation field and a typed map to each operation module. */
import type { INodeProperties } from 'n8n-workflow';

import * as bookPayout from './bookPayout.operation';
import * as reconcile from './reconcile.operation';

export const operations = { bookPayout, reconcile };

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Book Payout',
			value: 'bookPayout',
			action: 'Book a payout as a bank entry',
			description:
				'Book each Shopify Payments payout once as a bank entry that settles the invoices it paid; a payout already booked is skipped',
		},
		{
			name: 'Reconcile Payouts',
			value: 'reconcile',
			action: 'Reconcile payouts with open items',
			description:
				'List paid orders whose Exact invoice is still open, payout transactions without an invoice, and the difference',
		},
	],
	default: 'bookPayout',
};

export const description: INodeProperties[] = [
	operationProperty,
	...bookPayout.description,
	...reconcile.description,
];
