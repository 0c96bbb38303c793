/**
 * What the Shopify Inventory node writes: input rows → validated requests → per SKU and location
 * either a write (with the quantity Shopify holds now, for compare-and-swap) or a skip with a
 * reason. No I/O: the node resolves SKUs first and passes what it found.
 */
import { toLocationGid } from './locations';
import { skuKey } from './shopifySearch';

export type SkipReason =
	| 'invalidInput'
	| 'unknownSku'
	| 'duplicateSku'
	| 'bundle'
	| 'untracked'
	| 'notStockedAtLocation'
	| 'unchanged'
	| 'superseded';

export const SKIP_MESSAGES: Readonly<Record<SkipReason, string>> = {
	invalidInput: 'The item has no usable SKU, Shopify location ID or whole-number quantity',
	unknownSku: 'No Shopify variant has this SKU',
	duplicateSku: 'Several Shopify variants have this SKU; none was changed',
	bundle: 'The variant is a bundle: Shopify computes its stock from its components',
	untracked: 'Shopify does not track inventory for this variant',
	notStockedAtLocation: 'The variant is not stocked at this Shopify location',
	unchanged: 'Shopify already has this quantity',
	superseded: 'A later input item sets the same SKU at the same location',
};

export interface QuantityRequest {
	index: number;
	sku: string;
	/** gid://shopify/Location/<id> */
	locationId: string;
	quantity: number;
}

/** What a SKU query told us about one variant. */
export interface VariantInfo {
	variantId: string;
	sku: string;
	inventoryItemId: string;
	tracked: boolean;
	requiresComponents: boolean;
	/** location gid → current "available"; null when the item is not stocked there. */
	available: Record<string, number | null>;
}

export interface PlannedWrite {
	index: number;
	sku: string;
	variantId: string;
	inventoryItemId: string;
	locationId: string;
	quantity: number;
	/** Shopify's quantity when it was read: the compare-and-swap value. */
	current: number;
}

export interface Skip {
	index: number;
	reason: SkipReason;
	sku?: string;
	locationId?: string;
	quantity?: number;
	variantId?: string;
	inventoryItemId?: string;
	current?: number | null;
}

export type ParsedRow = { ok: true; request: QuantityRequest } | { ok: false; skip: Skip };

/** Validates one input row; quantities must be whole numbers (Shopify stores integers). */
export function parseRequest(
	index: number,
	raw: { sku: unknown; locationId: unknown; quantity: unknown },
): ParsedRow {
	const sku = typeof raw.sku === 'number' ? String(raw.sku) : raw.sku;
	const locationId = toLocationGid(raw.locationId);
	const quantity =
		typeof raw.quantity === 'string' && raw.quantity.trim() !== ''
			? Number(raw.quantity)
			: raw.quantity;
	if (
		typeof sku !== 'string' ||
		sku.trim() === '' ||
		!locationId ||
		typeof quantity !== 'number' ||
		!Number.isInteger(quantity) ||
		Math.abs(quantity) > 1_000_000_000
	) {
		return {
			ok: false,
			skip: {
				index,
				reason: 'invalidInput',
				sku: typeof sku === 'string' ? sku : undefined,
				locationId,
				quantity: typeof quantity === 'number' ? quantity : undefined,
			},
		};
	}
	return { ok: true, request: { index, sku: sku.trim(), locationId, quantity } };
}

/** The last request per (SKU, location) wins; earlier ones are skipped as superseded. */
export function dedupeRequests(requests: QuantityRequest[]): {
	kept: QuantityRequest[];
	skips: Skip[];
} {
	const last = new Map<string, QuantityRequest>();
	for (const r of requests) last.set(`${skuKey(r.sku)}|${r.locationId}`, r);
	const kept: QuantityRequest[] = [];
	const skips: Skip[] = [];
	for (const r of requests) {
		if (last.get(`${skuKey(r.sku)}|${r.locationId}`) === r) kept.push(r);
		else
			skips.push({
				index: r.index,
				reason: 'superseded',
				sku: r.sku,
				locationId: r.locationId,
				quantity: r.quantity,
			});
	}
	return { kept, skips };
}

