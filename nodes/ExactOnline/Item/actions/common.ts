/** Item lookups, item writes and sales prices shared by the Item node's operations. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { codeKey } from '../../../core/exact/itemDraft';
import { eq, lit } from '../../../core/exact/filter';
import { entityKeyPath, exactLookup, exactRequest } from '../../shared/transport';

export const ITEM_SELECT = [
	'ID',
	'Code',
	'Description',
	'ExtraDescription',
	'IsSalesItem',
	'IsStockItem',
	'IsWebshopItem',
	'ItemGroup',
	'ItemGroupCode',
	'SalesVatCode',
	'StandardSalesPrice',
	'Unit',
	'Barcode',
	'StartDate',
	'EndDate',
	'Created',
	'Modified',
];

export interface ItemRecord {
	ID: string;
	Code: string;
	Description?: string | null;
	ExtraDescription?: string | null;
	IsSalesItem?: boolean | null;
	StandardSalesPrice?: number | null;
	[field: string]: unknown;
}

/** Items by code in as few calls as the URL length allows; keyed by codeKey. */
export async function findItemsByCodes(
	ctx: IExecuteFunctions,
	codes: string[],
	itemIndex = 0,
	select: string[] = ITEM_SELECT,
): Promise<Map<string, ItemRecord>> {
	const found = new Map<string, ItemRecord>();
	if (codes.length === 0) return found;
	const records = (await exactLookup.call(ctx, {
		path: 'logistics/Items',
		field: 'Code',
		values: codes.map((c) => c.trim()),
		select,
		itemIndex,
	})) as ItemRecord[];
	for (const record of records) {
		const key = codeKey(String(record.Code ?? ''));
		if (!found.has(key)) found.set(key, record);
	}
	return found;
}

/** Writes only happen after a lookup; this one resolves a lost POST of an item by its code. */
export function itemWriteCheck(ctx: IExecuteFunctions, code: string, itemIndex: number) {
	return async () => (await findItemsByCodes(ctx, [code], itemIndex)).get(codeKey(code));
}

export interface NewItem {
	code: string;
	/** The POST body of logistics/Items. */
	body: IDataObject;
	itemIndex: number;
	parseDates?: boolean;
}

/** Creates an item; a POST whose response was lost is resolved by looking its code up again. */
export async function postItem(ctx: IExecuteFunctions, item: NewItem): Promise<ItemRecord> {
	return (await exactRequest.call(ctx, {
		method: 'POST',
		path: 'logistics/Items',
		body: item.body,
		itemIndex: item.itemIndex,
		parseDates: item.parseDates,
		writeCheck: itemWriteCheck(ctx, item.code, item.itemIndex),
	})) as ItemRecord;
}

/** Writes the changed fields of an item; a repeated PUT sets the same values, so it may be retried. */
export async function putItem(
	ctx: IExecuteFunctions,
	id: string,
	changes: IDataObject,
	itemIndex: number,
): Promise<void> {
	await exactRequest.call(ctx, {
		method: 'PUT',
		path: entityKeyPath('logistics/Items', id),
		body: changes,
		itemIndex,
		writeCheck: async () => undefined,
	});
}

export interface PriceUpdate {
	itemId: string;
	price: number;
	/** Currency of the price; null = the division's (the general price row). */
	currency: string | null;
}

interface PriceRow {
	ID: string;
	Item: string;
	Price?: number | null;
	Currency?: string | null;
	Quantity?: number | null;
	Unit?: string | null;
	StartDate?: string | null;
	EndDate?: string | null;
}

/**
 * Sets the general sales price (no account, no minimum quantity) of items: one lookup of their
 * price rows, then a PUT of each changed price, or a POST where the item has no such row.
 * Exact's logistics/Items.StandardSalesPrice is read-only; it shows this price.
 */
export async function setSalesPrices(
	ctx: IExecuteFunctions,
	all: PriceUpdate[],
	itemIndex = 0,
): Promise<number> {
	const updates = [...new Map(all.map((u) => [u.itemId.toLowerCase(), u])).values()];
	if (updates.length === 0) return 0;
	const rows = (await exactLookup.call(ctx, {
		path: 'logistics/SalesItemPrices',
		field: 'Item',
		values: updates.map((u) => lit.guid(u.itemId)),
		select: ['ID', 'Item', 'Price', 'Currency', 'Quantity', 'Unit', 'StartDate', 'EndDate'],
		extraFilter: eq('Account', null),
		itemIndex,
	})) as PriceRow[];
	let writes = 0;
	for (const update of updates) {
		const mine = rows.filter(
			(r) =>
				r.Item.toLowerCase() === update.itemId.toLowerCase() &&
				!r.EndDate &&
				!Number(r.Quantity ?? 0) &&
				(!update.currency || !r.Currency || r.Currency === update.currency),
		);
		const row = mine.find((r) => r.Currency === update.currency) ?? mine[0];
		if (row && Math.abs(Number(row.Price ?? 0) - update.price) <= 1e-6) continue;
		if (row) {
			await exactRequest.call(ctx, {
				method: 'PUT',
				path: entityKeyPath('logistics/SalesItemPrices', row.ID),
				body: { Price: update.price },
				itemIndex,
				writeCheck: async () => undefined,
			});
		} else {
			const body: Record<string, string | number> = { Item: update.itemId, Price: update.price };
			if (update.currency) body.Currency = update.currency;
			await exactRequest.call(ctx, {
				method: 'POST',
				path: 'logistics/SalesItemPrices',
				body,
				itemIndex,
				writeCheck: async () => {
					const again = (await exactLookup.call(ctx, {
						path: 'logistics/SalesItemPrices',
						field: 'Item',
						values: [lit.guid(update.itemId)],
						select: ['ID', 'Item', 'Price'],
						extraFilter: eq('Account', null),
						itemIndex,
					})) as PriceRow[];
					return again.find((r) => Math.abs(Number(r.Price ?? 0) - update.price) <= 1e-6);
				},
			});
		}
		writes++;
	}
	return writes;
}

/** Creates an item from the node's fields (dates parsed), then gives it `salesPrice` if set. */
export async function createItemWithPrice(
	ctx: IExecuteFunctions,
	item: Omit<NewItem, 'parseDates'>,
	salesPrice: number | null,
): Promise<ItemRecord> {
	const record = await postItem(ctx, { ...item, parseDates: true });
	if (salesPrice !== null)
		await setSalesPrices(
			ctx,
			[{ itemId: String(record.ID), price: salesPrice, currency: null }],
			item.itemIndex,
		);
	return record;
}
