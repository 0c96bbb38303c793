import { makeSchema, Schema, syncSchema } from './schema/fields';
import * as crm from './schema/crm';
import * as invoices from './schema/invoices';
import * as logistics from './schema/logistics';
import * as sales from './schema/sales';
import * as system from './schema/system';
import type { Table } from './store';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Where the rows of a set come from: a table, or a computed view. */
export type Source = 'table' | 'stockPositions' | 'deleted' | 'divisions';

export interface NavDef {
	/** Path of the child set, e.g. salesorder/SalesOrderLines. */
	path: string;
	foreignKey: string;
}

export interface EntityDef {
	path: string;
	name: string;
	schema: Schema;
	key: string;
	keyType: 'guid' | 'int' | 'int64';
	methods: Method[];
	pageSize: number;
	kind: 'entity' | 'sync' | 'bulk';
	source: Source;
	table?: Table;
	/** GET on the collection needs a $filter on one of these fields (Exact's mandatory filtering). */
	mandatoryFilter?: string[];
	/** GET needs $select or $top ("Please add a $select or a $top=1 statement…"). */
	selectOrTop?: boolean;
	requireSelect?: boolean;
	/** Only these fields may appear in $filter (sync endpoints). */
	filterOnly?: string[];
	nav?: Record<string, NavDef>;
}

const M = 'Exact.Web.Api.Models.';
const CRUD: Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

const ACCOUNT_FILTERS = (
	'ID Accountant AccountManager AddressLine1 AddressLine2 AddressLine3 Blocked BRIN BSN ' +
	'ChamberOfCommerce City Classification Classification1 Classification2 Classification3 ' +
	'Classification4 Classification5 Classification6 Classification7 Classification8 Code ' +
	'CodeAtSupplier Country Created Email EndDate Fax InvoiceAccount IsAccountant IsReseller IsSales ' +
	'IsSupplier MainContact Modified Name Parent Phone Postcode PriceList Reseller RSIN SearchCode ' +
	'StartDate Status Type VATNumber'
).split(' ');

