/**
 * A process-local lock per key: a promise chain in which each task starts once every earlier task of
 * the same key has finished. Module state is per n8n process (queue-mode workers do not share it),
 * so callers that must also be safe across processes add their own check (see the Sales Order
 * importer's after-create check).
 */
export type KeyedLock = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export function createKeyedLock(): KeyedLock {
	const tails = new Map<string, Promise<void>>();
	return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
		const previous = tails.get(key) ?? Promise.resolve();
		let release: () => void = () => {};
		const mine = new Promise<void>((resolve) => {
			release = resolve;
		});
		const tail = previous.then(async () => await mine);
		tails.set(key, tail);
		await previous;
		try {
			return await task();
		} finally {
			release();
			if (tails.get(key) === tail) tails.delete(key);
		}
	};
}

/**
 * When this process last created a record per key, so a run whose batched lookup is older than such
 * a create looks the key up again instead of trusting its lookup. Keeps the newest `maxKeys` keys.
 */
export interface CreationLog {
	mark(key: string, at?: number): void;
	/** Whether this process created a record for `key` at or after `since` (epoch ms). */
	since(key: string, since: number): boolean;
}

export function createCreationLog(maxKeys = 10_000): CreationLog {
	const lastCreate = new Map<string, number>();
	return {
		mark(key, at = Date.now()) {
			lastCreate.delete(key);
			lastCreate.set(key, at);
			if (lastCreate.size > maxKeys) {
				const oldest = lastCreate.keys().next().value;
				if (oldest !== undefined) lastCreate.delete(oldest);
			}
		},
		since(key, since) {
			const at = lastCreate.get(key);
			return at !== undefined && at >= since;
		},
	};
}
