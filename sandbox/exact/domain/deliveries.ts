import { startOfDay } from '../clock';
import { validation } from '../errors';
import { newGuid } from '../ids';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { Hooks, viewOf } from './hooks';
import { settleOrder } from './order-lines';
import { refreshStock } from './stock';

/**
 * Goods deliveries: each line delivers part of a sales order line. Posting one raises
 * QuantityDelivered, moves the orders' DeliveryStatus (12 → 20 → 21) and takes the quantity out
 * of stock in the orders' warehouse.
 */
function buildLines(tx: Tx, header: Rec, raw: unknown[]): Rec[] {
	const open = new Map<string, number>();
	return (raw as Rec[]).map((line, index) => {
		if (!line.SalesOrderLineID) throw validation('Mandatory: SalesOrderLineID');
		if (typeof line.QuantityDelivered !== 'number')
			throw validation('Mandatory: QuantityDelivered');
		const orderLine = tx.div.get('SalesOrderLines', line.SalesOrderLineID);
		if (!orderLine) throw validation('SalesOrderLineID: the sales order line does not exist.');
		const order = tx.div.get('SalesOrders', orderLine.OrderID) as Rec;
		if (order.Status === 45) throw validation(`Sales order ${order.OrderNumber} is cancelled.`);
		// Exact's goods delivery example: the order must have ApprovalStatus 2 (Approved).
		if (order.ApprovalStatus !== 2) {
			throw validation(
				`Sales order ${order.OrderNumber} is not approved (ApprovalStatus ${order.ApprovalStatus}); approve it first.`,
			);
		}
		if (orderLine.DeliveryCompleted === true) {
			throw validation(
				`Sales order ${order.OrderNumber} line ${orderLine.LineNumber}: the delivery is completed; nothing more can be delivered.`,
			);
		}
		const key = String(orderLine.ID);
		const left =
			open.get(key) ?? Number(orderLine.Quantity ?? 0) - Number(orderLine.QuantityDelivered ?? 0);
		if (line.QuantityDelivered <= 0 || line.QuantityDelivered > left + 1e-9) {
			throw validation(
				`QuantityDelivered: ${line.QuantityDelivered} is more than the open quantity ${left} ` +
					`of sales order ${order.OrderNumber} line ${orderLine.LineNumber}.`,
			);
		}
		open.set(key, left - line.QuantityDelivered);
		header.DeliveryAccount = header.DeliveryAccount ?? order.DeliverTo;
		header.Warehouse = header.Warehouse ?? order.WarehouseID;
		header.DeliveryAddress = header.DeliveryAddress ?? order.DeliveryAddress;
		header.DeliveryContact = header.DeliveryContact ?? order.DeliverToContactPerson;
		if (header.DeliveryAccount !== order.DeliverTo) {
			throw validation('All lines of a goods delivery must be for the same delivery account.');
		}
		if (header.Warehouse !== order.WarehouseID) {
			throw validation('All lines of a goods delivery must be from the same warehouse.');
		}
		const item = tx.div.get('Items', orderLine.Item);
		return {
			...line,
			ID: line.ID ?? newGuid(),
			EntryID: header.EntryID,
			LineNumber: index + 1,
			Item: orderLine.Item,
			ItemCode: item?.Code ?? null,
			ItemDescription: item?.Description ?? null,
			Description: line.Description ?? orderLine.Description,
			QuantityOrdered: orderLine.Quantity,
			SalesOrderLineNumber: orderLine.LineNumber,
			SalesOrderNumber: order.OrderNumber,
			DeliveryDate: header.DeliveryDate,
			Unitcode: orderLine.UnitCode,
		};
	});
}

export const goodsDeliveryHooks: Hooks = {
	create(tx, rec, nav) {
		const raw = nav.GoodsDeliveryLines;
		if (!raw || raw.length === 0) throw validation('Mandatory: GoodsDeliveryLines');
		rec.DeliveryDate = startOfDay(rec.DeliveryDate as number);
		if (rec.ShippingMethod != null && !tx.div.get('ShippingMethods', rec.ShippingMethod)) {
			throw validation('ShippingMethod: the shipping method does not exist.');
		}
		nav.GoodsDeliveryLines = buildLines(tx, rec, raw);
		tx.div.counters.deliveryNumber += 1;
		tx.div.counters.entryNumber += 1;
		rec.DeliveryNumber = tx.div.counters.deliveryNumber;
		rec.EntryNumber = tx.div.counters.entryNumber;
	},
	afterCreate(tx, rec, nav) {
		const v = viewOf(tx);
		const orders = new Set<Rec>();
		for (const line of nav.GoodsDeliveryLines as Rec[]) {
			tx.insert('GoodsDeliveryLines', line);
			const orderLine = tx.div.get('SalesOrderLines', line.SalesOrderLineID) as Rec;
			orderLine.QuantityDelivered =
				Number(orderLine.QuantityDelivered ?? 0) + Number(line.QuantityDelivered);
			tx.touch('SalesOrderLines', orderLine);
			orders.add(tx.div.get('SalesOrders', orderLine.OrderID) as Rec);
			refreshStock(tx, orderLine.Item, rec.Warehouse, -Number(line.QuantityDelivered));
		}
		for (const order of orders) settleOrder(tx, v, order);
	},
	update(tx, _rec, patch, nav) {
		if (nav.GoodsDeliveryLines)
			throw validation('GoodsDeliveryLines cannot be changed after posting.');
		if (patch.ShippingMethod != null && !tx.div.get('ShippingMethods', patch.ShippingMethod)) {
			throw validation('ShippingMethod: the shipping method does not exist.');
		}
		if (typeof patch.DeliveryDate === 'number') patch.DeliveryDate = startOfDay(patch.DeliveryDate);
	},
};
