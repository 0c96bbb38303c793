import type { AccountKeys, AccountMatchSettings } from '../../../nodes/core/exact/accountMatch';
import {
	accountCacheKey,
	cacheScope,
	isMissingRecordError,
	itemCacheKey,
	MasterDataCache,
	MAX_CACHED_ADDRESSES,
	openCache,
	readsCache,
	saveCache,
	withAddress,
} from '../../../nodes/core/exact/masterDataCache';
import type { CachedAccount, CacheLimits } from '../../../nodes/core/exact/masterDataCache';

const HOUR = 3_600_000;
const limits: CacheLimits = { maxEntries: 3, ttlMs: 24 * HOUR, touchAfterMs: HOUR };
const T0 = Date.UTC(2026, 0, 1);
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function later(state: unknown, ms: number) {
	return new MasterDataCache<string>(json(state), T0 + ms, limits);
}

const settings: AccountMatchSettings = {
	matchBy: ['vatNumber', 'email', 'shopifyCustomerId'],
	idField: 'CodeAtSupplier',
	guest: { mode: 'own', name: '', code: '' },
};
const keys = (over: Partial<AccountKeys> = {}): AccountKeys => ({
	vatNumber: null,
	email: 'anna@example.nl',
	shopifyCustomerId: '62001',
	guest: false,
	...over,
});

describe('MasterDataCache', () => {
	it('gives back a stored value in a later execution (JSON round trip) within the TTL', () => {
		const cache = new MasterDataCache<string>(undefined, T0, limits);
		cache.set('k', 'v');
		expect(cache.changed).toBe(true);
		const next = later(cache.toState(), 23 * HOUR);
		expect(next.get('k')).toBe('v');
		expect(next.hits).toBe(1);
	});

	it('expires an entry TTL after it was confirmed by Exact, however often it was used', () => {
		const cache = new MasterDataCache<string>(undefined, T0, limits);
		cache.set('k', 'v');
		let state = cache.toState();
		for (const at of [6, 12, 18]) {
			const run = later(state, at * HOUR);
			expect(run.get('k')).toBe('v');
			state = run.toState();
		}
		const expired = later(state, 24 * HOUR);
		expect(expired.get('k')).toBeUndefined();
		expect(expired.changed).toBe(true);
		expect(expired.toState().entries).toEqual({});
	});

	it('marks a hit as a change only when its last use is older than the touch interval', () => {
		const cache = new MasterDataCache<string>(undefined, T0, limits);
		cache.set('k', 'v');
		const soon = later(cache.toState(), HOUR / 2);
		soon.get('k');
		expect(soon.changed).toBe(false);
		const afterAnHour = later(cache.toState(), HOUR);
		afterAnHour.get('k');
		expect(afterAnHour.changed).toBe(true);
	});

	it('keeps only the most recently used entries beyond the bound', () => {
		const cache = new MasterDataCache<string>(undefined, T0, limits);
		cache.set('a', '1');
		cache.set('b', '2');
		const second = later(cache.toState(), HOUR);
		second.set('c', '3');
		const next = later(second.toState(), 3 * HOUR);
		next.get('a');
		next.set('d', '4');
		expect(Object.keys(next.toState().entries).sort()).toEqual(['a', 'c', 'd'].sort());
	});

	it('starts empty from unreadable or foreign state and rewrites it', () => {
		for (const raw of [null, 'x', { version: 2, entries: {} }, { version: 1, entries: 5 }]) {
			const cache = new MasterDataCache<string>(raw, T0, limits);
			expect(cache.size).toBe(0);
			expect(cache.changed).toBe(true);
		}
		const broken = new MasterDataCache<string>(
			{ version: 1, entries: { ok: { v: 'v', at: T0, used: T0 }, bad: { v: 'v' } } },
			T0,
			limits,
		);
		expect(broken.size).toBe(1);
		expect(broken.changed).toBe(true);
	});

	it('update changes a value without renewing its confirmation time', () => {
		const cache = new MasterDataCache<string>(undefined, T0, limits);
		cache.set('k', 'v');
		const next = later(cache.toState(), 20 * HOUR);
		next.update('k', () => 'w');
		expect(next.toState().entries.k).toMatchObject({ v: 'w', at: T0, used: T0 + 20 * HOUR });
	});

	it('deleteWhere drops every key of a record', () => {
		const cache = new MasterDataCache<string>(undefined, T0, limits);
		cache.set('a', 'X');
		cache.set('b', 'X');
		cache.set('c', 'Y');
		expect(cache.deleteWhere((v) => v === 'X')).toBe(2);
		expect(Object.keys(cache.toState().entries)).toEqual(['c']);
	});

	it('openCache with reset starts empty and saveCache writes only a changed cache', () => {
		const staticData: Record<string, unknown> = {};
		const first = openCache<string>(staticData, 'slot', T0);
		expect(saveCache(staticData, 'slot', first)).toBe(false);
		first.set('k', 'v');
		expect(saveCache(staticData, 'slot', first)).toBe(true);
		expect(openCache<string>(json(staticData), 'slot', T0 + 1).get('k')).toBe('v');
		const reset = openCache<string>(json(staticData), 'slot', T0 + 1, true);
		expect(reset.get('k')).toBeUndefined();
		expect(saveCache(staticData, 'slot', reset)).toBe(true);
		expect(staticData.slot).toEqual({ version: 1, entries: {} });
	});
});

