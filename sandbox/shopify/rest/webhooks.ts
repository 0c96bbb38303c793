/** REST webhook subscriptions, as n8n's Shopify Trigger uses them (list by topic, create, delete). */
import type { SandboxCore, WebhookSubscription } from '../core';
import type { JsonObject, JsonValue } from '../json';
import { nowIso } from '../state';
import { TOPICS } from '../webhooks/topics';
import type { RestRequest, RestResponse } from './types';
import { webhookJson } from './serialize';

const NOT_FOUND: RestResponse = { status: 404, body: { errors: 'Not Found' } };

function list(core: SandboxCore, query: Record<string, string>): WebhookSubscription[] {
	return [...core.subscriptions.values()]
		.filter((s) => !query.topic || s.topic === query.topic)
		.filter((s) => !query.address || s.address === query.address)
		.filter((s) => !/^[0-9]+$/.test(query.since_id ?? '') || BigInt(s.id) > BigInt(query.since_id));
}

function validate(
	core: SandboxCore,
	input: JsonObject,
	existingId?: string,
): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	const topic = input.topic;
	const address = input.address;
	if (typeof topic !== 'string' || !TOPICS.has(topic)) {
		errors.topic = [
			`Invalid topic specified: ${String(topic)}. Topics allowed: ${[...TOPICS].join(', ')}`,
		];
	}
	if (typeof address !== 'string' || address.trim() === '') {
		errors.address = ["can't be blank"];
	} else if (!/^https?:\/\/[^\s]+$/.test(address)) {
		errors.address = ['is invalid'];
	} else {
		const taken = [...core.subscriptions.values()].some(
			(s) => s.topic === topic && s.address === address && s.id !== existingId,
		);
		if (taken) errors.address = ['for this topic has already been taken'];
	}
	if (input.format !== undefined && input.format !== 'json') {
		errors.format = ['is not supported by the sandbox (json only)'];
	}
	return errors;
}

function fieldsOf(input: JsonObject): string[] {
	return Array.isArray(input.fields)
		? input.fields.filter((f): f is string => typeof f === 'string')
		: [];
}

function webhookInput(body: JsonValue | undefined): JsonObject | undefined {
	const webhook =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as JsonObject).webhook
			: undefined;
	return webhook && typeof webhook === 'object' && !Array.isArray(webhook)
		? (webhook as JsonObject)
		: undefined;
}

export function createSubscription(
	core: SandboxCore,
	input: JsonObject,
	apiVersion: string,
): RestResponse {
	const errors = validate(core, input);
	if (Object.keys(errors).length > 0) return { status: 422, body: { errors } };
	const now = nowIso();
	const subscription: WebhookSubscription = {
		id: core.state.ids.id(),
		topic: input.topic as string,
		address: input.address as string,
		format: 'json',
		apiVersion,
		fields: fieldsOf(input),
		createdAt: now,
		updatedAt: now,
	};
	core.subscriptions.set(subscription.id, subscription);
	return { status: 201, body: { webhook: webhookJson(subscription) } };
}

export function webhookRoutes(core: SandboxCore, req: RestRequest): RestResponse | undefined {
	const { method, path } = req;
	if (/^webhooks(\.json)?$/.test(path)) {
		if (method === 'GET')
			return { status: 200, body: { webhooks: list(core, req.query).map(webhookJson) } };
		if (method === 'POST') {
			const input = webhookInput(req.body);
			if (!input)
				return {
					status: 400,
					body: { errors: { webhook: 'Required parameter missing or invalid' } },
				};
			return createSubscription(core, input, req.version);
		}
		return undefined;
	}
	if (/^webhooks\/count(\.json)?$/.test(path) && method === 'GET') {
		return { status: 200, body: { count: list(core, req.query).length } };
	}
	const match = /^webhooks\/([0-9]+)(\.json)?$/.exec(path);
	if (!match) return undefined;
	const subscription = core.subscriptions.get(match[1]);
	if (!subscription) return NOT_FOUND;
	if (method === 'GET') return { status: 200, body: { webhook: webhookJson(subscription) } };
	if (method === 'DELETE') {
		core.subscriptions.delete(subscription.id);
		return { status: 200, body: {} };
	}
	if (method === 'PUT') {
		const input = webhookInput(req.body);
		if (!input)
			return {
				status: 400,
				body: { errors: { webhook: 'Required parameter missing or invalid' } },
			};
		const merged = { topic: subscription.topic, address: subscription.address, ...input };
		const errors = validate(core, merged as JsonObject, subscription.id);
		if (Object.keys(errors).length > 0) return { status: 422, body: { errors } };
		subscription.address = merged.address as string;
		if (Array.isArray(input.fields)) subscription.fields = fieldsOf(input);
		subscription.updatedAt = nowIso();
		return { status: 200, body: { webhook: webhookJson(subscription) } };
	}
	return undefined;
}
