/**
 * "Coalesce Changes (Seconds)" of Get Changes: Exact sends one StockPositions webhook per changed
 * position, so a burst of orders (each line moves stock) starts a burst of executions that would
 * each read the same delta. In one n8n process they share one reader per workflow node, credential
 * and division: the first execution schedules a read at most once per window and waits for it;
 * executions that arrive before the read starts join it and emit nothing (the first one writes the
 * changes for all). The reader also keeps the cursor in memory, so an execution that started before
 * another saved its static data does not read the same changes again. A failed read fails every
 * execution that waited for it; the cursor then stays where it was.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { compareTimestamps } from '../../../core/stock/positions';
import { memoryScope, sharedMap } from '../../shared/processMemory';
import { errorForItem } from '../../shared/runner';
import { waitMs } from '../../shared/transport/wait';

interface Reader {
	/** The highest cursor a finished read of this process reached. */
	cursor?: string;
	/** When the last read started (epoch ms). */
	lastReadAt: number;
	/** The read scheduled and not yet started: executions arriving now join it. */
	scheduled?: Promise<void>;
}

export interface CoalescedRead<T> {
	/** False: another execution's read covered this one's changes; emit nothing. */
	reader: boolean;
	result?: T;
}

async function readerKey(ctx: IExecuteFunctions, division: number): Promise<string> {
	const workflow = ctx.getWorkflow();
	return `${String(workflow.id ?? '')}|${ctx.getNode().id}|${await memoryScope(ctx, division)}`;
}

/** The later of the stored cursor and the one this process reached (never moves backwards). */
export function laterCursor(stored: string, inMemory: string | undefined): string {
	return inMemory !== undefined && compareTimestamps(inMemory, stored) > 0 ? inMemory : stored;
}

/**
 * Runs `read(cursorInMemory)` for this execution, or joins the read another execution scheduled.
 * `read` returns its result and the cursor it reached.
 */
export async function coalescedRead<T>(
	ctx: IExecuteFunctions,
	division: number,
	windowMs: number,
	read: (cursorInMemory: string | undefined) => Promise<{ result: T; cursor: string }>,
): Promise<CoalescedRead<T>> {
	const readers = sharedMap<Reader>('stockReads', 'all', 1_000);
	const key = await readerKey(ctx, division);
	let state = readers.get(key);
	if (!state) {
		state = { lastReadAt: 0 };
		readers.set(key, state);
	}
	if (state.scheduled) {
		await state.scheduled;
		return { reader: false };
	}
	const reader = state;
	let settle!: { resolve: () => void; reject: (error: unknown) => void };
	reader.scheduled = new Promise<void>((resolve, reject) => {
		settle = { resolve, reject };
	});
	// Joiners see a failure; nobody else waits on it when no execution joined.
	reader.scheduled.catch(() => undefined);
	try {
		const wait = Math.max(0, reader.lastReadAt + windowMs - Date.now());
		// The first change of a burst waits at least a moment, so the rest of the burst can join.
		await waitMs(ctx, Math.max(wait, Math.min(windowMs, 1_000)));
	} catch (error) {
		reader.scheduled = undefined;
		settle.reject(error);
		throw errorForItem(ctx, error, 0);
	}
	// From here on, new executions schedule the next read.
	reader.scheduled = undefined;
	reader.lastReadAt = Date.now();
	try {
		const { result, cursor } = await read(reader.cursor);
		reader.cursor = laterCursor(cursor, reader.cursor);
		settle.resolve();
		return { reader: true, result };
	} catch (error) {
		settle.reject(error);
		throw errorForItem(ctx, error, 0);
	}
}
