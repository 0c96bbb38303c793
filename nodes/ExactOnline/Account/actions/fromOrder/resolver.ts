/**
 * The account of one order document: match among what the batched lookup found and what this
 * execution created, else create Account + Contact (+ MainContact when Exact did not set it),
 * then find or add the delivery address. Every POST is preceded by the batched lookup and carries
 * a writeCheck, so a dropped response is resolved by a lookup, never by a second record.
 *
 * Concurrency: Exact has no unique key on accounts. In one process a customer is found or created
 * under a lock per match key, and a delivery address under a lock per account and line
 * (customerLock.ts); a run whose lookup predates a create of this process looks up again. Across
 * processes the After Create Check reads a new account back and keeps the oldest copy
 * (afterCreateCheck.ts).
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { EnrichedOrderDocument, ExactAccountRef } from '../../../../core/document';
import {
	accountBody,
	accountChanges,
	addressSignature,
	contactBody,
	contactChanges,
	deliveryAddressBody,
	documentAddressSignature,
	isDeliverable,
} from '../../../../core/exact/accountDraft';
import type { ExactBody } from '../../../../core/exact/accountDraft';
import {
	accountKeys,
	accountLookupTerms,
	hasAnyKey,
	rankAccounts,
} from '../../../../core/exact/accountMatch';
import type { AccountKeys, AccountMatchSettings } from '../../../../core/exact/accountMatch';
import { icpAccountCheck, icpVatNumber } from '../../../../core/exact/accountIcp';
import { eq, lit } from '../../../../core/exact/filter';
import { orderLabel } from '../../../../core/exact/orderDocumentInput';
import { exactGetAll, resolveDivision } from '../../../shared/transport';
import { checkCreatedAccount, checkCreatedAddress } from './afterCreateCheck';
import type { AfterCreateCheck } from './afterCreateCheck';
import {
	addressLockKey,
	createdSince,
	customerLockKeys,
	markCreated,
	withLocks,
} from './customerLock';
import type { AccountRecord, AddressKey, AddressRecord, ContactRecord } from './lookup';
import { CONTACT_FIELDS, lookupAccounts, lookupContacts, lookupDeliveryAddresses } from './lookup';
import { post, putChanges } from './writes';

export interface ResolverOptions {
	updateContactData: boolean;
	deliveryAddress: boolean;
	/** Read a new account back and handle a copy another process created (default 'none'). */
	afterCreateCheck?: AfterCreateCheck;
}

export interface Resolution {
	ref: ExactAccountRef;
	warnings: string[];
}

export function addressKey(accountId: string, doc: EnrichedOrderDocument): AddressKey | null {
	const address = doc.deliveryAddress;
	if (!isDeliverable(address)) return null;
	return { accountId: accountId.toLowerCase(), line1: address.line1, postcode: address.postcode };
}

export function pairKey(key: AddressKey): string {
	return `${key.accountId}|${(key.line1 ?? key.postcode ?? '').toLowerCase()}`;
}

export class AccountResolver {
	protected readonly candidates: AccountRecord[] = [];
	protected readonly addresses: AddressRecord[] = [];
	private readonly contacts = new Map<string, ContactRecord>();
	protected readonly loadedPairs = new Set<string>();
	/** Accounts created by this execution: their addresses are all known here. */
	private readonly created = new Set<string>();
	/** When the batched lookup started (0: none), to spot creates of this process made since. */
	private lookedUpAt = 0;

	constructor(
		protected readonly ctx: IExecuteFunctions,
		protected readonly settings: AccountMatchSettings,
		protected readonly options: ResolverOptions,
	) {}

	keysOf(doc: EnrichedOrderDocument): AccountKeys {
		return accountKeys(doc.customer, this.settings);
	}

	/**
	 * One lookup for the accounts of all documents, then one for their delivery addresses (plus
	 * `extraPairs`, those of accounts known already) and contacts.
	 */
	async prefetch(docs: EnrichedOrderDocument[], extraPairs: AddressKey[] = []): Promise<void> {
		this.lookedUpAt = Date.now();
		const terms = docs.flatMap((doc) => accountLookupTerms(this.keysOf(doc), this.settings));
		this.candidates.push(...(await lookupAccounts(this.ctx, terms, this.settings.idField)));
		const pairs: AddressKey[] = extraPairs.filter((key) => {
			if (this.loadedPairs.has(pairKey(key))) return false;
			this.loadedPairs.add(pairKey(key));
			return true;
		});
		const contactIds = new Set<string>();
		for (const doc of docs) {
			const match = rankAccounts(this.candidates, this.keysOf(doc), this.settings);
			if (!match) continue;
			const key = this.options.deliveryAddress ? addressKey(match.account.ID, doc) : null;
			if (key && !this.loadedPairs.has(pairKey(key))) {
				this.loadedPairs.add(pairKey(key));
				pairs.push(key);
			}
			if (this.options.updateContactData && match.account.MainContact)
				contactIds.add(match.account.MainContact);
		}
		this.addresses.push(...(await lookupDeliveryAddresses(this.ctx, pairs)));
		for (const contact of await lookupContacts(this.ctx, [...contactIds]))
			this.contacts.set(contact.ID, contact);
	}

