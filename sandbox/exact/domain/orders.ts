import { startOfDay } from '../clock';
import { validation } from '../errors';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { Hooks, viewOf } from './hooks';
import { assertIcpVatNumber } from './line-vat';
import { buildInlineLines, fillLine, isClosed, linesOf, settleOrder } from './order-lines';
import { refreshStock } from './stock';
import { DivView } from './view';

const IMMUTABLE = ['OrderedBy', 'DeliverTo', 'InvoiceTo'];

export function account(v: DivView, id: unknown, field: string): Rec {
	const a = v.get('Accounts', id);
	if (!a) throw validation(`${field}: the account does not exist.`);
	if (a.Blocked === true)
		throw validation(`${field}: account ${String(a.Code).trim()} is blocked.`);
	return a;
}

/** Delivery address default: the main delivery address, else any delivery, else the visit address. */
export function defaultDeliveryAddress(tx: Tx, accountId: unknown): unknown {
	const own = tx.div.lookup('Addresses', 'Account', accountId);
	const pick =
		own.find((a) => a.Type === 4 && a.Main === true) ??
		own.find((a) => a.Type === 4) ??
		own.find((a) => a.Type === 1 && a.Main === true);
	return pick?.ID ?? null;
}

function checkReferences(tx: Tx, v: DivView, values: Rec): void {
	if (values.PaymentCondition != null && !v.paymentCondition(values.PaymentCondition)) {
		throw validation(
			`PaymentCondition: payment condition '${values.PaymentCondition}' does not exist.`,
		);
	}
	if (values.ShippingMethod != null && !tx.div.get('ShippingMethods', values.ShippingMethod)) {
		throw validation('ShippingMethod: the shipping method does not exist.');
	}
	if (values.WarehouseID != null && !tx.div.get('Warehouses', values.WarehouseID)) {
		throw validation('WarehouseID: the warehouse does not exist.');
	}
	if (values.DeliveryAddress != null && !tx.div.get('Addresses', values.DeliveryAddress)) {
		throw validation('DeliveryAddress: the address does not exist.');
	}
	if (values.OrderNumber != null) {
		const clash = tx.div
			.lookup('SalesOrders', 'OrderNumber', values.OrderNumber)
			.find((o) => o.OrderID !== values.OrderID);
		if (clash) throw validation(`OrderNumber: order ${values.OrderNumber} already exists.`);
	}
	for (const f of ['OrderDate', 'DeliveryDate']) {
		if (typeof values[f] === 'number') values[f] = startOfDay(values[f] as number);
	}
}

function refreshOrderStock(tx: Tx, order: Rec, warehouseId = order.WarehouseID): void {
	const items = new Set(linesOf(tx, order.OrderID).map((l) => l.Item));
	for (const item of items) refreshStock(tx, item, warehouseId);
}

export const salesOrderHooks: Hooks = {
	create(tx, rec, nav) {
		const v = viewOf(tx);
		const raw = nav.SalesOrderLines;
		if (!raw || raw.length === 0) throw validation('Mandatory: SalesOrderLines');
		if ((nav.SalesOrderOrderChargeLines ?? []).length > 0) {
			throw validation('SalesOrderOrderChargeLines are not supported by the sandbox.');
		}
		const orderedBy = account(v, rec.OrderedBy, 'OrderedBy');
		const deliverTo = account(v, rec.DeliverTo ?? rec.OrderedBy, 'DeliverTo');
		const invoiceTo = account(v, rec.InvoiceTo ?? rec.OrderedBy, 'InvoiceTo');
		checkReferences(tx, v, rec);
		const today = tx.clock.today();
		Object.assign(rec, {
			DeliverTo: deliverTo.ID,
			InvoiceTo: invoiceTo.ID,
			OrderedByContactPerson: rec.OrderedByContactPerson ?? orderedBy.MainContact ?? null,
			DeliverToContactPerson: rec.DeliverToContactPerson ?? deliverTo.MainContact ?? null,
			InvoiceToContactPerson: rec.InvoiceToContactPerson ?? invoiceTo.MainContact ?? null,
			DeliveryAddress: rec.DeliveryAddress ?? defaultDeliveryAddress(tx, deliverTo.ID),
			OrderDate: rec.OrderDate ?? today,
			Currency: rec.Currency ?? tx.div.currency,
			PaymentCondition: rec.PaymentCondition ?? orderedBy.PaymentConditionSales ?? '00',
			ShippingMethod: rec.ShippingMethod ?? orderedBy.ShippingMethod ?? null,
			WarehouseID: rec.WarehouseID ?? v.mainWarehouse()?.ID ?? null,
			ApprovalStatus: rec.ApprovalStatus === 2 ? 2 : 1,
			Approved: tx.now(),
			Status: 12,
			DeliveryStatus: 12,
			InvoiceStatus: 12,
			Discount: rec.Discount ?? 0,
			AmountDiscount: 0,
			AmountDiscountExclVat: 0,
		});
		rec.DeliveryDate = rec.DeliveryDate ?? rec.OrderDate;
		checkReferences(tx, v, rec);
		if (rec.OrderNumber == null) rec.OrderNumber = tx.div.counters.orderNumber + 1;
		tx.div.counters.orderNumber = Math.max(tx.div.counters.orderNumber, Number(rec.OrderNumber));
		v.rateToDivision(rec.Currency, rec.OrderDate);
		nav.SalesOrderLines = buildInlineLines(v, rec, raw);
		assertIcpVatNumber(v, orderedBy, nav.SalesOrderLines as Rec[]);
	},
	afterCreate(tx, rec, nav) {
		for (const line of nav.SalesOrderLines as Rec[]) tx.insert('SalesOrderLines', line);
		settleOrder(tx, viewOf(tx), rec, false);
		refreshOrderStock(tx, rec);
	},
	update(tx, rec, patch, nav) {
		if (isClosed(rec, linesOf(tx, rec.OrderID))) throw closed(rec);
		if ('ApprovalStatus' in patch && patch.ApprovalStatus !== rec.ApprovalStatus) {
			// Posting 2 approves the order (the user holds the right); nothing else can be set.
			if (patch.ApprovalStatus !== 2)
				throw validation(
					`ApprovalStatus: ${patch.ApprovalStatus} cannot be set; post 2 to approve.`,
				);
			patch.Approved = tx.now();
			patch.Approver = tx.user.id;
		}
		for (const f of IMMUTABLE) {
			if (f in patch && patch[f] !== rec[f])
				throw validation(`${f}: cannot be changed after the order was created.`);
		}
		if (nav.SalesOrderLines) {
			throw validation(
				'SalesOrderLines cannot be changed through the order; use salesorder/SalesOrderLines.',
			);
		}
		checkReferences(tx, viewOf(tx), { ...patch, OrderID: rec.OrderID });
		for (const f of ['OrderDate', 'DeliveryDate']) {
			if (typeof patch[f] === 'number') patch[f] = startOfDay(patch[f] as number);
		}
	},
	afterUpdate(tx, rec, before) {
		if (before.WarehouseID !== rec.WarehouseID) {
			refreshOrderStock(tx, rec, before.WarehouseID);
			refreshOrderStock(tx, rec);
		}
		if (before.OrderNumber !== rec.OrderNumber) {
			for (const l of linesOf(tx, rec.OrderID)) l.OrderNumber = rec.OrderNumber;
		}
	},
	remove(tx, rec) {
		const lines = linesOf(tx, rec.OrderID);
		if (lines.some((l) => Number(l.QuantityDelivered ?? 0) > 0)) {
			throw validation('This sales order cannot be deleted: goods have been delivered.');
		}
		if (lines.some((l) => Number(l.QuantityInvoiced ?? 0) > 0)) {
			throw validation('This sales order cannot be deleted: it has been invoiced.');
		}
		for (const l of lines) tx.remove('SalesOrderLines', l);
		for (const item of new Set(lines.map((l) => l.Item))) refreshStock(tx, item, rec.WarehouseID);
	},
};

