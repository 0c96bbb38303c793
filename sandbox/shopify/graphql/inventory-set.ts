/**
 * inventorySetQuantities: validates every quantity first and applies all or nothing, with the
 * compare-and-swap rules of the requested API version (see ../versions.ts).
 */
import { GraphQLError } from 'graphql';
import { parseGid } from '../ids';
import {
	nowIso,
	onHand,
	quantityOf,
	type AdjustmentGroup,
	type InventoryChange,
	type InventoryLevel,
	type ShopState,
} from '../state';
import type { CasFamily } from '../versions';

export const MAX_QUANTITIES = 250;
const LIMIT = 1_000_000_000;

/** Reasons Shopify accepts for inventory changes. */
export const REASONS = new Set([
	'correction',
	'cycle_count_available',
	'damaged',
	'movement_created',
	'movement_updated',
	'movement_received',
	'movement_canceled',
	'other',
	'promotion',
	'quality_control',
	'received',
	'reservation_created',
	'reservation_deleted',
	'reservation_updated',
	'restock',
	'safety_stock',
	'shrinkage',
]);

export interface QuantityInput {
	inventoryItemId: string;
	locationId: string;
	quantity: number;
	compareQuantity?: number | null;
	changeFromQuantity?: number | null;
}

export interface SetInput {
	name: string;
	reason: string;
	referenceDocumentUri?: string | null;
	ignoreCompareQuantity?: boolean | null;
	quantities: QuantityInput[];
}

export interface UserError {
	field: string[];
	message: string;
	code: string;
}

export interface SetResult {
	group: AdjustmentGroup | null;
	userErrors: UserError[];
}

interface Planned {
	level: InventoryLevel;
	itemId: string;
	quantity: number;
}

function validUri(uri: string): boolean {
	return /^[a-z][a-z0-9+.-]*:\/\/?[^\s]+$/i.test(uri) && !/^gid:\/\/[^/]*\/?$/.test(uri);
}

/** Checks the version's compare-and-swap rule for one quantity; returns an error or null. */
function casError(
	family: CasFamily,
	input: SetInput,
	q: QuantityInput,
	current: number,
	path: string[],
): UserError | null {
	const hasChangeFrom = Object.prototype.hasOwnProperty.call(q, 'changeFromQuantity');
	if (family === 'changeFrom' || (family === 'transition' && hasChangeFrom)) {
		if (q.changeFromQuantity == null || q.changeFromQuantity === current) return null;
		return {
			field: [...path, 'changeFromQuantity'],
			message: 'The changeFromQuantity argument no longer matches the persisted quantity.',
			code: 'CHANGE_FROM_QUANTITY_STALE',
		};
	}
	if (input.ignoreCompareQuantity) return null;
	if (q.compareQuantity == null) {
		return {
			field: [...path, 'compareQuantity'],
			message:
				'The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.',
			code: 'COMPARE_QUANTITY_REQUIRED',
		};
	}
	if (q.compareQuantity === current) return null;
	return {
		field: [...path, 'compareQuantity'],
		message: 'The compareQuantity argument no longer matches the persisted quantity.',
		code: 'COMPARE_QUANTITY_STALE',
	};
}

