/** Object resolvers: each GraphQL type is a small class over the in-memory state. */
import { GraphQLError } from 'graphql';
import { gid, inventoryLevelGid, parseGid } from '../ids';
import {
	QUANTITY_NAMES,
	quantityOf,
	type AdjustmentGroup,
	type InventoryChange,
	type InventoryItem,
	type InventoryLevel,
	type Location,
	type Product,
	type QuantityName,
	type ShopState,
	type Variant,
} from '../state';
import { connectionOf, type ConnectionArgs } from './connection';

export class ProductView {
	constructor(
		private readonly state: ShopState,
		private readonly p: Product,
	) {}

	id = (): string => gid('Product', this.p.id);
	legacyResourceId = (): string => this.p.id;
	title = (): string => this.p.title;
	handle = (): string => this.p.handle;
	status = (): string => this.p.status;
	vendor = (): string => this.p.vendor;
	productType = (): string => this.p.productType;
	createdAt = (): string => this.p.createdAt;
	updatedAt = (): string => this.p.updatedAt;

	private variantList(): Variant[] {
		return this.p.variantIds.map((id) => this.state.variants.get(id)).filter(isDefined);
	}

	hasVariantsThatRequiresComponents = (): boolean =>
		this.variantList().some((v) => v.requiresComponents);

	totalInventory = (): number =>
		this.variantList().reduce((sum, v) => sum + availableTotal(this.state, v), 0);

	tracksInventory = (): boolean =>
		this.variantList().some((v) => this.state.itemOfVariant(v).tracked);

	variants = (args: ConnectionArgs) =>
		connectionOf(this.variantList(), args, (v) => new VariantView(this.state, v));

	variantsCount = () => ({ count: this.p.variantIds.length, precision: 'EXACT' });
}

function availableTotal(state: ShopState, variant: Variant): number {
	const item = state.itemOfVariant(variant);
	let sum = 0;
	for (const level of item.levels.values()) sum += level.quantities.available;
	return sum;
}

export class VariantView {
	constructor(
		private readonly state: ShopState,
		private readonly v: Variant,
	) {}

	id = (): string => gid('ProductVariant', this.v.id);
	legacyResourceId = (): string => this.v.id;
	sku = (): string | null => this.v.sku;
	title = (): string => this.v.title;
	displayName = (): string => `${this.state.productOfVariant(this.v).title} - ${this.v.title}`;
	price = (): string => this.v.price;
	barcode = (): string | null => this.v.barcode;
	position = (): number => this.v.position;
	requiresComponents = (): boolean => this.v.requiresComponents;
	createdAt = (): string => this.v.createdAt;
	updatedAt = (): string => this.v.updatedAt;
	inventoryQuantity = (): number | null =>
		this.state.itemOfVariant(this.v).tracked ? availableTotal(this.state, this.v) : null;
	product = () => new ProductView(this.state, this.state.productOfVariant(this.v));
	inventoryItem = () => new ItemView(this.state, this.state.itemOfVariant(this.v));
}

export class ItemView {
	constructor(
		private readonly state: ShopState,
		private readonly item: InventoryItem,
	) {}

	id = (): string => gid('InventoryItem', this.item.id);
	legacyResourceId = (): string => this.item.id;
	sku = (): string | null => this.state.variantOfItem(this.item).sku;
	tracked = (): boolean => this.item.tracked;
	requiresShipping = (): boolean => this.item.requiresShipping;
	createdAt = (): string => this.item.createdAt;
	updatedAt = (): string => this.item.updatedAt;
	variant = () => new VariantView(this.state, this.state.variantOfItem(this.item));
	locationsCount = () => ({ count: this.item.levels.size, precision: 'EXACT' });

	inventoryLevels = (args: ConnectionArgs) =>
		connectionOf(
			this.state.levelsOf(this.item),
			args,
			(level) => new LevelView(this.state, this.item, level),
			(level) => level.locationId,
		);

