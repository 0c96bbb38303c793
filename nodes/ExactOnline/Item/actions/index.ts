/** The Item node's operations: the Operation field and a typed map to each operation module. */
import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as createOrUpdateFromProduct from './createOrUpdateFromProduct.operation';
import * as ensureItemsForOrder from './ensureItemsForOrder.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = {
	create,
	createOrUpdateFromProduct,
	ensureItemsForOrder,
	get,
	getAll,
	update,
	upsert,
};

export type ItemOperation = keyof typeof operations;

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create an item',
			description: 'Create an item, unless one with the code exists',
		},
		{
			name: 'Create or Update',
			value: 'upsert',
			action: 'Create or update an item',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
		},
		{
			name: 'Create or Update From Product',
			value: 'createOrUpdateFromProduct',
			action: 'Create or update items from a shopify product',
			description:
				'One item per variant of a Shopify product: create missing ones, update changed descriptions and prices',
		},
		{
			name: 'Ensure Items For Order',
			value: 'ensureItemsForOrder',
			action: 'Ensure the items of an order exist',
			description:
				"Find every line's item in one lookup, create missing ones (also the shipping item) and add their IDs to the document",
		},
		{ name: 'Get', value: 'get', action: 'Get an item', description: 'Get one item by code or ID' },
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many items',
			description: 'List items, filtered by code, description, group or type',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update an item',
			description: 'Change fields and the sales price of an item',
		},
	],
	default: 'ensureItemsForOrder',
};

export const description: INodeProperties[] = [
	operationProperty,
	...ensureItemsForOrder.description,
	...createOrUpdateFromProduct.description,
	...create.description,
	...upsert.description,
	...get.description,
	...getAll.description,
	...update.description,
];
