/** Runs the order flow Account → Item → Sales Order on documents, as a workflow would. */
import type { IDataObject, IExecuteFunctions, INodeParameters, INodeType } from 'n8n-workflow';

import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import type { Kit } from './exactTestKit';

export interface ChainParameters {
	account?: INodeParameters;
	item?: INodeParameters;
	salesOrder?: INodeParameters;
}

/**
 * The workflow's static data between executions, kept as n8n keeps it for an active workflow:
 * per node, stored as JSON, and saved only when the whole execution succeeded.
 */
export interface WorkflowMemory {
	staticData: Record<string, IDataObject>;
	/** Execution mode the nodes see (default: the harness's 'manual'); 'retry' = a retried execution. */
	mode?: string;
}

export function workflowMemory(): WorkflowMemory {
	return { staticData: {} };
}

/** The node as it runs in an execution of this mode (getMode() answers `mode`). */
export function inMode(node: INodeType, mode: string): INodeType {
	const original = node.execute;
	if (!original) return node;
	const wrapped = Object.create(node) as INodeType;
	wrapped.execute = async function (this: IExecuteFunctions) {
		const context = new Proxy(this, {
			get: (target, name) => {
				if (name === 'getMode') return () => mode;
				const value = Reflect.get(target, name, target) as unknown;
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
		return await original.call(context);
	};
	return wrapped;
}

function stored(data: IDataObject | undefined): IDataObject {
	return JSON.parse(JSON.stringify(data ?? {})) as IDataObject;
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
	memory?: WorkflowMemory,
): Promise<ChainResult> {
	const saved: Record<string, IDataObject> = {};
	const errors: string[] = [];
	let items: IDataObject[] = docs as IDataObject[];
	const steps: Array<[keyof typeof nodes, INodeParameters]> = [
		['account', { operation: 'findOrCreateFromOrder', ...parameters.account }],
		['item', { operation: 'ensureItemsForOrder', ...parameters.item }],
		['salesOrder', { operation: 'createFromOrder', ...parameters.salesOrder }],
	];
	for (const [name, params] of steps) {
		if (items.length === 0) break;
		const node = memory?.mode ? inMode(nodes[name], memory.mode) : nodes[name];
		const result = await kit.run(node, params, items, {
			continueOnFail: true,
			staticData: memory ? stored(memory.staticData[name]) : undefined,
		});
		if (result.error) throw result.error;
		saved[name] = stored(result.staticData);
		errors.push(
			...result.items.filter((i) => i.json.error).map((i) => `${name}: ${String(i.json.error)}`),
		);
		items = result.items.filter((i) => !i.json.error).map((i) => i.json);
	}
	// Reached only when no node failed the execution: n8n saves the static data now.
	if (memory) Object.assign(memory.staticData, saved);
	return { orders: items, errors };
}