/** Writes and skips for deduplicated requests, given the variants found per SKU key. */
export function planWrites(
	requests: QuantityRequest[],
	variantsBySku: Map<string, VariantInfo[]>,
): { writes: PlannedWrite[]; skips: Skip[] } {
	const writes: PlannedWrite[] = [];
	const skips: Skip[] = [];
	for (const r of requests) {
		const base = { index: r.index, sku: r.sku, locationId: r.locationId, quantity: r.quantity };
		const found = variantsBySku.get(skuKey(r.sku)) ?? [];
		if (found.length === 0) {
			skips.push({ ...base, reason: 'unknownSku' });
			continue;
		}
		if (found.length > 1) {
			skips.push({ ...base, reason: 'duplicateSku' });
			continue;
		}
		const v = found[0];
		const ids = { variantId: v.variantId, inventoryItemId: v.inventoryItemId };
		if (v.requiresComponents) {
			skips.push({ ...base, ...ids, reason: 'bundle' });
			continue;
		}
		if (!v.tracked) {
			skips.push({ ...base, ...ids, reason: 'untracked' });
			continue;
		}
		const current = v.available[r.locationId];
		if (current === null || current === undefined) {
			skips.push({ ...base, ...ids, reason: 'notStockedAtLocation', current: null });
			continue;
		}
		if (current === r.quantity) {
			skips.push({ ...base, ...ids, reason: 'unchanged', current });
			continue;
		}
		writes.push({ ...base, ...ids, current });
	}
	return { writes, skips };
}

/**
 * The compare-and-swap field of the API version: compareQuantity up to 2025-10,
 * changeFromQuantity from 2026-01 (optional there, mandatory from 2026-04).
 */
export function casField(apiVersion: string): 'compareQuantity' | 'changeFromQuantity' {
	return apiVersion <= '2025-10' ? 'compareQuantity' : 'changeFromQuantity';
}

export interface SetQuantitiesInput {
	name: 'available';
	reason: string;
	referenceDocumentUri?: string;
	ignoreCompareQuantity?: boolean;
	quantities: Array<Record<string, string | number>>;
}

/** inventorySetQuantities input for one batch, always with a compare value. */
export function buildSetInput(
	writes: PlannedWrite[],
	apiVersion: string,
	reason: string,
	referenceDocumentUri?: string,
): SetQuantitiesInput {
	const field = casField(apiVersion);
	const input: SetQuantitiesInput = {
		name: 'available',
		reason,
		quantities: writes.map((w) => ({
			inventoryItemId: w.inventoryItemId,
			locationId: w.locationId,
			quantity: w.quantity,
			[field]: w.current,
		})),
	};
	if (field === 'compareQuantity') input.ignoreCompareQuantity = false;
	if (referenceDocumentUri) input.referenceDocumentUri = referenceDocumentUri;
	return input;
}

export interface UserError {
	field?: string[] | null;
	message: string;
	code?: string | null;
}

export type ErrorVerdict =
	| { kind: 'stale' }
	| { kind: 'skip'; reason: SkipReason }
	| { kind: 'fail' };

/** What a userError means for the quantity it names. */
export function classifyUserError(error: UserError): ErrorVerdict {
	switch (error.code) {
		case 'COMPARE_QUANTITY_STALE':
		case 'CHANGE_FROM_QUANTITY_STALE':
			return { kind: 'stale' };
		case 'NON_MUTABLE_INVENTORY_ITEM':
			return { kind: 'skip', reason: 'bundle' };
		case 'ITEM_NOT_STOCKED_AT_LOCATION':
			return { kind: 'skip', reason: 'notStockedAtLocation' };
		default:
			return { kind: 'fail' };
	}
}

/** The batch position a userError names (`["input","quantities","3",…]`), if any. */
export function userErrorIndex(error: UserError): number | undefined {
	const field = error.field ?? [];
	const at = field.indexOf('quantities');
	if (at < 0 || at + 1 >= field.length) return undefined;
	const n = Number(field[at + 1]);
	return Number.isInteger(n) && n >= 0 ? n : undefined;
}
