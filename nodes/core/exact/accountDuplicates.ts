/**
 * Two runs in different n8n processes can create an account for the same new customer at the same
 * moment: Exact has no unique key on accounts. After creating, a run reads the customer's accounts
 * back; these rules say which of them are that customer and which one stays. Every process that
 * sees the same accounts makes the same choice, so each removes only its own copy. Pure.
 */
import { accountHits, guestHits, numericCode } from './accountMatch';
import type { AccountCandidate, AccountKeys, AccountMatchSettings } from './accountMatch';
import { exactDateToWallMs, isExactDate } from './date';

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The accounts among `found` that are the same customer as the account `createdId`: those that
 * carry the first key (in Match By order) that the created account carries too. Empty when the
 * created account is not among `found`.
 */
export function sameCustomerAccounts<T extends AccountCandidate>(
	found: T[],
	createdId: string,
	keys: AccountKeys,
	settings: AccountMatchSettings,
): T[] {
	const includesCreated = (hits: T[]) => hits.some((a) => sameId(a.ID, createdId));
	if (keys.guest) {
		const hits = guestHits(found, settings);
		return includesCreated(hits) ? hits : [];
	}
	for (const key of settings.matchBy) {
		const hits = accountHits(found, key, keys, settings);
		if (includesCreated(hits)) return hits;
	}
	return [];
}

/** Exact's `Created` as a number that orders in time (Exact's /Date()/ or ISO text). */
function createdAt(value: unknown): number {
	if (isExactDate(value)) return exactDateToWallMs(value);
	const ms = typeof value === 'string' ? Date.parse(value) : NaN;
	return Number.isNaN(ms) ? Number.MAX_SAFE_INTEGER : ms;
}

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first: earliest Created, then the lowest code, then the lowest ID (locale-free). */
function compareAge(a: AccountCandidate, b: AccountCandidate): number {
	return (
		createdAt(a.Created) - createdAt(b.Created) ||
		numericCode(a.Code) - numericCode(b.Code) ||
		plain(String(a.Code ?? '').trim(), String(b.Code ?? '').trim()) ||
		plain(a.ID.toLowerCase(), b.ID.toLowerCase())
	);
}

/** The account to keep among copies of one customer: the oldest. */
export function accountToKeep<T extends AccountCandidate>(accounts: T[]): T | undefined {
	return [...accounts].sort(compareAge)[0];
}

/**
 * The delivery address to keep among copies one customer's concurrent orders added (Exact has no
 * unique key on addresses): the oldest, by Created, then the lowest ID; the same choice in every run.
 */
export function addressToKeep<T extends { ID: string; Created?: unknown }>(
	addresses: T[],
): T | undefined {
	return [...addresses].sort(
		(a, b) =>
			createdAt(a.Created) - createdAt(b.Created) || plain(a.ID.toLowerCase(), b.ID.toLowerCase()),
	)[0];
}
