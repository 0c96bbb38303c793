import { validation } from '../errors';
import { newGuid } from '../ids';
import type { Rec } from '../store';
import type { Tx } from '../tx';

/** Open (undelivered, not completed) sales order quantity of an item in a warehouse: Exact's PlanningOut. */
export function planningOut(tx: Tx, itemId: string, warehouseId: string): number {
	let total = 0;
	for (const line of tx.div.lookup('SalesOrderLines', 'Item', itemId)) {
		const order = tx.div.get('SalesOrders', line.OrderID);
		if (!order || order.WarehouseID !== warehouseId || order.Status === 45) continue;
		// A line whose delivery was completed (CompleteSalesOrder) will not ship its rest.
		if (line.DeliveryCompleted === true) continue;
		total += Math.max(0, Number(line.Quantity ?? 0) - Number(line.QuantityDelivered ?? 0));
	}
	return total;
}

export function findItemWarehouse(tx: Tx, itemId: string, warehouseId: string): Rec | undefined {
	return tx.div.lookup('ItemWarehouses', 'Item', itemId).find((r) => r.Warehouse === warehouseId);
}

export function newItemWarehouse(itemId: string, warehouseId: string): Rec {
	return {
		ID: newGuid(),
		Item: itemId,
		Warehouse: warehouseId,
		CurrentStock: 0,
		PlannedStockIn: 0,
		PlannedStockOut: 0,
		ReservedStock: 0,
		SafetyStock: 0,
		ReorderPoint: 0,
		ReorderQuantity: 0,
		MaximumStock: 0,
	};
}

/**
 * Recomputes an item's stock row in a warehouse after orders or deliveries changed, giving it a
 * new Timestamp (and a StockPositions event) when a figure moved. Only stock items have rows.
 */
export function refreshStock(tx: Tx, itemId: unknown, warehouseId: unknown, delta = 0): void {
	if (typeof itemId !== 'string' || typeof warehouseId !== 'string') return;
	const item = tx.div.get('Items', itemId);
	if (!item || item.IsStockItem !== true) return;
	const out = planningOut(tx, itemId, warehouseId);
	const row = findItemWarehouse(tx, itemId, warehouseId);
	if (!row) {
		if (out === 0 && delta === 0) return;
		tx.insert('ItemWarehouses', {
			...newItemWarehouse(itemId, warehouseId),
			CurrentStock: delta,
			PlannedStockOut: out,
		});
		return;
	}
	if (row.PlannedStockOut === out && delta === 0) return;
	row.PlannedStockOut = out;
	row.CurrentStock = Number(row.CurrentStock ?? 0) + delta;
	tx.touch('ItemWarehouses', row);
}

/** The admin stock call: sets or moves CurrentStock of an item in a warehouse. */
export function adjustStock(
	tx: Tx,
	item: Rec,
	warehouse: Rec,
	change: { delta?: number; quantity?: number },
): Rec {
	if (item.IsStockItem !== true) throw validation(`Item ${item.Code} is not a stock item.`);
	const itemId = String(item.ID);
	const warehouseId = String(warehouse.ID);
	let row = findItemWarehouse(tx, itemId, warehouseId);
	if (!row) row = tx.insert('ItemWarehouses', newItemWarehouse(itemId, warehouseId));
	const current = Number(row.CurrentStock ?? 0);
	const next = change.quantity !== undefined ? change.quantity : current + (change.delta ?? 0);
	row.CurrentStock = next;
	row.PlannedStockOut = planningOut(tx, itemId, warehouseId);
	tx.touch('ItemWarehouses', row);
	return row;
}
