/**
 * One request at a time per credential within this process: a promise chain keyed by credential id.
 * n8n before 2.30 refreshes OAuth2 tokens without a lock and Exact rotates refresh tokens, so two
 * concurrent requests that both see an expired token would both refresh and one would burn the
 * grant. Holding the chain across "send → 401 → refresh → resend" makes the second request wait
 * and then use the token the first one stored. Never hold it across nested transport calls.
 */
import { createKeyedLock } from '../keyedLock';

/** Runs `task` once every earlier request of the same credential has finished. */
export const withCredentialChain = createKeyedLock();
