/**
 * "Remember Imported Orders": the sales orders this process created or found, by YourRef, per
 * credential, Exact site and division. A repeated webhook of an order imported in the last 24 hours
 * then costs no YourRef lookup. Only this process's memory: a restart or another queue-mode worker
 * looks the reference up in Exact as before, so the memory never decides that an order is new.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { memoryScope, sharedMap } from '../../../shared/processMemory';
import type { OrderRecord } from '../common';

export const IMPORTED_ORDERS_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_IMPORTED_ORDERS = 20_000;

interface Entry {
	at: number;
	order: OrderRecord;
}

export interface ImportedOrders {
	get(yourRef: string): OrderRecord | undefined;
	set(order: OrderRecord): void;
}

const keyOf = (yourRef: string) => yourRef.trim().toLowerCase();

export async function openImportedOrders(
	ctx: IExecuteFunctions,
	division: number,
): Promise<ImportedOrders> {
	const map = sharedMap<Entry>(
		'importedOrders',
		await memoryScope(ctx, division),
		MAX_IMPORTED_ORDERS,
	);
	return {
		get(yourRef) {
			const entry = map.get(keyOf(yourRef));
			if (!entry) return undefined;
			if (Date.now() - entry.at < IMPORTED_ORDERS_TTL_MS) return entry.order;
			map.delete(keyOf(yourRef));
			return undefined;
		},
		set(order) {
			const yourRef = String(order.YourRef ?? '').trim();
			if (yourRef && order.OrderID)
				map.set(keyOf(yourRef), { at: Date.now(), order: { ...order } });
		},
	};
}
