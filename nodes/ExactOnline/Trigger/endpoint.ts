/**
 * The record a delivery points at, as a transport request: only the path under the credential's
 * own API root is taken from ExactOnlineEndpoint (the host in the payload is never contacted), and
 * only GUID query values (`?itemId=guid'…'`) are accepted.
 */
import { isGuid, lit } from '../../core/exact/filter';
import type { ExactQuery } from '../shared/transport';

export interface RecordRequest {
	path: string;
	qs: ExactQuery;
	division: number;
}

const PATH = /^[A-Za-z][A-Za-z0-9_]*(\/[A-Za-z][A-Za-z0-9_]*)+(\(guid'[0-9a-fA-F-]{36}'\))?$/;
const GUID_LITERAL = /^guid'([0-9a-fA-F-]{36})'$/;

export function recordRequest(endpoint: unknown, division: unknown): RecordRequest | undefined {
	if (
		typeof endpoint !== 'string' ||
		typeof division !== 'number' ||
		!Number.isSafeInteger(division)
	) {
		return undefined;
	}
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return undefined;
	}
	const match = /^\/api\/v1\/(\d+)\/(.+)$/.exec(decodeURIComponent(url.pathname));
	if (!match || Number(match[1]) !== division || !PATH.test(match[2])) return undefined;
	const qs: ExactQuery = {};
	for (const [name, value] of url.searchParams) {
		const guid = GUID_LITERAL.exec(value);
		if (!/^[A-Za-z]{1,40}$/.test(name) || !guid || !isGuid(guid[1])) return undefined;
		qs[name] = lit.guid(guid[1]);
	}
	return { path: match[2], qs, division };
}
