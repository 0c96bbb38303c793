import type { Clock } from '../clock';
import type { ExactSandboxSettings } from '../settings';

export interface RateDecision {
	ok: boolean;
	headers: Record<string, string>;
	kind?: 'minutely' | 'daily';
}

interface Counter {
	window: number;
	used: number;
}

/**
 * Exact's limits per app (client id) and division: a fixed clock "minute" window and a UTC day.
 * Every answer carries the six X-RateLimit-* headers (epoch ms resets); a 429 carries only the
 * headers of the limit that was hit.
 */
export class RateLimiter {
	private readonly minute = new Map<string, Counter>();
	private readonly day = new Map<string, Counter>();

	constructor(
		private readonly settings: () => ExactSandboxSettings,
		private readonly clock: Clock,
	) {}

	private counter(map: Map<string, Counter>, key: string, window: number): Counter {
		let c = map.get(key);
		if (!c || c.window !== window) {
			c = { window, used: 0 };
			map.set(key, c);
		}
		return c;
	}

	take(clientId: string, division: number): RateDecision {
		const s = this.settings();
		const now = this.clock.now();
		const key = `${clientId}|${division}`;
		const minuteStart = Math.floor(now / s.rateWindowMs) * s.rateWindowMs;
		const dayIndex = Math.floor(now / 86400000);
		const m = this.counter(this.minute, key, minuteStart);
		const d = this.counter(this.day, key, dayIndex);
		const minutely = (remaining: number) => ({
			'X-RateLimit-Minutely-Limit': String(s.minutelyLimit),
			'X-RateLimit-Minutely-Remaining': String(Math.max(0, remaining)),
			'X-RateLimit-Minutely-Reset': String(minuteStart + s.rateWindowMs),
		});
		const daily = (remaining: number) => ({
			'X-RateLimit-Limit': String(s.dailyLimit),
			'X-RateLimit-Remaining': String(Math.max(0, remaining)),
			'X-RateLimit-Reset': String((dayIndex + 1) * 86400000),
		});
		if (d.used >= s.dailyLimit) return { ok: false, kind: 'daily', headers: daily(0) };
		if (m.used >= s.minutelyLimit) return { ok: false, kind: 'minutely', headers: minutely(0) };
		m.used += 1;
		d.used += 1;
		return {
			ok: true,
			headers: { ...minutely(s.minutelyLimit - m.used), ...daily(s.dailyLimit - d.used) },
		};
	}

	/** Current usage, for the admin API. */
	usage(): Record<string, { minute: number; day: number }> {
		const out: Record<string, { minute: number; day: number }> = {};
		for (const [key, c] of this.day)
			out[key] = { minute: this.minute.get(key)?.used ?? 0, day: c.used };
		return out;
	}

	reset(): void {
		this.minute.clear();
		this.day.clear();
	}
}
