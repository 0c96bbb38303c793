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
import { getPaymentConditions } from '../shared/methods/paymentConditions';
import { getShippingMethods } from '../shared/methods/shippingMethods';
import { withDefaultChoice } from '../shared/methods/defaultChoice';
import { getWarehouses, searchWarehouses } from '../shared/methods/warehouses';
import { description as operationsDescription, operations } from './actions';
import { optionNames, optionNameSubtitle } from '../../shared/subtitle';

export class ExactOnlineSalesOrder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Sales Order',
		name: 'exactOnlineSalesOrder',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionNameSubtitle(optionNames(operationsDescription)),
		description:
			'Create Exact Online sales orders from Shopify orders exactly once, and read, update or cancel them',
		defaults: { name: 'Exact Online Sales Order' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'exactOnlineOAuth2Api', required: true },
			{
				// Only for Deliver From Fulfilment's Queue-Mode Guard (its claim lives on the Shopify order).
				name: 'shopifyAdminCommerceApi',
				required: true,
				displayOptions: {
					show: { operation: ['deliverFromFulfillment'], queueModeGuard: ['shopifyClaim'] },
				},
			},
		],
		properties: [divisionLocator, ...operationsDescription],
	};

	methods = {
		listSearch: { ...sharedMethods.listSearch, searchWarehouses },
		loadOptions: {
			getPaymentConditions,
			getShippingMethods,
			getWarehouses,
			getPaymentConditionsOrDefault: withDefaultChoice(
				getPaymentConditions,
				"Account's Default",
				"The customer account's payment condition in Exact",
			),
			getShippingMethodsOrDefault: withDefaultChoice(
				getShippingMethods,
				"Account's Default",
				"The customer account's shipping method in Exact",
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
