import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as listLocations from './actions/listLocations.operation';
import * as setQuantities from './actions/setQuantities.operation';
import { searchShopifyLocations } from './locations';
import { toNodeError } from './transport';

export class ShopifyInventory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Inventory',
		name: 'shopifyInventory',
		icon: { light: 'file:shopifyInventory.svg', dark: 'file:shopifyInventory.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ ({"listLocations":"List Locations","setQuantities":"Set Available Quantities"})[$parameter["operation"]] || $parameter["operation"] }}',
		description:
			'Set available stock per Shopify location from Exact Online, in bulk and without overwriting sales made meanwhile',
		defaults: { name: 'Shopify Inventory' },
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
						name: 'List Locations',
						value: 'listLocations',
						action: 'List locations',
						description: 'List the shop’s locations with their IDs',
					},
					{
						name: 'Set Available Quantities',
						value: 'setQuantities',
						action: 'Set available quantities',
						description: 'Set the available quantity of SKUs at Shopify locations',
					},
				],
				default: 'setQuantities',
			},
			...setQuantities.description,
			...listLocations.description,
		],
	};

	methods = { listSearch: { searchShopifyLocations } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		try {
			if (operation === 'listLocations') return await listLocations.execute.call(this);
			return await setQuantities.execute.call(this);
		} catch (error) {
			// The operations handle continueOnFail per item; this catches what fails before that.
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, 0);
			return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
		}
	}
}
