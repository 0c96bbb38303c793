/**
 * Redis and Postgres for n8n's queue mode, started from the machine's Debian packages (redis-server,
 * postgresql-15) on free local ports in a throw-away data folder and stopped afterwards. Postgres
 * refuses to run as root, so as root its folder belongs to the unprivileged user `nobody`.
 */
import { ChildProcess, execFile, spawn } from 'child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

import { freePort } from './n8n';

const run = promisify(execFile);

export interface Service {
	port: number;
	stop(): Promise<void>;
	output(): string;
}

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin). */
export function postgresBin(): string {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (!majors.length)
		throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
	return path.join(root, majors[0], 'bin');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a Postgres binary as `nobody` when this process is root (initdb and postgres refuse root). */
function asPostgresUser(binary: string, args: string[]): [string, string[]] {
	return isRoot() ? ['runuser', ['-u', 'nobody', '--', binary, ...args]] : [binary, args];
}

export async function startPostgres(
	dataRoot: string,
	log: (line: string) => void = () => undefined,
): Promise<Service> {
	const bin = postgresBin();
	// As root the folder is `nobody`'s, outside the caller's private work folder (not traversable).
	const dir = isRoot()
		? mkdtempSync(path.join(os.tmpdir(), 'exact-commerce-postgres-'))
		: path.join(dataRoot, 'postgres');
	mkdirSync(dir, { recursive: true });
	if (isRoot()) {
		const nobody = Number((await run('id', ['-u', 'nobody'])).stdout.trim());
		chownSync(dir, nobody, -1);
	}
	const data = path.join(dir, 'data');
	const [initCmd, initArgs] = asPostgresUser(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		'-A',
		'trust',
		'--no-sync',
		'-E',
		'UTF8',
	]);
	await run(initCmd, initArgs, { maxBuffer: 16 * 1024 * 1024 });
	const port = await freePort();
	const [cmd, args] = asPostgresUser(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-k',
		dir,
		'-c',
		'listen_addresses=127.0.0.1',
		// A test database: no durability needed, and room for three n8n processes' pools.
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	]);
	const service = spawnService('postgres', cmd, args, /ready to accept connections/);
	await service.ready;
	log(`Postgres ${path.basename(path.dirname(bin))} on 127.0.0.1:${port}`);
	const stop = async () => {
		// pg_ctl signals the server itself (a signal to runuser may not reach it).
		const [stopCmd, stopArgs] = asPostgresUser(path.join(bin, 'pg_ctl'), [
			'-D',
			data,
			'-m',
			'fast',
			'-w',
			'stop',
		]);
		await run(stopCmd, stopArgs).catch(() => undefined);
		await service.stop();
		rmSync(dir, { recursive: true, force: true });
	};
	return { port, stop, output: service.output };
}

export async function startRedis(
	dataRoot: string,
	log: (line: string) => void = () => undefined,
): Promise<Service> {
	const dir = path.join(dataRoot, 'redis');
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const service = spawnService(
		'redis',
		process.env.REDIS_SERVER ?? 'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'no',
		],
		/Ready to accept connections/,
	);
	await service.ready;
	log(`Redis on 127.0.0.1:${port}`);
	return { port, stop: service.stop, output: service.output };
}

function spawnService(
	name: string,
	cmd: string,
	args: string[],
	readyLine: RegExp,
): { ready: Promise<void>; stop(): Promise<void>; output(): string } {
	let output = '';
	const child: ChildProcess = spawn(cmd, args, { stdio: 'pipe', cwd: os.tmpdir() });
	const ready = new Promise<void>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`${name} did not start:\n${output.slice(-3000)}`)),
			60_000,
		);
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.length > 500_000) output = output.slice(-250_000);
			if (readyLine.test(output)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(new Error(`${name} could not start: ${error.message}`));
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${name} exited (${code}):\n${output.slice(-3000)}`));
		});
	});
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(timer);
	};
	return { ready, stop, output: () => output };
}
