/** Root query and mutation resolvers. */
import type { SandboxCore } from '../core';
import { gid, parseGid } from '../ids';
import { filterBySearch } from '../search-query';
import { sortedOrders } from '../orders';
import type { InventoryItem, Location, Product, StoredOrder, Variant } from '../state';
import type { CasFamily } from '../versions';
import { deliverInBackground } from '../webhooks/deliver';
import { connectionOf, type ConnectionArgs } from './connection';
import { inventorySetQuantities, type SetInput } from './inventory-set';
import {
	findMetafield,
	metafieldsDelete,
	metafieldsSet,
	type MetafieldsSetInput,
} from './metafields';
import { shopifyPaymentsAccount } from './payouts';
import { GroupView, ItemView, LevelView, LocationView, ProductView, VariantView } from './views';

type SearchArgs = ConnectionArgs & { query?: string | null };

function text(value: unknown): string | null {
	return typeof value === 'string' ? value : value == null ? null : String(value);
}

/** The Order fields the sandbox serves, read from the stored REST JSON. */
function orderView(core: SandboxCore, order: StoredOrder): Record<string, unknown> {
	const b = order.body;
	const id = gid('Order', order.id);
	return {
		id,
		metafield: ({ namespace, key }: { namespace?: string | null; key: string }) =>
			findMetafield(core, id, namespace, key),
		legacyResourceId: order.id,
		name: text(b.name) ?? '',
		createdAt: text(b.created_at) ?? order.createdAt,
		updatedAt: text(b.updated_at) ?? order.createdAt,
		processedAt: text(b.processed_at),
		cancelledAt: text(b.cancelled_at),
		test: b.test === true,
	};
}

function orderField(order: StoredOrder, field: string): string | null | undefined {
	const b = order.body;
	switch (field) {
		case 'id':
			return order.id;
		case 'name':
			return text(b.name);
		case 'created_at':
			return text(b.created_at) ?? order.createdAt;
		case 'updated_at':
			return text(b.updated_at) ?? order.createdAt;
		case 'processed_at':
			return text(b.processed_at);
		case 'financial_status':
			return text(b.financial_status);
		case 'test':
			return String(b.test === true);
		case 'status':
			return b.cancelled_at ? 'cancelled' : b.closed_at ? 'closed' : 'open';
		default:
			return undefined;
	}
}

const ORDER_SORT: Record<string, (o: StoredOrder) => string | number> = {
	CREATED_AT: (o) => Date.parse(orderField(o, 'created_at') ?? '') || 0,
	UPDATED_AT: (o) => Date.parse(orderField(o, 'updated_at') ?? '') || 0,
	PROCESSED_AT: (o) => Date.parse(orderField(o, 'processed_at') ?? '') || 0,
	ORDER_NUMBER: (o) => Number(o.body.order_number ?? 0),
};

/** Orders by the sort key, ties (and ID) by id, as Shopify pages them. */
function ordersSorted(core: SandboxCore, sortKey: string | undefined): StoredOrder[] {
	const list = sortedOrders(core);
	const key = sortKey ? ORDER_SORT[sortKey] : undefined;
	if (!key) return list;
	return list
		.map((o, i) => ({ o, i, k: key(o) }))
		.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
		.map((x) => x.o);
}

function variantField(core: SandboxCore, v: Variant, field: string): string | null | undefined {
	switch (field) {
		case 'sku':
			return v.sku;
		case 'barcode':
			return v.barcode;
		case 'id':
			return v.id;
		case 'product_id':
			return v.productId;
		case 'inventory_item_id':
			return v.inventoryItemId;
		case 'title':
			return v.title;
		case 'product_title':
			return core.state.productOfVariant(v).title;
		case 'requires_components':
			return String(v.requiresComponents);
		default:
			return undefined;
	}
}

function itemField(
	core: SandboxCore,
	item: InventoryItem,
	field: string,
): string | null | undefined {
	if (field === 'id') return item.id;
	if (field === 'tracked') return String(item.tracked);
	if (field === 'sku') return core.state.variantOfItem(item).sku;
	return undefined;
}

function productField(p: Product, field: string): string | null | undefined {
	if (field === 'id') return p.id;
	if (field === 'title') return p.title;
	if (field === 'handle') return p.handle;
	if (field === 'vendor') return p.vendor;
	if (field === 'status') return p.status.toLowerCase();
	return undefined;
}

function locationField(l: Location, field: string): string | null | undefined {
	if (field === 'id') return l.id;
	if (field === 'name') return l.name;
	if (field === 'active') return String(l.isActive);
	return undefined;
}

/** With the fuzzySkuSearch setting, sku: terms also match single tokens of a SKU. */
function fuzzy(core: SandboxCore): string[] {
	return core.settings.fuzzySkuSearch ? ['sku'] : [];
}

