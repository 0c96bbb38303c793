/**
 * The Exact records of an order's customer: Account (Status C), its main Contact and a delivery
 * Address (Type 4), plus the comparisons that decide whether an existing address can be reused and
 * which contact data changed. Pure; texts are cut to Exact's field lengths with a warning.
 */
import type { DocumentAddress, DocumentCustomer } from '../mapping/types';
import type { ShopifyIdField } from './accountMatch';
import { normalizeEmail, normalizeVatNumber } from './accountMatch';

/**
 * Field lengths used when cutting texts. Exact's REST reference does not publish them; these are
 * the lengths of Exact's own screens (assumed, kept conservative).
 */
export const ACCOUNT_TEXT_LIMITS = Object.freeze({
	name: 50,
	email: 100,
	phone: 30,
	addressLine: 100,
	postcode: 20,
	city: 50,
	firstName: 50,
	lastName: 50,
	idField: 30,
});

/** Languages Exact Online offers for accounts and contacts. */
const EXACT_LANGUAGES = new Set(['NL', 'EN', 'DE', 'FR', 'ES']);

/** A JSON body for Exact: plain values, and arrays of bodies for inline lines. */
export type ExactValue = string | number | boolean | null | ExactBody[];
export interface ExactBody {
	[field: string]: ExactValue;
}

export interface DraftResult {
	body: ExactBody;
	warnings: string[];
}

function cut(
	value: string | null | undefined,
	max: number,
	label: string,
	warnings: string[],
): string | null {
	if (value === null || value === undefined) return null;
	const text = value.trim();
	if (!text) return null;
	const chars = Array.from(text);
	if (chars.length <= max) return text;
	warnings.push(`${label} cut to ${max} characters`);
	return chars.slice(0, max).join('').trimEnd();
}

/** "nl-NL" → "NL", "en" → "EN"; null for languages Exact does not offer. */
export function exactLanguage(locale: string | null | undefined): string | null {
	const code = typeof locale === 'string' ? locale.trim().slice(0, 2).toUpperCase() : '';
	return EXACT_LANGUAGES.has(code) ? code : null;
}

function put(body: ExactBody, field: string, value: string | null): void {
	if (value !== null) body[field] = value;
}

function addressFields(
	address: DocumentAddress | null,
	prefix: string,
	warnings: string[],
): ExactBody {
	const body: ExactBody = {};
	if (!address) return body;
	const L = ACCOUNT_TEXT_LIMITS;
	put(
		body,
		'AddressLine1',
		cut(address.line1, L.addressLine, `${prefix} address line 1`, warnings),
	);
	put(
		body,
		'AddressLine2',
		cut(address.line2, L.addressLine, `${prefix} address line 2`, warnings),
	);
	put(body, 'Postcode', cut(address.postcode, L.postcode, `${prefix} postcode`, warnings));
	put(body, 'City', cut(address.city, L.city, `${prefix} city`, warnings));
	if (address.countryCode) body.Country = address.countryCode;
	return body;
}

export interface AccountBodyOptions {
	idField: ShopifyIdField | null;
	/** Visit address on the account: the invoice address, else the delivery address. */
	visitAddress: DocumentAddress | null;
	locale: string | null;
}

/** POST body of crm/Accounts for a customer. Status C makes the account a customer (IsSales). */
export function accountBody(customer: DocumentCustomer, options: AccountBodyOptions): DraftResult {
	const warnings: string[] = [];
	const L = ACCOUNT_TEXT_LIMITS;
	const body: ExactBody = {
		Name: cut(customer.name, L.name, 'Account name', warnings) ?? 'Customer',
		Status: 'C',
	};
	put(body, 'Email', cut(customer.email, L.email, 'E-mail', warnings));
	put(body, 'Phone', cut(customer.phone, L.phone, 'Phone', warnings));
	Object.assign(body, addressFields(options.visitAddress, 'Visit', warnings));
	const vat = normalizeVatNumber(customer.vatNumber);
	if (vat) body.VATNumber = vat;
	const language = exactLanguage(options.locale);
	if (language) body.Language = language;
	if (options.idField && customer.shopifyCustomerId) {
		const id = customer.shopifyCustomerId.trim();
		if (Array.from(id).length <= L.idField) body[options.idField] = id;
		else warnings.push(`Shopify customer id ${id} is too long for ${options.idField}; not stored`);
	}
	return { body, warnings };
}

