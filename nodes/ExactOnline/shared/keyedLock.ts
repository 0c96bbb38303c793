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
