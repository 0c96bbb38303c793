/** Runtime settings of the Exact sandbox, readable and writable through /__sandbox/settings. */
export interface ExactSandboxSettings {
	/** Calls per (client, division) per rate window. */
	minutelyLimit: number;
	/** Calls per (client, division) per UTC day. */
	dailyLimit: number;
	/** Length of the "minute" window in ms, aligned to the sandbox clock. */
	rateWindowMs: number;
	/** Shifts the sandbox clock used for tokens, rate windows, codes and dates. */
	clockOffsetMs: number;
	/** Enables Exact's block after more than 10 errors per endpoint per hour. */
	errorBlock: boolean;
	/** Key for the HashCode of webhook deliveries (Exact's "Webhook secret"). */
	webhookSecret: string;
	/** Lifetime of access tokens in seconds (sent as the string expires_in). */
	accessTokenTtlSec: number;
	/** A refresh earlier than this many seconds after issue fails with TooEarlyToRefreshTokens. */
	refreshGuardSec: number;
	/** Makes the VIES stand-in answer MS_UNAVAILABLE. */
	viesDown: boolean;
	/** Delays before each retry of a webhook delivery that got a non-2xx answer. */
	webhookRetryDelaysMs: number[];
	/** Longest accepted raw query string (IIS's default request filter: 2048 bytes). */
	maxQueryStringLength: number;
}

export const DEFAULT_SETTINGS: ExactSandboxSettings = {
	minutelyLimit: 60,
	dailyLimit: 5000,
	rateWindowMs: 60000,
	clockOffsetMs: 0,
	errorBlock: false,
	webhookSecret: 'sandbox-webhook-secret',
	accessTokenTtlSec: 600,
	refreshGuardSec: 570,
	viesDown: false,
	webhookRetryDelaysMs: [500, 2000, 5000],
	maxQueryStringLength: 2048,
};

type Kind = 'number' | 'boolean' | 'string' | 'numbers';
const KINDS: Record<keyof ExactSandboxSettings, Kind> = {
	minutelyLimit: 'number',
	dailyLimit: 'number',
	rateWindowMs: 'number',
	clockOffsetMs: 'number',
	errorBlock: 'boolean',
	webhookSecret: 'string',
	accessTokenTtlSec: 'number',
	refreshGuardSec: 'number',
	viesDown: 'boolean',
	webhookRetryDelaysMs: 'numbers',
	maxQueryStringLength: 'number',
};

function fits(kind: Kind, value: unknown): boolean {
	if (kind === 'numbers') {
		return Array.isArray(value) && value.every((v) => typeof v === 'number' && v >= 0);
	}
	if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
	return typeof value === kind;
}

/** Validates a partial settings object; returns an error text or undefined. */
export function settingsError(patch: unknown): string | undefined {
	if (!patch || typeof patch !== 'object' || Array.isArray(patch))
		return 'settings must be an object';
	for (const [key, value] of Object.entries(patch)) {
		const kind = KINDS[key as keyof ExactSandboxSettings];
		if (!kind) return `unknown setting '${key}'`;
		if (!fits(kind, value)) return `setting '${key}' must be of type ${kind}`;
	}
	const p = patch as Partial<ExactSandboxSettings>;
	const positive = [
		'minutelyLimit',
		'dailyLimit',
		'rateWindowMs',
		'accessTokenTtlSec',
		'maxQueryStringLength',
	] as const;
	for (const key of positive) {
		if (p[key] !== undefined && (p[key] as number) <= 0) return `setting '${key}' must be > 0`;
	}
	return undefined;
}

export function mergeSettings(
	base: ExactSandboxSettings,
	patch: Partial<ExactSandboxSettings> | undefined,
): ExactSandboxSettings {
	return { ...base, ...(patch ?? {}) };
}
