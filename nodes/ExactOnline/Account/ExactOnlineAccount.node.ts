import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { failAll, runOperation } from '../shared/dispatch';
import { errorForItem } from '../shared/runner';
import { divisionLocator, methods as sharedMethods } from '../shared/descriptions';
import { searchAccounts } from '../shared/methods/accounts';
import { getPaymentConditions } from '../shared/methods/paymentConditions';
import { description as operationsDescription, operations } from './actions';
import { optionNames, optionNameSubtitle } from '../../shared/subtitle';
import { withDefaultChoice } from '../shared/methods/defaultChoice';

export class ExactOnlineAccount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Account',
		name: 'exactOnlineAccount',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionNameSubtitle(optionNames(operationsDescription)),
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
		loadOptions: {
			getPaymentConditionsOrDefault: withDefaultChoice(
				getPaymentConditions,
				"Exact's Default",
				'The payment condition Exact gives new accounts',
			),
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		try {
			return await runOperation(this, operations);
		} catch (error) {
			if (!this.continueOnFail()) throw errorForItem(this, error, 0);
			return failAll(this, error);
		}
	}
}
