/**
 * The one Exact Online transport: the only code that calls httpRequestWithAuthentication.
 * Requests are serialised per credential (see send.ts for the token-refresh design), rate limits
 * are read from Exact's headers per division, GETs are retried with backoff, writes only through a
 * writeCheck, and failures become NodeApiError/NodeOperationError with secrets scrubbed.
 */
import type { TransportContext } from './context';
import { executionKey } from './context';
import { callCount } from '../callCounter';

export { exactRequest, unwrapBody } from './request';
export type { ExactRequest } from './request';
export { exactGetAll, exactGetPage, exactLookup } from './collections';
export type { ExactGetAllRequest, ExactLookupRequest, ExactPage } from './collections';
export { resolveDivision, currentDivision } from './division';
export { entityKeyPath, buildQueryString } from './url';
export type { ExactQuery } from './url';
export { EXACT_CREDENTIAL } from './context';
export type { TransportContext } from './context';
export { configureExactTransport, transportSettings } from './settings';

/** Exact API calls made by this execution so far (all nodes, retries included). */
export function getExactCallCount(this: TransportContext): number {
	const key = executionKey(this);
	return key ? callCount(key) : 0;
}
