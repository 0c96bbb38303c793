/**
 * One request at a time per credential within this process: a promise chain keyed by credential id.
 * n8n before 2.30 refreshes OAuth2 tokens without a lock and Exact rotates refresh tokens, so two
 * concurrent requests that both see an expired token would both refresh and one would burn the
 * grant. Holding the chain across "send → 401 → refresh → resend" makes the second request wait
 * and then use the token the first one stored. Never hold it across nested transport calls.
 */
const tails = new Map<string, Promise<void>>();

export async function withCredentialChain<T>(key: string, task: () => Promise<T>): Promise<T> {
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
}
