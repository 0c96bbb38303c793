/**
 * Batched lookups of the Account flow: accounts by every natural key of every order (one
 * or-filter, split only when the URL would get too long), delivery addresses by (account, first
 * line), main contacts by ID.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { ACCOUNT_LOOKUP_FIELDS, chunkTerms } from '../../../../core/exact/accountMatch';
import type { AccountCandidate } from '../../../../core/exact/accountMatch';
import { and, eq, lit } from '../../../../core/exact/filter';
import type { Filter } from '../../../../core/exact/filter';
import {
	buildQueryString,
	exactGetAll,
	exactLookup,
	transportSettings,
} from '../../../shared/transport';
import type { ExactQuery } from '../../../shared/transport';

export interface AccountRecord extends AccountCandidate {
	MainContact?: string | null;
	Phone?: string | null;
}

export interface AddressRecord {
	ID: string;
	Account: string;
	AddressLine1?: string | null;
	AddressLine2?: string | null;
	Postcode?: string | null;
	City?: string | null;
	Country?: string | null;
	Main?: boolean | null;
	Created?: string | null;
}

export interface ContactRecord {
	ID: string;
	Account?: string | null;
	FirstName?: string | null;
	LastName?: string | null;
	Email?: string | null;
	Phone?: string | null;
}

export const ADDRESS_FIELDS = [
	'ID',
	'Account',
	'AddressLine1',
	'AddressLine2',
	'Postcode',
	'City',
	'Country',
	'Main',
	'Created',
];
export const CONTACT_FIELDS = [
	'ID',
	'Account',
	'FirstName',
	'LastName',
	'Email',
	'Phone',
	'IsMainContact',
];

/** Room for `https://start.exactonline.co.uk/api/v1/{division}/{service}/{Entity}` before the query. */
const PREFIX_ALLOWANCE = 160;

function fits(qs: ExactQuery): boolean {
	return buildQueryString(qs).length + PREFIX_ALLOWANCE < transportSettings.maxUrlLength;
}

function unique<T extends { ID: string }>(records: T[]): T[] {
	const seen = new Map<string, T>();
	for (const record of records) seen.set(record.ID.toLowerCase(), record);
	return [...seen.values()];
}

async function readChunks<T extends { ID: string }>(
	ctx: IExecuteFunctions,
	path: string,
	terms: Filter[],
	select: string[],
	wrap: (chunk: Filter) => Filter,
	itemIndex: number,
): Promise<T[]> {
	if (terms.length === 0) return [];
	const chunks = chunkTerms(terms, (chunk) => fits({ $filter: wrap(chunk), $select: select }));
	const out: T[] = [];
	for (const chunk of chunks) {
		const page = (await exactGetAll.call(ctx, {
			path,
			qs: { $filter: wrap(chunk), $select: select },
			itemIndex,
		})) as T[];
		out.push(...page);
	}
	return unique(out);
}

/** Accounts matching any of the terms, with the fields the ranking and the document need. */
export async function lookupAccounts(
	ctx: IExecuteFunctions,
	terms: Filter[],
	idField: string | null,
	itemIndex = 0,
): Promise<AccountRecord[]> {
	const select = idField ? [...ACCOUNT_LOOKUP_FIELDS, idField] : ACCOUNT_LOOKUP_FIELDS;
	return await readChunks<AccountRecord>(ctx, 'crm/Accounts', terms, select, (f) => f, itemIndex);
}

export interface AddressKey {
	accountId: string;
	line1: string | null;
	postcode: string | null;
}

/** The term that finds an account's delivery addresses on this first line (else postcode). */
export function addressTerm(key: AddressKey): Filter | null {
	const account = eq('Account', lit.guid(key.accountId));
	if (key.line1) return and(account, eq('AddressLine1', key.line1));
	if (key.postcode) return and(account, eq('Postcode', key.postcode));
	return null;
}

/** Delivery addresses (Type 4) of these accounts on these lines. */
export async function lookupDeliveryAddresses(
	ctx: IExecuteFunctions,
	keys: AddressKey[],
	itemIndex = 0,
): Promise<AddressRecord[]> {
	const terms = keys.map(addressTerm).filter((t): t is Filter => t !== null);
	const delivery = eq('Type', 4);
	return await readChunks<AddressRecord>(
		ctx,
		'crm/Addresses',
		terms,
		ADDRESS_FIELDS,
		(f) => and(delivery, f),
		itemIndex,
	);
}

export async function lookupContacts(
	ctx: IExecuteFunctions,
	ids: string[],
	itemIndex = 0,
): Promise<ContactRecord[]> {
	if (ids.length === 0) return [];
	return (await exactLookup.call(ctx, {
		path: 'crm/Contacts',
		field: 'ID',
		values: ids.map((id) => lit.guid(id)),
		select: CONTACT_FIELDS,
		itemIndex,
	})) as ContactRecord[];
}
