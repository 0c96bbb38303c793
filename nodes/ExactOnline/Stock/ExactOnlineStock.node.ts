import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { divisionLocator, methods as sharedMethods } from '../shared/descriptions';
import { errorForItem } from '../shared/runner';
import * as get from './actions/get.operation';
import * as getChanges from './actions/getChanges.operation';
import { searchShopifyLocations } from '../../ShopifyInventory/locations';
import { getWarehouseCodes, getWarehouses } from './methods/loadWarehouses';

export class ExactOnlineStock implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Stock',
		name: 'exactOnlineStock',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ ({"get":"Get","getChanges":"Get Changes"})[$parameter["operation"]] || $parameter["operation"] }}',
		description:
			'Read stock positions from Exact Online per warehouse, or only what changed since the last run, as quantities for Shopify',
		defaults: { name: 'Exact Online Stock' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'exactOnlineOAuth2Api', required: true },
			{
				// Optional: only for picking Shopify locations in the Warehouse to Location Map.
				name: 'shopifyAdminCommerceApi',
				required: false,
				displayOptions: { show: { operation: ['getChanges'] } },
			},
		],
		properties: [
			divisionLocator,
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Get',
						value: 'get',
						action: 'Get stock positions',
						description: 'Get the stock of items per warehouse or in total',
					},
					{
						name: 'Get Changes',
						value: 'getChanges',
						action: 'Get changed stock positions',
						description:
							'Get the stock positions that changed since the last run (all of them on the first run)',
					},
				],
				default: 'getChanges',
			},
			...get.description,
			...getChanges.description,
		],
	};

	methods = {
		...sharedMethods,
		listSearch: { ...sharedMethods.listSearch, searchShopifyLocations },
		loadOptions: { getWarehouseCodes, getWarehouses },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		try {
			if (operation === 'get') return await get.execute.call(this);
			return await getChanges.execute.call(this);
		} catch (error) {
			// The operations handle continueOnFail per item; this catches what fails before that.
			if (!this.continueOnFail()) throw errorForItem(this, error, 0);
			return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
		}
	}
}
