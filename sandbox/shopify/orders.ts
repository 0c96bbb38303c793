/** Orders kept as their REST JSON (lossless), with the fields Shopify fills in on creation. */
import type { SandboxCore } from './core';
import { SandboxInputError } from './catalog';
import { gid } from './ids';
import { idToString, RawNumber, type JsonObject, type JsonValue } from './json';
import { nowIso, type StoredOrder } from './state';

/** Stores one order (create or replace by id); ids are kept as digit strings. */
export function storeOrder(core: SandboxCore, input: JsonValue): StoredOrder {
	if (!input || typeof input !== 'object' || Array.isArray(input) || input instanceof RawNumber) {
		throw new SandboxInputError('an order must be a JSON object');
	}
	const state = core.state;
	const body: JsonObject = { ...(input as JsonObject) };
	const given = idToString(body.id);
	if (given !== undefined && !/^[0-9]+$/.test(given)) {
		throw new SandboxInputError(`order id must be numeric, got ${given}`);
	}
	const id = given ?? state.ids.orderId();
	if (given) state.ids.reserve(given);
	const existing = state.orders.get(id);
	const now = nowIso();
	const number = existing ? undefined : state.orders.size + 1;
	body.id = id;
	body.admin_graphql_api_id ??= gid('Order', id);
	body.created_at ??= existing?.body.created_at ?? now;
	body.updated_at ??= now;
	if (number !== undefined) {
		body.number ??= number;
		body.order_number ??= number + 1000;
		body.name ??= `#${number + 1000}`;
	}
	if (Array.isArray(body.line_items)) {
		body.line_items = body.line_items.map((line) => withLineId(core, line));
	}
	const stored: StoredOrder = { id, body, createdAt: existing?.createdAt ?? now };
	state.orders.set(id, stored);
	return stored;
}

function withLineId(core: SandboxCore, line: JsonValue): JsonValue {
	if (!line || typeof line !== 'object' || Array.isArray(line)) return line;
	const out = { ...(line as JsonObject) };
	const id = idToString(out.id) ?? core.state.ids.id();
	out.id = id;
	out.admin_graphql_api_id ??= `gid://shopify/LineItem/${id}`;
	return out;
}

/** Orders by id, newest last. */
export function sortedOrders(core: SandboxCore): StoredOrder[] {
	return [...core.state.orders.values()].sort(
		(a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	);
}

/**
 * Moves ordered quantities from available to committed, as Shopify does when an order is placed:
 * each line with a known SKU or variant_id of a tracked, settable item, at the order's
 * location_id or else the first location that stocks it.
 */
export function commitInventory(core: SandboxCore, order: StoredOrder): void {
	const state = core.state;
	const lines = Array.isArray(order.body.line_items) ? order.body.line_items : [];
	for (const line of lines as JsonObject[]) {
		const variantId = idToString(line.variant_id);
		const sku = typeof line.sku === 'string' ? line.sku : undefined;
		const variant =
			(variantId && state.variants.get(variantId)) ||
			(sku ? state.sortedVariants().find((v) => v.sku === sku) : undefined);
		const quantity = typeof line.quantity === 'number' ? line.quantity : 0;
		if (!variant || quantity <= 0 || variant.requiresComponents) continue;
		const item = state.itemOfVariant(variant);
		if (!item.tracked) continue;
		const wanted = idToString(order.body.location_id);
		const level = (wanted && item.levels.get(wanted)) || state.levelsOf(item)[0];
		if (!level) continue;
		level.quantities.available -= quantity;
		level.quantities.committed += quantity;
		level.updatedAt = nowIso();
	}
}
