import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { toNodeError } from '../ShopifyInventory/transport';
import * as getChangedOrders from './actions/getChangedOrders.operation';

export class ShopifyOrders implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Orders',
		name: 'shopifyOrders',
		icon: { light: 'file:shopifyOrders.svg', dark: 'file:shopifyOrders.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle:
			'={{ ({"getChangedOrders":"Get Changed Orders"})[$parameter["operation"]] || $parameter["operation"] }}',
		description:
			'Read the Shopify orders created or changed since the last run, as the order webhooks deliver them',
		defaults: { name: 'Shopify Orders' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopifyAdminCommerceApi', required: true }],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Get Changed Orders',
						value: 'getChangedOrders',
						action: 'Get changed orders',
						description:
							'Read the orders created or changed since the last run (a cursor kept with the workflow)',
					},
				],
				default: 'getChangedOrders',
			},
			...getChangedOrders.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		try {
			return await getChangedOrders.getChangedOrders(this);
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, 0);
			return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
		}
	}
}
