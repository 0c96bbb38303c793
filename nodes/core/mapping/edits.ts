/**
 * Orders edited before they reach Exact. Shopify keeps `quantity` as ordered and gives the
 * quantity left after order edits and refunds as `current_quantity`. What an edit removed is not
 * sold and is not booked; what a refund took back is booked here and credited by its own credit
 * note (the refunds workflow), so the booked quantity is current + refunded, at most the ordered
 * one. A reduced line keeps its unit price; its discount and tax shrink in proportion.
 */
import { mulDivRound } from '../money';
import type { ShopifyLineItem, ShopifyOrder } from '../shopify/order.schema';
import type { LineInput } from './line';

/** Refunded quantity per Shopify line item id. */
export function refundedQuantities(order: ShopifyOrder): Map<string, number> {
	const refunded = new Map<string, number>();
	for (const refund of order.refunds) {
		for (const line of refund.refund_line_items) {
			if (!line.line_item_id) continue;
			refunded.set(
				line.line_item_id,
				(refunded.get(line.line_item_id) ?? 0) + (line.quantity ?? 0),
			);
		}
	}
	return refunded;
}

/** The quantity to book: what the customer still buys, plus what refunds credit separately. */
export function bookedQuantity(
	item: ShopifyLineItem,
	refunded: ReadonlyMap<string, number>,
): number {
	const current = item.current_quantity;
	if (current === null || current === undefined || current >= item.quantity) return item.quantity;
	const back = item.id ? (refunded.get(item.id) ?? 0) : 0;
	return Math.min(item.quantity, current + back);
}

/** The line input at a lower quantity: the same unit price, discount and taxes pro rata. */
export function reduceLine(input: LineInput, quantity: number): LineInput {
	const share = (cents: number) =>
		input.quantity === 0 ? 0 : mulDivRound(cents, quantity, input.quantity);
	return {
		...input,
		quantity,
		discountCents: share(input.discountCents),
		taxes: input.taxes.map((tax) => ({ ...tax, amountCents: share(tax.amountCents) })),
	};
}
