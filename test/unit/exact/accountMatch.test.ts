import {
	accountCacheKeys,
	accountKeys,
	accountLookupTerms,
	chunkTerms,
	normalizeEmail,
	normalizeVatNumber,
	rankAccounts,
} from '../../../nodes/core/exact/accountMatch';
import type {
	AccountMatchSettings,
	CustomerIdentity,
} from '../../../nodes/core/exact/accountMatch';
import { renderFilter } from '../../../nodes/core/exact/filter';

const settings: AccountMatchSettings = {
	matchBy: ['vatNumber', 'email', 'shopifyCustomerId'],
	idField: 'CodeAtSupplier',
	guest: { mode: 'own', name: 'Webshop guest', code: '' },
};

const customer: CustomerIdentity = {
	vatNumber: 'nl 0012.34.567-b01',
	email: ' Anna@Example.NL ',
	shopifyCustomerId: '6200000000001',
	isGuest: false,
};

describe('accountKeys', () => {
	it('normalises the VAT number and e-mail and keeps the Shopify id', () => {
		expect(accountKeys(customer, settings)).toEqual({
			vatNumber: 'NL001234567B01',
			email: 'anna@example.nl',
			shopifyCustomerId: '6200000000001',
			guest: false,
		});
	});

	it('drops keys the merchant did not choose, and the Shopify id without a field to keep it', () => {
		const keys = accountKeys(customer, { ...settings, matchBy: ['email'], idField: null });
		expect(keys).toEqual({
			vatNumber: null,
			email: 'anna@example.nl',
			shopifyCustomerId: null,
			guest: false,
		});
		const noField = accountKeys(customer, { ...settings, idField: null });
		expect(noField.shopifyCustomerId).toBeNull();
	});

	it('sends a guest to the shared guest account only when the setting says so', () => {
		const guest = { ...customer, isGuest: true, shopifyCustomerId: null };
		expect(accountKeys(guest, settings).guest).toBe(false);
		const shared = {
			...settings,
			guest: { mode: 'shared' as const, name: 'Webshop guest', code: '' },
		};
		expect(accountKeys(guest, shared)).toEqual({
			vatNumber: null,
			email: null,
			shopifyCustomerId: null,
			guest: true,
		});
	});

	it('ignores texts that are not an e-mail or a VAT number', () => {
		expect(normalizeEmail('not-an-email')).toBeNull();
		expect(normalizeVatNumber(' - ')).toBeNull();
		expect(normalizeEmail(42)).toBeNull();
	});
});

describe('accountLookupTerms', () => {
	it('builds one term per key, quoting user text as literals', () => {
		const keys = accountKeys({ ...customer, email: "o'brien@example.nl" }, settings);
		const text = accountLookupTerms(keys, settings).map(renderFilter);
		expect(text).toEqual([
			"VATNumber eq 'NL001234567B01'",
			"Email eq 'o''brien@example.nl'",
			"CodeAtSupplier eq '6200000000001'",
		]);
	});

	it('finds the shared guest account by trimmed code, else by name', () => {
		const keys = { vatNumber: null, email: null, shopifyCustomerId: null, guest: true };
		const byName = {
			...settings,
			guest: { mode: 'shared' as const, name: ' Webshop guest ', code: '' },
		};
		expect(accountLookupTerms(keys, byName).map(renderFilter)).toEqual(["Name eq 'Webshop guest'"]);
		const byCode = { ...byName, guest: { ...byName.guest, code: ' 9999 ' } };
		expect(accountLookupTerms(keys, byCode).map(renderFilter)).toEqual(["trim(Code) eq '9999'"]);
	});

	it('uses trim(Code) when the Shopify id is kept in the account code', () => {
		const keys = accountKeys(customer, {
			...settings,
			idField: 'Code',
			matchBy: ['shopifyCustomerId'],
		});
		expect(accountLookupTerms(keys, { ...settings, idField: 'Code' }).map(renderFilter)).toEqual([
			"trim(Code) eq '6200000000001'",
		]);
	});

	it('gives every key its own cache key', () => {
		expect(accountCacheKeys(accountKeys(customer, settings), settings)).toEqual([
			'vat:NL001234567B01',
			'email:anna@example.nl',
			'sid:6200000000001',
		]);
	});
});

