import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { toNodeError } from '../ShopifyInventory/transport';
import * as getChangedOrders from './actions/getChangedOrders.operation';
import * as getOrder from './actions/getOrder.operation';

export class ShopifyOrders implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Orders',
		name: 'shopifyOrders',
		icon: { light: 'file:shopifyOrders.svg', dark: 'file:shopifyOrders.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle:
			'={{ ({"getChangedOrders":"Get Changed Orders","getOrder":"Get Order"})[$parameter["operation"]] || $parameter["operation"] }}',
		description:
			'Read Shopify orders as the order webhooks deliver them: those changed since the last run, or one by ID',
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
					{
						name: 'Get Order',
						value: 'getOrder',
						action: 'Get an order',
						description:
							"Read each item's order by its ID (e.g. a refund's order_id), waiting out Shopify's rate limit",
					},
				],
				default: 'getChangedOrders',
			},
			...getChangedOrders.description,
			...getOrder.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		try {
			if (operation === 'getOrder') return await getOrder.getOrder(this);
			return await getChangedOrders.getChangedOrders(this);
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, 0);
			return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
		}
	}
}
