import type { IncomingHttpHeaders } from 'http';
import type { Core } from '../core';
import { OAuthError } from '../errors';
import { jsonReply, parseQuery, Reply, textReply } from '../http/reply';
import { CODE_LIFETIME_MS, TokenPair } from './tokens';

/** Exact URL-encodes '!' in the code it puts on the redirect; encodeURIComponent does not. */
function encodeStrict(value: string): string {
	return encodeURIComponent(value).replace(
		/[!'()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
}

/** GET /api/oauth2/auth: the sandbox user approves at once and is sent back with a code. */
export function authorize(core: Core, rawQuery: string): Reply {
	const q = new Map(parseQuery(rawQuery).map((p) => [p.name, p.value]));
	const clientId = q.get('client_id') ?? '';
	const redirectUri = q.get('redirect_uri') ?? '';
	if (!core.clients.has(clientId)) return textReply(400, 'Invalid client_id.');
	if (!/^https?:\/\//.test(redirectUri)) return textReply(400, 'Invalid redirect_uri.');
	if ((q.get('response_type') ?? 'code') !== 'code') {
		return textReply(400, 'Only response_type=code is supported by the sandbox.');
	}
	const code = core.tokens.createCode(clientId, redirectUri, core.user.id, core.clock.now());
	const state = q.get('state');
	let location = `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}code=${encodeStrict(code)}`;
	if (state !== undefined) location += `&state=${encodeStrict(state)}`;
	core.markDirty();
	return { status: 302, headers: { Location: location, 'Content-Type': 'text/html' }, body: '' };
}

function tokenReply(pair: TokenPair, ttlSec: number): Reply {
	return jsonReply(
		200,
		{
			access_token: pair.access,
			token_type: 'bearer',
			expires_in: String(ttlSec),
			refresh_token: pair.refresh,
		},
		{ 'Cache-Control': 'no-store', Pragma: 'no-cache' },
	);
}

/** Client id and secret from the form body or from HTTP Basic. */
function clientOf(
	headers: IncomingHttpHeaders,
	form: Map<string, string>,
): { id: string; secret: string } {
	const auth = headers.authorization ?? '';
	if (auth.toLowerCase().startsWith('basic ')) {
		const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
		const at = decoded.indexOf(':');
		return {
			id: decodeURIComponent(decoded.slice(0, at)),
			secret: decodeURIComponent(decoded.slice(at + 1)),
		};
	}
	return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
}

function refreshGrant(core: Core, clientId: string, token: string): TokenPair {
	const now = core.clock.now();
	const { accessTokenTtlSec: ttl, refreshGuardSec } = core.settings;
	const pair = core.tokens.refresh(token);
	if (!pair || pair.clientId !== clientId) {
		throw new OAuthError(400, 'invalid_grant', 'The refresh token is invalid.');
	}
	if (pair.refreshUsed) throw new OAuthError(401, 'unauthorized_client', 'Old refresh token used.');
	if (pair.refreshExpiresAt <= now) {
		const at = new Date(pair.refreshExpiresAt).toISOString();
		throw new OAuthError(
			400,
			'invalid_request',
			`The refresh token expired at ${at} and it is now ${new Date(now).toISOString()}`,
		);
	}
	const allowedAt = pair.issuedAt + refreshGuardSec * 1000;
	if (now < allowedAt) {
		throw new OAuthError(400, 'access_denied', 'Rate limit exceeded: access_token not expired', {
			Reason: `TooEarlyToRefreshTokens: access token can be refreshed after ${new Date(allowedAt).toISOString()}`,
		});
	}
	pair.refreshUsed = true;
	return core.tokens.issue(clientId, pair.userId, now, ttl);
}

function codeGrant(core: Core, clientId: string, form: Map<string, string>): TokenPair {
	const now = core.clock.now();
	const entry = core.tokens.code(form.get('code') ?? '');
	if (!entry || entry.clientId !== clientId)
		throw new OAuthError(400, 'invalid_grant', 'The authorization code is invalid.');
	if (entry.used)
		throw new OAuthError(400, 'invalid_grant', 'The authorization code has already been used.');
	if (now - entry.createdAt > CODE_LIFETIME_MS)
		throw new OAuthError(400, 'invalid_grant', 'The authorization code has expired.');
	if ((form.get('redirect_uri') ?? '') !== entry.redirectUri) {
		throw new OAuthError(
			400,
			'invalid_grant',
			'The redirect_uri does not match the authorization request.',
		);
	}
	entry.used = true;
	return core.tokens.issue(clientId, entry.userId, now, core.settings.accessTokenTtlSec);
}

/** POST /api/oauth2/token: authorization_code and refresh_token grants. */
export function token(core: Core, headers: IncomingHttpHeaders, body: string): Reply {
	try {
		const form = new Map(parseQuery(body).map((p) => [p.name, p.value]));
		const client = clientOf(headers, form);
		if (core.clients.get(client.id) !== client.secret || !client.id) {
			throw new OAuthError(400, 'invalid_client', 'The client id or secret is not valid.');
		}
		const grant = form.get('grant_type');
		let pair: TokenPair;
		if (grant === 'authorization_code') pair = codeGrant(core, client.id, form);
		else if (grant === 'refresh_token')
			pair = refreshGrant(core, client.id, form.get('refresh_token') ?? '');
		else
			throw new OAuthError(
				400,
				'unsupported_grant_type',
				`Grant type '${grant ?? ''}' is not supported.`,
			);
		core.markDirty();
		return tokenReply(pair, core.settings.accessTokenTtlSec);
	} catch (error) {
		if (!(error instanceof OAuthError)) throw error;
		core.markDirty();
		return jsonReply(
			error.status,
			{ error: error.code, error_description: error.description },
			error.headers,
		);
	}
}
