/** /__sandbox/inventory: levels by SKU and location for assertions, and direct stock edits. */
import { SandboxInputError } from '../catalog';
import type { SandboxCore } from '../core';
import { parseGid } from '../ids';
import { idToString, type JsonObject } from '../json';
import { emptyQuantities, nowIso, onHand, type InventoryItem, type Quantities } from '../state';

export function inventoryReport(core: SandboxCore, query: Record<string, string>) {
	const state = core.state;
	const levels = [];
	const bySku: Record<string, Record<string, number>> = {};
	for (const item of state.sortedItems()) {
		const variant = state.variantOfItem(item);
		if (query.sku !== undefined && variant.sku !== query.sku) continue;
		if (query.inventoryItemId && parseGid(query.inventoryItemId, 'InventoryItem') !== item.id)
			continue;
		for (const level of state.levelsOf(item)) {
			if (query.locationId && parseGid(query.locationId, 'Location') !== level.locationId) continue;
			const q = level.quantities;
			levels.push({
				sku: variant.sku,
				variantId: variant.id,
				inventoryItemId: item.id,
				locationId: level.locationId,
				locationName: state.locations.get(level.locationId)?.name ?? null,
				tracked: item.tracked,
				requiresComponents: variant.requiresComponents,
				...q,
				on_hand: onHand(q),
				updatedAt: level.updatedAt,
			});
			if (variant.sku !== null) {
				bySku[variant.sku] ??= {};
				bySku[variant.sku][level.locationId] = q.available;
			}
		}
	}
	return { levels, bySku };
}

function findItem(core: SandboxCore, entry: JsonObject): InventoryItem {
	const state = core.state;
	const itemId = parseGid(idToString(entry.inventoryItemId) ?? '', 'InventoryItem');
	const variantId = parseGid(idToString(entry.variantId) ?? '', 'ProductVariant');
	const variant =
		(variantId && state.variants.get(variantId)) ||
		(typeof entry.sku === 'string'
			? state.sortedVariants().find((v) => v.sku === entry.sku)
			: undefined);
	const item = (itemId && state.items.get(itemId)) || (variant && state.itemOfVariant(variant));
	if (!item) throw new SandboxInputError(`no inventory item for ${JSON.stringify(entry)}`);
	return item;
}

function findLocation(core: SandboxCore, value: unknown): string {
	const raw = idToString(value) ?? '';
	const id = parseGid(raw, 'Location');
	if (id && core.state.locations.has(id)) return id;
	const byName = core.state.sortedLocations().find((l) => l.name === raw);
	if (byName) return byName.id;
	throw new SandboxInputError(`unknown location ${raw}`);
}

/**
 * Sets levels directly, as a merchant editing stock in the admin would (no CAS). `on_hand` moves
 * `available` by the difference; `disconnect: true` removes the level; a missing level is created.
 */
export function setInventory(core: SandboxCore, entries: JsonObject[]): void {
	for (const entry of entries) {
		const item = findItem(core, entry);
		const locationId = findLocation(core, entry.locationId ?? entry.location);
		if (entry.disconnect === true) {
			item.levels.delete(locationId);
			continue;
		}
		const now = nowIso();
		let level = item.levels.get(locationId);
		if (!level) {
			level = { locationId, quantities: emptyQuantities(), createdAt: now, updatedAt: now };
			item.levels.set(locationId, level);
		}
		const q = level.quantities;
		for (const name of Object.keys(q) as (keyof Quantities)[]) {
			const value = entry[name];
			if (value === undefined) continue;
			if (typeof value !== 'number' || !Number.isInteger(value))
				throw new SandboxInputError(`${name} must be an integer`);
			q[name] = value;
		}
		if (entry.on_hand !== undefined) {
			if (typeof entry.on_hand !== 'number' || !Number.isInteger(entry.on_hand))
				throw new SandboxInputError('on_hand must be an integer');
			q.available += entry.on_hand - onHand(q);
		}
		if (typeof entry.tracked === 'boolean') item.tracked = entry.tracked;
		level.updatedAt = now;
	}
}
