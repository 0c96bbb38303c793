/**
 * Finding the Exact account of an order's customer: which natural keys to look for (VAT number,
 * e-mail, Shopify customer id kept in a field the merchant chooses, or the shared guest account),
 * the OData terms of one batched lookup, and the ranking of what came back. Pure.
 */
import { eq, or, trimEq } from './filter';
import type { Filter } from './filter';

export type AccountMatchKey = 'vatNumber' | 'email' | 'shopifyCustomerId';

/** The writable, filterable Account fields that can hold a Shopify customer id. */
export const SHOPIFY_ID_FIELDS = ['CodeAtSupplier', 'SearchCode', 'Code'] as const;
export type ShopifyIdField = (typeof SHOPIFY_ID_FIELDS)[number];

export interface GuestAccountSettings {
	/** 'own': a guest gets an account of their own, like any customer; 'shared': one guest account. */
	mode: 'own' | 'shared';
	name: string;
	/** Account code of the shared guest account; empty = find it by name. */
	code: string;
}

export interface AccountMatchSettings {
	/** Keys in priority order: the first key that finds an account decides. */
	matchBy: AccountMatchKey[];
	/** Account field holding the Shopify customer id; null = not stored. */
	idField: ShopifyIdField | null;
	guest: GuestAccountSettings;
}

export interface AccountKeys {
	vatNumber: string | null;
	email: string | null;
	shopifyCustomerId: string | null;
	/** Set when the order goes to the shared guest account (then the other keys are null). */
	guest: boolean;
}

export interface CustomerIdentity {
	vatNumber: string | null;
	email: string | null;
	shopifyCustomerId: string | null;
	isGuest: boolean;
}

/** The account fields the lookup selects and the ranking reads. */
export const ACCOUNT_LOOKUP_FIELDS = [
	'ID',
	'Code',
	'Name',
	'Email',
	'Phone',
	'VATNumber',
	'Status',
	'Blocked',
	'MainContact',
	'Created',
];

export interface AccountCandidate {
	ID: string;
	Code?: string | null;
	Name?: string | null;
	Email?: string | null;
	VATNumber?: string | null;
	Status?: string | null;
	Blocked?: boolean | null;
	[field: string]: unknown;
}

export interface AccountMatch<T extends AccountCandidate = AccountCandidate> {
	account: T;
	matchedBy: AccountMatchKey | 'guest';
}

export function normalizeEmail(value: unknown): string | null {
	const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
	return text.includes('@') ? text : null;
}

/** Upper case without spaces, dots and dashes ("nl 0012.34.567.B01" → "NL001234567B01"). */
export function normalizeVatNumber(value: unknown): string | null {
	const text = typeof value === 'string' ? value.replace(/[\s.-]/g, '').toUpperCase() : '';
	return text.length >= 4 ? text : null;
}

export function normalizeCode(value: unknown): string | null {
	const text = typeof value === 'string' ? value.trim() : '';
	return text ? text : null;
}

/** The keys to look for, per the settings; a guest order under 'shared' only has the guest key. */
export function accountKeys(
	customer: CustomerIdentity,
	settings: AccountMatchSettings,
): AccountKeys {
	if (customer.isGuest && settings.guest.mode === 'shared') {
		return { vatNumber: null, email: null, shopifyCustomerId: null, guest: true };
	}
	const use = (key: AccountMatchKey) => settings.matchBy.includes(key);
	return {
		vatNumber: use('vatNumber') ? normalizeVatNumber(customer.vatNumber) : null,
		email: use('email') ? normalizeEmail(customer.email) : null,
		shopifyCustomerId:
			use('shopifyCustomerId') && settings.idField
				? normalizeCode(customer.shopifyCustomerId)
				: null,
		guest: false,
	};
}

export function hasAnyKey(keys: AccountKeys): boolean {
	return keys.guest || Boolean(keys.vatNumber || keys.email || keys.shopifyCustomerId);
}

/** Cache keys of an execution: one per natural key, so any of them finds a created account. */
export function accountCacheKeys(keys: AccountKeys, settings: AccountMatchSettings): string[] {
	if (keys.guest) return [`guest:${settings.guest.code.trim() || settings.guest.name.trim()}`];
	const out: string[] = [];
	if (keys.vatNumber) out.push(`vat:${keys.vatNumber}`);
	if (keys.email) out.push(`email:${keys.email}`);
	if (keys.shopifyCustomerId) out.push(`sid:${keys.shopifyCustomerId}`);
	return out;
}

