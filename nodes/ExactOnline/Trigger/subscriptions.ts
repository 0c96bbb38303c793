/**
 * Exact webhook subscriptions of one trigger node: one per topic for the node's callback URL,
 * created on activation, removed on deactivation. Exact answers the subscribe POST only after its
 * empty validation POST to the callback got a 2xx, which the node's webhook() gives.
 * The subscription IDs are kept in the node's static data; the callback URL is the source of truth.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { and, eq, lit } from '../../core/exact/filter';
import { currentDivision, entityKeyPath, exactGetAll, exactRequest } from '../shared/transport';
import type { TransportContext } from '../shared/transport';

export const SUBSCRIPTIONS_PATH = 'webhooks/WebhookSubscriptions';

export interface Subscription {
	ID: string;
	Topic: string;
	CallbackURL: string;
}

/**
 * The shared transport is typed for execute and load-options contexts; a hook context offers the
 * same members it uses (getNode, getCredentials, helpers.httpRequestWithAuthentication and
 * refreshOAuth2Token), and the division is always passed explicitly.
 */
export function transportContext(ctx: IHookFunctions): TransportContext {
	return ctx as unknown as TransportContext;
}

export function callbackUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n has no webhook URL for this node');
	return url;
}

export function selectedTopics(ctx: IHookFunctions): string[] {
	const topics = ctx.getNodeParameter('topics', []) as string[];
	return [...new Set(topics)];
}

export async function hookDivision(ctx: IHookFunctions): Promise<number> {
	const raw = ctx.getNodeParameter('division', '', { extractValue: true }) as unknown;
	const text = String((raw as { value?: unknown })?.value ?? raw ?? '').trim();
	if (text === '') return await currentDivision.call(transportContext(ctx));
	if (!/^\d{1,10}$/.test(text)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The division must be a division number, got "${text.slice(0, 40)}"`,
		);
	}
	return Number(text);
}

export async function listSubscriptions(
	ctx: IHookFunctions,
	division: number,
	url: string,
	topic?: string,
): Promise<Subscription[]> {
	const byUrl = eq('CallbackURL', url);
	return (await exactGetAll.call(transportContext(ctx), {
		path: SUBSCRIPTIONS_PATH,
		qs: {
			$filter: topic ? and(byUrl, eq('Topic', topic)) : byUrl,
			$select: ['ID', 'Topic', 'CallbackURL'],
		},
		division,
		entity: 'webhook subscriptions',
	})) as Subscription[];
}

function remember(ctx: IHookFunctions, division: number, url: string, subs: Subscription[]): void {
	const data = ctx.getWorkflowStaticData('node');
	data.division = division;
	data.callbackUrl = url;
	data.subscriptions = Object.fromEntries(subs.map((s) => [s.Topic, s.ID])) as IDataObject;
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const division = await hookDivision(this);
	const url = callbackUrl(this);
	const existing = await listSubscriptions(this, division, url);
	const topics = selectedTopics(this);
	const complete = topics.every((t) => existing.some((s) => s.Topic === t));
	if (complete)
		remember(
			this,
			division,
			url,
			existing.filter((s) => topics.includes(s.Topic)),
		);
	return complete;
}

export async function create(this: IHookFunctions, secretConfigured: boolean): Promise<boolean> {
	if (!secretConfigured) {
		throw new NodeOperationError(
			this.getNode(),
			'No webhook secret: deliveries could not be verified',
			{
				description:
					'Enter the Webhook secret of your app (Exact App Center → your app → Webhook secret) in the node.',
			},
		);
	}
	const division = await hookDivision(this);
	const url = callbackUrl(this);
	const topics = selectedTopics(this);
	const existing = await listSubscriptions(this, division, url);
	const kept: Subscription[] = [];
	for (const sub of existing) {
		if (topics.includes(sub.Topic) && !kept.some((k) => k.Topic === sub.Topic)) kept.push(sub);
		else await deleteSubscription(this, division, sub.ID);
	}
	for (const topic of topics) {
		if (kept.some((k) => k.Topic === topic)) continue;
		const created = await exactRequest.call(transportContext(this), {
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			body: { CallbackURL: url, Topic: topic },
			division,
			entity: 'webhook subscription',
			writeCheck: async () => (await listSubscriptions(this, division, url, topic))[0],
		});
		const record = created as Partial<Subscription>;
		kept.push({ ID: String(record.ID), Topic: topic, CallbackURL: url });
	}
	remember(this, division, url, kept);
	return true;
}

async function deleteSubscription(
	ctx: IHookFunctions,
	division: number,
	id: string,
): Promise<void> {
	await exactRequest.call(transportContext(ctx), {
		method: 'DELETE',
		path: entityKeyPath(SUBSCRIPTIONS_PATH, id),
		division,
		entity: 'webhook subscription',
		// After an ambiguous failure: done when the subscription is gone.
		writeCheck: async () => {
			const left = await exactGetAll.call(transportContext(ctx), {
				path: SUBSCRIPTIONS_PATH,
				qs: { $filter: eq('ID', lit.guid(id)), $select: ['ID'] },
				division,
				entity: 'webhook subscriptions',
			});
			return left.length === 0 ? 'deleted' : undefined;
		},
	});
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	const division = typeof data.division === 'number' ? data.division : await hookDivision(this);
	const url = typeof data.callbackUrl === 'string' ? data.callbackUrl : callbackUrl(this);
	for (const sub of await listSubscriptions(this, division, url)) {
		await deleteSubscription(this, division, sub.ID);
	}
	delete data.division;
	delete data.callbackUrl;
	delete data.subscriptions;
	return true;
}
