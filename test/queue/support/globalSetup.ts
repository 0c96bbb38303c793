/**
 * Starts the queue-mode stack once for the run: Redis and Postgres on free ports, n8n as a main
 * instance plus two `n8n worker` processes with the packed package, both sandboxes, the templates
 * imported and active. Test files reach it through E2E_STACK_FILE (the end-to-end tests' format, so
 * their helpers work here) and stop or start workers through a small control server in this process.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';

import { projectRoot, runtimeFromEnv } from '../../../scripts/lib/n8n';
import { startStack } from '../../../scripts/lib/stack';
import type { QueueStackInfo } from './queue';
import { configureForQueueMode } from './queueMode';
import { QUEUE_WORKERS } from './scale';

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const log = (line: string) =>
		process.stdout.write(`[queue ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
	if (process.env.E2E_SKIP_BUILD !== '1') {
		log('Building the package…');
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' });
	}
	const runtime = runtimeFromEnv();
	const workDir = mkdtempSync(path.join(os.tmpdir(), 'exact-commerce-queue-'));
	// The reconciliation rows, printed as a table by the chaos suite's reporter.
	process.env.CHAOS_OUT_DIR = mkdtempSync(path.join(os.tmpdir(), 'exact-commerce-queue-rows-'));
	const stack = await startStack({
		runtime,
		workDir,
		log,
		tarball: process.env.E2E_PACKAGE_TARBALL || undefined,
		exactSettings: { minutelyLimit: Number(process.env.E2E_EXACT_MINUTELY_LIMIT ?? 1000) },
		queueWorkers: QUEUE_WORKERS,
		// Executions of a killed worker are marked crashed at the next recovery check (default 180 min).
		n8nEnv: { N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1' },
		// As the README asks for queue mode: the order template's After Create Check on Remove Own
		// Duplicate (it ships with None, which fits one n8n process).
		configure: (rest, templates) => configureForQueueMode(rest, templates),
	});
	log(`Stack ready: ${JSON.stringify(stack.timings)}`);

	const workers = stack.n8n.workers;
	const control = http.createServer((req, res) => {
		const match = /^\/workers\/(\d+)\/(kill|start|status)(?:\?signal=(\w+))?$/.exec(req.url ?? '');
		const worker = match ? workers[Number(match[1])] : undefined;
		if (!match || !worker) {
			res.writeHead(404).end();
			return;
		}
		const answer = (status: number, body: unknown) =>
			res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
		const action =
			match[2] === 'kill'
				? worker.kill((match[3] ?? 'SIGTERM') as NodeJS.Signals)
				: match[2] === 'start'
					? worker.start()
					: Promise.resolve();
		action.then(
			() => answer(200, { name: worker.name, pid: worker.pid(), running: worker.running() }),
			(error: Error) => answer(500, { error: error.message }),
		);
	});
	await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
	const { port } = control.address() as import('net').AddressInfo;

	const info: QueueStackInfo = {
		runtime: { name: runtime.name, version: runtime.version },
		n8nUrl: stack.n8n.url,
		exactUrl: stack.exact.baseUrl,
		shopifyUrl: stack.shopify.baseUrl,
		shopDomain: stack.shopify.shopDomain,
		shopifyAppSecret: stack.shopify.appSecret,
		owner: stack.owner,
		session: stack.rest.session(),
		templates: stack.templates.map((t) => ({
			id: t.id,
			name: t.name,
			file: path.basename(t.file),
		})),
		credentialIds: stack.credentialIds,
		oauth: stack.oauth,
		certificatePem: stack.certificatePem,
		timings: stack.timings,
		workDir,
		controlUrl: `http://127.0.0.1:${port}`,
		workers: workers.map((w) => w.name),
		division: stack.exact.division,
		postgresPort: stack.services?.postgres.port ?? 0,
		redisPort: stack.services?.redis.port ?? 0,
	};
	const file = path.join(workDir, 'stack.json');
	writeFileSync(file, JSON.stringify(info, null, 2));
	process.env.E2E_STACK_FILE = file;
	const globals = globalThis as Record<string, unknown>;
	globals.__E2E_STACK__ = stack;
	globals.__QUEUE_CONTROL__ = control;
}
