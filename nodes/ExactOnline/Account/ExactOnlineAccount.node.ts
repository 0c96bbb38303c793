import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { divisionLocator, methods as sharedMethods } from '../shared/descriptions';
import { searchAccounts } from '../shared/methods/accounts';
import { getPaymentConditions } from '../shared/methods/paymentConditions';
import { description as operationsDescription, operations } from './actions';
import type { AccountOperation } from './actions';

export class ExactOnlineAccount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Account',
		name: 'exactOnlineAccount',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description:
			'Find, create and update customer accounts in Exact Online, from Shopify orders or on their own',
		defaults: { name: 'Exact Online Account' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties: [divisionLocator, ...operationsDescription],
	};

	methods = {
		listSearch: { ...sharedMethods.listSearch, searchAccounts },
		loadOptions: { getPaymentConditions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as AccountOperation;
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
