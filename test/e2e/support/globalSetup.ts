/**
 * Starts the one stack of the end-to-end run: builds the package, installs the pinned n8n when it is
 * missing, starts both sandboxes and n8n with the packed package, sets n8n up through its REST API
 * (owner, credentials with the Exact one through the real OAuth2 flow, templates, activation).
 * Test files reach it through the JSON file named by E2E_STACK_FILE.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { projectRoot, runtimeFromEnv } from '../../../scripts/lib/n8n';
import { startStack } from '../../../scripts/lib/stack';
import type { StackInfo } from './context';

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const log = (line: string) => process.stdout.write(`[e2e ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
	if (process.env.E2E_SKIP_BUILD !== '1') {
		log('Building the package…');
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' });
	}
	const runtime = runtimeFromEnv();
	const workDir = mkdtempSync(path.join(os.tmpdir(), 'exact-commerce-e2e-'));
	const stack = await startStack({
		runtime,
		workDir,
		log,
		// A released or hand-made tarball instead of packing this checkout.
		tarball: process.env.E2E_PACKAGE_TARBALL || undefined,
		// Exact's real limit is 60 calls per minute; the transport waits for the next minute when it is
		// reached. The suite sends 80+ orders, so it runs with a higher limit to finish in minutes.
		exactSettings: { minutelyLimit: Number(process.env.E2E_EXACT_MINUTELY_LIMIT ?? 1000) },
	});
	log(`Stack ready: ${JSON.stringify(stack.timings)}`);
	const info: StackInfo = {
		runtime: { name: runtime.name, version: runtime.version },
		n8nUrl: stack.n8n.url,
		exactUrl: stack.exact.baseUrl,
		shopifyUrl: stack.shopify.baseUrl,
		shopDomain: stack.shopify.shopDomain,
		shopifyAppSecret: stack.shopify.appSecret,
		owner: stack.owner,
		session: stack.rest.session(),
		templates: stack.templates.map((t) => ({ id: t.id, name: t.name, file: path.basename(t.file) })),
		credentialIds: stack.credentialIds,
		oauth: stack.oauth,
		certificatePem: stack.certificatePem,
		timings: stack.timings,
		workDir,
	};
	const file = path.join(workDir, 'stack.json');
	writeFileSync(file, JSON.stringify(info, null, 2));
	process.env.E2E_STACK_FILE = file;
	(globalThis as Record<string, unknown>).__E2E_STACK__ = stack;
}
