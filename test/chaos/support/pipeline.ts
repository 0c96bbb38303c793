/**
 * The template "Shopify orders → Exact Online sales orders" run as n8n would run one execution:
 * Map Shopify Order → Resolve VAT Codes → Find or Create Customer → Find or Create Items → Create
 * Sales Order, each node through the harness (real node code, n8n-core's WorkflowExecute) with the
 * template's own parameters. By default a failed order is sent on (continueOnFail, as the batch
 * template's error outputs, where one order must not stop the others); with `stopOnError`, as the
 * webhook template (one order per execution), the failing node stops the execution with an error
 * that names the order, which n8n's Retry runs again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { runNode } from '../../helpers/harness';
import { recordOutput } from './collect';
import { FAST_TRANSPORT } from './env';
import type { ChaosEnv } from './env';

export interface NodeSet {
	map: INodeType;
	vat: INodeType;
	account: INodeType;
	item: INodeType;
	salesOrder: INodeType;
	/** A process of a queue-mode n8n: the After Create Checks are on, as the README advises. */
	queueMode?: boolean;
}

const ROOT = path.join(__dirname, '..', '..', '..');
const NODE_FILES: Record<Exclude<keyof NodeSet, 'queueMode'>, [string, string]> = {
	map: ['nodes/ShopifyToExact/ShopifyToExact.node', 'ShopifyToExact'],
	vat: ['nodes/ExactOnline/VatResolver/ExactOnlineVatResolver.node', 'ExactOnlineVatResolver'],
	account: ['nodes/ExactOnline/Account/ExactOnlineAccount.node', 'ExactOnlineAccount'],
	item: ['nodes/ExactOnline/Item/ExactOnlineItem.node', 'ExactOnlineItem'],
	salesOrder: ['nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node', 'ExactOnlineSalesOrder'],
};
const TEMPLATE_TYPES: Record<Exclude<keyof NodeSet, 'queueMode'>, string> = {
	map: 'shopifyToExact',
	vat: 'exactOnlineVatResolver',
	account: 'exactOnlineAccount',
	item: 'exactOnlineItem',
	salesOrder: 'exactOnlineSalesOrder',
};
const STEPS: Array<keyof typeof TEMPLATE_TYPES> = ['map', 'vat', 'account', 'item', 'salesOrder'];

function instantiate(): NodeSet {
	const set = {} as Record<keyof typeof NODE_FILES, INodeType>;
	for (const [key, [file, name]] of Object.entries(NODE_FILES) as Array<
		[keyof typeof NODE_FILES, [string, string]]
	>) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const Ctor = require(path.join(ROOT, file))[name] as new () => INodeType;
		set[key] = new Ctor();
	}
	return set;
}

/** The nodes, sharing this process's module state (transport chain, rate state, locks). */
export const sharedNodes = (): NodeSet => instantiate();

/** The nodes in their own module registry: like a second n8n process (queue mode), no shared
 * memory; its transport gets the same short test timings as the shared one. Its Account and Sales
 * Order nodes run with After Create Check 'Remove Own Duplicate', as queue mode needs. */
export function isolatedNodes(): NodeSet {
	let set: NodeSet | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const transport = require(path.join(ROOT, 'nodes/ExactOnline/shared/transport')) as {
			configureExactTransport(patch: typeof FAST_TRANSPORT): void;
		};
		transport.configureExactTransport(FAST_TRANSPORT);
		set = { ...instantiate(), queueMode: true };
	});
	return set as NodeSet;
}

const template = JSON.parse(
	readFileSync(path.join(ROOT, 'workflows', 'shopify-orders-to-exact.json'), 'utf8'),
) as { nodes: Array<{ type: string; parameters: INodeParameters }> };

