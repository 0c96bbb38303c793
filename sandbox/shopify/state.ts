/** In-memory shop state: locations, products, variants, inventory items and levels, orders. */
import type { JsonObject } from './json';
import { IdSource } from './ids';
import { PayoutLedger } from './payouts';
import type { StoredMetafield } from './graphql/metafields';

/** Quantity states that make up on_hand, plus incoming (not part of on_hand). */
export interface Quantities {
	available: number;
	committed: number;
	reserved: number;
	damaged: number;
	safety_stock: number;
	quality_control: number;
	incoming: number;
}

export const QUANTITY_NAMES = [
	'available',
	'committed',
	'damaged',
	'incoming',
	'on_hand',
	'quality_control',
	'reserved',
	'safety_stock',
] as const;
export type QuantityName = (typeof QUANTITY_NAMES)[number];

export function onHand(q: Quantities): number {
	return q.available + q.committed + q.reserved + q.damaged + q.safety_stock + q.quality_control;
}

export function quantityOf(q: Quantities, name: QuantityName): number {
	return name === 'on_hand' ? onHand(q) : q[name];
}

export function emptyQuantities(): Quantities {
	return {
		available: 0,
		committed: 0,
		reserved: 0,
		damaged: 0,
		safety_stock: 0,
		quality_control: 0,
		incoming: 0,
	};
}

export interface Location {
	id: string;
	name: string;
	isActive: boolean;
	address1: string | null;
	city: string | null;
	zip: string | null;
	countryCode: string;
	createdAt: string;
	updatedAt: string;
}

export interface Product {
	id: string;
	title: string;
	handle: string;
	vendor: string;
	productType: string;
	status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
	variantIds: string[];
	createdAt: string;
	updatedAt: string;
}

export interface Variant {
	id: string;
	productId: string;
	title: string;
	sku: string | null;
	barcode: string | null;
	price: string;
	position: number;
	/** A bundle parent: its stock comes from its components and cannot be set. */
	requiresComponents: boolean;
	inventoryItemId: string;
	createdAt: string;
	updatedAt: string;
}

export interface InventoryLevel {
	locationId: string;
	quantities: Quantities;
	createdAt: string;
	updatedAt: string;
}

export interface InventoryItem {
	id: string;
	variantId: string;
	tracked: boolean;
	requiresShipping: boolean;
	/** Keyed by location id; a location without a level does not stock the item. */
	levels: Map<string, InventoryLevel>;
	createdAt: string;
	updatedAt: string;
}

export interface InventoryChange {
	name: QuantityName;
	delta: number;
	quantityAfterChange: number;
	itemId: string;
	locationId: string;
}

export interface AdjustmentGroup {
	id: string;
	createdAt: string;
	reason: string;
	referenceDocumentUri: string | null;
	changes: InventoryChange[];
}

export interface StoredOrder {
	id: string;
	/** The REST order JSON as given (lossless: big numbers kept), with `id` set. */
	body: JsonObject;
	createdAt: string;
}

export class ShopState {
	readonly ids = new IdSource();
	readonly locations = new Map<string, Location>();
	readonly products = new Map<string, Product>();
	readonly variants = new Map<string, Variant>();
	readonly items = new Map<string, InventoryItem>();
	readonly adjustmentGroups = new Map<string, AdjustmentGroup>();
	readonly orders = new Map<string, StoredOrder>();
	readonly payouts = new PayoutLedger();
	/** Order metafields by "<owner gid>|<namespace>|<key>". */
	readonly metafields = new Map<string, StoredMetafield>();

	variantOfItem(item: InventoryItem): Variant {
		const variant = this.variants.get(item.variantId);
		if (!variant) throw new Error(`inventory item ${item.id} has no variant`);
		return variant;
	}

	itemOfVariant(variant: Variant): InventoryItem {
		const item = this.items.get(variant.inventoryItemId);
		if (!item) throw new Error(`variant ${variant.id} has no inventory item`);
		return item;
	}

	productOfVariant(variant: Variant): Product {
		const product = this.products.get(variant.productId);
		if (!product) throw new Error(`variant ${variant.id} has no product`);
		return product;
	}

	/** Variants in id order (Shopify's default sort for productVariants is by id). */
	sortedVariants(): Variant[] {
		return [...this.variants.values()].sort(byNumericId);
	}

	sortedItems(): InventoryItem[] {
		return [...this.items.values()].sort(byNumericId);
	}

	sortedLocations(): Location[] {
		return [...this.locations.values()].sort(byNumericId);
	}

	sortedProducts(): Product[] {
		return [...this.products.values()].sort(byNumericId);
	}

	/** Levels of an item in location id order. */
	levelsOf(item: InventoryItem): InventoryLevel[] {
		return [...item.levels.values()].sort((a, b) => compareIds(a.locationId, b.locationId));
	}
}

export function compareIds(a: string, b: string): number {
	return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function byNumericId(a: { id: string }, b: { id: string }): number {
	return compareIds(a.id, b.id);
}

export function nowIso(): string {
	return new Date().toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}
