import type { INodeProperties } from 'n8n-workflow';

import * as customer from './customer.operation';
import * as order from './order.operation';
import * as product from './product.operation';
import * as refund from './refund.operation';
import type { MapItem } from './errors';
import { mappingOptions } from './settings';

export type ShopifyToExactOperation = 'customer' | 'order' | 'product' | 'refund';

export const operations: Record<ShopifyToExactOperation, MapItem> = {
	customer: customer.execute,
	order: order.execute,
	product: product.execute,
	refund: refund.execute,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Map Customer',
				value: 'customer',
				action: 'Map a shopify customer to an exact account draft',
				description: 'Turn a Shopify customer into an account draft for Exact Online',
			},
			{
				name: 'Map Order',
				value: 'order',
				action: 'Map a shopify order to an order document',
				description:
					'Turn a Shopify order into the order document the Exact Online nodes work with: customer, addresses, lines, shipping, discounts and totals',
			},
			{
				name: 'Map Product',
				value: 'product',
				action: 'Map a shopify product to exact item drafts',
				description: 'Turn a Shopify product into one Exact Online item draft per variant',
			},
			{
				name: 'Map Refund',
				value: 'refund',
				action: 'Map a shopify refund to a refund document',
				description:
					'Turn a Shopify refund and its order into the refund document the Exact Online Credit Note node books',
			},
		],
		default: 'order',
	},
	...refund.refundProperties,
	mappingOptions,
];