export function inventorySetQuantities(
	state: ShopState,
	family: CasFamily,
	input: SetInput,
): SetResult {
	if (input.quantities.length > MAX_QUANTITIES) {
		throw new GraphQLError(
			`The input array size of ${input.quantities.length} is greater than the maximum allowed of ${MAX_QUANTITIES}.`,
			{ extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' } },
		);
	}
	if (family === 'changeFrom') {
		const missing = input.quantities.findIndex(
			(q) => !Object.prototype.hasOwnProperty.call(q, 'changeFromQuantity'),
		);
		if (missing >= 0) {
			throw new GraphQLError(
				`InventorySetQuantityInput.changeFromQuantity is required (pass null to skip the check): missing at quantities[${missing}].`,
				{ extensions: { code: 'INVALID_FIELD_ARGUMENTS' } },
			);
		}
	}
	const errors: UserError[] = [];
	const name = input.name;
	if (name !== 'available' && name !== 'on_hand') {
		errors.push({
			field: ['input', 'name'],
			message: "The quantity name must be either 'available' or 'on_hand'.",
			code: 'INVALID_NAME',
		});
	}
	if (!REASONS.has(input.reason)) {
		errors.push({
			field: ['input', 'reason'],
			message: 'The specified reason is invalid.',
			code: 'INVALID_REASON',
		});
	}
	if (input.referenceDocumentUri != null && !validUri(input.referenceDocumentUri)) {
		errors.push({
			field: ['input', 'referenceDocumentUri'],
			message: 'The specified reference document is invalid.',
			code: 'INVALID_REFERENCE_DOCUMENT',
		});
	}
	const planned: Planned[] = [];
	const seen = new Set<string>();
	input.quantities.forEach((q, index) => {
		const path = ['input', 'quantities', String(index)];
		const error = (field: string, code: string, message: string) =>
			errors.push({ field: [...path, field], code, message });
		const itemId = parseGid(q.inventoryItemId, 'InventoryItem');
		const item = itemId ? state.items.get(itemId) : undefined;
		const locationId = parseGid(q.locationId, 'Location');
		const location = locationId ? state.locations.get(locationId) : undefined;
		if (!item)
			error(
				'inventoryItemId',
				'INVALID_INVENTORY_ITEM',
				'The specified inventory item could not be found.',
			);
		if (!location)
			error('locationId', 'INVALID_LOCATION', 'The specified location could not be found.');
		if (!item || !location) return;
		const key = `${item.id}/${location.id}`;
		if (seen.has(key)) {
			error(
				'inventoryItemId',
				'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
				'The combination of inventoryItemId and locationId must be unique.',
			);
			return;
		}
		seen.add(key);
		if (state.variantOfItem(item).requiresComponents) {
			error(
				'inventoryItemId',
				'NON_MUTABLE_INVENTORY_ITEM',
				'The specified inventory item is not allowed to be adjusted via API. Example: if the inventory item is a parent bundle.',
			);
			return;
		}
		if (!item.tracked) {
			error(
				'inventoryItemId',
				'INVALID_INVENTORY_ITEM',
				'The specified inventory item is not tracked.',
			);
			return;
		}
		const level = item.levels.get(location.id);
		if (!level) {
			error(
				'locationId',
				'ITEM_NOT_STOCKED_AT_LOCATION',
				'The specified inventory item is not stocked at the location.',
			);
			return;
		}
		if (name === 'on_hand' && q.quantity < 0) {
			error('quantity', 'INVALID_QUANTITY_NEGATIVE', "The quantity can't be negative.");
			return;
		}
		if (q.quantity > LIMIT) {
			error(
				'quantity',
				'INVALID_QUANTITY_TOO_HIGH',
				"The total quantity can't be higher than 1,000,000,000.",
			);
			return;
		}
		if (q.quantity < -LIMIT) {
			error(
				'quantity',
				'INVALID_QUANTITY_TOO_LOW',
				"The total quantity can't be lower than -1,000,000,000.",
			);
			return;
		}
		if (name !== 'available' && name !== 'on_hand') return;
		const cas = casError(family, input, q, quantityOf(level.quantities, name), path);
		if (cas) errors.push(cas);
		else planned.push({ level, itemId: item.id, quantity: q.quantity });
	});
	if (errors.length > 0) return { group: null, userErrors: errors };
	const group = apply(state, input, planned);
	return { group, userErrors: [] };
}

function apply(state: ShopState, input: SetInput, planned: Planned[]): AdjustmentGroup {
	const now = nowIso();
	const changes: InventoryChange[] = [];
	for (const p of planned) {
		const q = p.level.quantities;
		const delta = p.quantity - quantityOf(q, input.name === 'on_hand' ? 'on_hand' : 'available');
		// available and on_hand move together: the other states stay as they are.
		q.available += delta;
		p.level.updatedAt = now;
		const item = state.items.get(p.itemId);
		if (item) item.updatedAt = now;
		const base = { delta, itemId: p.itemId, locationId: p.level.locationId };
		const available = { ...base, name: 'available' as const, quantityAfterChange: q.available };
		const hand = { ...base, name: 'on_hand' as const, quantityAfterChange: onHand(q) };
		changes.push(...(input.name === 'on_hand' ? [hand, available] : [available, hand]));
	}
	const group: AdjustmentGroup = {
		id: state.ids.id(),
		createdAt: now,
		reason: input.reason,
		referenceDocumentUri: input.referenceDocumentUri ?? null,
		changes,
	};
	state.adjustmentGroups.set(group.id, group);
	return group;
}
