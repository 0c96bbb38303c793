/** The Account node's operations: the Operation field and a typed map to each operation module. */
import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as findOrCreateFromOrder from './findOrCreateFromOrder.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = { create, findOrCreateFromOrder, get, getAll, update, upsert };

export type AccountOperation = keyof typeof operations;

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create an account',
			description:
				'Create a customer account, unless one with the same code, VAT number or e-mail exists',
		},
		{
			name: 'Create or Update',
			value: 'upsert',
			action: 'Create or update an account',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
		},
		{
			name: 'Find or Create From Order',
			value: 'findOrCreateFromOrder',
			action: 'Find or create the account of an order',
			description:
				"Find the order document's customer in Exact (VAT number, e-mail, Shopify ID) or create account, contact and delivery address",
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an account',
			description: 'Get one account by its ID',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many accounts',
			description:
				'List accounts, filtered by name, code, e-mail, VAT number, city, country or status',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an account',
			description: 'Change fields of an account',
		},
	],
	default: 'findOrCreateFromOrder',
};

export const description: INodeProperties[] = [
	operationProperty,
	...findOrCreateFromOrder.description,
	...create.description,
	...upsert.description,
	...get.description,
	...getAll.description,
	...update.description,
];