function closed(order: Rec): Error {
	const what =
		order.Status === 45
			? 'cancelled'
			: order.Status === 21
				? 'complete (delivered and invoiced)'
				: 'completed (CompleteSalesOrder)';
	return validation(`Sales order ${order.OrderNumber} is ${what} and cannot be changed.`);
}

function orderOf(tx: Tx, id: unknown): Rec {
	const order = tx.div.get('SalesOrders', id);
	if (!order)
		throw validation(id ? 'OrderID: the sales order does not exist.' : 'Mandatory: OrderID');
	return order;
}

export const salesOrderLineHooks: Hooks = {
	create(tx, rec) {
		const order = orderOf(tx, rec.OrderID);
		if (isClosed(order, linesOf(tx, order.OrderID))) throw closed(order);
		const lineNumber =
			Math.max(0, ...linesOf(tx, order.OrderID).map((l) => Number(l.LineNumber))) + 1;
		Object.assign(rec, fillLine(viewOf(tx), order, rec), { LineNumber: lineNumber });
	},
	afterCreate(tx, rec) {
		const order = orderOf(tx, rec.OrderID);
		settleOrder(tx, viewOf(tx), order);
		refreshStock(tx, rec.Item, order.WarehouseID);
	},
	update(tx, rec, patch) {
		if ('OrderID' in patch && patch.OrderID !== rec.OrderID)
			throw validation('OrderID: cannot be changed.');
		const order = orderOf(tx, rec.OrderID);
		if (isClosed(order, linesOf(tx, order.OrderID))) throw closed(order);
		const merged = { ...rec, ...patch };
		if (Number(merged.Quantity ?? 0) < Number(rec.QuantityDelivered ?? 0)) {
			throw validation('Quantity: cannot be less than the quantity delivered.');
		}
		if (Number(merged.Quantity ?? 0) < Number(rec.QuantityInvoiced ?? 0)) {
			throw validation('Quantity: cannot be less than the quantity invoiced.');
		}
		if ('Item' in patch && patch.Item !== rec.Item && Number(rec.QuantityDelivered ?? 0) > 0) {
			throw validation('Item: cannot be changed on a line with deliveries.');
		}
		const priceChanged =
			['Item', 'UnitPrice', 'Discount'].some((f) => f in patch) && !('NetPrice' in patch);
		if (priceChanged) delete merged.NetPrice;
		Object.assign(patch, fillLine(viewOf(tx), order, merged));
	},
	afterUpdate(tx, rec, before) {
		const order = orderOf(tx, rec.OrderID);
		settleOrder(tx, viewOf(tx), order);
		refreshStock(tx, rec.Item, order.WarehouseID);
		if (before.Item !== rec.Item) refreshStock(tx, before.Item, order.WarehouseID);
	},
	remove(tx, rec) {
		const order = tx.div.get('SalesOrders', rec.OrderID);
		if (order && isClosed(order, linesOf(tx, order.OrderID))) throw closed(order);
		if (Number(rec.QuantityDelivered ?? 0) > 0)
			throw validation('This line cannot be deleted: goods have been delivered.');
		if (Number(rec.QuantityInvoiced ?? 0) > 0)
			throw validation('This line cannot be deleted: it has been invoiced.');
	},
	afterRemove(tx, rec) {
		const order = tx.div.get('SalesOrders', rec.OrderID);
		if (!order) return;
		settleOrder(tx, viewOf(tx), order);
		refreshStock(tx, rec.Item, order.WarehouseID);
	},
};
