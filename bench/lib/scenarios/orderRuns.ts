/**
 * Runs a set of orders through one flow (ours or the peer baseline) as n8n executions, and counts
 * what happened from the sandbox's call log: Exact calls (by method and entity), 429s, and orders
 * completed or failed.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BenchEnv, ExactCall } from '../env';
import { OUR_EXACT, PEER_CLIENT, PEER_EXACT } from '../env';
import { ourOrderFlow } from '../flows/ours';
import { peerOrderFlow } from '../flows/peer';
import { runFlow } from '../harness/workflow';
import type { FlowLink, FlowNode } from '../harness/workflow';

export type FlowKind = 'ours' | 'baseline';

export interface OrderRunOptions {
	flow: FlowKind;
	orders: IDataObject[];
	/** Orders per n8n execution. */
	batchSize: number;
	/** Executions in flight at once (1 = one after another). */
	concurrency: number;
	/** Our flow with the After Create Check (Account and Sales Order) set to this, not the template's. */
	afterCreateCheck?: string;
}

export interface OrderRunStats {
	flow: FlowKind;
	/** Set when our flow ran with another After Create Check than the template's. */
	afterCreateCheck?: string;
	ordersPerExecution: number;
	orders: number;
	executions: number;
	completed: number;
	failed: number;
	failures: string[];
	exactCalls: number;
	callsPerOrder: number;
	/** 'GET crm/Accounts' → count. */
	callsByEntity: Record<string, number>;
	status429: number;
	elapsedMs: number;
	/** The flow's last node (whose output counts the completed orders). */
	lastNode: string;
}

interface Flow {
	nodes: FlowNode[];
	links?: FlowLink[];
	clientId: string;
	/** Orders the execution completed, from its run. */
	completed(output: (name: string) => Array<{ json: IDataObject }>): number;
}

function flowFor(env: BenchEnv, kind: FlowKind, afterCreateCheck?: string): Flow {
	if (kind === 'baseline') {
		const { nodes, links } = peerOrderFlow(PEER_EXACT, env.division);
		return {
			nodes,
			links,
			clientId: PEER_CLIENT.id,
			completed: (output) =>
				output('Create order').filter((i) => typeof i.json.OrderID === 'string').length,
		};
	}
	const nodes = ourOrderFlow({
		credentialId: OUR_EXACT,
		division: env.division,
		viesBaseUrl: `${env.exact.baseUrl}/taxation_customs/vies/rest-api`,
		afterCreateCheck,
	});
	const last = nodes[nodes.length - 1].name;
	return {
		nodes,
		clientId: env.exact.clientId,
		completed: (output) => output(last).filter((i) => !i.json.error).length,
	};
}

/** `GET crm/Accounts` from a logged call (division and /api/v1 stripped). */
export function entityOf(call: ExactCall): string {
	const path = call.path.replace(/^\/api\/v1\/(?:\d+|current)\//, '').replace(/\(.*$/, '');
	return `${call.method} ${path}`;
}

export function countByEntity(calls: ExactCall[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const call of calls) out[entityOf(call)] = (out[entityOf(call)] ?? 0) + 1;
	return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

async function pool<T>(tasks: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await tasks[index]();
		}
	};
	await Promise.all(
		Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker),
	);
	return results;
}

export async function runOrders(env: BenchEnv, options: OrderRunOptions): Promise<OrderRunStats> {
	const flow = flowFor(env, options.flow, options.afterCreateCheck);
	const batches: IDataObject[][] = [];
	for (let i = 0; i < options.orders.length; i += options.batchSize) {
		batches.push(options.orders.slice(i, i + options.batchSize));
	}
	await env.clearCalls();
	const failures: string[] = [];
	// The run is one active workflow. Its static data (where nodes may remember records between
	// executions) behaves as n8n stores it: read when an execution starts, written back when it ends
	// with changes; concurrent executions do not see each other's changes.
	let stored = '{}';
	const started = Date.now();
	const done = await pool(
		batches.map((batch) => async () => {
			const run = await runFlow({
				nodes: flow.nodes,
				links: flow.links,
				items: batch,
				credentials: env.credentials,
				staticData: JSON.parse(stored) as IDataObject,
				workflowId: `bench-orders-${options.flow}`,
			});
			if ((run.staticData as { __dataChanged?: boolean }).__dataChanged) {
				stored = JSON.stringify(run.staticData);
			}
			if (run.error) {
				if (failures.length < 5) failures.push(run.error.message.slice(0, 300));
				return 0;
			}
			// A failed order leaves on an error output, or (items without n8n's error object) goes on
			// down the main path with json.error, as the template's final IF node expects.
			const last = flow.nodes[flow.nodes.length - 1].name;
			const failed = [...run.errorItems(), ...run.output(last).filter((i) => i.json.error)];
			for (const item of failed) {
				if (failures.length < 5) failures.push(String(item.json.error).slice(0, 300));
			}
			return flow.completed(run.output);
		}),
		options.concurrency,
	);
	const elapsedMs = Date.now() - started;
	const calls = (await env.exactCalls()).filter((c) => c.clientId === flow.clientId);
	const completed = done.reduce((a, b) => a + b, 0);
	return {
		flow: options.flow,
		...(options.afterCreateCheck ? { afterCreateCheck: options.afterCreateCheck } : {}),
		ordersPerExecution: options.batchSize,
		orders: options.orders.length,
		executions: batches.length,
		completed,
		failed: options.orders.length - completed,
		failures,
		exactCalls: calls.length,
		callsPerOrder: round(calls.length / options.orders.length),
		callsByEntity: countByEntity(calls),
		status429: calls.filter((c) => c.status === 429).length,
		elapsedMs,
		lastNode: flow.nodes[flow.nodes.length - 1].name,
	};
}

export function round(value: number, digits = 2): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
