/** Stops the queue stack (workers, main, sandboxes, Redis, Postgres); keeps each process's log. */
import { writeFileSync } from 'fs';
import type { Server } from 'http';
import path from 'path';

import type { Stack } from '../../../scripts/lib/stack';

export default async function globalTeardown(): Promise<void> {
	const globals = globalThis as Record<string, unknown>;
	(globals.__QUEUE_CONTROL__ as Server | undefined)?.close();
	const stack = globals.__E2E_STACK__ as Stack | undefined;
	if (!stack) return;
	writeFileSync(path.join(stack.workDir, 'n8n-main.log'), stack.n8n.output());
	for (const worker of stack.n8n.workers) {
		writeFileSync(path.join(stack.workDir, `n8n-${worker.name}.log`), worker.output());
	}
	await stack.stop();
}
