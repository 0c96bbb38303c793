/**
 * A bounded cache of found Exact master data (accounts, items) kept in n8n's workflow static data
 * between executions. Pure: the state is a plain JSON object (static data is stored as JSON), the
 * clock is passed in. Entries expire `ttlMs` after they were last read from or written to Exact;
 * beyond `maxEntries` the least recently used go first.
 */
import type { AccountKeys, AccountMatchSettings } from './accountMatch';
import { codeKey } from './itemDraft';

export interface CacheLimits {
	maxEntries: number;
	ttlMs: number;
	/** A hit refreshes an entry's last use only when it is older than this (fewer static-data writes). */
	touchAfterMs: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = {
	maxEntries: 5_000,
	ttlMs: 24 * 60 * 60 * 1000,
	touchAfterMs: 60 * 60 * 1000,
};

export interface CacheEntry<T> {
	/** The cached value. */
	v: T;
	/** When it was last confirmed by Exact (epoch ms). */
	at: number;
	/** When it was last used (epoch ms). */
	used: number;
}

export interface CacheState<T> {
	version: 1;
	entries: Record<string, CacheEntry<T>>;
}

function isEntry(value: unknown): value is CacheEntry<unknown> {
	if (!value || typeof value !== 'object') return false;
	const e = value as Record<string, unknown>;
	return 'v' in e && typeof e.at === 'number' && typeof e.used === 'number';
}

export class MasterDataCache<T> {
	private readonly entries: Map<string, CacheEntry<T>>;
	private dirty = false;
	hits = 0;
	misses = 0;

	/**
	 * `raw` is what an earlier execution stored (anything unreadable starts an empty cache).
	 * `shared`: entries kept by the caller beyond this execution (e.g. in process memory, where
	 * concurrent executions see each other's finds); `raw` entries are merged into it when newer.
	 */
	constructor(
		raw: unknown,
		private readonly now: number,
		private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS,
		shared?: Map<string, CacheEntry<T>>,
	) {
		this.entries = shared ?? new Map<string, CacheEntry<T>>();
		const state = raw as Partial<CacheState<T>> | undefined;
		if (!state || state.version !== 1 || !state.entries || typeof state.entries !== 'object') {
			this.dirty = raw !== undefined;
			return;
		}
		for (const [key, entry] of Object.entries(state.entries)) {
			if (!isEntry(entry) || !this.fresh(entry)) {
				this.dirty = true;
				continue;
			}
			const known = this.entries.get(key);
			if (!known || known.at < entry.at) this.entries.set(key, { ...(entry as CacheEntry<T>) });
		}
	}

	private fresh(entry: CacheEntry<T> | CacheEntry<unknown>): boolean {
		// An entry another execution confirmed after this one started (shared entries) is fresh too.
		return this.now - entry.at < this.limits.ttlMs;
	}

	/** True when the state must be written back. */
	get changed(): boolean {
		return this.dirty;
	}

	get size(): number {
		return this.entries.size;
	}

	get(key: string): T | undefined {
		const entry = this.entries.get(key);
		if (!entry || !this.fresh(entry)) {
			this.misses++;
			return undefined;
		}
		this.hits++;
		if (this.now - entry.used >= this.limits.touchAfterMs) {
			entry.used = this.now;
			this.dirty = true;
		}
		return entry.v;
	}

	/** Stores a value just confirmed by Exact (found or created). */
	set(key: string, value: T): void {
		this.entries.delete(key);
		this.entries.set(key, { v: value, at: this.now, used: this.now });
		// Bounded also while the entries live on between executions: the least recently used go.
		while (this.entries.size > Math.max(0, this.limits.maxEntries)) {
			let oldest: [string, CacheEntry<T>] | undefined;
			for (const pair of this.entries) if (!oldest || pair[1].used < oldest[1].used) oldest = pair;
			if (!oldest) break;
			this.entries.delete(oldest[0]);
		}
		this.dirty = true;
	}

	/** Changes a stored value without renewing its confirmation time (e.g. a new address id). */
	update(key: string, change: (value: T) => T): void {
		const entry = this.entries.get(key);
		if (!entry) return;
		entry.v = change(entry.v);
		entry.used = this.now;
		this.dirty = true;
	}

	delete(key: string): void {
		if (this.entries.delete(key)) this.dirty = true;
	}

	/** Drops every entry whose value satisfies `test` (e.g. all keys of a deleted record). */
	deleteWhere(test: (value: T) => boolean): number {
		let dropped = 0;
		for (const [key, entry] of this.entries) {
			if (test(entry.v)) {
				this.entries.delete(key);
				dropped++;
			}
		}
		if (dropped) this.dirty = true;
		return dropped;
	}

