/** The Credit Note node's operations: the Operation field and a typed map to each operation module. */
import type { INodeProperties } from 'n8n-workflow';

import * as createFromRefund from './createFromRefund.operation';

export const operations = { createFromRefund };

export type CreditNoteOperation = keyof typeof operations;

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create From Refund',
			value: 'createFromRefund',
			action: 'Create a credit note from a refund',
			description:
				'Book a refund document as a credit note against its sales order once; a refund already booked is skipped',
		},
	],
	default: 'createFromRefund',
};

export const description: INodeProperties[] = [operationProperty, ...createFromRefund.description];
