import type { Core } from '../core';
import { faultError, FaultSpec } from '../faults';
import { jsonReply, parseQuery, Reply } from '../http/reply';
import { seedStore, SeedMode } from '../seed/seed';
import { DEFAULT_SETTINGS, settingsError } from '../settings';
import { Tx } from '../tx';
import { viesKeyFromFull } from '../vies';
import { AdminError, changeStock, divisionOf, insertRecords, readState } from './data';

const ENDPOINTS = [
	'POST /__sandbox/reset {mode?: "demo"|"empty", settings?: boolean, tokens?: boolean}',
	'GET|PUT /__sandbox/settings',
	'GET|PUT /__sandbox/division?division=N {currency?, priceDecimals?}',
	'POST /__sandbox/records/{service}/{Entity}?division=N  [records]',
	'GET /__sandbox/state/{service}/{Entity}?division=N',
	'GET|DELETE /__sandbox/calls',
	'GET|POST|DELETE /__sandbox/faults',
	'POST /__sandbox/stock {itemCode|itemId, warehouse?, delta|quantity, division?}',
	'POST /__sandbox/tokens {clientId?, ageSec?}',
	'POST /__sandbox/tokens/expire',
	'POST /__sandbox/clients {clientId, clientSecret}',
	'POST|DELETE /__sandbox/vies/invalid {vatNumbers: []}',
	'GET /__sandbox/webhooks, DELETE /__sandbox/webhooks/deliveries',
	'GET|DELETE /__sandbox/rate',
	'PUT /__sandbox/user {currentDivision}',
];

function parse(body: string): unknown {
	if (!body.trim()) return {};
	try {
		return JSON.parse(body);
	} catch {
		throw new AdminError(400, 'body is not valid JSON');
	}
}

