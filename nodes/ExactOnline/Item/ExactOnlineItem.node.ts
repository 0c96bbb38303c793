import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { divisionLocator, methods as sharedMethods } from '../shared/descriptions';
import { getItemGroups } from '../shared/methods/itemGroups';
import { searchItems } from '../shared/methods/items';
import { getVatCodes } from '../shared/methods/vatCodes';
import { description as operationsDescription, operations } from './actions';
import type { ItemOperation } from './actions';

export class ExactOnlineItem implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Item',
		name: 'exactOnlineItem',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description:
			'Find, create and update items in Exact Online, for Shopify order lines and products or on their own',
		defaults: { name: 'Exact Online Item' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties: [divisionLocator, ...operationsDescription],
	};

	methods = {
		listSearch: { ...sharedMethods.listSearch, searchItems },
		loadOptions: { getItemGroups, getVatCodes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as ItemOperation;
		const module = operations[operation];
		if (!module) {
			const error = new NodeOperationError(
				this.getNode(),
				`Unknown operation "${String(operation)}"`,
			);
			if (!this.continueOnFail()) throw error;
			return [
				this.getInputData().map((item, i) => ({
					json: { ...item.json, error: error.message },
					pairedItem: { item: i },
				})),
			];
		}
		return await module.execute.call(this);
	}
}
