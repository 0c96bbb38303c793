import type { IncomingHttpHeaders } from 'http';
import type { Core } from '../core';
import { ApiError, exactErrorBody } from '../errors';
import { toAtom, xmlError } from '../http/atom';
import { jsonReply, parseQuery, Reply } from '../http/reply';
import { Tx } from '../tx';
import { handleGet } from './read';
import { ApiRequest, resolveTarget } from './request';
import { handleMe, handleStockPosition } from './system';
import { handleInvoicing, INVOICING_PATHS } from './invoicing';
import { handleWrite } from './write';

export interface ApiOutcome {
	reply: Reply;
	division: number | null;
	clientId: string | null;
	tx?: Tx;
}

export interface RawCall {
	method: string;
	pathname: string;
	rawQuery: string;
	headers: IncomingHttpHeaders;
	body: string;
	base: string;
}

function errorReply(error: ApiError, json: boolean): Reply {
	if (json) return jsonReply(error.status, exactErrorBody(error.message), error.headers);
	return {
		status: error.status,
		headers: { 'Content-Type': 'application/xml; charset=utf-8', ...error.headers },
		body: xmlError(error.message),
	};
}

function wantsJson(call: RawCall, rawQuery: string): boolean {
	return (
		String(call.headers.accept ?? '').includes('application/json') ||
		/(^|&)\$format=json/.test(rawQuery)
	);
}

/** Turns a JSON success answer into Atom when the client did not ask for JSON. */
function negotiate(reply: Reply, json: boolean): Reply {
	const type = reply.headers['Content-Type'] ?? '';
	if (json || !type.startsWith('application/json') || !reply.body) return reply;
	return {
		...reply,
		headers: { ...reply.headers, 'Content-Type': 'application/atom+xml; charset=utf-8' },
		body: toAtom(JSON.parse(String(reply.body))),
	};
}

async function route(req: ApiRequest, tx: Tx | undefined): Promise<Reply> {
	if (req.division === null) {
		if (req.rest !== 'Me' || req.method !== 'GET')
			throw new ApiError(404, `Resource not found for the segment '${req.rest}'.`);
		return handleMe(req);
	}
	if (req.rest === 'read/logistics/StockPosition') {
		if (req.method !== 'GET') throw new ApiError(405, 'The requested method is not allowed.');
		return handleStockPosition(req);
	}
	if (INVOICING_PATHS.includes(req.rest)) {
		if (req.method !== 'POST' || !tx)
			throw new ApiError(405, 'The requested method is not allowed.');
		return handleInvoicing(req, tx);
	}
	const target = resolveTarget(req.rest);
	if (!target) throw new ApiError(404, `Resource not found for the segment '${req.rest}'.`);
	if (req.method === 'GET') return handleGet(req, target.def, target.key, target.tail);
	if (!tx) throw new ApiError(405, 'The requested method is not allowed.');
	return handleWrite(req, tx, target.def, target.key, target.tail);
}

/** An authenticated /api/v1 call: division, error block, rate limits, then the handler. */
export async function handleApi(core: Core, call: RawCall): Promise<ApiOutcome> {
	const json = wantsJson(call, call.rawQuery);
	const auth = String(call.headers.authorization ?? '');
	const pair = auth.toLowerCase().startsWith('bearer ')
		? core.tokens.access(auth.slice(7).trim())
		: undefined;
	if (!pair || pair.expiresAt <= core.clock.now()) {
		const message = pair
			? 'The access token has expired.'
			: 'The access token is missing or not valid.';
		const reply = errorReply(new ApiError(401, message, { 'WWW-Authenticate': 'Bearer' }), json);
		return { reply, division: null, clientId: pair?.clientId ?? null };
	}
	const clientId = pair.clientId;
	const segs = call.pathname.replace(/^\/api\/v1\/?/, '').split('/');
	const isMe = segs[0] === 'current';
	const division = isMe ? core.user.currentDivision : Number(segs[0]);
	const div = core.store.division(division);
	if (!div || !core.user.divisions.includes(division)) {
		const reply = errorReply(new ApiError(401, `No access to division ${segs[0]}.`), json);
		return { reply, division: Number.isFinite(division) ? division : null, clientId };
	}
	const rest = segs.slice(1).join('/');
	const endpoint = `${clientId}|${division}|${rest.replace(/\(.*$/, '')}`;
	const now = core.clock.now();
	const blockedUntil = core.settings.errorBlock
		? core.blocker.blockedUntil(endpoint, now)
		: undefined;
	if (blockedUntil !== undefined) {
		const message =
			`Too many errors: this app is blocked on this endpoint until ${new Date(blockedUntil).toISOString()} ` +
			'(more than 10 errors within one hour).';
		return { reply: errorReply(new ApiError(429, message), json), division, clientId };
	}
	const rate = core.limiter.take(clientId, division);
	if (!rate.ok) {
		const what = rate.kind === 'daily' ? 'daily' : 'minutely';
		const error = new ApiError(
			429,
			`API rate limit exceeded: the ${what} limit has been reached.`,
			rate.headers,
		);
		return { reply: errorReply(error, json), division, clientId };
	}
	const req: ApiRequest = {
		core,
		method: call.method,
		pathname: call.pathname,
		pairs: parseQuery(call.rawQuery),
		headers: call.headers,
		body: call.body,
		base: call.base,
		clientId,
		division: isMe ? null : division,
		div,
		rest: isMe ? segs.slice(1).join('/') : rest,
	};
	const tx = call.method === 'GET' ? undefined : new Tx(div, core.clock, core.user, call.base);
	if (tx) tx.clientId = clientId;
	let reply: Reply;
	try {
		reply = negotiate(await route(req, tx), json);
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		reply = errorReply(error, json);
	}
	reply.headers = { ...reply.headers, ...rate.headers };
	if (core.settings.errorBlock) core.blocker.record(endpoint, reply.status, now);
	return { reply, division, clientId, tx: reply.status < 300 ? tx : undefined };
}
