/**
 * What an end-to-end test file works with: the running stack (from globalSetup's file), n8n's REST
 * API logged in as the owner, and the two sandboxes' admin APIs.
 */
import { readFileSync } from 'fs';

import { okJson, requestJson, trustSandboxCertificate } from '../../../scripts/lib/http';
import type { N8nSession, OAuthResult, Owner } from '../../../scripts/lib/rest';
import { N8nRest } from '../../../scripts/lib/rest';
import type { SampleOrder } from '../../../scripts/lib/orders';
import { STATUS_TABLE } from '../../../scripts/lib/report';

export interface StackInfo {
	runtime: { name: string; version: string };
	n8nUrl: string;
	exactUrl: string;
	shopifyUrl: string;
	shopDomain: string;
	shopifyAppSecret: string;
	owner: Owner;
	/** The owner's login from globalSetup: n8n answers 429 to more than a few logins a minute. */
	session: N8nSession;
	templates: Array<{ id: string; name: string; file: string }>;
	credentialIds: Record<string, string>;
	oauth: OAuthResult;
	certificatePem: string;
	timings: Record<string, number>;
	workDir: string;
}

export type Row = Record<string, unknown>;

export interface DeliveryOptions {
	copies?: number;
	concurrent?: boolean | number;
	order?: 'asGiven' | 'reversed' | 'shuffled';
	seed?: number;
	/** How long the sandbox waits for n8n's answer before it counts a failure and retries. */
	timeoutMs?: number;
}

/**
 * Shopify gives up on a webhook after 5 s. On this 2-core machine a busy n8n can take longer to
 * answer while it runs many executions; the tests prove exactly-once imports, not n8n's latency, so
 * they allow 20 s (a retry would only be one more duplicate, which the tests cover anyway).
 */
const DELIVERY_DEFAULTS: DeliveryOptions = { timeoutMs: 20_000 };

export interface E2E {
	info: StackInfo;
	rest: N8nRest;
	templateId(file: string): string;
	exact: {
		state(entitySet: string): Promise<Row[]>;
		post<T = unknown>(path: string, body?: unknown): Promise<T>;
		get<T = unknown>(path: string): Promise<T>;
	};
	shopify: {
		post<T = unknown>(path: string, body?: unknown): Promise<T>;
		get<T = unknown>(path: string): Promise<T>;
		/** Stores the orders in the sandbox shop, which sends orders/create to n8n's Shopify Trigger. */
		placeOrders(orders: SampleOrder[], options?: DeliveryOptions): Promise<DeliverySummary>;
		/** Sends the events again (same bodies and ids) to every subscriber of the topic. */
		deliver(topic: string, payloads: unknown[], options?: DeliveryOptions): Promise<DeliverySummary>;
		available(sku: string): Promise<Record<string, number>>;
	};
}

export interface DeliverySummary {
	events: number;
	deliveries: number;
	delivered: number;
	failed: number;
	attempts: number;
}

export function stackInfo(): StackInfo {
	const file = process.env.E2E_STACK_FILE;
	if (!file) throw new Error('E2E_STACK_FILE is not set: run the suite with `npm run test:e2e`');
	return JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
}

