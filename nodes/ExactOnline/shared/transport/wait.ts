import { sleepUnlessCancelled } from '../../../shared/sleep';
import type { TransportContext } from './context';
import { isExecuteContext } from './context';

/** Sleeps (n8n's sleep, not a raw timer), ending early when the execution is cancelled. */
export async function waitMs(ctx: TransportContext, ms: number): Promise<void> {
	if (ms <= 0) return;
	const signal = isExecuteContext(ctx) ? ctx.getExecutionCancelSignal() : undefined;
	await sleepUnlessCancelled(ms, signal);
}