	inventoryLevel = (args: { locationId: string }) => {
		const locationId = parseGid(args.locationId, 'Location');
		const level = locationId ? this.item.levels.get(locationId) : undefined;
		return level ? new LevelView(this.state, this.item, level) : null;
	};
}

export class LevelView {
	constructor(
		private readonly state: ShopState,
		private readonly inventoryItem: InventoryItem,
		private readonly level: InventoryLevel,
	) {}

	id = (): string => inventoryLevelGid(this.level.locationId, this.inventoryItem.id);
	createdAt = (): string => this.level.createdAt;
	updatedAt = (): string => this.level.updatedAt;
	item = () => new ItemView(this.state, this.inventoryItem);

	location = () => {
		const location = this.state.locations.get(this.level.locationId);
		if (!location) throw new GraphQLError('location not found');
		return new LocationView(this.state, location);
	};

	quantities = (args: { names: string[] }) =>
		args.names.map((name) => {
			if (!(QUANTITY_NAMES as readonly string[]).includes(name)) {
				throw new GraphQLError(
					`Invalid quantity name: '${name}'. Valid names are: ${QUANTITY_NAMES.join(', ')}.`,
				);
			}
			return {
				id: `gid://shopify/InventoryQuantity/${this.level.locationId}?inventory_item_id=${this.inventoryItem.id}&name=${name}`,
				name,
				quantity: quantityOf(this.level.quantities, name as QuantityName),
				updatedAt: this.level.updatedAt,
			};
		});
}

export class LocationView {
	constructor(
		private readonly state: ShopState,
		private readonly l: Location,
	) {}

	id = (): string => gid('Location', this.l.id);
	legacyResourceId = (): string => this.l.id;
	name = (): string => this.l.name;
	isActive = (): boolean => this.l.isActive;
	fulfillsOnlineOrders = (): boolean => this.l.isActive;
	createdAt = (): string => this.l.createdAt;
	updatedAt = (): string => this.l.updatedAt;
	address = () => ({
		address1: this.l.address1,
		city: this.l.city,
		zip: this.l.zip,
		countryCode: this.l.countryCode,
	});

	inventoryLevel = (args: { inventoryItemId: string }) => {
		const itemId = parseGid(args.inventoryItemId, 'InventoryItem');
		const item = itemId ? this.state.items.get(itemId) : undefined;
		const level = item?.levels.get(this.l.id);
		return item && level ? new LevelView(this.state, item, level) : null;
	};
}

export class GroupView {
	constructor(
		private readonly state: ShopState,
		private readonly g: AdjustmentGroup,
	) {}

	id = (): string => gid('InventoryAdjustmentGroup', this.g.id);
	createdAt = (): string => this.g.createdAt;
	reason = (): string => this.g.reason;
	referenceDocumentUri = (): string | null => this.g.referenceDocumentUri;

	changes = (args: {
		inventoryItemIds?: string[];
		locationIds?: string[];
		quantityNames?: string[];
	}) =>
		this.g.changes
			.filter((c) => matchesIds(args.inventoryItemIds, c.itemId, 'InventoryItem'))
			.filter((c) => matchesIds(args.locationIds, c.locationId, 'Location'))
			.filter((c) => !args.quantityNames || args.quantityNames.includes(c.name))
			.map((c) => this.changeView(c));

	private changeView(c: InventoryChange) {
		const item = this.state.items.get(c.itemId);
		const location = this.state.locations.get(c.locationId);
		return {
			name: c.name,
			delta: c.delta,
			quantityAfterChange: c.quantityAfterChange,
			ledgerDocumentUri: null,
			item: item ? new ItemView(this.state, item) : null,
			location: location ? new LocationView(this.state, location) : null,
		};
	}
}

function matchesIds(
	wanted: string[] | undefined,
	id: string,
	type: 'InventoryItem' | 'Location',
): boolean {
	return !wanted || wanted.some((w) => parseGid(w, type) === id);
}

export function isDefined<T>(value: T | undefined | null): value is T {
	return value !== undefined && value !== null;
}
