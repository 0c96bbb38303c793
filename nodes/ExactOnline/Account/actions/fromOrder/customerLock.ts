/**
 * In-process guard against two executions creating one new customer at the same moment: the find or
 * create of a customer runs under a lock per division and match key (the normalised VAT number,
 * e-mail and Shopify customer id the resolver matches by), and the find or add of a delivery
 * address under a lock per account and address line. The time of the last create per key is kept,
 * so a run whose batched lookup is older than a create of this process looks up again instead of
 * creating a second record. Across processes (queue mode) the after-create check takes over.
 */
import { accountCacheKeys } from '../../../../core/exact/accountMatch';
import type { AccountKeys, AccountMatchSettings } from '../../../../core/exact/accountMatch';
import { createCreationLog, createKeyedLock } from '../../../shared/keyedLock';

const lock = createKeyedLock();
const log = createCreationLog();

/** The lock keys of one customer, sorted (every run takes them in the same order). */
export function customerLockKeys(
	division: number,
	keys: AccountKeys,
	settings: AccountMatchSettings,
): string[] {
	return [...new Set(accountCacheKeys(keys, settings))].sort().map((key) => `${division}|${key}`);
}

/** The lock key of a delivery address: `pair` is the account and first line (resolver's pairKey). */
export function addressLockKey(division: number, pair: string): string {
	return `${division}|address:${pair}`;
}

/**
 * Runs `task` holding the lock of every key, taken one after the other in the given order. An
 * address lock is only ever taken last, so two runs never wait for each other.
 */
export async function withLocks<T>(keys: string[], task: () => Promise<T>): Promise<T> {
	const [first, ...rest] = keys;
	if (first === undefined) return await task();
	return await lock(first, async () => await withLocks(rest, task));
}

export function markCreated(keys: string[], at = Date.now()): void {
	for (const key of keys) log.mark(key, at);
}

/** Whether this process created a record for any of `keys` at or after `since` (epoch ms). */
export function createdSince(keys: string[], since: number): boolean {
	return keys.some((key) => log.since(key, since));
}
