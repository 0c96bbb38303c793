/**
 * What a queue test file works with: the end-to-end helpers (n8n's REST API, both sandboxes) plus
 * the workers' control and the chaos suite's reconciliation against the real stack.
 */
import { okJson } from '../../../scripts/lib/http';
import { STATUS_TABLE } from '../../../scripts/lib/report';
import type { ChaosEnv } from '../../chaos/support/env';
import type { OrderOutcome } from '../../chaos/support/pipeline';
import { duplicateMasterData, reconcile, Reconciliation } from '../../chaos/support/reconcile';
import { writeRow } from '../../chaos/support/scenario';
import { connect, E2E, StackInfo, stackInfo, waitForIdle } from '../../e2e/support/context';

export interface QueueStackInfo extends StackInfo {
	controlUrl: string;
	workers: string[];
	division: number;
	postgresPort: number;
	redisPort: number;
}

export interface Queue extends E2E {
	info: QueueStackInfo;
	worker(
		index: number,
		action: 'kill' | 'start' | 'status',
		signal?: NodeJS.Signals,
	): Promise<{ pid?: number; running: boolean }>;
	/** The chaos suite's environment shape, enough for its reconciliation helpers. */
	chaos: Pick<ChaosEnv, 'admin' | 'division'>;
}

export async function connectQueue(): Promise<Queue> {
	const e2e = await connect();
	const info = stackInfo() as QueueStackInfo;
	return {
		...e2e,
		info,
		worker: (index, action, signal) =>
			okJson(
				'POST',
				`${info.controlUrl}/workers/${index}/${action}${signal ? `?signal=${signal}` : ''}`,
			),
		chaos: {
			division: info.division,
			admin: (method: string, path: string, body?: unknown) =>
				okJson(method, `${info.exactUrl}/__sandbox/${path}`, body),
		} as Pick<ChaosEnv, 'admin' | 'division'>,
	};
}

/** The status table's failed rows: order name → reason (the templates record `#1042`-style references). */
export async function recordedFailures(queue: Queue): Promise<Record<string, string>> {
	const rows = (await queue.rest.dataTableRows(STATUS_TABLE).catch(() => [])).filter(
		(r) => r.status === 'failed',
	);
	const byOrder: Record<string, string> = {};
	for (const r of rows) byOrder[String(r.reference ?? '')] = String(r.reason ?? '');
	return byOrder;
}

/**
 * The end of a scenario: waits until n8n is idle, then every order is in Exact exactly once or
 * recorded as failed with its reason; writes the table row. Master data duplicated during the
 * scenario is returned for the test to assert on.
 */
/** Master data already duplicated before a scenario (the stack is shared by the run's scenarios). */
export async function masterBaseline(queue: Queue): Promise<Record<string, number>> {
	return await duplicateMasterData(queue.chaos as ChaosEnv);
}

export async function reconcileScenario(
	queue: Queue,
	scenario: string,
	names: string[],
	started: number,
	baseline: Record<string, number>,
	notes?: string,
): Promise<{ rec: Reconciliation; master: Record<string, number> }> {
	await waitForIdle(queue.rest, 5000, 600_000);
	const failures = await recordedFailures(queue);
	const outcomes: OrderOutcome[] = names
		.filter((name) => failures[name])
		.map((name) => ({ name, step: 'recorded failure', error: failures[name] }));
	const rec = await reconcile(queue.chaos as ChaosEnv, names, outcomes);
	const total = await duplicateMasterData(queue.chaos as ChaosEnv);
	const master = Object.fromEntries(
		Object.entries(total).map(([k, n]) => [k, n - (baseline[k] ?? 0)]),
	);
	const extra = Object.entries(master)
		.filter(([, n]) => n > 0)
		.map(([k, n]) => `${k} ${n}`);
	writeRow(
		scenario,
		rec,
		started,
		[notes, extra.length ? `duplicated master data: ${extra.join(', ')}` : '']
			.filter(Boolean)
			.join('; ') || undefined,
	);
	return { rec, master };
}
