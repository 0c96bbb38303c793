/** Shopify global ids (gid://shopify/Type/123) and the sandbox's id counters. */

export type GidType =
	| 'Product'
	| 'ProductVariant'
	| 'InventoryItem'
	| 'InventoryLevel'
	| 'Location'
	| 'InventoryAdjustmentGroup'
	| 'Order'
	| 'Metafield'
	| 'Shop'
	| 'ShopifyPaymentsAccount'
	| 'ShopifyPaymentsPayout'
	| 'ShopifyPaymentsBalanceTransaction';

export function gid(type: GidType, id: string): string {
	return `gid://shopify/${type}/${id}`;
}

/** The numeric id inside a gid of the given type (or a bare numeric id); undefined otherwise. */
export function parseGid(value: unknown, type: GidType): string | undefined {
	if (typeof value !== 'string') return undefined;
	if (/^[0-9]+$/.test(value)) return value;
	const match = /^gid:\/\/shopify\/([A-Za-z]+)\/([0-9]+)(\?.*)?$/.exec(value);
	return match && match[1] === type ? match[2] : undefined;
}

/** The id of an inventory level: its location, with the inventory item as a query parameter. */
export function inventoryLevelGid(locationId: string, inventoryItemId: string): string {
	return `gid://shopify/InventoryLevel/${locationId}?inventory_item_id=${inventoryItemId}`;
}

/** Sequential ids. Objects get 8-digit ids; orders get 13-digit ids like today's real shops. */
export class IdSource {
	private next = 10_000_001;
	private nextOrder = 5_600_000_000_001;

	id(): string {
		return String(this.next++);
	}

	orderId(): string {
		return String(this.nextOrder++);
	}

	/** Makes sure later generated ids do not collide with an id given by a caller. */
	reserve(id: string): void {
		if (/^[0-9]{1,15}$/.test(id)) {
			const n = Number(id);
			if (n >= this.next && n < 1_000_000_000) this.next = n + 1;
			if (n >= this.nextOrder && n < 9_000_000_000_000) this.nextOrder = n + 1;
		}
	}
}