	/** The account of one document, found or created while holding the customer's lock. */
	async resolve(doc: EnrichedOrderDocument, itemIndex: number): Promise<Resolution> {
		const division = await resolveDivision.call(this.ctx, itemIndex);
		const lockKeys = customerLockKeys(division, this.keysOf(doc), this.settings);
		return await withLocks(
			lockKeys,
			async () => await this.resolveLocked(doc, itemIndex, lockKeys),
		);
	}

	protected async resolveLocked(
		doc: EnrichedOrderDocument,
		itemIndex: number,
		lockKeys: string[],
	): Promise<Resolution> {
		const keys = this.keysOf(doc);
		if (!hasAnyKey(keys)) {
			throw new Error(
				`Order ${orderLabel(doc)}: the customer has no VAT number, e-mail address or Shopify customer id ` +
					'to find an account by; send such orders to the shared guest account (Guest Orders setting)',
			);
		}
		let match = rankAccounts(this.candidates, keys, this.settings);
		if (!match && createdSince(lockKeys, this.lookedUpAt)) {
			// Another execution of this process created the customer after this run's lookup.
			this.candidates.push(...(await this.lookupByKeys(keys, itemIndex)));
			match = rankAccounts(this.candidates, keys, this.settings);
		}
		if (!match) return await this.createAndCheck(doc, keys, itemIndex, lockKeys);
		const icp = keys.guest ? null : icpVatNumber(doc);
		if (icp && icpAccountCheck(match.account, icp) === 'other') {
			return await this.businessAccount(doc, keys, icp, match.account, itemIndex, lockKeys);
		}
		const warnings: string[] = [];
		const account = match.account;
		if (icp && icpAccountCheck(account, icp) === 'set') {
			await putChanges(this.ctx, 'crm/Accounts', account.ID, { VATNumber: icp }, itemIndex);
			account.VATNumber = icp;
			warnings.push(
				`Account ${String(account.Code ?? '').trim()} had no VAT number; set to ${icp}, which the EC sales listing of this intra-community supply needs`,
			);
		}
		const updated =
			this.options.updateContactData &&
			!keys.guest &&
			(await this.updateContactData(account, doc, itemIndex));
		return {
			ref: this.refOf(
				account,
				await this.addressOf(account, doc, itemIndex, warnings),
				updated ? 'updated' : 'found',
				match.matchedBy,
			),
			warnings,
		};
	}

	/**
	 * An ICP order matched (by e-mail or id) an account with another VAT number: book it on the
	 * account with the order's VAT number, found or created, and say so.
	 */
	private async businessAccount(
		doc: EnrichedOrderDocument,
		keys: AccountKeys,
		icp: string,
		matched: AccountRecord,
		itemIndex: number,
		lockKeys: string[],
	): Promise<Resolution> {
		const vatKeys: AccountKeys = { ...keys, vatNumber: icp, email: null, shopifyCustomerId: null };
		const byVat = { ...this.settings, matchBy: ['vatNumber' as const] };
		let business = rankAccounts(this.candidates, vatKeys, byVat)?.account;
		if (!business) {
			this.candidates.push(...(await this.lookupByKeys(vatKeys, itemIndex)));
			business = rankAccounts(this.candidates, vatKeys, byVat)?.account;
		}
		const note = `Account ${String(matched.Code ?? '').trim()} has VAT number ${String(matched.VATNumber).trim()}, not this order's ${icp}`;
		if (!business) {
			const created = await this.createAndCheck(doc, vatKeys, itemIndex, lockKeys);
			created.warnings.unshift(
				`${note}: created an account with ${icp} for this intra-community supply`,
			);
			return {
				...created,
				ref: { ...created.ref, reason: 'ICP: account with the order VAT number' },
			};
		}
		const warnings = [`${note}: used account ${String(business.Code ?? '').trim()}, which has it`];
		const ref = this.refOf(
			business,
			await this.addressOf(business, doc, itemIndex, warnings),
			'found',
			'vatNumber',
		);
		return { ref: { ...ref, reason: 'ICP: account with the order VAT number' }, warnings };
	}

