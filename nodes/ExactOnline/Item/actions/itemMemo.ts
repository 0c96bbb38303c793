/**
 * The Item node's cross-execution cache ("Remember Found Records Between Runs"): item code →
 * Exact item id, kept in the node's workflow static data per credential and division.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { codeKey } from '../../../core/exact/itemDraft';
import {
	cacheScope,
	DEFAULT_CACHE_LIMITS,
	itemCacheKey,
	openCache,
	readsCache,
	saveCache,
} from '../../../core/exact/masterDataCache';
import type { CacheEntry, CachedItem } from '../../../core/exact/masterDataCache';
import { memoryScope, sharedMap } from '../../shared/processMemory';
import { EXACT_CREDENTIAL, resolveDivision } from '../../shared/transport';
import type { ItemRecord } from './common';

/** Where the item cache lives in the node's static data. */
export const ITEM_CACHE_SLOT = 'items';

export interface ItemMemo {
	/** Remembered items of these codes, keyed by codeKey (empty when reads are off). */
	recall(codes: string[]): Map<string, ItemRecord>;
	/** Remembers the sales items found or created (not those recalled) and saves the cache. */
	store(found: Map<string, ItemRecord>, recalled: Map<string, ItemRecord>): void;
}

const NO_MEMO: ItemMemo = { recall: () => new Map(), store: () => undefined };

export async function openItemMemo(
	ctx: IExecuteFunctions,
	options: { rememberRecords?: boolean; resetCache?: boolean },
): Promise<ItemMemo> {
	const remember = options.rememberRecords !== false;
	if (!remember && !options.resetCache) return NO_MEMO;
	const staticData = ctx.getWorkflowStaticData('node');
	const division = await resolveDivision.call(ctx, 0);
	// Shared by the concurrent executions of this process; static data carries it over a restart.
	const shared = sharedMap<CacheEntry<CachedItem>>(
		ITEM_CACHE_SLOT,
		await memoryScope(ctx, division),
		DEFAULT_CACHE_LIMITS.maxEntries,
	);
	const cache = openCache<CachedItem>(
		staticData,
		ITEM_CACHE_SLOT,
		Date.now(),
		options.resetCache,
		DEFAULT_CACHE_LIMITS,
		shared,
	);
	if (!remember) {
		saveCache(staticData, ITEM_CACHE_SLOT, cache);
		return NO_MEMO;
	}
	const scope = cacheScope(ctx.getNode().credentials?.[EXACT_CREDENTIAL]?.id, division);
	const read = readsCache(true, ctx.getMode());
	return {
		recall(codes) {
			const out = new Map<string, ItemRecord>();
			if (!read) return out;
			for (const code of codes) {
				const hit = cache.get(itemCacheKey(scope, code));
				if (hit) out.set(codeKey(code), { ID: hit.id, Code: code, IsSalesItem: hit.isSalesItem });
			}
			return out;
		},
		store(found, recalled) {
			for (const [key, record] of found) {
				if (recalled.has(key) || !record?.ID) continue;
				const cacheKey = itemCacheKey(scope, String(record.Code ?? key));
				// A non-sales item fails the order; not remembering it lets a fix in Exact count at once.
				if (record.IsSalesItem === false) cache.delete(cacheKey);
				else
					cache.set(cacheKey, { id: String(record.ID), isSalesItem: record.IsSalesItem ?? null });
			}
			saveCache(staticData, ITEM_CACHE_SLOT, cache);
		},
	};
}
