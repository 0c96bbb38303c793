/**
 * The division's VAT codes: one GET vat/VATCodes per execution and division, or none when an
 * earlier or concurrent run remembered them (process memory, then workflow static data, for
 * `rememberMinutes`).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ExactVatCode } from '../../../core/vat';
import { SALES_VAT_CODES, VAT_CODE_FIELDS } from '../../shared/methods/vatCodes';
import { exactGetAll, resolveDivision } from '../../shared/transport';
import { memoryScope, sharedMap } from '../../shared/processMemory';
import { credentialKey, executionKey } from '../../shared/transport/context';

export interface DivisionVatCodes {
	division: number;
	vatCodes: ExactVatCode[];
}

/** A few recent executions are kept; a node in a loop reuses its execution's codes. */
const MAX_ENTRIES = 50;
const loads = new Map<string, Promise<ExactVatCode[]>>();

export async function loadVatCodesOnce(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reload = false,
): Promise<DivisionVatCodes> {
	const division = await resolveDivision.call(ctx, itemIndex);
	const execution = executionKey(ctx);
	const key = execution ? `${execution}|${credentialKey(ctx)}|${division}` : undefined;
	if (reload && key) loads.delete(key);
	let pending = key ? loads.get(key) : undefined;
	if (!pending) {
		pending = exactGetAll.call(ctx, {
			path: 'vat/VATCodes',
			qs: { $select: VAT_CODE_FIELDS, $filter: SALES_VAT_CODES },
			division,
			itemIndex,
			entity: 'VAT codes',
		}) as Promise<ExactVatCode[]>;
		if (key) {
			loads.set(key, pending);
			while (loads.size > MAX_ENTRIES) loads.delete(loads.keys().next().value as string);
			// A failed load is not kept: the next item tries again.
			pending.catch(() => loads.delete(key));
		}
	}
	return { division, vatCodes: await pending };
}

/** Static-data slot of the remembered codes, per division. */
export const VAT_CODE_CACHE_SLOT = 'vatCodes';

interface RememberedCodes {
	at: number;
	codes: ExactVatCode[];
	/** The execution that loaded them. */
	execution?: string;
}

function remembered(
	store: IDataObject,
	division: number,
	now: number,
	maxAgeMs: number,
): RememberedCodes | undefined {
	const slot = store[VAT_CODE_CACHE_SLOT] as Record<string, RememberedCodes> | undefined;
	const entry = slot?.[String(division)];
	if (!entry || !Array.isArray(entry.codes) || typeof entry.at !== 'number') return undefined;
	const age = now - entry.at;
	return age >= 0 && age < maxAgeMs ? entry : undefined;
}

export interface VatCodesForRun extends DivisionVatCodes {
	/** True when the codes came from an earlier run (they may miss a code created since). */
	fromEarlierRun: boolean;
}

/** What this process remembers per credential, site and division: shared by concurrent runs. */
interface SharedCodes {
	at: number;
	execution?: string;
	/** The load in flight or done; concurrent executions wait for the same one. */
	codes: Promise<ExactVatCode[]>;
}

const MAX_SHARED_DIVISIONS = 100;

/**
 * The codes for this item: remembered ones while younger than `rememberMinutes` (0 = never), else
 * loaded (once per execution) and remembered. Remembered first in this process's memory, shared by
 * the executions that overlap (a load in flight is awaited, not repeated), then in the node's static
 * data, which carries them over a restart. `fresh` skips what was remembered, e.g. after the
 * remembered codes lacked one the order needs.
 */
export async function vatCodesForRun(
	ctx: IExecuteFunctions,
	itemIndex: number,
	rememberMinutes: number,
	fresh = false,
): Promise<VatCodesForRun> {
	if (!(rememberMinutes > 0))
		return { ...(await loadVatCodesOnce(ctx, itemIndex)), fromEarlierRun: false };
	const store = ctx.getWorkflowStaticData('node');
	const division = await resolveDivision.call(ctx, itemIndex);
	const execution = executionKey(ctx);
	const now = Date.now();
	const maxAgeMs = rememberMinutes * 60_000;
	const shared = sharedMap<SharedCodes>(
		VAT_CODE_CACHE_SLOT,
		await memoryScope(ctx, undefined, itemIndex),
		MAX_SHARED_DIVISIONS,
	);
	const key = String(division);
	const inMemory = fresh ? undefined : shared.get(key);
	if (inMemory && now - inMemory.at < maxAgeMs) {
		try {
			const vatCodes = await inMemory.codes;
			const fromEarlierRun = !execution || inMemory.execution !== execution;
			return { division, vatCodes, fromEarlierRun };
		} catch {
			// The other execution's load failed: load here (below).
		}
	}
	const cached = fresh ? undefined : remembered(store, division, now, maxAgeMs);
	if (cached) {
		const fromEarlierRun = !execution || cached.execution !== execution;
		shared.set(key, {
			at: cached.at,
			execution: cached.execution,
			codes: Promise.resolve(cached.codes),
		});
		return { division, vatCodes: cached.codes, fromEarlierRun };
	}
	const loading = loadVatCodesOnce(ctx, itemIndex, fresh);
	const entry: SharedCodes = { at: now, execution, codes: loading.then((l) => l.vatCodes) };
	shared.set(key, entry);
	entry.codes.catch(() => {
		if (shared.get(key) === entry) shared.delete(key);
	});
	const loaded = await loading;
	const slot = (store[VAT_CODE_CACHE_SLOT] ?? {}) as Record<string, RememberedCodes>;
	store[VAT_CODE_CACHE_SLOT] = {
		...slot,
		[String(division)]: { at: now, codes: loaded.vatCodes, execution },
	} as unknown as IDataObject;
	return { ...loaded, fromEarlierRun: false };
}