	/** Creates the account (and contact, delivery address), then runs the After Create Check. */
	private async createAndCheck(
		doc: EnrichedOrderDocument,
		keys: AccountKeys,
		itemIndex: number,
		lockKeys: string[],
	): Promise<Resolution> {
		const warnings: string[] = [];
		const account = keys.guest
			? await this.createGuest(keys, itemIndex)
			: await this.createCustomer(doc, keys, itemIndex, warnings);
		markCreated(lockKeys);
		const addressId = await this.addressOf(account, doc, itemIndex, warnings);
		const mode = this.options.afterCreateCheck ?? 'none';
		const created = this.refOf(account, addressId, 'created', keys.guest ? 'guest' : null);
		if (mode === 'none') return { ref: created, warnings };
		const check = await checkCreatedAccount(
			this.ctx,
			account,
			keys,
			this.settings,
			mode,
			itemIndex,
		);
		warnings.push(...check.warnings);
		if (!check.lost) return { ref: created, warnings };
		const keeper = check.account;
		this.replaceCreated(account, keeper);
		const matchedBy = rankAccounts([keeper], keys, this.settings)?.matchedBy ?? null;
		const ref = this.refOf(
			keeper,
			await this.addressOf(keeper, doc, itemIndex, warnings),
			'found',
			matchedBy,
		);
		return { ref: { ...ref, reason: 'duplicate removed' }, warnings };
	}

	private refOf(
		account: AccountRecord,
		deliveryAddressId: string | null,
		action: ExactAccountRef['action'],
		matchedBy: string | null,
	): ExactAccountRef {
		return {
			id: account.ID,
			code: String(account.Code ?? '').trim(),
			contactId: account.MainContact ?? null,
			deliveryAddressId,
			action,
			matchedBy,
		};
	}

	private async addressOf(
		account: AccountRecord,
		doc: EnrichedOrderDocument,
		itemIndex: number,
		warnings: string[],
	): Promise<string | null> {
		return this.options.deliveryAddress
			? await this.deliveryAddress(account, doc, itemIndex, warnings)
			: null;
	}

	/** This run's account lost to an older copy: match the customer to the copy from now on. */
	private replaceCreated(own: AccountRecord, keeper: AccountRecord): void {
		const id = own.ID.toLowerCase();
		this.created.delete(id);
		for (let i = this.candidates.length - 1; i >= 0; i--) {
			if (this.candidates[i].ID.toLowerCase() === id) this.candidates.splice(i, 1);
		}
		this.candidates.push(keeper);
	}

	private async lookupByKeys(keys: AccountKeys, itemIndex: number): Promise<AccountRecord[]> {
		return await lookupAccounts(
			this.ctx,
			accountLookupTerms(keys, this.settings),
			this.settings.idField,
			itemIndex,
		);
	}

	private async findByKeys(
		keys: AccountKeys,
		itemIndex: number,
	): Promise<AccountRecord | undefined> {
		return rankAccounts(await this.lookupByKeys(keys, itemIndex), keys, this.settings)?.account;
	}

	private remember(record: Record<string, unknown>): AccountRecord {
		const account = record as AccountRecord;
		this.candidates.push(account);
		this.created.add(account.ID.toLowerCase());
		return account;
	}

	private async createGuest(keys: AccountKeys, itemIndex: number): Promise<AccountRecord> {
		const body: ExactBody = {
			Name: this.settings.guest.name.trim() || 'Webshop guest',
			Status: 'C',
		};
		if (this.settings.guest.code.trim()) body.Code = this.settings.guest.code.trim();
		return this.remember(
			await post(this.ctx, 'crm/Accounts', body, itemIndex, () => this.findByKeys(keys, itemIndex)),
		);
	}

	private async createCustomer(
		doc: EnrichedOrderDocument,
		keys: AccountKeys,
		itemIndex: number,
		warnings: string[],
	): Promise<AccountRecord> {
		const draft = accountBody(doc.customer, {
			idField: this.settings.idField,
			visitAddress: doc.invoiceAddress ?? doc.deliveryAddress,
			locale: doc.customer.locale,
		});
		warnings.push(...draft.warnings);
		const account = this.remember(
			await post(this.ctx, 'crm/Accounts', draft.body, itemIndex, () =>
				this.findByKeys(keys, itemIndex),
			),
		);
		const contactDraft = contactBody(account.ID, doc.customer, doc.customer.locale);
		warnings.push(...contactDraft.warnings);
		const contact = await post(this.ctx, 'crm/Contacts', contactDraft.body, itemIndex, async () => {
			const existing = (await exactGetAll.call(this.ctx, {
				path: 'crm/Contacts',
				qs: { $filter: eq('Account', lit.guid(account.ID)), $select: CONTACT_FIELDS },
				itemIndex,
			})) as ContactRecord[];
			return existing[0];
		});
		const contactId = String(contact.ID);
		this.contacts.set(contactId, contact as unknown as ContactRecord);
		if (
			!account.MainContact &&
			contact.IsMainContact !== true &&
			contact.AccountMainContact !== contactId
		) {
			await putChanges(this.ctx, 'crm/Accounts', account.ID, { MainContact: contactId }, itemIndex);
		}
		account.MainContact = account.MainContact ?? contactId;
		return account;
	}

