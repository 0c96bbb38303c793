/** Adds locations and products to the state from the admin API's seed shapes (also used by the seed). */
import { idToString } from './json';
import { parseGid } from './ids';
import {
	emptyQuantities,
	nowIso,
	type InventoryItem,
	type Location,
	type Quantities,
	type ShopState,
} from './state';

/** A bad admin request; answered with 400 and the message. */
export class SandboxInputError extends Error {}

export interface LocationSeed {
	id?: string | number;
	name: string;
	isActive?: boolean;
	address1?: string;
	city?: string;
	zip?: string;
	countryCode?: string;
}

/** Quantities per location: a number is `available`; an object may set any state. */
export type LevelSeed = number | Partial<Quantities>;

export interface VariantSeed {
	id?: string | number;
	inventoryItemId?: string | number;
	sku?: string | null;
	title?: string;
	price?: string | number;
	barcode?: string | null;
	/** Default true. An untracked item keeps levels but its quantities cannot be set. */
	tracked?: boolean;
	/** A bundle parent (also `bundle`): requires components, stock not settable. */
	requiresComponents?: boolean;
	bundle?: boolean;
	requiresShipping?: boolean;
	/** Keyed by location id, gid or name. Locations left out do not stock the item. */
	inventory?: Record<string, LevelSeed>;
}

export interface ProductSeed {
	id?: string | number;
	title: string;
	handle?: string;
	vendor?: string;
	productType?: string;
	status?: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
	/** Marks every variant as a bundle parent. */
	bundle?: boolean;
	variants?: VariantSeed[];
}

function optionalId(state: ShopState, value: unknown, what: string): string {
	if (value === undefined || value === null) return state.ids.id();
	const id = idToString(value);
	if (!id || !/^[0-9]+$/.test(id)) throw new SandboxInputError(`${what}: id must be numeric`);
	state.ids.reserve(id);
	return id;
}

export function addLocations(state: ShopState, seeds: LocationSeed[]): Location[] {
	if (!Array.isArray(seeds)) throw new SandboxInputError('locations must be an array');
	return seeds.map((seed) => {
		if (!seed || typeof seed.name !== 'string') {
			throw new SandboxInputError('each location needs a name');
		}
		const now = nowIso();
		const location: Location = {
			id: optionalId(state, seed.id, `location ${seed.name}`),
			name: seed.name,
			isActive: seed.isActive ?? true,
			address1: seed.address1 ?? null,
			city: seed.city ?? null,
			zip: seed.zip ?? null,
			countryCode: seed.countryCode ?? 'NL',
			createdAt: now,
			updatedAt: now,
		};
		state.locations.set(location.id, location);
		return location;
	});
}

function findLocationId(state: ShopState, key: string): string {
	const id = parseGid(key, 'Location');
	if (id && state.locations.has(id)) return id;
	for (const location of state.locations.values()) {
		if (location.name === key) return location.id;
	}
	throw new SandboxInputError(`unknown location "${key}"`);
}

function levelQuantities(seed: LevelSeed): Quantities {
	const q = emptyQuantities();
	if (typeof seed === 'number') {
		q.available = seed;
		return q;
	}
	for (const name of Object.keys(q) as (keyof Quantities)[]) {
		const value = seed[name];
		if (value !== undefined) {
			if (!Number.isInteger(value)) throw new SandboxInputError(`${name} must be an integer`);
			q[name] = value;
		}
	}
	return q;
}

function slug(title: string): string {
	return title
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

export function addProducts(state: ShopState, seeds: ProductSeed[]): void {
	if (!Array.isArray(seeds)) throw new SandboxInputError('products must be an array');
	for (const seed of seeds) {
		if (!seed || typeof seed.title !== 'string') {
			throw new SandboxInputError('each product needs a title');
		}
		const now = nowIso();
		const productId = optionalId(state, seed.id, `product ${seed.title}`);
		const old = state.products.get(productId);
		if (old) {
			for (const variantId of old.variantIds) removeVariant(state, variantId);
		}
		const variantSeeds = seed.variants?.length ? seed.variants : [{ title: 'Default Title' }];
		const variantIds = variantSeeds.map((v, index) =>
			addVariant(state, productId, v, index + 1, seed.bundle === true),
		);
		state.products.set(productId, {
			id: productId,
			title: seed.title,
			handle: seed.handle ?? slug(seed.title),
			vendor: seed.vendor ?? 'Sandbox',
			productType: seed.productType ?? '',
			status: seed.status ?? 'ACTIVE',
			variantIds,
			createdAt: old?.createdAt ?? now,
			updatedAt: now,
		});
	}
}

function removeVariant(state: ShopState, variantId: string): void {
	const variant = state.variants.get(variantId);
	if (!variant) return;
	state.items.delete(variant.inventoryItemId);
	state.variants.delete(variantId);
}

function addVariant(
	state: ShopState,
	productId: string,
	seed: VariantSeed,
	position: number,
	bundle: boolean,
): string {
	const now = nowIso();
	const id = optionalId(state, seed.id, `variant ${seed.sku ?? ''}`);
	const itemId = optionalId(state, seed.inventoryItemId, `inventory item ${seed.sku ?? ''}`);
	const price = seed.price === undefined ? '0.00' : String(seed.price);
	const levels: InventoryItem['levels'] = new Map();
	for (const [key, level] of Object.entries(seed.inventory ?? {})) {
		const locationId = findLocationId(state, key);
		levels.set(locationId, {
			locationId,
			quantities: levelQuantities(level),
			createdAt: now,
			updatedAt: now,
		});
	}
	state.variants.set(id, {
		id,
		productId,
		title: seed.title ?? (seed.sku ? seed.sku : 'Default Title'),
		sku: seed.sku ?? null,
		barcode: seed.barcode ?? null,
		price,
		position,
		requiresComponents: seed.requiresComponents === true || seed.bundle === true || bundle,
		inventoryItemId: itemId,
		createdAt: now,
		updatedAt: now,
	});
	state.items.set(itemId, {
		id: itemId,
		variantId: id,
		tracked: seed.tracked ?? true,
		requiresShipping: seed.requiresShipping ?? true,
		levels,
		createdAt: now,
		updatedAt: now,
	});
	return id;
}