/** POST body of crm/Contacts: the person behind the order (at least a last name). */
export function contactBody(
	accountId: string,
	customer: DocumentCustomer,
	locale: string | null,
): DraftResult {
	const warnings: string[] = [];
	const L = ACCOUNT_TEXT_LIMITS;
	const first = cut(customer.firstName, L.firstName, 'First name', warnings);
	let last = cut(customer.lastName, L.lastName, 'Last name', warnings);
	if (!first && !last)
		last = cut(customer.name, L.lastName, 'Contact name', warnings) ?? 'Customer';
	const body: ExactBody = { Account: accountId };
	put(body, 'FirstName', first);
	put(body, 'LastName', last);
	put(body, 'Email', cut(customer.email, L.email, 'E-mail', warnings));
	put(body, 'Phone', cut(customer.phone, L.phone, 'Phone', warnings));
	const language = exactLanguage(locale);
	if (language) body.Language = language;
	return { body, warnings };
}

/** POST body of crm/Addresses: a delivery address (Type 4) of the account. */
export function deliveryAddressBody(
	accountId: string,
	address: DocumentAddress,
	main: boolean,
): DraftResult {
	const warnings: string[] = [];
	const body: ExactBody = {
		Account: accountId,
		Type: 4,
		Main: main,
		...addressFields(address, 'Delivery', warnings),
	};
	put(body, 'Phone', cut(address.phone, ACCOUNT_TEXT_LIMITS.phone, 'Delivery phone', warnings));
	return { body, warnings };
}

function squash(value: unknown): string {
	return typeof value === 'string' ? value.toLowerCase().replace(/[\s.,-]+/g, '') : '';
}

/** The parts of an address that make it the same place: lines, postcode, city, country. */
export function addressSignature(address: {
	AddressLine1?: unknown;
	AddressLine2?: unknown;
	Postcode?: unknown;
	City?: unknown;
	Country?: unknown;
}): string {
	return [
		address.AddressLine1,
		address.AddressLine2,
		address.Postcode,
		address.City,
		address.Country,
	]
		.map(squash)
		.join('|');
}

/** The signature of a document address as it would be stored (same cuts as the POST body). */
export function documentAddressSignature(address: DocumentAddress): string {
	return addressSignature(addressFields(address, '', []));
}

/** True when the address has enough to deliver to (a first line or a postcode, and a city or country). */
export function isDeliverable(address: DocumentAddress | null): address is DocumentAddress {
	return Boolean(
		address && (address.line1 || address.postcode) && (address.city || address.countryCode),
	);
}

function changed(
	current: unknown,
	next: string | null,
	compare: (v: unknown) => string | null,
): boolean {
	return next !== null && compare(current) !== compare(next);
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const phone = (v: unknown) => (typeof v === 'string' && v.trim() ? v.replace(/[^\d+]/g, '') : null);

/** Changed contact data of an account: the PUT body (only changed, non-empty fields). */
export function accountChanges(record: object, customer: DocumentCustomer): ExactBody {
	const current = record as Record<string, unknown>;
	const body: ExactBody = {};
	const L = ACCOUNT_TEXT_LIMITS;
	const email = cut(customer.email, L.email, '', []);
	const tel = cut(customer.phone, L.phone, '', []);
	if (changed(current.Email, email, normalizeEmail)) body.Email = email;
	if (changed(current.Phone, tel, phone)) body.Phone = tel;
	return body;
}

/** Changed data of the main contact: the PUT body (only changed, non-empty fields). */
export function contactChanges(record: object, customer: DocumentCustomer): ExactBody {
	const current = record as Record<string, unknown>;
	const body: ExactBody = {};
	const L = ACCOUNT_TEXT_LIMITS;
	const first = cut(customer.firstName, L.firstName, '', []);
	const last = cut(customer.lastName, L.lastName, '', []);
	const email = cut(customer.email, L.email, '', []);
	const tel = cut(customer.phone, L.phone, '', []);
	if (changed(current.FirstName, first, text)) body.FirstName = first;
	if (changed(current.LastName, last, text)) body.LastName = last;
	if (changed(current.Email, email, normalizeEmail)) body.Email = email;
	if (changed(current.Phone, tel, phone)) body.Phone = tel;
	return body;
}
