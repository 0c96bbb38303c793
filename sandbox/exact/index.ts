import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { CallLog } from './calllog';
import { Clock } from './clock';
import type { Core } from './core';
import { buildHooks } from './domain/registry';
import { exactErrorBody } from './errors';
import { Faults } from './faults';
import { jsonReply, writeReply } from './http/reply';
import { ErrorBlocker } from './limits/errorblock';
import { RateLimiter } from './limits/ratelimit';
import { TokenStore } from './oauth/tokens';
import { Persister } from './persist';
import { route } from './router';
import { sandboxUser, seedStore } from './seed/seed';
import { DEFAULT_SETTINGS, ExactSandboxSettings, mergeSettings } from './settings';
import { Store } from './store';
import { WebhookDispatcher } from './webhooks/dispatcher';

export type { ExactSandboxSettings } from './settings';

export interface ExactSandboxOptions {
	/** 0 picks a free port (tests). */
	port?: number;
	host?: string;
	clientId?: string;
	clientSecret?: string;
	settings?: Partial<ExactSandboxSettings>;
	/** Load state from this file at start and save it there after changes. */
	stateFile?: string;
}

export interface ExactSandbox {
	baseUrl: string;
	port: number;
	/** The sandbox user's current division. */
	division: number;
	clientId: string;
	clientSecret: string;
	close(): Promise<void>;
}

/** Starts an Exact Online emulator: the REST API under /api, its admin API under /__sandbox. */
export async function startExactSandbox(opts: ExactSandboxOptions = {}): Promise<ExactSandbox> {
	const clientId = opts.clientId ?? 'sandbox-client';
	const clientSecret = opts.clientSecret ?? 'sandbox-secret';
	const settings = mergeSettings(DEFAULT_SETTINGS, opts.settings);
	const clock = new Clock(() => settings.clockOffsetMs);
	const store = new Store();
	let persister: Persister | undefined;
	const core: Core = {
		settings,
		clock,
		store,
		tokens: new TokenStore(),
		limiter: new RateLimiter(() => settings, clock),
		blocker: new ErrorBlocker(),
		calls: new CallLog(),
		faults: new Faults(),
		webhooks: new WebhookDispatcher(store, clock, () => settings),
		hooks: {},
		viesInvalid: new Set(),
		user: sandboxUser(),
		clients: new Map([[clientId, clientSecret]]),
		defaultClientId: clientId,
		markDirty: () => persister?.schedule(),
	};
	core.hooks = buildHooks(core.webhooks);
	if (opts.stateFile) persister = new Persister(opts.stateFile, core);
	if (!persister?.load()) {
		await seedStore(core, 'demo');
		persister?.schedule();
	}
	const server = createServer((req, res) => {
		route(core, req, res).catch((error: Error) => {
			if (res.headersSent || req.socket.destroyed) return;
			writeReply(res, jsonReply(500, exactErrorBody(`Sandbox error: ${error.message}`)));
		});
	});
	const host = opts.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
	return {
		baseUrl: `http://${shownHost}:${port}`,
		port,
		division: core.user.currentDivision,
		clientId,
		clientSecret,
		close: async () => {
			core.webhooks.close();
			persister?.flush();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}
