/** /__sandbox/webhooks/deliver and /__sandbox/orders: events in, signed deliveries out. */
import { SandboxInputError } from '../catalog';
import type { SandboxCore } from '../core';
import type { JsonObject, JsonValue } from '../json';
import { commitInventory, storeOrder } from '../orders';
import {
	deliverEvents,
	type DeliverOptions,
	type DeliveryEvent,
	type DeliveryRecord,
} from '../webhooks/deliver';
import { TOPICS } from '../webhooks/topics';

const ORDERS = ['asGiven', 'reversed', 'shuffled'];

export function deliverOptions(body: JsonObject): DeliverOptions & { wait: boolean } {
	const num = (key: string, min: number, max: number): number | undefined => {
		const value = body[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			throw new SandboxInputError(`${key} must be an integer from ${min} to ${max}`);
		}
		return value;
	};
	const order = body.order ?? 'asGiven';
	if (typeof order !== 'string' || !ORDERS.includes(order)) {
		throw new SandboxInputError(`order must be one of ${ORDERS.join(', ')}`);
	}
	const concurrent = body.concurrent;
	if (
		concurrent !== undefined &&
		typeof concurrent !== 'boolean' &&
		typeof concurrent !== 'number'
	) {
		throw new SandboxInputError('concurrent must be a boolean or a number');
	}
	if (body.address !== undefined && typeof body.address !== 'string') {
		throw new SandboxInputError('address must be a URL');
	}
	return {
		copies: num('copies', 1, 10),
		concurrent: concurrent as boolean | number | undefined,
		order: order as DeliverOptions['order'],
		seed: num('seed', 0, 2 ** 32 - 1),
		sameWebhookId: body.sameWebhookId === true,
		address: body.address as string | undefined,
		retries: num('retries', 0, 20),
		retryDelayMs: num('retryDelayMs', 0, 600_000),
		timeoutMs: num('timeoutMs', 1, 600_000),
		wait: body.wait !== false,
	};
}

function checkTopic(topic: unknown): string {
	if (typeof topic !== 'string' || !TOPICS.has(topic)) {
		throw new SandboxInputError(`unknown topic ${String(topic)}`);
	}
	return topic;
}

/** {topic, payloads:[…]} or {events:[{topic, payload}]} */
export function eventsOf(body: JsonObject): DeliveryEvent[] {
	if (Array.isArray(body.events)) {
		return body.events.map((e) => {
			const event = (e ?? {}) as JsonObject;
			return { topic: checkTopic(event.topic), body: event.payload ?? {} };
		});
	}
	if (!Array.isArray(body.payloads))
		throw new SandboxInputError('payloads (array) or events (array) is required');
	const topic = checkTopic(body.topic);
	return body.payloads.map((payload) => ({ topic, body: payload }));
}

function summary(records: DeliveryRecord[], events: number) {
	return {
		events,
		deliveries: records.length,
		delivered: records.filter((r) => r.delivered).length,
		failed: records.filter((r) => !r.delivered).length,
		attempts: records.reduce((n, r) => n + r.attempts.length, 0),
	};
}

export async function deliverRoute(core: SandboxCore, events: DeliveryEvent[], body: JsonObject) {
	const options = deliverOptions(body);
	const warnings: string[] = [];
	if (!options.address) {
		for (const topic of new Set(events.map((e) => e.topic))) {
			if (![...core.subscriptions.values()].some((s) => s.topic === topic)) {
				warnings.push(`no webhook subscription for ${topic}: nothing delivered for it`);
			}
		}
	}
	if (!options.wait) {
		void deliverEvents(core, events, options).catch(() => undefined);
		return { status: 202, body: { accepted: events.length, warnings } };
	}
	const deliveries = await deliverEvents(core, events, options);
	return {
		status: 200,
		body: { summary: summary(deliveries, events.length), deliveries, warnings },
	};
}

/** Stores the orders, then delivers one event per order and topic (topics in the given order). */
export async function ordersRoute(core: SandboxCore, body: JsonObject) {
	if (!Array.isArray(body.orders)) throw new SandboxInputError('orders (array) is required');
	const topics = (Array.isArray(body.topics) ? body.topics : ['orders/create']).map(checkTopic);
	const stored = body.orders.map((o: JsonValue) => storeOrder(core, o));
	if (body.commitInventory === true) stored.forEach((o) => commitInventory(core, o));
	const events = stored.flatMap((o) => topics.map((topic) => ({ topic, body: o.body })));
	const result = await deliverRoute(core, events, body);
	return {
		status: result.status,
		body: { orders: stored.map((o) => ({ id: o.id, name: o.body.name ?? null })), ...result.body },
	};
}
