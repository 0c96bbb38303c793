/**
 * Webhook delivery: every event goes to each subscription of its topic (or to one given address),
 * `copies` times, in the requested order, one at a time or concurrently. A failed attempt (non-2xx,
 * network error, timeout) is retried with exponential backoff; retries keep the Webhook-Id, the
 * Event-Id and the exact body bytes, as Shopify's do.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxCore, WebhookSubscription } from '../core';
import { stringifyLossless } from '../json';
import { nowIso } from '../state';
import { rng } from '../random';
import { postDelivery, type SignedDelivery } from './send';

export interface DeliveryEvent {
	topic: string;
	body: unknown;
}

export type DeliveryOrder = 'asGiven' | 'reversed' | 'shuffled';

export interface DeliverOptions {
	/** Deliveries per event and target (deliberate duplicates), default 1. */
	copies?: number;
	/** true: all at once; a number: that many in flight; false (default): one after another. */
	concurrent?: boolean | number;
	order?: DeliveryOrder;
	seed?: number;
	/** Copies share one X-Shopify-Webhook-Id (default: each copy has its own; Event-Id is shared). */
	sameWebhookId?: boolean;
	/** Deliver to this URL instead of the topic's subscriptions. */
	address?: string;
	retries?: number;
	retryDelayMs?: number;
	timeoutMs?: number;
}

export interface AttemptRecord {
	attempt: number;
	at: string;
	status: number | null;
	error: string | null;
	durationMs: number;
}

export interface DeliveryRecord {
	seq: number;
	topic: string;
	address: string;
	subscriptionId: string | null;
	eventId: string;
	webhookId: string;
	copy: number;
	apiVersion: string;
	triggeredAt: string;
	delivered: boolean;
	attempts: AttemptRecord[];
}

interface Job {
	record: Omit<DeliveryRecord, 'seq' | 'delivered' | 'attempts'>;
	body: Buffer;
}

export function arrange<T>(items: T[], order: DeliveryOrder = 'asGiven', seed = 1): T[] {
	if (order === 'reversed') return [...items].reverse();
	if (order !== 'shuffled') return [...items];
	const out = [...items];
	const next = rng(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

function trimmed(body: unknown, fields: string[]): unknown {
	if (fields.length === 0 || !body || typeof body !== 'object' || Array.isArray(body)) return body;
	const out: Record<string, unknown> = {};
	for (const f of fields) if (f in (body as object)) out[f] = (body as Record<string, unknown>)[f];
	return out;
}

function targetsFor(core: SandboxCore, topic: string, address?: string): WebhookSubscription[] {
	if (address) {
		const now = nowIso();
		return [
			{
				id: '',
				topic,
				address,
				format: 'json',
				apiVersion: core.settings.apiVersionDefault,
				fields: [],
				createdAt: now,
				updatedAt: now,
			},
		];
	}
	return [...core.subscriptions.values()].filter((s) => s.topic === topic);
}

function buildJobs(core: SandboxCore, events: DeliveryEvent[], opts: DeliverOptions): Job[] {
	const copies = Math.max(1, Math.floor(opts.copies ?? 1));
	const jobs: Job[] = [];
	for (const event of events) {
		const eventId = randomUUID();
		const triggeredAt = new Date().toISOString();
		for (const target of targetsFor(core, event.topic, opts.address)) {
			const body = Buffer.from(stringifyLossless(trimmed(event.body, target.fields)), 'utf8');
			const sharedWebhookId = randomUUID();
			for (let copy = 1; copy <= copies; copy++) {
				jobs.push({
					body,
					record: {
						topic: event.topic,
						address: target.address,
						subscriptionId: target.id || null,
						eventId,
						webhookId: opts.sameWebhookId ? sharedWebhookId : randomUUID(),
						copy,
						apiVersion: target.apiVersion,
						triggeredAt,
					},
				});
			}
		}
	}
	return arrange(jobs, opts.order, opts.seed);
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		if (signal.aborted) return resolve();
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}
		signal.addEventListener('abort', done);
	});
}

async function run(core: SandboxCore, job: Job, opts: DeliverOptions): Promise<DeliveryRecord> {
	const retries = opts.retries ?? core.settings.deliveryRetries;
	const baseDelay = opts.retryDelayMs ?? core.settings.deliveryRetryDelayMs;
	const timeoutMs = opts.timeoutMs ?? core.settings.deliveryTimeoutMs;
	const record: DeliveryRecord = {
		...job.record,
		seq: core.deliveries.length + 1,
		delivered: false,
		attempts: [],
	};
	core.deliveries.push(record);
	const signed: SignedDelivery = {
		...job.record,
		shopDomain: core.config.shopDomain,
		secret: core.config.appSecret,
		body: job.body,
	};
	for (let attempt = 1; attempt <= retries + 1; attempt++) {
		if (core.closing.signal.aborted) break;
		const started = Date.now();
		const at = new Date(started).toISOString();
		try {
			const status = await postDelivery(signed, timeoutMs, core.closing.signal);
			record.attempts.push({ attempt, at, status, error: null, durationMs: Date.now() - started });
			if (status >= 200 && status < 300) {
				record.delivered = true;
				break;
			}
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			record.attempts.push({
				attempt,
				at,
				status: null,
				error: message,
				durationMs: Date.now() - started,
			});
		}
		if (attempt <= retries) await wait(baseDelay * 2 ** (attempt - 1), core.closing.signal);
	}
	return record;
}

/** Delivers the events and resolves when every delivery succeeded or ran out of retries. */
export async function deliverEvents(
	core: SandboxCore,
	events: DeliveryEvent[],
	opts: DeliverOptions = {},
): Promise<DeliveryRecord[]> {
	const jobs = buildJobs(core, events, opts);
	const width =
		opts.concurrent === true
			? jobs.length
			: typeof opts.concurrent === 'number'
				? opts.concurrent
				: 1;
	const results: DeliveryRecord[] = new Array(jobs.length);
	let next = 0;
	const worker = async () => {
		while (next < jobs.length) {
			const index = next++;
			results[index] = await run(core, jobs[index], opts);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(width, jobs.length)) }, worker));
	return results;
}

/** Fire-and-forget delivery for events the sandbox raises itself (no subscribers: no work). */
export function deliverInBackground(core: SandboxCore, events: DeliveryEvent[]): void {
	const wanted = events.filter((e) => targetsFor(core, e.topic).length > 0);
	if (wanted.length === 0 || !core.settings.autoWebhooks) return;
	void deliverEvents(core, wanted).catch(() => undefined);
}
