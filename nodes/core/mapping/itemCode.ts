import type { ItemCodeSource, MappingSettings } from './types';

const CHAIN: readonly ItemCodeSource[] = ['sku', 'variantId', 'productId'];

export interface ItemCodeChoice {
	itemCode: string | null;
	itemCodeSource: ItemCodeSource | null;
}

/**
 * The item code of a product line or variant: the configured source first, then the rest of the
 * chain sku → variant id → product id (wrapping round). Id-based codes get the prefix.
 */
export function chooseItemCode(
	ids: { sku: string | null; variantId: string | null; productId: string | null },
	settings: Pick<MappingSettings, 'itemCodeSource' | 'itemCodePrefix'>,
): ItemCodeChoice {
	const start = CHAIN.indexOf(settings.itemCodeSource);
	for (let step = 0; step < CHAIN.length; step++) {
		const source = CHAIN[(start + step) % CHAIN.length];
		const value = ids[source];
		if (value) {
			return {
				itemCode: source === 'sku' ? value : settings.itemCodePrefix + value,
				itemCodeSource: source,
			};
		}
	}
	return { itemCode: null, itemCodeSource: null };
}
