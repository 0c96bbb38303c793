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
import { getItemGroups } from '../shared/methods/itemGroups';
import { searchItems } from '../shared/methods/items';
import { getVatCodes } from '../shared/methods/vatCodes';
import { description as operationsDescription, operations } from './actions';
import { optionNames, optionNameSubtitle } from '../../shared/subtitle';
import { withDefaultChoice } from '../shared/methods/defaultChoice';

export class ExactOnlineItem implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Item',
		name: 'exactOnlineItem',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionNameSubtitle(optionNames(operationsDescription)),
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
		loadOptions: {
			getGlAccounts,
			getItemGroups,
			getVatCodes,
			getItemGroupsOrDefault: withDefaultChoice(
				getItemGroups,
				"Exact's Default Group",
				'The item group marked as default in Exact',
			),
			getVatCodesOrDefault: withDefaultChoice(
				getVatCodes,
				"Item Group's Default",
				"The sales VAT code of the item's group in Exact",
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
