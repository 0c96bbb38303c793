/**
 * n8n's sleep, ended early when the execution is cancelled. n8n-workflow up to 2.x early exports
 * this as `sleepWithAbort`; later versions dropped it and take the signal in `sleep` itself.
 */
import * as workflow from 'n8n-workflow';

type Sleep = (ms: number, abortSignal?: AbortSignal) => Promise<void>;

const sleepWithSignal: Sleep =
	(workflow as { sleepWithAbort?: Sleep }).sleepWithAbort ?? (workflow.sleep as Sleep);

export async function sleepUnlessCancelled(ms: number, signal?: AbortSignal): Promise<void> {
	await sleepWithSignal(ms, signal);
}