/** The OData terms that find these keys; OR-ed together with other orders' terms by the node. */
export function accountLookupTerms(keys: AccountKeys, settings: AccountMatchSettings): Filter[] {
	if (keys.guest) {
		const code = settings.guest.code.trim();
		return [code ? trimEq('Code', code) : eq('Name', settings.guest.name.trim())];
	}
	const terms: Filter[] = [];
	if (keys.vatNumber) terms.push(eq('VATNumber', keys.vatNumber));
	if (keys.email) terms.push(eq('Email', keys.email));
	if (keys.shopifyCustomerId && settings.idField) {
		terms.push(
			settings.idField === 'Code'
				? trimEq('Code', keys.shopifyCustomerId)
				: eq(settings.idField, keys.shopifyCustomerId),
		);
	}
	return terms;
}

/**
 * Groups terms into as few `or` filters as fit (`fits` checks the URL length), duplicates dropped.
 * Throws when a single term does not fit.
 */
export function chunkTerms(terms: Filter[], fits: (filter: Filter) => boolean): Filter[] {
	const unique: Filter[] = [];
	const seen = new Set<string>();
	for (const term of terms) {
		if (seen.has(term.text)) continue;
		seen.add(term.text);
		unique.push(term);
	}
	const chunks: Filter[] = [];
	let current: Filter[] = [];
	for (const term of unique) {
		if (fits(or(...current, term))) {
			current.push(term);
			continue;
		}
		if (current.length === 0)
			throw new RangeError(`A lookup term is too long for one request: ${term.text.slice(0, 80)}`);
		chunks.push(or(...current));
		current = [term];
		if (!fits(term))
			throw new RangeError(`A lookup term is too long for one request: ${term.text.slice(0, 80)}`);
	}
	if (current.length) chunks.push(or(...current));
	return chunks;
}

/** A numeric account code's value (Exact pads codes with spaces); other codes sort last. */
export function numericCode(code: unknown): number {
	const text = typeof code === 'string' ? code.trim() : '';
	return /^\d+$/.test(text) ? Number(text) : Number.MAX_SAFE_INTEGER;
}

/** Usable first (not blocked, a customer), then the oldest (lowest numeric code, then ID). */
function compareCandidates(a: AccountCandidate, b: AccountCandidate): number {
	const score = (c: AccountCandidate) => (c.Blocked ? 2 : 0) + (c.Status === 'C' ? 0 : 1);
	return (
		score(a) - score(b) ||
		numericCode(a.Code) - numericCode(b.Code) ||
		String(a.Code ?? '')
			.trim()
			.localeCompare(String(b.Code ?? '').trim()) ||
		a.ID.localeCompare(b.ID)
	);
}

function best<T extends AccountCandidate>(list: T[]): T | undefined {
	return [...list].sort(compareCandidates)[0];
}

/** The candidates that are the shared guest account (by code, else by name). */
export function guestHits<T extends AccountCandidate>(
	candidates: T[],
	settings: AccountMatchSettings,
): T[] {
	const code = settings.guest.code.trim();
	const name = settings.guest.name.trim().toLowerCase();
	return candidates.filter((c) =>
		code
			? normalizeCode(c.Code) === code
			: String(c.Name ?? '')
					.trim()
					.toLowerCase() === name,
	);
}

/**
 * The account these keys point at: the first key in `matchBy` order that matches decides; among
 * several matches of that key, the usable, oldest one. Comparison ignores case and spacing.
 */
export function rankAccounts<T extends AccountCandidate>(
	candidates: T[],
	keys: AccountKeys,
	settings: AccountMatchSettings,
): AccountMatch<T> | null {
	if (keys.guest) {
		const account = best(guestHits(candidates, settings));
		return account ? { account, matchedBy: 'guest' } : null;
	}
	for (const key of settings.matchBy) {
		const account = best(accountHits(candidates, key, keys, settings));
		if (account) return { account, matchedBy: key };
	}
	return null;
}

/** The candidates that carry this one key of the customer (none when the customer lacks it). */
export function accountHits<T extends AccountCandidate>(
	candidates: T[],
	key: AccountMatchKey,
	keys: AccountKeys,
	settings: AccountMatchSettings,
): T[] {
	if (key === 'vatNumber' && keys.vatNumber) {
		return candidates.filter((c) => normalizeVatNumber(c.VATNumber) === keys.vatNumber);
	}
	if (key === 'email' && keys.email) {
		return candidates.filter((c) => normalizeEmail(c.Email) === keys.email);
	}
	if (key === 'shopifyCustomerId' && keys.shopifyCustomerId && settings.idField) {
		const field = settings.idField;
		return candidates.filter((c) => normalizeCode(c[field]) === keys.shopifyCustomerId);
	}
	return [];
}