function obj(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

async function dispatch(
	core: Core,
	method: string,
	path: string,
	q: Map<string, string>,
	body: string,
	base: string,
): Promise<Reply> {
	const route = `${method} ${path}`;
	const input = parse(body);
	const adminTx = () =>
		new Tx(
			divisionOf(core, q.get('division') ?? obj(input).division),
			core.clock,
			core.user,
			base,
			true,
		);
	if (route === 'GET /__sandbox' || route === 'GET /__sandbox/')
		return jsonReply(200, { endpoints: ENDPOINTS });
	if (route === 'POST /__sandbox/reset') {
		const opts = obj(input);
		if (opts.settings === true) Object.assign(core.settings, DEFAULT_SETTINGS);
		await seedStore(core, (opts.mode as SeedMode) === 'empty' ? 'empty' : 'demo');
		core.calls.clear();
		core.faults.clear();
		core.limiter.reset();
		core.blocker.reset();
		core.viesInvalid.clear();
		core.webhooks.attempts.length = 0;
		if (opts.tokens === true) core.tokens.clear();
		return jsonReply(200, { ok: true });
	}
	if (route === 'GET /__sandbox/settings') return jsonReply(200, core.settings);
	if (route === 'PUT /__sandbox/settings') {
		const error = settingsError(input);
		if (error) throw new AdminError(400, error);
		Object.assign(core.settings, input);
		return jsonReply(200, core.settings);
	}
	if (path === '/__sandbox/division' && (method === 'GET' || method === 'PUT')) {
		const div = divisionOf(core, q.get('division'));
		if (method === 'PUT') {
			const patch = obj(input);
			if (patch.currency !== undefined) {
				if (typeof patch.currency !== 'string' || !/^[A-Z]{3}$/.test(patch.currency))
					throw new AdminError(400, 'currency must be an ISO code such as EUR');
				div.currency = patch.currency;
			}
			if (patch.priceDecimals !== undefined) {
				const n = patch.priceDecimals;
				if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 6)
					throw new AdminError(400, 'priceDecimals must be a whole number from 0 to 6');
				div.priceDecimals = n;
			}
			core.markDirty();
		}
		return jsonReply(200, {
			division: div.code,
			currency: div.currency,
			priceDecimals: div.priceDecimals,
		});
	}
	const records = /^\/__sandbox\/records\/(.+)$/.exec(path);
	if (records && method === 'POST') {
		const tx = adminTx();
		const result = await insertRecords(core, tx, records[1], input, base);
		setImmediate(() => core.webhooks.dispatch(tx.events));
		return jsonReply(200, result);
	}
	const state = /^\/__sandbox\/state\/(.+)$/.exec(path);
	if (state && method === 'GET')
		return jsonReply(200, readState(core, divisionOf(core, q.get('division')), state[1], base));
	if (route === 'PUT /__sandbox/user') {
		// The user opens another administration in Exact: current/Me answers it from now on.
		const division = Number(obj(input).currentDivision);
		if (!core.user.divisions.includes(division) || !core.store.division(division))
			throw new AdminError(400, `currentDivision must be one of ${core.user.divisions.join(', ')}`);
		core.user.currentDivision = division;
		return jsonReply(200, { currentDivision: division });
	}
	if (route === 'GET /__sandbox/calls') {
		const prefix = q.get('pathPrefix');
		const calls = core.calls.entries.filter((c) => !prefix || c.path.startsWith(prefix));
		return jsonReply(200, { count: calls.length, calls });
	}
	if (route === 'DELETE /__sandbox/calls') {
		core.calls.clear();
		return jsonReply(200, { ok: true });
	}
	if (route === 'GET /__sandbox/faults') return jsonReply(200, { faults: core.faults.all() });
	if (route === 'DELETE /__sandbox/faults') {
		core.faults.clear();
		return jsonReply(200, { ok: true });
	}
	if (route === 'POST /__sandbox/faults') {
		const list = Array.isArray(input) ? input : [input];
		for (const f of list) {
			const error = faultError(f);
			if (error) throw new AdminError(400, error);
		}
		return jsonReply(200, { faults: list.map((f) => core.faults.add(f as Partial<FaultSpec>)) });
	}
	if (route === 'POST /__sandbox/stock') {
		const tx = adminTx();
		const rows = changeStock(tx, input);
		setImmediate(() => core.webhooks.dispatch(tx.events));
		return jsonReply(200, { stock: rows });
	}
	if (route === 'POST /__sandbox/tokens') {
		const opts = obj(input);
		const clientId = typeof opts.clientId === 'string' ? opts.clientId : core.defaultClientId;
		if (!core.clients.has(clientId))
			core.clients.set(clientId, core.clients.get(core.defaultClientId) ?? '');
		const ageMs = typeof opts.ageSec === 'number' ? opts.ageSec * 1000 : 0;
		const ttl = core.settings.accessTokenTtlSec;
		const pair = core.tokens.issue(clientId, core.user.id, core.clock.now() - ageMs, ttl);
		return jsonReply(200, {
			access_token: pair.access,
			refresh_token: pair.refresh,
			token_type: 'bearer',
			expires_in: String(Math.max(0, Math.round((pair.expiresAt - core.clock.now()) / 1000))),
			expires_at: pair.expiresAt,
			client_id: clientId,
			division: core.user.currentDivision,
		});
	}
	if (route === 'POST /__sandbox/tokens/expire') {
		return jsonReply(200, {
			expired: core.tokens.expireAll(core.clock.now(), core.settings.accessTokenTtlSec),
		});
	}
	if (route === 'POST /__sandbox/clients') {
		const opts = obj(input);
		if (typeof opts.clientId !== 'string' || typeof opts.clientSecret !== 'string') {
			throw new AdminError(400, 'clientId and clientSecret are required');
		}
		core.clients.set(opts.clientId, opts.clientSecret);
		return jsonReply(200, { clientId: opts.clientId });
	}
	if (path === '/__sandbox/vies/invalid' && (method === 'POST' || method === 'DELETE')) {
		if (method === 'DELETE') core.viesInvalid.clear();
		const numbers = obj(input).vatNumbers;
		if (method === 'POST' && !Array.isArray(numbers))
			throw new AdminError(400, 'vatNumbers must be an array');
		for (const n of (numbers as unknown[]) ?? []) core.viesInvalid.add(viesKeyFromFull(String(n)));
		return jsonReply(200, { invalid: [...core.viesInvalid] });
	}
	if (route === 'GET /__sandbox/webhooks') {
		const subscriptions = [...core.store.divisions.values()].flatMap((d) =>
			d.rows('WebhookSubscriptions'),
		);
		return jsonReply(200, { subscriptions, deliveries: core.webhooks.attempts });
	}
	if (route === 'DELETE /__sandbox/webhooks/deliveries') {
		core.webhooks.attempts.length = 0;
		return jsonReply(200, { ok: true });
	}
	if (route === 'GET /__sandbox/rate') return jsonReply(200, core.limiter.usage());
	if (route === 'DELETE /__sandbox/rate') {
		core.limiter.reset();
		core.blocker.reset();
		return jsonReply(200, { ok: true });
	}
	throw new AdminError(404, `no admin endpoint ${route}`, { endpoints: ENDPOINTS });
}

/** The admin API under /__sandbox/: JSON in and out, no auth, no rate limits, not logged. */
export async function handleAdmin(
	core: Core,
	method: string,
	path: string,
	rawQuery: string,
	body: string,
	base: string,
): Promise<Reply> {
	const q = new Map(parseQuery(rawQuery).map((p) => [p.name, p.value]));
	try {
		const reply = await dispatch(core, method, path.replace(/\/$/, '') || path, q, body, base);
		if (method !== 'GET') core.markDirty();
		return reply;
	} catch (error) {
		if (error instanceof AdminError)
			return jsonReply(error.status, { error: error.message, ...error.extra });
		throw error;
	}
}
