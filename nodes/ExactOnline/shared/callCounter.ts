/**
 * Exact API calls per execution (every HTTP request sent to the REST API, retries included; token
 * endpoint calls are not API calls). Per process, keyed by execution id, bounded.
 */
const counts = new Map<string, number>();
const MAX_EXECUTIONS = 2_000;

export function countCall(executionKey: string): void {
	const next = (counts.get(executionKey) ?? 0) + 1;
	counts.delete(executionKey);
	counts.set(executionKey, next);
	if (counts.size > MAX_EXECUTIONS) {
		const oldest = counts.keys().next().value;
		if (oldest !== undefined) counts.delete(oldest);
	}
}

export function callCount(executionKey: string): number {
	return counts.get(executionKey) ?? 0;
}
