import type { IncomingMessage, ServerResponse } from 'http';
import { handleAdmin } from './admin/admin';
import { handleApi } from './api/dispatch';
import type { Core } from './core';
import { exactErrorBody } from './errors';
import { decodeComponent, jsonReply, readBody, Reply, textReply, writeReply } from './http/reply';
import { authorize, token } from './oauth/endpoints';
import { handleVies } from './vies';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const QUERY_TOO_LONG =
	'<html><body><h3>HTTP Error 404.15 - Not Found</h3><p>The request filtering module is ' +
	'configured to deny a request where the query string is too long.</p></body></html>';

function splitUrl(url: string): { pathname: string; rawQuery: string } {
	const q = url.indexOf('?');
	const path = q < 0 ? url : url.slice(0, q);
	return { pathname: decodeComponent(path), rawQuery: q < 0 ? '' : url.slice(q + 1) };
}

/** Handles one HTTP request: admin, VIES, or the Exact API (with faults, call log, webhooks). */
export async function route(core: Core, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const started = Date.now();
	const method = (req.method ?? 'GET').toUpperCase();
	const { pathname, rawQuery } = splitUrl(req.url ?? '/');
	const base = `http://${req.headers.host ?? 'localhost'}`;
	if (pathname.startsWith('/__sandbox')) {
		const body = await readBody(req);
		writeReply(res, await handleAdmin(core, method, pathname, rawQuery, body, base));
		return;
	}
	if (pathname.startsWith('/taxation_customs/vies/')) {
		const body = await readBody(req);
		writeReply(res, handleVies(core, method, pathname, body));
		return;
	}
	if (!pathname.startsWith('/api/')) {
		writeReply(
			res,
			textReply(404, 'Not found. The Exact API is under /api, the admin API under /__sandbox.'),
		);
		return;
	}
	const query = decodeComponent(rawQuery);
	const fault = core.faults.take(method, pathname, query);
	const log = (
		status: number,
		division: number | null,
		clientId: string | null,
		faultName?: string,
	) =>
		core.calls.add({
			time: new Date(core.clock.now()).toISOString(),
			method,
			path: pathname,
			query,
			status,
			division,
			clientId,
			durationMs: Date.now() - started,
			...(faultName ? { fault: faultName } : {}),
		});
	if (fault?.resetConnection) {
		log(0, null, null, 'resetConnection');
		req.socket.destroy();
		return;
	}
	const body = await readBody(req);
	if (rawQuery.length > core.settings.maxQueryStringLength) {
		// IIS request filtering rejects long query strings before the application sees them.
		log(404, null, null);
		writeReply(res, textReply(404, QUERY_TOO_LONG, 'text/html'));
		return;
	}
	if (fault?.delayMs) await sleep(fault.delayMs);
	if (fault?.status) {
		const message = fault.message ?? `Simulated fault: HTTP ${fault.status}.`;
		log(fault.status, null, null, 'status');
		if (!req.socket.destroyed) writeReply(res, jsonReply(fault.status, exactErrorBody(message)));
		return;
	}
	let reply: Reply;
	let division: number | null = null;
	let clientId: string | null = null;
	let events;
	if (pathname === '/api/oauth2/auth' && method === 'GET') {
		reply = authorize(core, rawQuery);
	} else if (pathname === '/api/oauth2/token' && method === 'POST') {
		reply = token(core, req.headers, body);
	} else if (pathname.startsWith('/api/v1/')) {
		const call = { method, pathname, rawQuery, headers: req.headers, body, base };
		const outcome = await handleApi(core, call);
		({ reply, division, clientId } = outcome);
		events = outcome.tx?.events;
		if (outcome.tx?.changed) core.markDirty();
	} else {
		reply = jsonReply(404, exactErrorBody(`Resource not found for the segment '${pathname}'.`));
	}
	// The HTTP Date follows the sandbox clock, as Exact's own Date matches its rate-limit resets
	// (clients use it to correct for clock skew).
	reply = {
		...reply,
		headers: { Date: new Date(core.clock.now()).toUTCString(), ...reply.headers },
	};
	if (fault?.dropResponse) {
		log(reply.status, division, clientId, 'dropResponse');
		req.socket.destroy();
	} else {
		log(reply.status, division, clientId, fault ? 'delay' : undefined);
		if (!req.socket.destroyed) writeReply(res, reply);
	}
	if (events && events.length > 0) {
		const list = events;
		setImmediate(() => core.webhooks.dispatch(list));
	}
}
