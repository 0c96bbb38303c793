/**
 * Our order flow: the five package nodes of the template workflow
 * (workflows/shopify-orders-to-exact.json), with the template's names, parameters and error
 * setting (continue on the error output), chained as in the template and run as ONE n8n execution
 * per batch:
 *
 *   Shopify Trigger → Map Shopify Order → Resolve VAT Codes → Find or Create Customer
 *     → Find or Create Items → Create Sales Order
 *
 * The trigger is a stand-in that emits the orders it is given (n8n's Shopify Trigger emits one
 * order per execution; a batch of 25 is what a queue or a Schedule + "get orders" flow hands over).
 * Only the division (the sandbox's) and the VIES address (the sandbox's stand-in) are changed, and
 * for one variant the Sales Order's After Create Check.
 */
import { readFileSync } from 'fs';
import path from 'path';

import type { INodeParameters } from 'n8n-workflow';

import { EXACT_CREDENTIAL } from '../../../nodes/ExactOnline/shared/transport';
import { glueNode } from '../harness/glue';
import { requireNode } from '../harness/nodes';
import type { FlowNode } from '../harness/workflow';

const TEMPLATE = path.resolve(__dirname, '../../../workflows/shopify-orders-to-exact.json');
const PACKAGE = 'n8n-nodes-exact-online-commerce';

/** The template's package nodes in flow order: type name, file, class. */
const CHAIN: Array<[string, string, string]> = [
	['shopifyToExact', 'nodes/ShopifyToExact/ShopifyToExact.node', 'ShopifyToExact'],
	[
		'exactOnlineVatResolver',
		'nodes/ExactOnline/VatResolver/ExactOnlineVatResolver.node',
		'ExactOnlineVatResolver',
	],
	['exactOnlineAccount', 'nodes/ExactOnline/Account/ExactOnlineAccount.node', 'ExactOnlineAccount'],
	['exactOnlineItem', 'nodes/ExactOnline/Item/ExactOnlineItem.node', 'ExactOnlineItem'],
	[
		'exactOnlineSalesOrder',
		'nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node',
		'ExactOnlineSalesOrder',
	],
];

interface TemplateNode {
	name: string;
	type: string;
	parameters: INodeParameters;
	onError?: string;
}

export interface OurFlowOptions {
	credentialId: string;
	division: number;
	/** VIES stand-in of the Exact sandbox. */
	viesBaseUrl: string;
	/** Overrides the template's After Create Check of the Account and Sales Order nodes (e.g. 'none'). */
	afterCreateCheck?: string;
}

export const TRIGGER_NAME = 'Shopify Trigger';

export function ourOrderFlow(options: OurFlowOptions): FlowNode[] {
	const template = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { nodes: TemplateNode[] };
	const nodes: FlowNode[] = [
		{ name: TRIGGER_NAME, type: glueNode(TRIGGER_NAME, (ctx) => [ctx.input]) },
	];
	for (const [typeName, file, className] of CHAIN) {
		const spec = template.nodes.find((n) => n.type === `${PACKAGE}.${typeName}`);
		if (!spec) throw new Error(`The order template has no ${typeName} node`);
		const parameters = JSON.parse(JSON.stringify(spec.parameters)) as INodeParameters;
		const usesExact = typeName !== 'shopifyToExact';
		if (usesExact) {
			parameters.division = { __rl: true, mode: 'id', value: String(options.division) };
		}
		const checksCreates = typeName === 'exactOnlineAccount' || typeName === 'exactOnlineSalesOrder';
		if (checksCreates && options.afterCreateCheck) {
			parameters.options = {
				...((parameters.options as INodeParameters | undefined) ?? {}),
				afterCreateCheck: options.afterCreateCheck,
			};
		}
		if (typeName === 'exactOnlineVatResolver') {
			parameters.viesBaseUrl = options.viesBaseUrl;
		}
		nodes.push({
			name: spec.name,
			type: requireNode(file, className),
			parameters,
			onError: spec.onError === 'continueErrorOutput' ? 'continueErrorOutput' : undefined,
			...(usesExact ? { credentials: { [EXACT_CREDENTIAL]: options.credentialId } } : {}),
		});
	}
	return nodes;
}
