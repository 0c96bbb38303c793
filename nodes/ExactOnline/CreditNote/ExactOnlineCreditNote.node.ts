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
import { description as operationsDescription, operations } from './actions';
import { optionNames, optionNameSubtitle } from '../../shared/subtitle';
import { getSalesJournals } from '../shared/methods/journals';

export class ExactOnlineCreditNote implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Credit Note',
		name: 'exactOnlineCreditNote',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionNameSubtitle(optionNames(operationsDescription)),
		description:
			'Book Shopify refunds as Exact Online credit notes against the imported sales order, exactly once',
		defaults: { name: 'Exact Online Credit Note' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties: [divisionLocator, ...operationsDescription],
	};

	methods = {
		listSearch: { ...sharedMethods.listSearch },
		loadOptions: { getSalesJournals },
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
