import type { Rec, Table } from '../store';
import { deliveryDone, invoiceDone } from './order-lines';
import {
	countryName,
	DivView,
	INVOICE_STATUS_TEXT,
	INVOICE_TYPE_TEXT,
	JOURNAL_TYPE_TEXT,
	STATUS_TEXT,
} from './view';

/**
 * Read-only fields Exact computes from other records (names, descriptions, stock, prices).
 * They are worked out when a record is read, so they never go stale.
 */
type Derive = (rec: Rec, v: DivView) => Rec;

const name = (r: Rec | undefined, field = 'Name') => (r ? (r[field] as string | null) : null);
const fullName = (r: Rec | undefined) =>
	r ? [r.FirstName, r.MiddleName, r.LastName].filter((x) => x).join(' ') || null : null;

/** The names of an order's or invoice's ordering, delivery and invoice accounts and contacts. */
function partyNames(r: Rec, v: DivView): Rec {
	return {
		OrderedByName: name(v.get('Accounts', r.OrderedBy)),
		DeliverToName: name(v.get('Accounts', r.DeliverTo)),
		InvoiceToName: name(v.get('Accounts', r.InvoiceTo)),
		OrderedByContactPersonFullName: fullName(v.get('Contacts', r.OrderedByContactPerson)),
		DeliverToContactPersonFullName: fullName(v.get('Contacts', r.DeliverToContactPerson)),
		InvoiceToContactPersonFullName: fullName(v.get('Contacts', r.InvoiceToContactPerson)),
	};
}

