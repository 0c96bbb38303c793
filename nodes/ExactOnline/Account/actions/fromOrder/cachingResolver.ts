/**
 * The account resolver with the cross-execution cache ("Remember Found Records Between Runs"):
 * an order whose customer keys were resolved before skips the account lookup, and the address
 * lookup too when its delivery address was seen before. Misses take the normal batched path and
 * are remembered. A write that names the cached account as missing drops it and resolves again.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { EnrichedOrderDocument, ExactAccountRef } from '../../../../core/document';
import { documentAddressSignature, isDeliverable } from '../../../../core/exact/accountDraft';
import { icpVatNumber } from '../../../../core/exact/accountIcp';
import { accountLookupTerms, hasAnyKey } from '../../../../core/exact/accountMatch';
import type { AccountMatchSettings } from '../../../../core/exact/accountMatch';
import {
	accountCacheKey,
	isMissingRecordError,
	withAddress,
} from '../../../../core/exact/masterDataCache';
import type { CachedAccount, MasterDataCache } from '../../../../core/exact/masterDataCache';
import type { AccountRecord, AddressKey } from './lookup';
import { lookupAccounts } from './lookup';
import { AccountResolver, addressKey } from './resolver';
import type { Resolution, ResolverOptions } from './resolver';

export interface AccountMemo {
	cache: MasterDataCache<CachedAccount>;
	/** cacheScope(credential, division). */
	scope: string;
	/** False: look everything up (and refresh the entries). */
	read: boolean;
}

function signatureOf(doc: EnrichedOrderDocument): string | null {
	return isDeliverable(doc.deliveryAddress) ? documentAddressSignature(doc.deliveryAddress) : null;
}

export class CachingAccountResolver extends AccountResolver {
	/** Entries found in the cache for this execution's documents, by cache key. */
	private readonly hits = new Map<string, CachedAccount>();

	constructor(
		ctx: IExecuteFunctions,
		settings: AccountMatchSettings,
		options: ResolverOptions,
		private readonly memo: AccountMemo,
	) {
		super(ctx, settings, options);
	}

	private keyOf(doc: EnrichedOrderDocument): string {
		return accountCacheKey(this.memo.scope, this.keysOf(doc), this.settings);
	}

	override async prefetch(docs: EnrichedOrderDocument[]): Promise<void> {
		const misses: EnrichedOrderDocument[] = [];
		const pairs: AddressKey[] = [];
		for (const doc of docs) {
			const key = this.keyOf(doc);
			// An ICP order checks the account's VAT number, which the cache does not hold.
			const hit =
				this.memo.read && hasAnyKey(this.keysOf(doc)) && !icpVatNumber(doc)
					? (this.hits.get(key) ?? this.memo.cache.get(key))
					: undefined;
			if (!hit) {
				misses.push(doc);
				continue;
			}
			this.hits.set(key, hit);
			const signature = signatureOf(doc);
			const pair = this.options.deliveryAddress ? addressKey(hit.id, doc) : null;
			if (pair && signature && !hit.addresses[signature]) pairs.push(pair);
		}
		await super.prefetch(misses, pairs);
	}

	protected override async resolveLocked(
		doc: EnrichedOrderDocument,
		itemIndex: number,
		lockKeys: string[],
	): Promise<Resolution> {
		const key = this.keyOf(doc);
		const hit = this.memo.read && !icpVatNumber(doc) ? this.hits.get(key) : undefined;
		if (hit) {
			// A failure that names the cached account as missing falls through; any other propagates.
			const outcome = await this.resolveHit(key, hit, doc, itemIndex).catch(
				async (error: unknown) =>
					isMissingRecordError(error, 'Account') ? null : await Promise.reject(error),
			);
			if (outcome) return outcome;
			// The cached account was deleted in Exact: forget it and resolve from scratch.
			this.forget(hit.id);
			const found = await lookupAccounts(
				this.ctx,
				accountLookupTerms(this.keysOf(doc), this.settings),
				this.settings.idField,
				itemIndex,
			);
			this.candidates.push(...found);
		}
		const resolution = await super.resolveLocked(doc, itemIndex, lockKeys);
		if (hasAnyKey(this.keysOf(doc))) this.memorise(key, doc, resolution.ref);
		return resolution;
	}

	private async resolveHit(
		key: string,
		hit: CachedAccount,
		doc: EnrichedOrderDocument,
		itemIndex: number,
	): Promise<Resolution> {
		const warnings: string[] = [];
		const signature = signatureOf(doc);
		let deliveryAddressId: string | null = null;
		if (this.options.deliveryAddress && signature) {
			deliveryAddressId = hit.addresses[signature] ?? null;
			if (!deliveryAddressId) {
				const account = { ID: hit.id, Code: hit.code, MainContact: hit.contactId };
				deliveryAddressId = await this.deliveryAddress(
					account as AccountRecord,
					doc,
					itemIndex,
					warnings,
				);
				if (deliveryAddressId) {
					const updated = withAddress(hit, signature, deliveryAddressId);
					this.hits.set(key, updated);
					this.memo.cache.update(key, () => updated);
				}
			}
		}
		const ref: ExactAccountRef = {
			id: hit.id,
			code: hit.code,
			contactId: hit.contactId,
			deliveryAddressId,
			action: 'found',
			matchedBy: hit.matchedBy,
		};
		return { ref, warnings };
	}

	private memorise(key: string, doc: EnrichedOrderDocument, ref: ExactAccountRef): void {
		const signature = signatureOf(doc);
		const base: CachedAccount = {
			id: ref.id,
			code: ref.code,
			contactId: ref.contactId,
			matchedBy: ref.matchedBy,
			addresses: {},
		};
		const known = this.hits.get(key);
		const start = known && known.id === ref.id ? { ...base, addresses: known.addresses } : base;
		const entry =
			signature && ref.deliveryAddressId
				? withAddress(start, signature, ref.deliveryAddressId)
				: start;
		this.hits.set(key, entry);
		this.memo.cache.set(key, entry);
	}

	private forget(accountId: string): void {
		const id = accountId.toLowerCase();
		this.memo.cache.deleteWhere((entry) => entry.id.toLowerCase() === id);
		for (const [key, entry] of this.hits) if (entry.id.toLowerCase() === id) this.hits.delete(key);
		for (let i = this.candidates.length - 1; i >= 0; i--) {
			if (this.candidates[i].ID.toLowerCase() === id) this.candidates.splice(i, 1);
		}
	}
}