function templateParameters(
	env: ChaosEnv,
	step: keyof typeof TEMPLATE_TYPES,
	queueMode = false,
): INodeParameters {
	const node = template.nodes.find((n) => n.type.endsWith(`.${TEMPLATE_TYPES[step]}`));
	if (!node) throw new Error(`template has no ${TEMPLATE_TYPES[step]} node`);
	const parameters = JSON.parse(JSON.stringify(node.parameters)) as IDataObject;
	if (parameters.division)
		parameters.division = { __rl: true, mode: 'id', value: String(env.division) };
	if (step === 'vat') parameters.viesBaseUrl = env.viesBaseUrl;
	if (queueMode && (step === 'account' || step === 'salesOrder'))
		parameters.options = {
			...(parameters.options as IDataObject),
			afterCreateCheck: 'removeNewer',
		};
	return parameters as INodeParameters;
}

export interface OrderOutcome {
	name: string;
	/** created / skipped / found …, from the Sales Order node. */
	action?: string;
	reason?: string;
	/** The step and message when the order failed (an error output, or the error that stopped it). */
	step?: string;
	error?: string;
	salesOrderNumber?: number;
	/** The node's warning and the document's warnings. */
	warnings?: string[];
	/** The YourRef the order was booked under. */
	yourRef?: string;
}

function orderName(order: unknown, index: number): string {
	const name = (order as IDataObject | null)?.name;
	return typeof name === 'string' && name.trim() ? name.trim() : `input item ${index}`;
}

/** One execution of the template's order chain on `orders` (Shopify Trigger items). */
export async function runOrderWorkflow(
	env: ChaosEnv,
	orders: unknown[],
	nodes: NodeSet,
	options: { stopOnError?: boolean } = {},
): Promise<OrderOutcome[]> {
	const outcomes: OrderOutcome[] = [];
	let names = orders.map(orderName);
	let items: IDataObject[] = orders.map((o) =>
		o && typeof o === 'object' ? (o as IDataObject) : ({ value: o } as IDataObject),
	);
	for (const step of STEPS) {
		if (items.length === 0) break;
		const result = await runNode({
			node: nodes[step],
			parameters: templateParameters(env, step, nodes.queueMode),
			items,
			credentials: env.store,
			continueOnFail: !options.stopOnError,
		});
		recordOutput(
			`${step} items`,
			result.items.map((i) => i.json),
		);
		if (result.error && result.items.length === 0) {
			const text = `${result.error.message}${result.error.description ? ` (${result.error.description})` : ''}`;
			if (options.stopOnError && 'node' in result.error) {
				// The node stopped the execution: n8n records this error and retries from this node.
				recordOutput(`${step} error`, text);
				for (const name of names) outcomes.push({ name, step, error: text });
				return outcomes;
			}
			recordOutput(`${step} crash`, text);
			for (const name of names) outcomes.push({ name, step, error: `execution failed: ${text}` });
			return outcomes;
		}
		const nextItems: IDataObject[] = [];
		const nextNames: string[] = [];
		for (const [i, out] of result.items.entries()) {
			const paired = out.pairedItem;
			const index =
				typeof paired === 'object' && paired !== null && !Array.isArray(paired) ? paired.item : i;
			const name = names[index] ?? `item ${index}`;
			const json = out.json;
			if (json.error !== undefined) {
				const error = `${String(json.error)}${json.description ? ` (${String(json.description)})` : ''}`;
				recordOutput(`${step} error`, `${name}: ${error}`);
				outcomes.push({ name, step, error });
				continue;
			}
			if (step === 'salesOrder') {
				const ref = ((json.exact as IDataObject | undefined)?.salesOrder ?? {}) as IDataObject;
				outcomes.push({
					name,
					action: String(ref.action ?? json.action ?? ''),
					reason: (ref.reason ?? json.reason) as string | undefined,
					salesOrderNumber: ref.number as number | undefined,
					warnings: [
						...(Array.isArray(json.warnings) ? (json.warnings as string[]) : []),
						...(typeof json.warning === 'string' ? [json.warning] : []),
					],
					yourRef: (
						(json.references as IDataObject | undefined)?.yourRef as string | undefined
					)?.trim(),
				});
			} else {
				nextItems.push(json);
				nextNames.push(name);
			}
		}
		items = nextItems;
		names = nextNames;
	}
	return outcomes;
}