const DERIVE: Partial<Record<Table, Derive>> = {
	Accounts: (r, v) => ({
		CountryName: countryName(r.Country),
		IsSales: r.Status === 'C',
		Type: r.Type ?? 'A',
		PaymentConditionSalesDescription: name(
			v.paymentCondition(r.PaymentConditionSales),
			'Description',
		),
		SalesVATCodeDescription: name(v.vatCode(r.SalesVATCode), 'Description'),
		InvoiceAccountName: name(v.get('Accounts', r.InvoiceAccount)),
	}),
	Contacts: (r, v) => {
		const account = v.get('Accounts', r.Account);
		return {
			FullName: fullName(r),
			AccountName: name(account),
			AccountMainContact: account?.MainContact ?? null,
			AccountIsCustomer: account?.Status === 'C',
			IsMainContact: account?.MainContact === r.ID,
		};
	},
	Addresses: (r, v) => ({
		AccountName: name(v.get('Accounts', r.Account)),
		ContactName: fullName(v.get('Contacts', r.Contact)),
		CountryName: countryName(r.Country),
		WarehouseCode: name(v.get('Warehouses', r.Warehouse), 'Code'),
		WarehouseDescription: name(v.get('Warehouses', r.Warehouse), 'Description'),
	}),
	Items: (r, v) => {
		const group = v.get('ItemGroups', r.ItemGroup);
		return {
			ItemGroupCode: name(group, 'Code'),
			ItemGroupDescription: name(group, 'Description'),
			SalesVatCodeDescription: name(v.vatCode(r.SalesVatCode), 'Description'),
			Stock: v.itemStock(String(r.ID)).current,
			StandardSalesPrice: (v.defaultPrice(String(r.ID))?.Price as number | undefined) ?? 0,
		};
	},
	SalesItemPrices: (r, v) => {
		const item = v.get('Items', r.Item);
		return {
			ItemCode: name(item, 'Code'),
			ItemDescription: name(item, 'Description'),
			AccountName: name(v.get('Accounts', r.Account)),
			DefaultItemUnit: item?.Unit ?? null,
		};
	},
	SalesOrders: (r, v) => {
		const wh = v.get('Warehouses', r.WarehouseID);
		return {
			...partyNames(r, v),
			PaymentConditionDescription: name(v.paymentCondition(r.PaymentCondition), 'Description'),
			ShippingMethodDescription: name(v.get('ShippingMethods', r.ShippingMethod), 'Description'),
			WarehouseCode: name(wh, 'Code'),
			WarehouseDescription: name(wh, 'Description'),
			StatusDescription: STATUS_TEXT[r.Status as number] ?? null,
			DeliveryStatusDescription: STATUS_TEXT[r.DeliveryStatus as number] ?? null,
			InvoiceStatusDescription: STATUS_TEXT[r.InvoiceStatus as number] ?? null,
			ApprovalStatusDescription: r.ApprovalStatus === 2 ? 'Approved' : 'Automatically',
		};
	},
	SalesOrderLines: (r, v) => {
		const item = v.get('Items', r.Item);
		const order = v.get('SalesOrders', r.OrderID);
		const delivered = Number(r.QuantityDelivered ?? 0);
		return {
			ItemCode: name(item, 'Code'),
			ItemDescription: name(item, 'Description'),
			UnitDescription: name(item, 'UnitDescription') ?? r.UnitCode ?? null,
			VATCodeDescription: name(v.vatCode(r.VATCode), 'Description'),
			OrderStatus: order?.Status ?? null,
			DeliveryStatus: deliveryDone(r) ? 21 : delivered > 0 ? 20 : 12,
			InvoiceStatus: invoiceDone(r) ? 21 : Number(r.QuantityInvoiced ?? 0) > 0 ? 20 : 12,
		};
	},
	GoodsDeliveries: (r, v) => {
		const account = v.get('Accounts', r.DeliveryAccount);
		const wh = v.get('Warehouses', r.Warehouse);
		const ship = v.get('ShippingMethods', r.ShippingMethod);
		return {
			DeliveryAccountCode: name(account, 'Code'),
			DeliveryAccountName: name(account),
			DeliveryContactPersonFullName: fullName(v.get('Contacts', r.DeliveryContact)),
			WarehouseCode: name(wh, 'Code'),
			WarehouseDescription: name(wh, 'Description'),
			ShippingMethodCode: name(ship, 'Code'),
			ShippingMethodDescription: name(ship, 'Description'),
		};
	},
	SalesInvoices: (r, v) => {
		const ship = v.get('ShippingMethods', r.ShippingMethod);
		return {
			...partyNames(r, v),
			JournalDescription: name(v.journal(r.Journal), 'Description'),
			PaymentConditionDescription: name(v.paymentCondition(r.PaymentCondition), 'Description'),
			ShippingMethodCode: name(ship, 'Code'),
			ShippingMethodDescription: name(ship, 'Description'),
			StatusDescription: INVOICE_STATUS_TEXT[r.Status as number] ?? null,
			TypeDescription: INVOICE_TYPE_TEXT[r.Type as number] ?? null,
		};
	},
	SalesInvoiceLines: (r, v) => {
		const item = v.get('Items', r.Item);
		return {
			ItemCode: name(item, 'Code'),
			ItemDescription: name(item, 'Description'),
			UnitDescription: name(item, 'UnitDescription') ?? r.UnitCode ?? null,
			VATCodeDescription: name(v.vatCode(r.VATCode), 'Description'),
		};
	},
	Journals: (r) => ({ TypeDescription: JOURNAL_TYPE_TEXT[r.Type as number] ?? null }),
	ItemWarehouses: (r, v) => {
		const item = v.get('Items', r.Item);
		const wh = v.get('Warehouses', r.Warehouse);
		const current = Number(r.CurrentStock ?? 0);
		return {
			ItemCode: name(item, 'Code'),
			ItemDescription: name(item, 'Description'),
			ItemIsStockItem: item?.IsStockItem ?? null,
			ItemUnit: item?.Unit ?? null,
			WarehouseCode: name(wh, 'Code'),
			WarehouseDescription: name(wh, 'Description'),
			ProjectedStock: current + Number(r.PlannedStockIn ?? 0) - Number(r.PlannedStockOut ?? 0),
		};
	},
};

/** A copy of a stored record with its computed fields filled in. */
export function derive(table: Table, rec: Rec, v: DivView): Rec {
	const fn = DERIVE[table];
	return fn ? { ...rec, ...fn(rec, v) } : { ...rec };
}

/** sync/Inventory/StockPositions rows: one per item and warehouse. */
export function stockPositionRow(row: Rec, v: DivView): Rec {
	const r = derive('ItemWarehouses', row, v);
	const item = v.get('Items', row.Item);
	const current = Number(r.CurrentStock ?? 0);
	return {
		Timestamp: r.Timestamp,
		ID: r.ID,
		Division: r.Division,
		ItemId: r.Item,
		ItemCode: r.ItemCode,
		ItemDescription: r.ItemDescription,
		Warehouse: r.Warehouse,
		WarehouseCode: r.WarehouseCode,
		WarehouseDescription: r.WarehouseDescription,
		CurrentStock: current,
		PlanningIn: Number(r.PlannedStockIn ?? 0),
		PlanningOut: Number(r.PlannedStockOut ?? 0),
		ProjectedStock: r.ProjectedStock,
		ReservedStock: Number(r.ReservedStock ?? 0),
		FreeStock: current - Number(r.ReservedStock ?? 0),
		ReorderPoint: r.ReorderPoint ?? 0,
		UnitCode: item?.Unit ?? null,
		UnitDescription: item?.UnitDescription ?? null,
	};
}
