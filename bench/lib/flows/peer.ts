/**
 * The baseline: the workflow a merchant builds with the published generic node
 * n8n-nodes-exact-online@0.2.5 (every Exact call below is made by that node, loaded from its npm
 * package), one execution per Shopify order:
 *
 *   Order ─ Find account ─ Account known? ─┬─(yes)──────────────────────────────────┐
 *                                          └─(no)─ Create account ─ Contact ─ Create contact ─┤
 *   ┌────────────────────────────────────────────────────────────────────────────────────────┘
 *   VAT codes ─ Lines ─ Find item (one call per line) ─ Items missing? ─┬─(none)──────────┐
 *                                                                       └─ Create item ───┤
 *   Order body ─ Create order ─────────────────────────────────────────────────────────────┘
 *
 * The glue nodes stand in for the Code/IF nodes such a workflow needs; they make no calls.
 */
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { mapShopifyOrder } from '../../../nodes/core/mapping';
import type { FlowLink, FlowNode } from '../harness/workflow';
import { glueNode } from '../harness/glue';

const PEER_TYPE = 'exactOnlineApiOAuth2Api';

let peerNode: INodeType | undefined;

/** The peer's node class from its published package. */
export function loadPeerNode(): INodeType {
	if (!peerNode) {
		const mod = require('n8n-nodes-exact-online/dist/nodes/ExactOnline/ExactOnline.node.js') as {
			ExactOnline: new () => INodeType;
		};
		peerNode = new mod.ExactOnline();
	}
	return peerNode;
}

function peer(
	name: string,
	credentialId: string,
	division: number,
	service: string,
	resource: string,
	operation: 'getAll' | 'post',
	extra: INodeParameters,
): FlowNode {
	return {
		name,
		type: loadPeerNode(),
		credentials: { [PEER_TYPE]: credentialId },
		alwaysOutputData: true,
		parameters: {
			authentication: 'oAuth2',
			division: String(division),
			service,
			resource,
			operation,
			...extra,
		},
	};
}

const lookup = (field: string, value: string, select: string[]): INodeParameters => ({
	limit: 1,
	selectedFields: select,
	conjunction: 'and',
	filter: { filter: [{ field, operator: 'eq', value }] },
});

const postBody: INodeParameters = { useManualBody: true, manualBody: '={{ $json.body }}' };

const doc = (ctx: { node(name: string): IDataObject[] }) =>
	ctx.node('Order')[0] as unknown as EnrichedOrderDocument;

const found = (rows: IDataObject[]) => rows.filter((r) => typeof r.ID === 'string');

/** The VAT code a merchant's Code node picks: the first unblocked code with the line's rate. */
function vatCodeFor(rate: number | null, codes: IDataObject[], exempt: boolean): string {
	if (exempt || !rate)
		return codes.some((c) => c.Code === '0') ? '0' : String(codes[0]?.Code ?? '');
	const match = codes.find(
		(c) => c.IsBlocked !== true && Math.abs(Number(c.Percentage) - rate) < 1e-6,
	);
	return String(match?.Code ?? '0');
}