export async function connect(): Promise<E2E> {
	const info = stackInfo();
	trustSandboxCertificate(info.certificatePem);
	const rest = new N8nRest(info.n8nUrl, info.session);
	const records = async (url: string): Promise<Row[]> => {
		const body = await okJson<{ records?: Row[] } | Row[]>('GET', url);
		return Array.isArray(body) ? body : (body.records ?? []);
	};
	return {
		info,
		rest,
		templateId: (file) => {
			const template = info.templates.find((t) => t.file === file);
			if (!template) throw new Error(`No template ${file}`);
			return template.id;
		},
		exact: {
			state: (entitySet) => records(`${info.exactUrl}/__sandbox/state/${entitySet}`),
			post: (path, body) => okJson('POST', `${info.exactUrl}/__sandbox/${path}`, body ?? {}),
			get: (path) => okJson('GET', `${info.exactUrl}/__sandbox/${path}`),
		},
		shopify: {
			post: (path, body) => okJson('POST', `${info.shopifyUrl}/__sandbox/${path}`, body ?? {}),
			get: (path) => okJson('GET', `${info.shopifyUrl}/__sandbox/${path}`),
			placeOrders: async (orders, options = {}) => {
				const answer = await okJson<{ summary: DeliverySummary }>('POST', `${info.shopifyUrl}/__sandbox/orders`, {
					orders: orders.map((o) => o.order),
					topics: ['orders/create'],
					...DELIVERY_DEFAULTS,
					...options,
				});
				return answer.summary;
			},
			deliver: async (topic, payloads, options = {}) => {
				const answer = await okJson<{ summary: DeliverySummary }>(
					'POST',
					`${info.shopifyUrl}/__sandbox/webhooks/deliver`,
					{ topic, payloads, ...DELIVERY_DEFAULTS, ...options },
				);
				return answer.summary;
			},
			available: async (sku) => {
				const res = await requestJson<{ bySku: Record<string, Record<string, number>> }>(
					'GET',
					`${info.shopifyUrl}/__sandbox/inventory?sku=${encodeURIComponent(sku)}`,
				);
				return res.body.bySku[sku] ?? {};
			},
		},
	};
}

/** Polls `probe` until it returns a value other than undefined; fails with `what` after the timeout. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs = 120_000,
	intervalMs = 500,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) {
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/**
 * Reads n8n's stored execution data ("flatted": every string and object is an array entry, referred
 * to by its index as a string).
 */
export function unflatten(text: string): Record<string, unknown> {
	const table = JSON.parse(text) as unknown[];
	const done = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (done.has(index)) return done.get(index);
		const value = table[index];
		if (!value || typeof value !== 'object') {
			done.set(index, value);
			return value;
		}
		const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		done.set(index, copy);
		for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
			(copy as Record<string, unknown>)[key] = typeof inner === 'string' ? revive(Number(inner)) : inner;
		}
		return copy;
	};
	return revive(0) as Record<string, unknown>;
}

/** Why an execution failed (message and node) and which Shopify order started it, if one did. */
export async function executionFailure(
	rest: N8nRest,
	id: string,
): Promise<{ order: string | null; text: string }> {
	const execution = await rest.execution(id);
	const result = (unflatten(execution.data).resultData ?? {}) as {
		error?: { message?: string };
		lastNodeExecuted?: string;
		runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;
	};
	const trigger = result.runData?.['Shopify Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
	const order = typeof trigger?.name === 'string' ? trigger.name : null;
	const text = `execution ${id} (${execution.workflowId}, order ${order ?? '-'}) at ${result.lastNodeExecuted ?? '?'}: ${result.error?.message ?? '?'}`;
	return { order, text };
}

/** The error handler's records, for failure messages of tests. */
export async function recordedFailures(rest: N8nRest): Promise<string> {
	const rows = (await rest.dataTableRows(STATUS_TABLE).catch(() => [])).filter((r) => r.status === 'failed');
	return rows.map((r) => `${String(r.reference)}: ${String(r.reason)}`).join('\n') || '(none recorded)';
}

/** waitFor, and on time-out the error handler's records in the message. */
export async function waitForOrFailures<T>(
	rest: N8nRest,
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs: number,
	intervalMs = 1000,
): Promise<T> {
	try {
		return await waitFor(what, probe, timeoutMs, intervalMs);
	} catch (error) {
		throw new Error(`${(error as Error).message}\nRecorded failures:\n${await recordedFailures(rest)}`);
	}
}

/** Waits until n8n has no running executions and none started in the last `quietMs`. */
export async function waitForIdle(rest: N8nRest, quietMs = 3000, timeoutMs = 300_000): Promise<void> {
	await waitFor(
		'n8n to finish its executions',
		async () => {
			const executions = await rest.executions();
			const running = executions.some((e) => ['running', 'new', 'waiting'].includes(e.status));
			const newest = Math.max(0, ...executions.map((e) => Date.parse(e.stoppedAt ?? e.startedAt)));
			return !running && Date.now() - newest > quietMs ? true : undefined;
		},
		timeoutMs,
		1000,
	);
}
