import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { divisionLocator, methods as sharedMethods } from '../shared/descriptions';
import { checkExists, create, remove } from './subscriptions';
import { handleDelivery } from './webhook';
import { optionNameSubtitle } from '../../shared/subtitle';

/**
 * Where the webhook secret comes from: the node's "Webhook Secret" field when filled, else a
 * `webhookSecret` field of the Exact Online credential. The secret belongs to the app (App Center),
 * like the client secret, so the credential (encrypted, not exported with the workflow) is its
 * better home; the node field keeps the trigger usable with credentials that have no such field.
 */
async function webhookSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	const fromNode = String(ctx.getNodeParameter('webhookSecret', '') ?? '').trim();
	if (fromNode) return fromNode;
	const credential = await ctx.getCredentials('exactOnlineOAuth2Api');
	return typeof credential.webhookSecret === 'string' ? credential.webhookSecret.trim() : '';
}

export class ExactOnlineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Trigger',
		name: 'exactOnlineTrigger',
		icon: { light: 'file:../exactOnline.svg', dark: 'file:../exactOnline.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: optionNameSubtitle(
			{
				Accounts: 'Accounts',
				GoodsDeliveries: 'Goods Deliveries',
				Items: 'Items',
				SalesOrders: 'Sales Orders',
				StockPositions: 'Stock Positions',
			},
			'topics',
			true,
		),
		description:
			'Starts the workflow when Exact Online reports a change (stock, items, orders, accounts)',
		defaults: { name: 'Exact Online Trigger' },
		// A webhook trigger starts workflows; an AI agent cannot call it, so no tool variant
		// (n8n builds one only when this is truthy; the community lint wants it stated).
		usableAsTool: undefined,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			divisionLocator,
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				required: true,
				default: ['StockPositions'],
				description: 'The Exact changes that start the workflow (one Exact subscription each)',
				options: [
					{ name: 'Accounts', value: 'Accounts', description: 'A customer or supplier changed' },
					{
						name: 'Goods Deliveries',
						value: 'GoodsDeliveries',
						description: 'Goods were delivered',
					},
					{ name: 'Items', value: 'Items', description: 'An item changed' },
					{ name: 'Sales Orders', value: 'SalesOrders', description: 'A sales order changed' },
					{
						name: 'Stock Positions',
						value: 'StockPositions',
						description: 'The stock of an item changed (the Key is the item ID)',
					},
				],
			},
			{
				displayName: 'Webhook Secret',
				name: 'webhookSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'The Webhook secret of your app in the Exact App Center. Every delivery is checked with it; deliveries that fail the check are refused. Leave empty to use a Webhook Secret stored in the credential.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Record',
						name: 'fetchRecord',
						type: 'boolean',
						default: false,
						description:
							'Whether to read the changed record from Exact (one API call per event; Exact only sends its key)',
					},
				],
			},
		],
	};

	methods = { ...sharedMethods };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this, (await webhookSecret(this)) !== '');
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this, await webhookSecret(this));
	}
}