describe('cache keys', () => {
	const scope = cacheScope('cred-1', 3012345);

	it('never shares an entry across divisions or credentials', () => {
		expect(cacheScope('cred-1', 3012346)).not.toBe(scope);
		expect(cacheScope('cred-2', 3012345)).not.toBe(scope);
		expect(itemCacheKey(scope, 'A')).not.toBe(itemCacheKey(cacheScope('cred-1', 1), 'A'));
	});

	it('normalises item codes as Exact compares them (trimmed, case-insensitive)', () => {
		expect(itemCacheKey(scope, ' sku-1 ')).toBe(itemCacheKey(scope, 'SKU-1'));
		expect(itemCacheKey(scope, 'SKU|1')).not.toBe(itemCacheKey(scope, 'SKU-1'));
	});

	it('keys an account by its whole set of natural keys, case-insensitively', () => {
		const base = accountCacheKey(scope, keys(), settings);
		expect(accountCacheKey(scope, keys({ email: 'ANNA@example.nl' }), settings)).toBe(base);
		// A VAT number that appears later may rank another account first: a different entry.
		expect(accountCacheKey(scope, keys({ vatNumber: 'NL1B01' }), settings)).not.toBe(base);
		expect(accountCacheKey(scope, keys({ shopifyCustomerId: null }), settings)).not.toBe(base);
		expect(accountCacheKey(scope, keys(), { ...settings, idField: 'SearchCode' })).not.toBe(base);
	});

	it('keys the shared guest account by its code and name', () => {
		const guest = keys({ email: null, shopifyCustomerId: null, guest: true });
		const shared = { ...settings, guest: { mode: 'shared' as const, name: 'Webshop', code: '' } };
		const other = { ...shared, guest: { ...shared.guest, name: 'Shop' } };
		expect(accountCacheKey(scope, guest, shared)).not.toBe(accountCacheKey(scope, guest, other));
	});
});

describe('helpers', () => {
	it('recognises an Exact error about a missing record by 404 or "<field> … does not exist"', () => {
		expect(isMissingRecordError({ httpCode: '404', message: 'x' }, 'Account')).toBe(true);
		const missing = {
			httpCode: '500',
			message: 'Exact Online crm/Addresses: Account: the account does not exist. [HTTP 500]',
		};
		expect(isMissingRecordError(missing, 'Account')).toBe(true);
		expect(isMissingRecordError(missing, 'Item')).toBe(false);
		const vat = { httpCode: '500', message: "SalesVATCode: VAT code 'X' does not exist." };
		expect(isMissingRecordError(vat, 'Account')).toBe(false);
		expect(isMissingRecordError(new Error('timeout'), 'Account')).toBe(false);
	});

	it('reads the cache except in a retried execution or when off', () => {
		expect(readsCache(true, 'trigger')).toBe(true);
		expect(readsCache(true, 'webhook')).toBe(true);
		expect(readsCache(true, 'retry')).toBe(false);
		expect(readsCache(false, 'trigger')).toBe(false);
	});

	it('keeps the most recent delivery addresses of an account, up to the bound', () => {
		let account: CachedAccount = {
			id: 'a',
			code: '1',
			contactId: null,
			matchedBy: null,
			addresses: {},
		};
		for (let i = 0; i < MAX_CACHED_ADDRESSES + 5; i++)
			account = withAddress(account, `s${i}`, `id${i}`);
		expect(Object.keys(account.addresses)).toHaveLength(MAX_CACHED_ADDRESSES);
		expect(account.addresses[`s${MAX_CACHED_ADDRESSES + 4}`]).toBe(`id${MAX_CACHED_ADDRESSES + 4}`);
		expect(account.addresses.s0).toBeUndefined();
		account = withAddress(account, 's10', 'new');
		expect(Object.keys(account.addresses)[0]).toBe('s10');
	});
});
