import { randomText } from '../ids';

export interface TokenPair {
	access: string;
	refresh: string;
	clientId: string;
	userId: string;
	/** When the access token was issued (sandbox clock, epoch ms); the refresh guard counts from it. */
	issuedAt: number;
	expiresAt: number;
	refreshExpiresAt: number;
	/** Set once the refresh token has been exchanged: from then on it is an "old refresh token". */
	refreshUsed: boolean;
}

export interface AuthCode {
	code: string;
	clientId: string;
	redirectUri: string;
	userId: string;
	createdAt: number;
	used: boolean;
}

const REFRESH_LIFETIME_MS = 30 * 86400000;
export const CODE_LIFETIME_MS = 3 * 60000;

/** Access tokens, rotating refresh tokens and authorization codes. */
export class TokenStore {
	private readonly byAccess = new Map<string, TokenPair>();
	private readonly byRefresh = new Map<string, TokenPair>();
	private readonly codes = new Map<string, AuthCode>();

	issue(clientId: string, userId: string, now: number, ttlSec: number): TokenPair {
		const pair: TokenPair = {
			access: `AAEAA${randomText(96)}`,
			refresh: `Gcp7!IAAAA${randomText(60)}`,
			clientId,
			userId,
			issuedAt: now,
			expiresAt: now + ttlSec * 1000,
			refreshExpiresAt: now + REFRESH_LIFETIME_MS,
			refreshUsed: false,
		};
		this.byAccess.set(pair.access, pair);
		this.byRefresh.set(pair.refresh, pair);
		return pair;
	}

	access(token: string): TokenPair | undefined {
		return this.byAccess.get(token);
	}

	refresh(token: string): TokenPair | undefined {
		return this.byRefresh.get(token);
	}

	/** Codes carry '!' like Exact's, so a client that does not URL-decode them fails. */
	createCode(clientId: string, redirectUri: string, userId: string, now: number): string {
		const code = `stampNL001.${randomText(12)}!IAAAA${randomText(90)}`;
		this.codes.set(code, { code, clientId, redirectUri, userId, createdAt: now, used: false });
		return code;
	}

	code(code: string): AuthCode | undefined {
		return this.codes.get(code);
	}

	/** Makes every access token expired now, and old enough that a refresh is allowed. */
	expireAll(now: number, ttlSec: number): number {
		let n = 0;
		for (const pair of this.byAccess.values()) {
			if (pair.expiresAt > now) n += 1;
			pair.expiresAt = Math.min(pair.expiresAt, now);
			pair.issuedAt = Math.min(pair.issuedAt, now - ttlSec * 1000);
		}
		return n;
	}

	/** Drops what can never be used again, to keep long demo runs small. */
	prune(now: number): void {
		for (const [token, pair] of this.byAccess) {
			const dead = pair.refreshUsed || pair.refreshExpiresAt < now;
			if (dead && pair.expiresAt < now - 86400000) {
				this.byAccess.delete(token);
				if (pair.refreshExpiresAt < now) this.byRefresh.delete(pair.refresh);
			}
		}
		for (const [code, c] of this.codes)
			if (c.createdAt < now - CODE_LIFETIME_MS * 2) this.codes.delete(code);
	}

	clear(): void {
		this.byAccess.clear();
		this.byRefresh.clear();
		this.codes.clear();
	}

	toJSON(): unknown {
		return { pairs: [...this.byRefresh.values()], codes: [...this.codes.values()] };
	}

	load(raw: { pairs?: TokenPair[]; codes?: AuthCode[] }): void {
		for (const pair of raw.pairs ?? []) {
			this.byAccess.set(pair.access, pair);
			this.byRefresh.set(pair.refresh, pair);
		}
		for (const c of raw.codes ?? []) this.codes.set(c.code, c);
	}
}