	clear(): void {
		if (this.entries.size) this.dirty = true;
		this.entries.clear();
	}

	/** The state to store: expired entries dropped, then the least recently used beyond the bound. */
	toState(): CacheState<T> {
		const kept = [...this.entries].filter(([, e]) => this.fresh(e));
		kept.sort((a, b) => b[1].used - a[1].used);
		const entries: Record<string, CacheEntry<T>> = {};
		for (const [key, entry] of kept.slice(0, Math.max(0, this.limits.maxEntries))) {
			entries[key] = { v: entry.v, at: entry.at, used: entry.used };
		}
		return { version: 1, entries };
	}
}

function part(value: string | null | undefined): string {
	return encodeURIComponent((value ?? '').trim());
}

/**
 * Where a cache entry is valid: the credential and the division. Static data already belongs to one
 * node of one workflow; a node switched to another credential or division never sees old entries.
 */
export function cacheScope(credentialId: string | null | undefined, division: number): string {
	return `${part(credentialId ?? '')}@${division}`;
}

/**
 * The account entry of an order's full set of natural keys under these settings. The whole set is
 * the key (not each key alone) so that a hit gives exactly the account the ranking would pick
 * (VAT number before e-mail before Shopify id) for the same customer data.
 */
export function accountCacheKey(
	scope: string,
	keys: AccountKeys,
	settings: AccountMatchSettings,
): string {
	if (keys.guest) {
		return `a|${scope}|guest|${part(settings.guest.code)}|${part(settings.guest.name.toLowerCase())}`;
	}
	return [
		'a',
		scope,
		part(settings.idField ?? ''),
		part(keys.vatNumber?.toUpperCase()),
		part(keys.email?.toLowerCase()),
		part(keys.shopifyCustomerId),
	].join('|');
}

export function itemCacheKey(scope: string, code: string): string {
	return `i|${scope}|${part(codeKey(code))}`;
}

/** What the Account node keeps per account. */
export interface CachedAccount {
	id: string;
	code: string;
	contactId: string | null;
	/** The natural key that found it (reported again on a hit). */
	matchedBy: string | null;
	/** Delivery address ids by address signature. */
	addresses: Record<string, string>;
}

/** What the Item node keeps per item. */
export interface CachedItem {
	id: string;
	isSalesItem: boolean | null;
}

/** Whether an Exact error says the record we referred to is gone (404, or "… does not exist"). */
export function isMissingRecordError(error: unknown, field: string): boolean {
	const e = error as { httpCode?: unknown; message?: unknown; description?: unknown };
	if (String(e?.httpCode ?? '') === '404') return true;
	const text = `${String(e?.message ?? '')} ${String(e?.description ?? '')}`;
	return new RegExp(`\\b${field}\\b[^.]*\\bdoes not exist\\b`, 'i').test(text);
}

/** Cached reads are skipped when a merchant retries a failed execution: it refreshes the entries. */
export function readsCache(enabled: boolean, executionMode: string): boolean {
	return enabled && executionMode !== 'retry';
}

/**
 * Opens the cache kept under `slot` of a node's static data. `reset` starts it empty (the Reset
 * Cache option), which is written back like any change.
 */
export function openCache<T>(
	staticData: Record<string, unknown>,
	slot: string,
	now: number,
	reset = false,
	limits: CacheLimits = DEFAULT_CACHE_LIMITS,
	shared?: Map<string, CacheEntry<T>>,
): MasterDataCache<T> {
	const cache = new MasterDataCache<T>(staticData[slot], now, limits, shared);
	if (reset) cache.clear();
	return cache;
}

/** Writes the cache back (one assignment, so n8n marks the static data as changed). */
export function saveCache<T>(
	staticData: Record<string, unknown>,
	slot: string,
	cache: MasterDataCache<T>,
): boolean {
	if (!cache.changed) return false;
	staticData[slot] = cache.toState();
	return true;
}

/** At most this many delivery addresses are remembered per account (the most recent first). */
export const MAX_CACHED_ADDRESSES = 20;

export function withAddress(account: CachedAccount, signature: string, id: string): CachedAccount {
	const rest = Object.entries(account.addresses).filter(([s]) => s !== signature);
	const addresses = Object.fromEntries([[signature, id], ...rest].slice(0, MAX_CACHED_ADDRESSES));
	return { ...account, addresses };
}
