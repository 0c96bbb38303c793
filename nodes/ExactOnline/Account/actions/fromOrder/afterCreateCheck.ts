/**
 * After Create Check of Find or Create From Order, for several n8n processes (queue mode), where the
 * in-process lock cannot stop two runs from creating an account for one new customer at the same
 * moment. After creating, the run reads the customer's accounts back (one call). When there are
 * several, every run keeps the oldest (the same choice everywhere) and, with 'removeNewer', deletes
 * its own later copy (one DELETE of the account) and goes on with the oldest. A copy that cannot be
 * deleted (e.g. already used) is reported; the order goes on.
 */
import type { IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import {
	accountToKeep,
	addressToKeep,
	sameCustomerAccounts,
} from '../../../../core/exact/accountDuplicates';
import { accountLookupTerms } from '../../../../core/exact/accountMatch';
import type { AccountKeys, AccountMatchSettings } from '../../../../core/exact/accountMatch';
import { eq, lit } from '../../../../core/exact/filter';
import { entityKeyPath, exactGetAll, exactRequest } from '../../../shared/transport';
import type { AccountRecord, AddressKey, AddressRecord } from './lookup';
import { lookupAccounts, lookupDeliveryAddresses } from './lookup';

export type { AfterCreateCheck } from '../../../shared/afterCreateCheck';
import type { AfterCreateCheck } from '../../../shared/afterCreateCheck';

export interface CheckResult {
	/** The account to go on with: the one this run created, or the oldest copy. */
	account: AccountRecord;
	/** True when this run's account was a later copy and the oldest is used instead. */
	lost: boolean;
	warnings: string[];
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const label = (account: AccountRecord) => String(account.Code ?? '').trim() || account.ID;

/** Deletes an account; a 404 means it is gone already (a retried DELETE, or another run). */
async function removeAccount(ctx: IExecuteFunctions, id: string, itemIndex: number): Promise<void> {
	try {
		await exactRequest.call(ctx, {
			method: 'DELETE',
			path: entityKeyPath('crm/Accounts', id),
			itemIndex,
			writeCheck: async () => {
				const still = await exactGetAll.call(ctx, {
					path: 'crm/Accounts',
					qs: { $filter: eq('ID', lit.guid(id)), $select: ['ID'] },
					itemIndex,
				});
				return still.length ? undefined : {};
			},
		});
	} catch (error) {
		// The transport's errors are NodeApiErrors already; a 404 means the account is gone.
		if ((error as { httpCode?: unknown }).httpCode !== '404') throw error as NodeApiError;
	}
}

export async function checkCreatedAccount(
	ctx: IExecuteFunctions,
	created: AccountRecord,
	keys: AccountKeys,
	settings: AccountMatchSettings,
	mode: AfterCreateCheck,
	itemIndex: number,
): Promise<CheckResult> {
	const own: CheckResult = { account: created, lost: false, warnings: [] };
	const found = await lookupAccounts(
		ctx,
		accountLookupTerms(keys, settings),
		settings.idField,
		itemIndex,
	);
	const copies = sameCustomerAccounts(found, created.ID, keys, settings);
	const keeper = copies.length > 1 ? accountToKeep(copies) : undefined;
	if (!keeper) return own;
	if (mode === 'report') {
		const codes = copies.map(label).join(', ');
		return { ...own, warnings: [`Duplicate: accounts ${codes} are the same customer`] };
	}
	// The oldest copy stays; the runs that created the others remove their own.
	if (sameId(keeper.ID, created.ID)) return own;
	const what = `account ${label(created)} duplicates account ${label(keeper)}, created first by a concurrent run`;
	try {
		await removeAccount(ctx, created.ID, itemIndex);
		return { account: keeper, lost: true, warnings: [`The new ${what}, and was removed`] };
	} catch (error) {
		const reason = (error as Error).message;
		return {
			account: keeper,
			lost: true,
			warnings: [`The new ${what}, and could not be removed: ${reason}`],
		};
	}
}

/**
 * The same check for a delivery address this run added: the account's addresses on that line read
 * back (one call); with several copies of the address every run keeps the oldest, and with
 * 'removeNewer' a run whose copy is not the oldest deletes it (before any order uses it) and goes
 * on with the oldest.
 */
export async function checkCreatedAddress(
	ctx: IExecuteFunctions,
	created: AddressRecord,
	key: AddressKey,
	sameAddress: (address: AddressRecord) => boolean,
	mode: AfterCreateCheck,
	itemIndex: number,
): Promise<{ address: AddressRecord; warnings: string[] }> {
	const found = (await lookupDeliveryAddresses(ctx, [key], itemIndex)).filter(
		(a) => sameId(a.ID, created.ID) || sameAddress(a),
	);
	const own = { address: created, warnings: [] as string[] };
	if (found.length < 2) return own;
	const keeper = addressToKeep(found) as AddressRecord;
	if (mode === 'report') {
		return {
			...own,
			warnings: [
				`Duplicate: ${found.length} delivery addresses ${created.AddressLine1 ?? ''} on one account`,
			],
		};
	}
	if (sameId(keeper.ID, created.ID)) return own;
	try {
		await exactRequest.call(ctx, {
			method: 'DELETE',
			path: entityKeyPath('crm/Addresses', created.ID),
			itemIndex,
			writeCheck: async () => {
				const still = (await lookupDeliveryAddresses(ctx, [key], itemIndex)).some((a) =>
					sameId(a.ID, created.ID),
				);
				return still ? undefined : {};
			},
		});
	} catch (error) {
		if ((error as { httpCode?: unknown }).httpCode !== '404') {
			return {
				address: keeper,
				warnings: [
					`Delivery address ${created.ID} duplicates ${keeper.ID}, added first by a concurrent run, and could not be removed: ${(error as Error).message}`,
				],
			};
		}
	}
	return {
		address: keeper,
		warnings: [
			`Delivery address ${created.AddressLine1 ?? created.ID} was added first by a concurrent run; removed this run's copy`,
		],
	};
}
