/**
 * The cross-process claim on a fulfilment's goods delivery, kept as a metafield on the Shopify
 * order. Exact has no DELETE on goods deliveries, so when two n8n processes (queue-mode workers)
 * handle the same fulfilment, the one that may post must be chosen BEFORE the POST. Shopify's
 * `metafieldsSet` with `compareDigest` is an atomic compare-and-set: the write lands only when the
 * stored value is still the one read (`compareDigest: null`: only when there is none yet), so of
 * two processes that read the same state exactly one wins.
 *
 * The metafield (namespace `exact_online_commerce`, key `delivery_<fulfilment id>`, type json):
 * `{ state: 'claimed' | 'delivered' | 'released', by, at, delivery? }`.
 * - `claimed`: `by` is delivering since `at`; after the lease anyone may take it over (a crashed
 *   worker), and the Exact look-up by the delivery's key then finds what it did write.
 * - `delivered`: the goods delivery exists (its number in `delivery`); nobody posts again.
 * - `released`: the claimant failed before anything was written; free to take.
 * Pure.
 */

export const CLAIM_NAMESPACE = 'exact_online_commerce';
export const CLAIM_TYPE = 'json';
export const DEFAULT_CLAIM_LEASE_MINUTES = 5;

export type ClaimState = 'claimed' | 'delivered' | 'released';

export interface DeliveryClaim {
	state: ClaimState;
	/** Who holds it: "<execution id>/<random>". */
	by: string;
	/** ISO time of the last change. */
	at: string;
	/** The Exact goods delivery number, once delivered. */
	delivery?: number | string | null;
}

/** The metafield as read: absent (null), or its value and compare digest. */
export interface StoredClaim {
	value: string;
	compareDigest: string;
}

export type ClaimDecision =
	/** Write our claim with this compareDigest (null: must not exist yet). */
	| {
			kind: 'take';
			compareDigest: string | null;
			why: 'free' | 'released' | 'stale' | 'retry' | 'unreadable';
			previous: DeliveryClaim | null;
	  }
	/** Delivered already by whoever holds the record: post nothing. */
	| { kind: 'delivered'; claim: DeliveryClaim }
	/** Ours already (a retried write that landed the first time). */
	| { kind: 'mine'; compareDigest: string; claim: DeliveryClaim }
	/** Another execution is delivering it and its lease runs until `until`. */
	| { kind: 'wait'; claim: DeliveryClaim; until: Date };

/** The metafield key of a fulfilment's claim (letters, digits, underscore: Shopify's key rule). */
export function claimKey(fulfillmentId: string): string {
	return `delivery_${String(fulfillmentId).replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 64);
}

/** The Shopify order's GraphQL id from its numeric id (as text: ids may exceed 2^53). */
export function orderGid(orderId: string): string {
	const id = String(orderId).trim();
	const tail = /^gid:\/\/shopify\/Order\/(\d+)$/.exec(id)?.[1] ?? id;
	if (!/^\d+$/.test(tail)) throw new Error(`not a Shopify order id: ${JSON.stringify(orderId)}`);
	return `gid://shopify/Order/${tail}`;
}

/** A claim token: the execution (so a retry of the same execution recognises its own) and a nonce. */
export function claimToken(executionId: string | undefined, nonce: string): string {
	return `${executionId && executionId.trim() ? executionId.trim() : 'unknown'}/${nonce}`;
}

function executionOf(token: string): string | null {
	const slash = token.lastIndexOf('/');
	const execution = slash > 0 ? token.slice(0, slash) : '';
	return execution && execution !== 'unknown' ? execution : null;
}

/** The stored value as a claim, or null when it is not one of ours (then it may be replaced). */
export function parseClaim(value: string | null | undefined): DeliveryClaim | null {
	if (typeof value !== 'string' || !value.trim()) return null;
	let raw: unknown;
	try {
		raw = JSON.parse(value);
	} catch {
		return null;
	}
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
	const r = raw as Record<string, unknown>;
	const state = r.state;
	if (state !== 'claimed' && state !== 'delivered' && state !== 'released') return null;
	if (typeof r.by !== 'string' || typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at)))
		return null;
	const delivery =
		typeof r.delivery === 'number' || typeof r.delivery === 'string' ? r.delivery : null;
	return { state, by: r.by, at: r.at, ...(delivery !== null ? { delivery } : {}) };
}

export function serializeClaim(claim: DeliveryClaim): string {
	return JSON.stringify(claim);
}

export function newClaim(
	state: ClaimState,
	by: string,
	now: Date,
	delivery?: number | string | null,
): DeliveryClaim {
	return {
		state,
		by,
		at: now.toISOString(),
		...(delivery !== undefined && delivery !== null ? { delivery } : {}),
	};
}

/**
 * What to do given the stored claim (null: no metafield), our token, the time and the lease.
 * A claim of the same execution (n8n's Retry On Fail after a failed attempt) is taken over: the
 * attempt that wrote it has ended, and the Exact look-up by key finds what it did write.
 */
export function decideClaim(
	stored: StoredClaim | null,
	me: string,
	now: Date,
	leaseMs: number,
): ClaimDecision {
	if (!stored) return { kind: 'take', compareDigest: null, why: 'free', previous: null };
	const claim = parseClaim(stored.value);
	if (!claim)
		return { kind: 'take', compareDigest: stored.compareDigest, why: 'unreadable', previous: null };
	if (claim.state === 'delivered') return { kind: 'delivered', claim };
	if (claim.state === 'released')
		return { kind: 'take', compareDigest: stored.compareDigest, why: 'released', previous: claim };
	if (claim.by === me) return { kind: 'mine', compareDigest: stored.compareDigest, claim };
	const mine = executionOf(me);
	if (mine && executionOf(claim.by) === mine)
		return { kind: 'take', compareDigest: stored.compareDigest, why: 'retry', previous: claim };
	const until = new Date(Date.parse(claim.at) + Math.max(0, leaseMs));
	if (until.getTime() <= now.getTime())
		return { kind: 'take', compareDigest: stored.compareDigest, why: 'stale', previous: claim };
	return { kind: 'wait', claim, until };
}

/**
 * Whether a failed goods-delivery POST certainly wrote nothing (so the claim may be released):
 * Exact refused it with a 4xx answer. Timeouts, resets, 5xx and 429 are ambiguous: the claim is
 * kept until its lease runs out, and the next attempt's look-up by key finds a delivery that landed.
 */
export function refusedForSure(httpCode: string | number | null | undefined): boolean {
	const code = Number(httpCode);
	return Number.isInteger(code) && code >= 400 && code < 500 && code !== 408 && code !== 429;
}

/** "another execution is delivering it since …; retry after …" for the failed item. */
export function describeHeldClaim(
	fulfillmentId: string,
	orderName: string,
	claim: DeliveryClaim,
	until: Date,
): string {
	return (
		`Fulfilment ${fulfillmentId} of ${orderName}: another execution (${claim.by}) is delivering it ` +
		`since ${claim.at}; nothing was written. Retry after ${until.toISOString()}`
	);
}
