/**
 * In-process guard against two executions importing one order at the same moment: creates are
 * serialised per key (division + YourRef), and the time of the last create per key is kept so a run
 * whose YourRef lookup is older than a create of this process looks the reference up again instead
 * of trusting it. Across processes (queue mode) the importer's after-create check takes over.
 */
import { createCreationLog, createKeyedLock } from '../../../shared/keyedLock';

const log = createCreationLog();

export function refKey(division: number | string | undefined, yourRef: string): string {
	return `${String(division ?? '')}|${yourRef.trim().toLowerCase()}`;
}

/** Runs `task` once every earlier task of the same key has finished. */
export const withRefLock = createKeyedLock();

export function markCreated(key: string, at = Date.now()): void {
	log.mark(key, at);
}

/** Whether this process created an order for `key` at or after `since` (epoch ms). */
export function createdSince(key: string, since: number): boolean {
	return log.since(key, since);
}