	private async updateContactData(
		account: AccountRecord,
		doc: EnrichedOrderDocument,
		itemIndex: number,
	): Promise<boolean> {
		const accountPatch = accountChanges(account, doc.customer);
		const changed = await putChanges(this.ctx, 'crm/Accounts', account.ID, accountPatch, itemIndex);
		Object.assign(account, accountPatch);
		const contactId = account.MainContact;
		if (!contactId) return changed;
		if (!this.contacts.has(contactId) && !this.created.has(account.ID.toLowerCase())) {
			for (const c of await lookupContacts(this.ctx, [contactId], itemIndex)) {
				this.contacts.set(c.ID, c);
			}
		}
		const contact = this.contacts.get(contactId);
		if (!contact) return changed;
		const contactPatch = contactChanges(contact, doc.customer);
		Object.assign(contact, contactPatch);
		return (
			(await putChanges(this.ctx, 'crm/Contacts', contactId, contactPatch, itemIndex)) || changed
		);
	}

	private findAddress(accountId: string, signature: string): AddressRecord | undefined {
		const id = accountId.toLowerCase();
		return this.addresses.find(
			(a) => a.Account.toLowerCase() === id && addressSignature(a) === signature,
		);
	}

	/** Finds or adds the document's delivery address, holding the lock of this account and line. */
	protected async deliveryAddress(
		account: AccountRecord,
		doc: EnrichedOrderDocument,
		itemIndex: number,
		warnings: string[],
	): Promise<string | null> {
		const key = addressKey(account.ID, doc);
		if (!key) return null;
		const lockKey = addressLockKey(await resolveDivision.call(this.ctx, itemIndex), pairKey(key));
		return await withLocks(
			[lockKey],
			async () => await this.findOrAddAddress(account, doc, key, lockKey, itemIndex, warnings),
		);
	}

	private async findOrAddAddress(
		account: AccountRecord,
		doc: EnrichedOrderDocument,
		key: AddressKey,
		lockKey: string,
		itemIndex: number,
		warnings: string[],
	): Promise<string | null> {
		if (!isDeliverable(doc.deliveryAddress)) return null;
		const signature = documentAddressSignature(doc.deliveryAddress);
		const isNew = this.created.has(account.ID.toLowerCase());
		// Another execution of this process may have added it since this run's lookup.
		const stale =
			createdSince([lockKey], this.lookedUpAt) && !this.findAddress(account.ID, signature);
		if ((!isNew && !this.loadedPairs.has(pairKey(key))) || stale) {
			this.loadedPairs.add(pairKey(key));
			this.addresses.push(...(await lookupDeliveryAddresses(this.ctx, [key], itemIndex)));
		}
		const known = this.findAddress(account.ID, signature);
		if (known) return known.ID;
		const draft = deliveryAddressBody(
			account.ID,
			doc.deliveryAddress,
			isNew && !this.addresses.some((a) => a.Account.toLowerCase() === key.accountId),
		);
		warnings.push(...draft.warnings);
		const created = (await post(this.ctx, 'crm/Addresses', draft.body, itemIndex, async () => {
			const found = await lookupDeliveryAddresses(this.ctx, [key], itemIndex);
			return found.find((a) => addressSignature(a) === signature);
		})) as unknown as AddressRecord;
		markCreated([lockKey]);
		const mode = this.options.afterCreateCheck ?? 'none';
		if (mode === 'none') {
			this.addresses.push(created);
			return created.ID;
		}
		// Another process (queue-mode worker) may have added the same address at the same moment.
		const checked = await checkCreatedAddress(
			this.ctx,
			{ ...created, Account: created.Account ?? account.ID },
			key,
			(a) => addressSignature(a) === signature,
			mode,
			itemIndex,
		);
		warnings.push(...checked.warnings);
		this.addresses.push(checked.address);
		return checked.address.ID;
	}
}
