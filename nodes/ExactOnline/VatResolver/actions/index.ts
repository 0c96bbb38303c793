import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { divisionLocator } from '../../shared/descriptions';
import { sellerCountry, vatMapping } from './common';
import * as listCodes from './listCodes.operation';
import * as resolve from './resolve.operation';

export type VatResolverOperation = 'listCodes' | 'resolve';

type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
) => Promise<IDataObject | IDataObject[]>;

export const operations: Record<VatResolverOperation, Operation> = {
	listCodes: listCodes.execute,
	resolve: resolve.execute,
};

export const properties: INodeProperties[] = [
	divisionLocator,
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Check VAT Mapping',
				value: 'listCodes',
				action: 'Check the VAT code mapping',
				description:
					"List the division's VAT codes and the code the node would use for every kind of sale, country and rate",
			},
			{
				name: 'Resolve VAT Codes',
				value: 'resolve',
				action: 'Resolve the VAT codes of an order',
				description:
					'Decide the VAT treatment and the Exact VAT code of every line and shipping line of an order document',
			},
		],
		default: 'resolve',
	},
	sellerCountry,
	...resolve.description,
	vatMapping,
	...listCodes.description,
];