export function peerOrderFlow(
	credentialId: string,
	division: number,
): { nodes: FlowNode[]; links: FlowLink[] } {
	const nodes: FlowNode[] = [
		{
			name: 'Order',
			type: glueNode('Order', (ctx) => [
				ctx.input.map((order) => mapShopifyOrder(order) as unknown as IDataObject),
			]),
		},
		peer(
			'Find account',
			credentialId,
			division,
			'crm',
			'Accounts',
			'getAll',
			lookup('Email', '={{ $json.customer.email }}', ['ID', 'Code', 'Name', 'Email']),
		),
		{
			name: 'Account known?',
			type: glueNode(
				'Account known?',
				(ctx) => {
					const account = found(ctx.input)[0];
					if (account) return [[account], []];
					const d = doc(ctx);
					const a = d.invoiceAddress ?? d.deliveryAddress;
					const body: IDataObject = {
						Name: d.customer.name.slice(0, 50),
						Status: 'C',
						Email: d.customer.email,
						AddressLine1: a?.line1 ?? null,
						Postcode: a?.postcode ?? null,
						City: a?.city ?? null,
						Country: a?.countryCode ?? null,
					};
					if (d.customer.vatNumber) body.VATNumber = d.customer.vatNumber;
					return [[], [{ body }]];
				},
				2,
			),
		},
		peer('Create account', credentialId, division, 'crm', 'Accounts', 'post', postBody),
		{
			name: 'Contact',
			type: glueNode('Contact', (ctx) => {
				const d = doc(ctx);
				const account = found(ctx.input)[0];
				const body = {
					Account: account?.ID,
					FirstName: d.customer.firstName,
					LastName: d.customer.lastName ?? d.customer.name,
					Email: d.customer.email,
				};
				return [[{ body }]];
			}),
		},
		peer('Create contact', credentialId, division, 'crm', 'Contacts', 'post', postBody),
		// The peer always sends $filter, so an empty one is rejected: filter on something harmless.
		peer('VAT codes', credentialId, division, 'vat', 'VATCodes', 'getAll', {
			limit: 200,
			selectedFields: ['Code', 'Percentage', 'Type', 'IsBlocked'],
			conjunction: 'and',
			filter: { filter: [{ field: 'IsBlocked', operator: 'eq', value: 'false' }] },
		}),
		{
			name: 'Lines',
			type: glueNode('Lines', (ctx) => {
				const codes = [...new Set(doc(ctx).lines.map((l) => String(l.itemCode)))];
				return [codes.map((code) => ({ code }))];
			}),
		},
		peer(
			'Find item',
			credentialId,
			division,
			'logistics',
			'Items',
			'getAll',
			lookup('Code', '={{ $json.code }}', ['ID', 'Code']),
		),
		{
			name: 'Items missing?',
			type: glueNode(
				'Items missing?',
				(ctx) => {
					const have = new Set(found(ctx.input).map((r) => String(r.Code).trim().toUpperCase()));
					const missing = doc(ctx).lines.filter((l, i, all) => {
						const code = String(l.itemCode);
						return (
							!have.has(code.toUpperCase()) && all.findIndex((o) => o.itemCode === l.itemCode) === i
						);
					});
					if (missing.length === 0) return [[{}], []];
					const bodies = missing.map((l) => ({
						body: {
							Code: l.itemCode,
							Description: l.description.slice(0, 60),
							IsSalesItem: true,
							IsStockItem: l.kind === 'product',
						},
					}));
					return [[], bodies];
				},
				2,
			),
		},
		peer('Create item', credentialId, division, 'logistics', 'Items', 'post', postBody),
		{
			name: 'Order body',
			type: glueNode('Order body', (ctx) => {
				const d = doc(ctx);
				const account = found([...ctx.node('Find account'), ...ctx.node('Create account')])[0];
				const items = new Map(
					found([...ctx.node('Find item'), ...ctx.node('Create item')]).map((r) => [
						String(r.Code).toUpperCase(),
						String(r.ID),
					]),
				);
				const codes = ctx.node('VAT codes');
				const exempt = d.customer.taxExempt || d.lines.every((l) => !l.taxRate);
				const body = {
					OrderedBy: account?.ID,
					YourRef: d.references.yourRef,
					OrderDate: d.orderDate,
					Description: d.references.description,
					SalesOrderLines: d.lines.map((l) => ({
						Item: items.get(String(l.itemCode).toUpperCase()),
						Quantity: l.quantity,
						NetPrice: l.netPrice ?? 0,
						VATCode: vatCodeFor(l.taxRate, codes, exempt),
					})),
				};
				return [[{ body }]];
			}),
		},
		peer('Create order', credentialId, division, 'salesorder', 'SalesOrders', 'post', postBody),
	];
	const links: FlowLink[] = [
		{ from: 'Order', to: 'Find account' },
		{ from: 'Find account', to: 'Account known?' },
		{ from: 'Account known?', to: 'VAT codes', output: 0 },
		{ from: 'Account known?', to: 'Create account', output: 1 },
		{ from: 'Create account', to: 'Contact' },
		{ from: 'Contact', to: 'Create contact' },
		{ from: 'Create contact', to: 'VAT codes' },
		{ from: 'VAT codes', to: 'Lines' },
		{ from: 'Lines', to: 'Find item' },
		{ from: 'Find item', to: 'Items missing?' },
		{ from: 'Items missing?', to: 'Order body', output: 0 },
		{ from: 'Items missing?', to: 'Create item', output: 1 },
		{ from: 'Create item', to: 'Order body' },
		{ from: 'Order body', to: 'Create order' },
	];
	return { nodes, links };
}
