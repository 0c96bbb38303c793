const HOUR = 3600000;
const COUNTED = new Set([400, 401, 403, 404]);
const MAX_ERRORS = 10;

/**
 * Exact's error limit: at most 10 errors (400, 401, 403, 404) per app, division and endpoint per
 * hour; one more blocks that endpoint for an hour. Only active when settings.errorBlock is on.
 */
export class ErrorBlocker {
	private readonly errors = new Map<string, number[]>();
	private readonly blocked = new Map<string, number>();

	blockedUntil(key: string, now: number): number | undefined {
		const until = this.blocked.get(key);
		if (until === undefined) return undefined;
		if (until <= now) {
			this.blocked.delete(key);
			return undefined;
		}
		return until;
	}

	record(key: string, status: number, now: number): void {
		if (!COUNTED.has(status)) return;
		const recent = (this.errors.get(key) ?? []).filter((t) => t > now - HOUR);
		recent.push(now);
		this.errors.set(key, recent);
		if (recent.length > MAX_ERRORS) {
			this.blocked.set(key, now + HOUR);
			this.errors.set(key, []);
		}
	}

	reset(): void {
		this.errors.clear();
		this.blocked.clear();
	}
}
