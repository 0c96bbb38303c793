/**
 * The shop every sandbox starts with (and returns to on reset): two locations and a few products
 * chosen for the stock flow's edge cases: an item stocked at one location only, an untracked
 * variant, a bundle that requires components, a SKU with spaces and a variant without a SKU.
 */
import { addLocations, addProducts, type LocationSeed, type ProductSeed } from './catalog';
import type { ShopState } from './state';

export const SEED_LOCATIONS: LocationSeed[] = [
	{ id: 1001, name: 'Amsterdam warehouse', address1: 'Keizersgracht 1', city: 'Amsterdam' },
	{ id: 1002, name: 'Rotterdam store', address1: 'Coolsingel 40', city: 'Rotterdam' },
];

export const SEED_PRODUCTS: ProductSeed[] = [
	{
		id: 7001,
		title: 'Canvas Tote Bag',
		vendor: 'Noord Goods',
		variants: [
			{
				id: 4001,
				inventoryItemId: 5001,
				sku: 'TOTE-NAT',
				title: 'Natural',
				price: '24.95',
				inventory: { 1001: 25, 1002: 5 },
			},
			{
				id: 4002,
				inventoryItemId: 5002,
				sku: 'TOTE-BLK',
				title: 'Black',
				price: '24.95',
				inventory: { 1001: 10, 1002: 0 },
			},
		],
	},
	{
		id: 7002,
		title: 'Ceramic Mug',
		vendor: 'Noord Goods',
		variants: [
			// Stocked in Amsterdam only: setting Rotterdam gives ITEM_NOT_STOCKED_AT_LOCATION.
			{
				id: 4003,
				inventoryItemId: 5003,
				sku: 'MUG-WHITE',
				title: 'White',
				price: '12.50',
				inventory: { 1001: { available: 100, committed: 2 } },
			},
		],
	},
	{
		id: 7003,
		title: 'Wool Socks',
		vendor: 'Noord Goods',
		variants: [
			// A SKU with a space, found with sku:"SOCKS 39-42".
			{
				id: 4004,
				inventoryItemId: 5004,
				sku: 'SOCKS 39-42',
				title: '39-42',
				price: '9.95',
				inventory: { 1001: 40, 1002: 12 },
			},
			{
				id: 4005,
				inventoryItemId: 5005,
				sku: 'SOCKS 43-46',
				title: '43-46',
				price: '9.95',
				inventory: { 1001: 30, 1002: 8 },
			},
		],
	},
	{
		id: 7004,
		title: 'Gift Card',
		vendor: 'Sandbox',
		variants: [
			// Untracked: quantities cannot be set.
			{
				id: 4006,
				inventoryItemId: 5006,
				sku: 'GIFT-25',
				title: '25 EUR',
				price: '25.00',
				tracked: false,
				requiresShipping: false,
				inventory: { 1001: 0, 1002: 0 },
			},
		],
	},
	{
		id: 7005,
		title: 'Starter Bundle',
		vendor: 'Noord Goods',
		bundle: true,
		variants: [
			// A bundle parent (tote + mug): NON_MUTABLE_INVENTORY_ITEM on set.
			{
				id: 4007,
				inventoryItemId: 5007,
				sku: 'BUNDLE-START',
				title: 'Default Title',
				price: '34.95',
				inventory: { 1001: 10 },
			},
		],
	},
	{
		id: 7006,
		title: 'Sample Pack',
		vendor: 'Sandbox',
		variants: [
			// No SKU at all: never matched by a SKU search.
			{
				id: 4008,
				inventoryItemId: 5008,
				sku: null,
				title: 'Default Title',
				price: '0.00',
				inventory: { 1001: 3 },
			},
		],
	},
];

export function seedShop(state: ShopState): void {
	addLocations(state, SEED_LOCATIONS);
	addProducts(state, SEED_PRODUCTS);
}