const range = (prefix: string, n: number, pad = 2) =>
	Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(pad, '0')}`);

const ITEM_FILTERS = [
	'ID',
	'Barcode',
	...range('Class_', 10),
	'Code',
	'CostPriceNew',
	'Created',
	'Description',
	'EndDate',
	'ExtraDescription',
	...range('FreeBoolField_', 5),
	...range('FreeDateField_', 5),
	...range('FreeNumberField_', 8),
	...range('FreeTextField_', 10),
	...'GLCosts GLRevenue GLStock IsBatchItem IsFractionAllowedItem IsMakeItem IsPurchaseItem'.split(
		' ',
	),
	...'IsSalesItem IsSerialItem IsStockItem IsSubcontractedItem IsTime IsWebshopItem ItemGroup'.split(
		' ',
	),
	...'ItemGroupCode Modified NetWeightUnit SalesVatCode SearchCode StartDate Unit'.split(' '),
];

export const SCHEMAS = {
	Accounts: makeSchema(M + 'Account', crm.ACCOUNTS),
	Contacts: makeSchema(M + 'Contact', crm.CONTACTS),
	Addresses: makeSchema(M + 'Address', crm.ADDRESSES),
	Items: makeSchema(M + 'Item', logistics.ITEMS),
	ItemGroups: makeSchema(M + 'ItemGroup', logistics.ITEM_GROUPS),
	SalesItemPrices: makeSchema(M + 'SalesItemPrice', logistics.SALES_ITEM_PRICES),
	Warehouses: makeSchema(M + 'Warehouse', logistics.WAREHOUSES),
	ItemWarehouses: makeSchema(M + 'ItemWarehouse', logistics.ITEM_WAREHOUSES),
	SalesOrders: makeSchema(M + 'SalesOrder', sales.SALES_ORDERS),
	SalesOrderLines: makeSchema(M + 'SalesOrderLine', sales.SALES_ORDER_LINES),
	GoodsDeliveries: makeSchema(M + 'GoodsDelivery', sales.GOODS_DELIVERIES),
	GoodsDeliveryLines: makeSchema(M + 'GoodsDeliveryLine', sales.GOODS_DELIVERY_LINES),
	ShippingMethods: makeSchema(M + 'ShippingMethod', sales.SHIPPING_METHODS),
	SalesInvoices: makeSchema(M + 'SalesInvoice', invoices.SALES_INVOICES),
	SalesInvoiceLines: makeSchema(M + 'SalesInvoiceLine', invoices.SALES_INVOICE_LINES),
	Journals: makeSchema(M + 'Journal', invoices.JOURNALS),
	GLAccounts: makeSchema(M + 'GLAccount', invoices.GL_ACCOUNTS),
	ExchangeRates: makeSchema(M + 'ExchangeRate', invoices.EXCHANGE_RATES),
	VATCodes: makeSchema(M + 'VATCode', system.VAT_CODES),
	PaymentConditions: makeSchema(M + 'PaymentCondition', system.PAYMENT_CONDITIONS),
	WebhookSubscriptions: makeSchema(M + 'WebhookSubscription', system.WEBHOOK_SUBSCRIPTIONS),
	Me: makeSchema(M + 'System.Me', system.ME),
	Divisions: makeSchema(M + 'System.Division', system.DIVISIONS),
	Deleted: makeSchema(M + 'Sync.Deleted', system.DELETED),
	StockPositions: makeSchema(M + 'Sync.Inventory.StockPosition', logistics.STOCK_POSITIONS),
	StockPosition: makeSchema(
		M + 'Read.Logistics.StockPosition',
		'ItemId:g~ InStock:d~ FreeStock:d~ PlanningIn:d~ PlanningOut:d~ ProjectedStock:d~ ReservedStock:d~',
	),
};

function entity(
	path: string,
	table: Table,
	methods: Method[],
	extra: Partial<EntityDef> = {},
): EntityDef {
	const name = path.split('/').pop() as string;
	return {
		path,
		name,
		schema: SCHEMAS[table],
		key: 'ID',
		keyType: 'guid',
		methods,
		pageSize: 60,
		kind: 'entity',
		source: 'table',
		table,
		...extra,
	};
}

function sync(path: string, table: Table, extra: Partial<EntityDef> = {}): EntityDef {
	const [, service, name] = path.split('/');
	const base = SCHEMAS[table];
	const typeName = `${M}Sync.${service}.${base.typeName.split('.').pop()}`;
	return entity(path, table, ['GET'], {
		schema: syncSchema(typeName, base),
		key: 'Timestamp',
		keyType: 'int64',
		pageSize: 1000,
		kind: 'sync',
		filterOnly: ['Timestamp'],
		name,
		...extra,
	});
}

function bulk(path: string, table: Table, extra: Partial<EntityDef> = {}): EntityDef {
	return entity(path, table, ['GET'], {
		pageSize: 1000,
		kind: 'bulk',
		requireSelect: true,
		...extra,
	});
}

const ORDER_LINES: NavDef = { path: 'salesorder/SalesOrderLines', foreignKey: 'OrderID' };
const DELIVERY_LINES: NavDef = { path: 'salesorder/GoodsDeliveryLines', foreignKey: 'EntryID' };
const INVOICE_LINES: NavDef = { path: 'salesinvoice/SalesInvoiceLines', foreignKey: 'InvoiceID' };

const LIST: EntityDef[] = [
	entity('crm/Accounts', 'Accounts', CRUD, { mandatoryFilter: ACCOUNT_FILTERS }),
	entity('crm/Contacts', 'Contacts', CRUD),
	entity('crm/Addresses', 'Addresses', CRUD),
	entity('logistics/Items', 'Items', CRUD, { mandatoryFilter: ITEM_FILTERS }),
	entity('logistics/ItemGroups', 'ItemGroups', ['GET']),
	entity('logistics/SalesItemPrices', 'SalesItemPrices', CRUD, { selectOrTop: true }),
	entity('salesorder/SalesOrders', 'SalesOrders', CRUD, {
		key: 'OrderID',
		nav: { SalesOrderLines: ORDER_LINES },
	}),
	entity('salesorder/SalesOrderLines', 'SalesOrderLines', CRUD),
	entity('salesorder/GoodsDeliveries', 'GoodsDeliveries', ['GET', 'POST', 'PUT'], {
		key: 'EntryID',
		selectOrTop: true,
		nav: { GoodsDeliveryLines: DELIVERY_LINES },
	}),
	entity('salesorder/GoodsDeliveryLines', 'GoodsDeliveryLines', ['GET']),
	entity('salesinvoice/SalesInvoices', 'SalesInvoices', CRUD, {
		key: 'InvoiceID',
		nav: { SalesInvoiceLines: INVOICE_LINES },
	}),
	entity('salesinvoice/SalesInvoiceLines', 'SalesInvoiceLines', ['GET']),
	entity('financial/Journals', 'Journals', ['GET']),
	entity('financial/GLAccounts', 'GLAccounts', ['GET']),
	entity('financial/ExchangeRates', 'ExchangeRates', ['GET', 'POST', 'PUT', 'DELETE']),
	entity('vat/VATCodes', 'VATCodes', CRUD),
	entity('cashflow/PaymentConditions', 'PaymentConditions', ['GET', 'POST']),
	entity('sales/ShippingMethods', 'ShippingMethods', ['GET']),
	entity('inventory/Warehouses', 'Warehouses', CRUD),
	entity('inventory/ItemWarehouses', 'ItemWarehouses', CRUD),
	entity('webhooks/WebhookSubscriptions', 'WebhookSubscriptions', CRUD),
	entity('system/Divisions', 'Accounts', ['GET'], {
		schema: SCHEMAS.Divisions,
		key: 'Code',
		keyType: 'int',
		source: 'divisions',
		table: undefined,
	}),
	sync('sync/CRM/Accounts', 'Accounts'),
	sync('sync/CRM/Contacts', 'Contacts'),
	sync('sync/CRM/Addresses', 'Addresses'),
	sync('sync/Logistics/Items', 'Items'),
	sync('sync/Logistics/SalesItemPrices', 'SalesItemPrices'),
	sync('sync/Inventory/ItemWarehouses', 'ItemWarehouses'),
	sync('sync/SalesOrder/SalesOrderHeaders', 'SalesOrders'),
	sync('sync/SalesOrder/SalesOrderLines', 'SalesOrderLines'),
	sync('sync/SalesOrder/GoodsDeliveries', 'GoodsDeliveries'),
	sync('sync/SalesOrder/GoodsDeliveryLines', 'GoodsDeliveryLines'),
	sync('sync/SalesInvoice/SalesInvoices', 'SalesInvoices'),
	sync('sync/Inventory/StockPositions', 'ItemWarehouses', {
		schema: SCHEMAS.StockPositions,
		source: 'stockPositions',
	}),
	sync('sync/Deleted', 'Accounts', {
		schema: SCHEMAS.Deleted,
		source: 'deleted',
		filterOnly: ['Timestamp', 'EntityType'],
		table: undefined,
	}),
	bulk('bulk/CRM/Accounts', 'Accounts', { mandatoryFilter: ACCOUNT_FILTERS }),
	bulk('bulk/CRM/Contacts', 'Contacts'),
	bulk('bulk/CRM/Addresses', 'Addresses'),
	bulk('bulk/Logistics/Items', 'Items', { mandatoryFilter: ITEM_FILTERS }),
	bulk('bulk/Logistics/SalesItemPrices', 'SalesItemPrices'),
	bulk('bulk/SalesOrder/SalesOrders', 'SalesOrders', { key: 'OrderID' }),
	bulk('bulk/SalesOrder/SalesOrderLines', 'SalesOrderLines'),
	bulk('bulk/SalesOrder/GoodsDeliveries', 'GoodsDeliveries', { key: 'EntryID' }),
	bulk('bulk/SalesInvoice/SalesInvoices', 'SalesInvoices', { key: 'InvoiceID' }),
	bulk('bulk/SalesInvoice/SalesInvoiceLines', 'SalesInvoiceLines'),
];

export const ENTITIES = new Map(LIST.map((e) => [e.path, e]));

/** The plain CRUD set backed by a table (for admin inserts and state reads). */
export function entityForTable(table: Table): EntityDef | undefined {
	return LIST.find((e) => e.table === table && e.kind === 'entity');
}

export function navSchemas(def: EntityDef): Map<string, Schema> {
	const map = new Map<string, Schema>();
	for (const [name, nav] of Object.entries(def.nav ?? {})) {
		const child = ENTITIES.get(nav.path);
		if (child) map.set(name, child.schema);
	}
	return map;
}
