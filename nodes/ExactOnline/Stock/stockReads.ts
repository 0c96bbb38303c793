/** The Exact reads of the Stock node, all through the shared transport. */
import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { gt, lit } from '../../core/exact/filter';
import { fromItemWarehouse, fromSyncRow } from '../../core/stock/positions';
import type { StockPosition } from '../../core/stock/types';
import { exactGetAll, exactLookup } from '../shared/transport';

type Ctx = IExecuteFunctions | ILoadOptionsFunctions;

export const SYNC_STOCK_PATH = 'sync/Inventory/StockPositions';

const SYNC_FIELDS = [
	'Timestamp',
	'ID',
	'ItemId',
	'ItemCode',
	'Warehouse',
	'WarehouseCode',
	'CurrentStock',
	'FreeStock',
	'PlanningIn',
	'PlanningOut',
	'ProjectedStock',
	'ReservedStock',
];

const ITEM_WAREHOUSE_FIELDS = [
	'Item',
	'ItemCode',
	'Warehouse',
	'WarehouseCode',
	'CurrentStock',
	'PlannedStockIn',
	'PlannedStockOut',
	'ProjectedStock',
	'ReservedStock',
];

/**
 * Every stock position changed after `cursor` (the sync API pages 1,000 rows per call; it filters
 * on Timestamp only, so warehouses are filtered afterwards).
 */
export async function readChangedPositions(
	ctx: Ctx,
	division: number,
	cursor: string,
): Promise<StockPosition[]> {
	const rows = await exactGetAll.call(ctx, {
		path: SYNC_STOCK_PATH,
		qs: { $filter: gt('Timestamp', lit.int64(cursor)), $select: SYNC_FIELDS },
		division,
		entity: 'stock positions',
	});
	return (rows as Array<Record<string, unknown>>).map(fromSyncRow);
}

/** Current positions of some items in every warehouse (batched by URL length). */
export async function readItemPositions(
	ctx: Ctx,
	division: number,
	itemIds: string[],
	itemIndex = 0,
): Promise<StockPosition[]> {
	if (itemIds.length === 0) return [];
	const rows = await exactLookup.call(ctx, {
		path: 'inventory/ItemWarehouses',
		field: 'Item',
		values: itemIds.map((id) => lit.guid(id)),
		select: ITEM_WAREHOUSE_FIELDS,
		division,
		itemIndex,
		entity: 'item warehouses',
	});
	return (rows as Array<Record<string, unknown>>).map(fromItemWarehouse);
}

export interface ExactItemRef {
	ID: string;
	Code: string;
	Description?: string;
	IsStockItem?: boolean;
}

/** Items by code or by ID (batched). */
export async function lookupItems(
	ctx: Ctx,
	division: number,
	by: 'code' | 'id',
	values: string[],
	itemIndex = 0,
): Promise<ExactItemRef[]> {
	if (values.length === 0) return [];
	const rows = await exactLookup.call(ctx, {
		path: 'logistics/Items',
		field: by === 'code' ? 'Code' : 'ID',
		values: by === 'code' ? values : values.map((v) => lit.guid(v)),
		select: ['ID', 'Code', 'Description', 'IsStockItem'],
		division,
		itemIndex,
		entity: 'items',
	});
	return rows as ExactItemRef[];
}

/** inventory/Warehouses of a division (for pickers and code → ID). */
export async function listWarehouses(
	ctx: Ctx,
	division: number,
): Promise<Array<{ ID: string; Code: string; Description?: string; Main?: number }>> {
	return (await exactGetAll.call(ctx, {
		path: 'inventory/Warehouses',
		qs: { $select: ['ID', 'Code', 'Description', 'Main'] },
		division,
		entity: 'warehouses',
	})) as Array<{ ID: string; Code: string; Description?: string; Main?: number }>;
}
