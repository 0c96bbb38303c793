/** Runs the order flow Account → Item → Sales Order on documents, as a workflow would. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import type { Kit } from './exactTestKit';

export interface ChainParameters {
	account?: INodeParameters;
	item?: INodeParameters;
	salesOrder?: INodeParameters;
}

export interface ChainResult {
	/** Final documents (Sales Order output). */
	orders: IDataObject[];
	/** Errors of any step. */
	errors: string[];
}

const nodes = {
	account: new ExactOnlineAccount(),
	item: new ExactOnlineItem(),
	salesOrder: new ExactOnlineSalesOrder(),
};

export async function runChain(
	kit: Kit,
	docs: object[],
	parameters: ChainParameters = {},
): Promise<ChainResult> {
	const errors: string[] = [];
	let items: IDataObject[] = docs as IDataObject[];
	const steps: Array<[keyof typeof nodes, INodeParameters]> = [
		['account', { operation: 'findOrCreateFromOrder', ...parameters.account }],
		['item', { operation: 'ensureItemsForOrder', ...parameters.item }],
		['salesOrder', { operation: 'createFromOrder', ...parameters.salesOrder }],
	];
	for (const [name, params] of steps) {
		if (items.length === 0) break;
		const result = await kit.run(nodes[name], params, items, { continueOnFail: true });
		if (result.error) throw result.error;
		errors.push(
			...result.items.filter((i) => i.json.error).map((i) => `${name}: ${String(i.json.error)}`),
		);
		items = result.items.filter((i) => !i.json.error).map((i) => i.json);
	}
	return { orders: items, errors };
}
