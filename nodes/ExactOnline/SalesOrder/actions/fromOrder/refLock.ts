/**
 * In-process guard against two executions importing one order at the same moment: creates are
 * serialised per key (division + YourRef), and the time of the last create per key is kept so a run
 * whose YourRef lookup is older than a create of this process looks the reference up again instead
 * of trusting it. Across processes (queue mode) the importer's after-create check takes over.
 */
import { createKeyedLock } from '../../../shared/keyedLock';

const lastCreate = new Map<string, number>();
const MAX_KEYS = 10_000;

export function refKey(division: number | string | undefined, yourRef: string): string {
	return `${String(division ?? '')}|${yourRef.trim().toLowerCase()}`;
}

/** Runs `task` once every earlier task of the same key has finished. */
export const withRefLock = createKeyedLock();

export function markCreated(key: string, at = Date.now()): void {
	lastCreate.delete(key);
	lastCreate.set(key, at);
	if (lastCreate.size > MAX_KEYS) {
		const oldest = lastCreate.keys().next().value;
		if (oldest !== undefined) lastCreate.delete(oldest);
	}
}

/** Whether this process created an order for `key` at or after `since` (epoch ms). */
export function createdSince(key: string, since: number): boolean {
	const at = lastCreate.get(key);
	return at !== undefined && at >= since;
}
