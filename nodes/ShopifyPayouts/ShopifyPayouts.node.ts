import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as getPaidPayouts from './actions/getPaidPayouts.operation';
import { toNodeError } from '../ShopifyInventory/transport';

export class ShopifyPayouts implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Payouts',
		name: 'shopifyPayouts',
		icon: { light: 'file:shopifyPayouts.svg', dark: 'file:shopifyPayouts.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle:
			'={{ ({"getPaidPayouts":"Get Paid Payouts"})[$parameter["operation"]] || $parameter["operation"] }}',
		description:
			'Read paid Shopify Payments payouts with their balance transactions (charges, refunds, fees, adjustments) for booking in Exact Online',
		defaults: { name: 'Shopify Payouts' },
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
						name: 'Get Paid Payouts',
						value: 'getPaidPayouts',
						action: 'Get paid payouts',
						description: 'Payouts Shopify has paid out, each with all its balance transactions',
					},
				],
				default: 'getPaidPayouts',
			},
			...getPaidPayouts.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		try {
			return await getPaidPayouts.execute.call(this);
		} catch (error) {
			// The operation handles continueOnFail itself; this catches what fails before it runs.
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, 0);
			return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
		}
	}
}
