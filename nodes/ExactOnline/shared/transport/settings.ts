import type { RateLimitSettings } from '../rateLimiter';
import type { RetrySettings } from '../retryPolicy';

/** Tunables of the transport. Production defaults; tests shorten them with configureExactTransport. */
export interface ExactTransportSettings {
	/** Per-attempt HTTP timeout. */
	requestTimeoutMs: number;
	retry: RetrySettings;
	rateLimit: RateLimitSettings;
	/** After a rejected refresh: how often and how long to re-read the credential for a token
	 * another process has just stored. */
	refreshReread: { attempts: number; delayMs: number };
	/** Longest URL a batched lookup may build. */
	maxUrlLength: number;
	random: () => number;
}

function defaults(): ExactTransportSettings {
	return {
		requestTimeoutMs: 60_000,
		retry: { baseDelayMs: 1_000, maxDelayMs: 30_000, totalBudgetMs: 120_000, maxAttempts: 6 },
		rateLimit: {
			reserve: 1,
			marginMs: 500,
			maxWaitMs: 65_000,
			missingHeaderBackoffMs: 5_000,
			max429Retries: 5,
		},
		refreshReread: { attempts: 8, delayMs: 250 },
		maxUrlLength: 2_000,
		random: Math.random,
	};
}

export const transportSettings: ExactTransportSettings = defaults();

type SettingsPatch = {
	[K in keyof ExactTransportSettings]?: ExactTransportSettings[K] extends object
		? Partial<ExactTransportSettings[K]>
		: ExactTransportSettings[K];
};

/** Overrides settings (merged one level deep); returns a function that restores the defaults. */
export function configureExactTransport(patch: SettingsPatch): () => void {
	for (const [key, value] of Object.entries(patch) as Array<
		[keyof ExactTransportSettings, unknown]
	>) {
		const current = transportSettings[key];
		(transportSettings as unknown as Record<string, unknown>)[key] =
			typeof current === 'object' && current !== null && typeof value === 'object'
				? { ...current, ...(value as object) }
				: value;
	}
	return () => Object.assign(transportSettings, defaults());
}
