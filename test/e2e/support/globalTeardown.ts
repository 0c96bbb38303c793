/** Stops the stack globalSetup started (n8n, the sandboxes) and keeps n8n's log on failure. */
import { writeFileSync } from 'fs';
import path from 'path';

import type { Stack } from '../../../scripts/lib/stack';

export default async function globalTeardown(): Promise<void> {
	const stack = (globalThis as Record<string, unknown>).__E2E_STACK__ as Stack | undefined;
	if (!stack) return;
	writeFileSync(path.join(stack.workDir, 'n8n.log'), stack.n8n.output());
	await stack.stop();
	process.stdout.write(`[e2e] n8n log: ${path.join(stack.workDir, 'n8n.log')}\n`);
}
