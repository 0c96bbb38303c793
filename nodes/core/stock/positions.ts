/** Exact rows → StockPosition, and the newest row per (item, warehouse). */
import type { StockPosition } from './types';

type Row = Record<string, unknown>;

function num(value: unknown): number {
	const n = typeof value === 'string' ? Number(value) : (value as number);
	return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

function text(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	const s = String(value).trim();
	return s === '' ? null : s;
}

function guid(value: unknown): string {
	return String(value ?? '')
		.trim()
		.toLowerCase();
}

/** An Int64 Timestamp as a digit string (numbers from JSON, or strings). */
export function timestampText(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
	if (typeof value === 'string' && /^\d{1,19}$/.test(value.trim())) {
		return value.trim().replace(/^0+(?=\d)/, '');
	}
	return undefined;
}

/** Compares two Int64 digit strings without precision loss. */
export function compareTimestamps(a: string, b: string): number {
	if (a.length !== b.length) return a.length < b.length ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** A row of sync/Inventory/StockPositions. */
export function fromSyncRow(row: Row): StockPosition {
	const current = num(row.CurrentStock);
	const position: StockPosition = {
		itemId: guid(row.ItemId),
		itemCode: text(row.ItemCode),
		warehouseId: guid(row.Warehouse),
		warehouseCode: text(row.WarehouseCode),
		currentStock: current,
		planningIn: num(row.PlanningIn),
		planningOut: num(row.PlanningOut),
		reservedStock: num(row.ReservedStock),
		projectedStock: num(row.ProjectedStock),
		freeStock: row.FreeStock === undefined ? current - num(row.ReservedStock) : num(row.FreeStock),
	};
	const ts = timestampText(row.Timestamp);
	if (ts !== undefined) position.timestamp = ts;
	return position;
}

/**
 * A row of inventory/ItemWarehouses (used for targeted reads: the sync API cannot filter by item).
 * That entity has no FreeStock; it is derived as CurrentStock − ReservedStock, and ProjectedStock
 * as CurrentStock + PlannedStockIn − PlannedStockOut when Exact leaves it out.
 */
export function fromItemWarehouse(row: Row): StockPosition {
	const current = num(row.CurrentStock);
	const planningIn = num(row.PlannedStockIn);
	const planningOut = num(row.PlannedStockOut);
	const reserved = num(row.ReservedStock);
	return {
		itemId: guid(row.Item),
		itemCode: text(row.ItemCode),
		warehouseId: guid(row.Warehouse),
		warehouseCode: text(row.WarehouseCode),
		currentStock: current,
		planningIn,
		planningOut,
		reservedStock: reserved,
		projectedStock:
			row.ProjectedStock === undefined || row.ProjectedStock === null
				? current + planningIn - planningOut
				: num(row.ProjectedStock),
		freeStock: current - reserved,
	};
}

export function positionKey(p: Pick<StockPosition, 'itemId' | 'warehouseId'>): string {
	return `${p.itemId}|${p.warehouseId}`;
}

/** Keeps the newest row per (item, warehouse): a long sync can return a position twice. */
export function latestPerPosition(positions: StockPosition[]): StockPosition[] {
	const latest = new Map<string, StockPosition>();
	for (const p of positions) {
		const key = positionKey(p);
		const seen = latest.get(key);
		if (!seen || compareTimestamps(p.timestamp ?? '0', seen.timestamp ?? '0') >= 0) {
			latest.set(key, p);
		}
	}
	return [...latest.values()];
}

/** The highest Timestamp among rows, or `fallback` when there is none higher. */
export function highestTimestamp(positions: StockPosition[], fallback: string): string {
	let best = fallback;
	for (const p of positions) {
		if (p.timestamp !== undefined && compareTimestamps(p.timestamp, best) > 0) best = p.timestamp;
	}
	return best;
}