export function rootValue(core: SandboxCore, family: CasFamily): Record<string, unknown> {
	const state = core.state;
	return {
		shop: () => ({
			id: gid('Shop', '1'),
			name: core.config.shopDomain.replace(/\.myshopify\.com$/, ''),
			myshopifyDomain: core.config.shopDomain,
			currencyCode: 'EUR',
		}),
		productVariants: (args: SearchArgs) =>
			connectionOf(
				filterBySearch(
					state.sortedVariants(),
					args.query,
					(v, f) => variantField(core, v, f),
					['sku', 'title', 'barcode'],
					fuzzy(core),
				),
				args,
				(v) => new VariantView(state, v),
			),
		productVariant: ({ id }: { id: string }) => {
			const v = state.variants.get(parseGid(id, 'ProductVariant') ?? '');
			return v ? new VariantView(state, v) : null;
		},
		products: (args: SearchArgs) =>
			connectionOf(
				filterBySearch(state.sortedProducts(), args.query, productField, ['title', 'vendor']),
				args,
				(p) => new ProductView(state, p),
			),
		product: ({ id }: { id: string }) => {
			const p = state.products.get(parseGid(id, 'Product') ?? '');
			return p ? new ProductView(state, p) : null;
		},
		locations: (args: SearchArgs & { includeInactive?: boolean }) =>
			connectionOf(
				filterBySearch(
					state.sortedLocations().filter((l) => l.isActive || args.includeInactive),
					args.query,
					locationField,
					['name'],
				),
				args,
				(l) => new LocationView(state, l),
			),
		location: ({ id }: { id?: string | null }) => {
			const l = id
				? state.locations.get(parseGid(id, 'Location') ?? '')
				: state.sortedLocations()[0];
			return l ? new LocationView(state, l) : null;
		},
		inventoryItems: (args: SearchArgs) =>
			connectionOf(
				filterBySearch(
					state.sortedItems(),
					args.query,
					(i, f) => itemField(core, i, f),
					['sku'],
					fuzzy(core),
				),
				args,
				(i) => new ItemView(state, i),
			),
		inventoryItem: ({ id }: { id: string }) => {
			const item = state.items.get(parseGid(id, 'InventoryItem') ?? '');
			return item ? new ItemView(state, item) : null;
		},
		inventoryLevel: ({ id }: { id: string }) => {
			const match = /^gid:\/\/shopify\/InventoryLevel\/([0-9]+)\?inventory_item_id=([0-9]+)$/.exec(
				id,
			);
			const item = match ? state.items.get(match[2]) : undefined;
			const level = match && item?.levels.get(match[1]);
			return item && level ? new LevelView(state, item, level) : null;
		},
		shopifyPaymentsAccount: () => shopifyPaymentsAccount(core),
		orders: (args: SearchArgs & { sortKey?: string }) =>
			connectionOf(
				filterBySearch(ordersSorted(core, args.sortKey), args.query, orderField, ['name']),
				args,
				(o) => orderView(core, o),
			),
		order: ({ id }: { id: string }) => {
			const found = id.startsWith('gid://')
				? state.orders.get(parseGid(id, 'Order') ?? '')
				: undefined;
			return found ? orderView(core, found) : null;
		},
		metafieldsSet: ({ metafields }: { metafields: MetafieldsSetInput[] }) =>
			metafieldsSet(core, metafields),
		metafieldsDelete: ({
			metafields,
		}: {
			metafields: Array<{ ownerId: string; namespace: string; key: string }>;
		}) => metafieldsDelete(core, metafields),
		inventorySetQuantities: ({ input }: { input: SetInput }) => {
			const result = inventorySetQuantities(state, family, input);
			if (result.group) announceLevels(core, result.group.changes);
			return {
				inventoryAdjustmentGroup: result.group ? new GroupView(state, result.group) : null,
				userErrors: result.userErrors,
			};
		},
	};
}

/** inventory_levels/update webhooks for the levels a write changed (when someone subscribed). */
function announceLevels(
	core: SandboxCore,
	changes: { itemId: string; locationId: string }[],
): void {
	const seen = new Set<string>();
	const events = [];
	for (const c of changes) {
		const key = `${c.itemId}/${c.locationId}`;
		const level = core.state.items.get(c.itemId)?.levels.get(c.locationId);
		if (seen.has(key) || !level) continue;
		seen.add(key);
		events.push({
			topic: 'inventory_levels/update',
			body: {
				inventory_item_id: c.itemId,
				location_id: c.locationId,
				available: level.quantities.available,
				updated_at: level.updatedAt,
				admin_graphql_api_id: `gid://shopify/InventoryLevel/${c.locationId}?inventory_item_id=${c.itemId}`,
			},
		});
	}
	deliverInBackground(core, events);
}