describe('chunkTerms', () => {
	const terms = Array.from({ length: 40 }, (_, i) =>
		accountLookupTerms(
			accountKeys({ ...customer, email: `c${i}@example.nl`, vatNumber: null }, settings),
			settings,
		),
	).flat();

	it('puts everything into one or-filter when it fits, without duplicates', () => {
		const chunks = chunkTerms([...terms, ...terms], () => true);
		expect(chunks).toHaveLength(1);
		expect(renderFilter(chunks[0]).split(' or ')).toHaveLength(41);
	});

	it('splits only where the length limit demands', () => {
		const chunks = chunkTerms(terms, (f) => renderFilter(f).length <= 600);
		expect(chunks.length).toBeGreaterThan(1);
		for (const chunk of chunks) expect(renderFilter(chunk).length).toBeLessThanOrEqual(600);
		const parts = chunks.flatMap((c) => renderFilter(c).split(' or '));
		expect(new Set(parts).size).toBe(41);
	});

	it('refuses a single term longer than the limit', () => {
		expect(() => chunkTerms(terms, () => false)).toThrow(/too long/);
	});
});

describe('rankAccounts', () => {
	const keys = accountKeys(customer, settings);
	const byEmail = {
		ID: 'b',
		Code: '   12',
		Email: 'ANNA@example.nl',
		Status: 'C',
		VATNumber: null,
	};
	const byVat = {
		ID: 'c',
		Code: '   30',
		Email: 'other@example.nl',
		Status: 'C',
		VATNumber: 'NL 0012 34567 B01',
	};
	const byId = {
		ID: 'd',
		Code: '    5',
		Email: null,
		Status: 'C',
		CodeAtSupplier: '6200000000001',
	};

	it('prefers the VAT number over the e-mail over the Shopify id', () => {
		expect(rankAccounts([byId, byEmail, byVat], keys, settings)).toEqual({
			account: byVat,
			matchedBy: 'vatNumber',
		});
		expect(rankAccounts([byId, byEmail], keys, settings)).toEqual({
			account: byEmail,
			matchedBy: 'email',
		});
		expect(rankAccounts([byId], keys, settings)).toEqual({
			account: byId,
			matchedBy: 'shopifyCustomerId',
		});
	});

	it('follows the merchant order of keys', () => {
		const idFirst = { ...settings, matchBy: ['shopifyCustomerId' as const, 'email' as const] };
		expect(rankAccounts([byEmail, byId], accountKeys(customer, idFirst), idFirst)?.matchedBy).toBe(
			'shopifyCustomerId',
		);
	});

	it('among several matches takes a usable customer, then the lowest code', () => {
		const blocked = { ...byEmail, ID: 'x', Code: '    1', Blocked: true };
		const prospect = { ...byEmail, ID: 'y', Code: '    2', Status: 'P' };
		const older = { ...byEmail, ID: 'z', Code: '    9' };
		expect(rankAccounts([blocked, prospect, byEmail, older], keys, settings)?.account.ID).toBe('z');
	});

	it('returns null when nothing matches, and matches the guest account by code', () => {
		expect(rankAccounts([{ ID: 'q', Email: 'x@y.z' }], keys, settings)).toBeNull();
		const shared = { ...settings, guest: { mode: 'shared' as const, name: 'Guest', code: '9999' } };
		const guestKeys = { vatNumber: null, email: null, shopifyCustomerId: null, guest: true };
		const guest = { ID: 'g', Code: '              9999', Name: 'Something else' };
		expect(rankAccounts([byEmail, guest], guestKeys, shared)).toEqual({
			account: guest,
			matchedBy: 'guest',
		});
	});
});
