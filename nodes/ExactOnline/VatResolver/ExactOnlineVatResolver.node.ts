import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { methods as sharedMethods } from '../shared/descriptions';
import { getVatCodes } from '../shared/methods/vatCodes';
import { failAll } from '../shared/dispatch';
import { runPerItem } from '../shared/runner';
import { operations, properties, type VatResolverOperation } from './actions';
import { optionNames, optionNameSubtitle } from '../../shared/subtitle';

/**
 * Decides the VAT of every order line (domestic, OSS, ICP, export, exempt, out of scope) and puts
 * the Exact VAT code on it. Loads the division's VAT codes once per execution.
 */
export class ExactOnlineVatResolver implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online VAT Resolver',
		name: 'exactOnlineVatResolver',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: optionNameSubtitle(optionNames(properties)),
		description:
			'Put the right Exact Online VAT code on every order line: domestic, OSS, intra-community (ICP) or export',
		defaults: { name: 'Exact Online VAT Resolver' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties,
	};

	methods = {
		...sharedMethods,
		loadOptions: { getVatCodes },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as VatResolverOperation;
		const op = operations[operation];
		if (!op) {
			const error = new NodeOperationError(
				this.getNode(),
				`Unknown operation "${String(operation)}"`,
			);
			if (!this.continueOnFail()) throw error;
			return failAll(this, error);
		}
		return await runPerItem.call(
			this,
			async (itemIndex, item) => await op.call(this, itemIndex, item),
		);
	}
}
