/**
 * The sync cursor of the Stock node's "Get Changes", kept in the node's workflow static data and
 * keyed by division (one workflow may read several divisions over time). The value is the highest
 * Timestamp already emitted; the next read asks for `Timestamp gt <cursor>L`. No cursor = full sync.
 */
import { compareTimestamps, timestampText } from './positions';

export const FULL_SYNC_CURSOR = '0';

export function cursorKey(division: number): string {
	return `stockPositionsCursor_${division}`;
}

/** The stored cursor for a division, or FULL_SYNC_CURSOR when missing, invalid or reset. */
export function readCursor(
	store: Record<string, unknown>,
	division: number,
	reset = false,
): { cursor: string; fullSync: boolean } {
	const stored = reset ? undefined : timestampText(store[cursorKey(division)]);
	if (stored === undefined || stored === FULL_SYNC_CURSOR) {
		return { cursor: FULL_SYNC_CURSOR, fullSync: true };
	}
	return { cursor: stored, fullSync: false };
}

/** The cursor to store after a successful read: never moves backwards. */
export function advanceCursor(previous: string, highestSeen: string): string {
	return compareTimestamps(highestSeen, previous) > 0 ? highestSeen : previous;
}
