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
import { getGlAccounts } from '../shared/methods/glAccounts';
import { description as operationsDescription, operations } from './actions';

export class ExactOnlineBankEntry implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Bank Entry',
		name: 'exactOnlineBankEntry',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ ({"bookPayout":"Book Payout","reconcile":"Reconcile Payouts"})[$parameter["operation"]] || $parameter["operation"] }}',
		description:
			'Book Shopify Payments payouts as Exact Online bank entries that settle the paid invoices, exactly once, and reconcile what is left open',
		defaults: { name: 'Exact Online Bank Entry' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties: [divisionLocator, ...operationsDescription],
	};

	methods = {
		listSearch: { ...sharedMethods.listSearch },
		loadOptions: { getGlAccounts },
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
