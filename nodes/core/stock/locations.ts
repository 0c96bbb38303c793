/**
 * Exact warehouse → Shopify location map, and the quantities per (item, location) it produces.
 * Several warehouses may feed one location (their figures are summed before the figure is taken);
 * one warehouse feeds at most one location.
 */
import { offeredQuantity, sumFigures } from './figures';
import type { LocationQuantity, StockFigure, StockPosition } from './types';

const LOCATION_GID = /^gid:\/\/shopify\/Location\/(\d{1,20})$/;
const DIGITS = /^\d{1,20}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class LocationMapError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LocationMapError';
	}
}

/** "123", 123 or "gid://shopify/Location/123" → "gid://shopify/Location/123"; else undefined. */
export function toLocationGid(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
		return `gid://shopify/Location/${value}`;
	}
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	if (DIGITS.test(trimmed)) return `gid://shopify/Location/${trimmed.replace(/^0+(?=\d)/, '')}`;
	const match = LOCATION_GID.exec(trimmed);
	return match ? `gid://shopify/Location/${match[1].replace(/^0+(?=\d)/, '')}` : undefined;
}

export interface WarehouseMapEntry {
	/** Exact warehouse ID (GUID) or warehouse code. */
	warehouse: string;
	location: string;
}

/** Warehouse (ID or code, normalised) → location gid. */
export interface WarehouseMap {
	byId: Map<string, string>;
	byCode: Map<string, string>;
	/** How many map entries feed each location. */
	entriesPerLocation: Map<string, number>;
	size: number;
}

function codeKey(code: string): string {
	return code.trim().toUpperCase();
}

/** Validates and indexes the map; a warehouse listed twice with different locations is an error. */
export function buildWarehouseMap(entries: WarehouseMapEntry[]): WarehouseMap {
	const map: WarehouseMap = {
		byId: new Map(),
		byCode: new Map(),
		entriesPerLocation: new Map(),
		size: 0,
	};
	entries.forEach((entry, index) => {
		const warehouse = String(entry.warehouse ?? '').trim();
		if (!warehouse) throw new LocationMapError(`Mapping ${index + 1} has no Exact warehouse`);
		const location = toLocationGid(entry.location);
		if (!location) {
			throw new LocationMapError(
				`Mapping ${index + 1}: "${String(entry.location).slice(0, 60)}" is not a Shopify location ID (a number or gid://shopify/Location/<number>)`,
			);
		}
		const isId = GUID.test(warehouse);
		const index_ = isId ? map.byId : map.byCode;
		const key = isId ? warehouse.toLowerCase() : codeKey(warehouse);
		const existing = index_.get(key);
		if (existing && existing !== location) {
			throw new LocationMapError(`Warehouse ${warehouse} is mapped to two Shopify locations`);
		}
		if (!existing) {
			map.size++;
			map.entriesPerLocation.set(location, (map.entriesPerLocation.get(location) ?? 0) + 1);
		}
		index_.set(key, location);
	});
	return map;
}

export function locationFor(
	map: WarehouseMap,
	p: Pick<StockPosition, 'warehouseId' | 'warehouseCode'>,
): string | undefined {
	return (
		map.byId.get(p.warehouseId.toLowerCase()) ??
		(p.warehouseCode ? map.byCode.get(codeKey(p.warehouseCode)) : undefined)
	);
}

/** Warehouse filter: empty = every warehouse; values are IDs or codes. */
export function warehouseFilter(
	values: string[],
): (p: Pick<StockPosition, 'warehouseId' | 'warehouseCode'>) => boolean {
	const wanted = values.map((v) => String(v).trim()).filter((v) => v !== '');
	if (wanted.length === 0) return () => true;
	const ids = new Set(wanted.filter((v) => GUID.test(v)).map((v) => v.toLowerCase()));
	const codes = new Set(wanted.filter((v) => !GUID.test(v)).map(codeKey));
	return (p) =>
		ids.has(p.warehouseId.toLowerCase()) ||
		(p.warehouseCode !== null && codes.has(codeKey(p.warehouseCode)));
}

export interface AggregateResult {
	quantities: LocationQuantity[];
	/** Positions whose warehouse has no location in the map (not sent to Shopify). */
	unmapped: StockPosition[];
	/** Positions without an item code (Shopify is matched by SKU = item code). */
	withoutCode: StockPosition[];
}

/**
 * Quantities per (item, location). `positions` must hold, for each (item, location) it mentions,
 * every mapped warehouse's position (see missingSiblings), else the sum would be short.
 */
export function aggregateByLocation(
	positions: StockPosition[],
	map: WarehouseMap,
	figure: StockFigure,
): AggregateResult {
	const groups = new Map<string, { location: string; members: StockPosition[] }>();
	const unmapped: StockPosition[] = [];
	const withoutCode: StockPosition[] = [];
	for (const p of positions) {
		const location = locationFor(map, p);
		if (!location) {
			unmapped.push(p);
			continue;
		}
		if (!p.itemCode) {
			withoutCode.push(p);
			continue;
		}
		const key = `${p.itemId}|${location}`;
		const group = groups.get(key) ?? { location, members: [] };
		group.members.push(p);
		groups.set(key, group);
	}
	const quantities: LocationQuantity[] = [];
	for (const { location, members } of groups.values()) {
		quantities.push({
			sku: members[0].itemCode as string,
			itemId: members[0].itemId,
			locationId: location,
			quantity: offeredQuantity(sumFigures(members), figure),
			warehouseIds: members.map((m) => m.warehouseId),
			warehouseCodes: members.map((m) => m.warehouseCode),
		});
	}
	return { quantities, unmapped, withoutCode };
}

/**
 * For a delta: the items whose changed position feeds a location that other mapped warehouses
 * feed too, while the delta does not hold all of them. Their other positions must be read before
 * summing (the sync API returns only the rows that changed).
 */
export function itemsNeedingSiblings(changed: StockPosition[], map: WarehouseMap): string[] {
	const seen = new Map<string, number>();
	for (const p of changed) {
		const location = locationFor(map, p);
		if (!location || (map.entriesPerLocation.get(location) ?? 0) < 2) continue;
		const key = `${p.itemId}|${location}`;
		seen.set(key, (seen.get(key) ?? 0) + 1);
	}
	const items = new Set<string>();
	for (const [key, count] of seen) {
		const [itemId, location] = key.split('|');
		if (count < (map.entriesPerLocation.get(location) ?? 0)) items.add(itemId);
	}
	return [...items];
}

/** Adds the read positions the delta does not already hold (the delta is newer). */
export function mergeSiblings(changed: StockPosition[], read: StockPosition[]): StockPosition[] {
	const present = new Set(changed.map((p) => `${p.itemId}|${p.warehouseId}`));
	return [...changed, ...read.filter((p) => !present.has(`${p.itemId}|${p.warehouseId}`))];
}
