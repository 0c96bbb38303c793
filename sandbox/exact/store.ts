import { normText } from './odata/evaluate';

/** In-memory state of every division: tables of records plus counters. */
export type Rec = Record<string, unknown>;

function indexKey(value: unknown): string {
	return typeof value === 'string' ? normText(value) : String(value);
}

interface Index {
	table: Table;
	field: string;
	byKey: Map<string, Set<Rec>>;
	keyOf: WeakMap<Rec, string>;
}

export const TABLES = [
	'Accounts',
	'Contacts',
	'Addresses',
	'Items',
	'ItemGroups',
	'SalesItemPrices',
	'SalesOrders',
	'SalesOrderLines',
	'GoodsDeliveries',
	'GoodsDeliveryLines',
	'SalesInvoices',
	'SalesInvoiceLines',
	'Journals',
	'GLAccounts',
	'ExchangeRates',
	'VATCodes',
	'PaymentConditions',
	'ShippingMethods',
	'Warehouses',
	'ItemWarehouses',
	'WebhookSubscriptions',
] as const;
export type Table = (typeof TABLES)[number];

/** Key field, webhook topic and sync/Deleted EntityType of each table. */
export const TABLE_META: Record<Table, { key: string; topic?: string; deletedType?: number }> = {
	Accounts: { key: 'ID', topic: 'Accounts', deletedType: 2 },
	Contacts: { key: 'ID', topic: 'Contacts', deletedType: 5 },
	Addresses: { key: 'ID', deletedType: 3 },
	Items: { key: 'ID', topic: 'Items', deletedType: 9 },
	ItemGroups: { key: 'ID' },
	SalesItemPrices: { key: 'ID', topic: 'SalesItemPrices', deletedType: 8 },
	SalesOrders: { key: 'OrderID', topic: 'SalesOrders', deletedType: 32 },
	SalesOrderLines: { key: 'ID', deletedType: 33 },
	GoodsDeliveries: { key: 'EntryID', topic: 'GoodsDeliveries', deletedType: 16 },
	GoodsDeliveryLines: { key: 'ID', deletedType: 17 },
	SalesInvoices: { key: 'InvoiceID', topic: 'SalesInvoices', deletedType: 13 },
	SalesInvoiceLines: { key: 'ID' },
	Journals: { key: 'ID' },
	GLAccounts: { key: 'ID' },
	ExchangeRates: { key: 'ID' },
	VATCodes: { key: 'ID' },
	PaymentConditions: { key: 'ID' },
	ShippingMethods: { key: 'ID' },
	Warehouses: { key: 'ID' },
	ItemWarehouses: { key: 'ID', topic: 'StockPositions', deletedType: 19 },
	WebhookSubscriptions: { key: 'ID' },
};

export interface Counters {
	timestamp: number;
	orderNumber: number;
	deliveryNumber: number;
	entryNumber: number;
	/** Last sales invoice number given out (absent in states saved before invoices existed). */
	invoiceNumber?: number;
	/** Highest numeric account code, once known. */
	accountCode?: number;
}

export class DivisionData {
	readonly tables = {} as Record<Table, Map<string, Rec>>;
	deleted: Rec[] = [];
	counters: Counters = { timestamp: 100000, orderNumber: 0, deliveryNumber: 0, entryNumber: 0 };
	/** The division's currency (system/Divisions Currency): the DC of every amount. */
	currency = 'EUR';
	/**
	 * Decimals Exact keeps in a line's UnitPrice and NetPrice (a division setting, 2 by default;
	 * the line amount is price × quantity rounded to cents).
	 */
	priceDecimals = 2;
	/** Secondary indexes, built on first use and kept up to date by every write (see Tx). */
	private readonly indexes = new Map<string, Index>();

	constructor(
		readonly code: number,
		readonly description: string,
	) {
		for (const t of TABLES) this.tables[t] = new Map();
	}

	table(name: Table): Map<string, Rec> {
		return this.tables[name];
	}

	rows(name: Table): Rec[] {
		return [...this.tables[name].values()];
	}

	get(name: Table, key: unknown): Rec | undefined {
		return typeof key === 'string' ? this.tables[name].get(key.toLowerCase()) : undefined;
	}

	/**
	 * Records whose field equals a value (strings compared like $filter: case-insensitive,
	 * trailing spaces ignored).
	 */
	lookup(table: Table, field: string, value: unknown): Rec[] {
		const id = `${table}.${field}`;
		let index = this.indexes.get(id);
		if (!index) {
			index = { table, field, byKey: new Map(), keyOf: new WeakMap() };
			this.indexes.set(id, index);
			for (const rec of this.tables[table].values()) this.addTo(index, rec);
		}
		return [...(index.byKey.get(indexKey(value)) ?? [])];
	}

	private addTo(index: Index, rec: Rec): void {
		const key = indexKey(rec[index.field]);
		index.keyOf.set(rec, key);
		let set = index.byKey.get(key);
		if (!set) index.byKey.set(key, (set = new Set()));
		set.add(rec);
	}

	private dropFrom(index: Index, rec: Rec): void {
		const old = index.keyOf.get(rec);
		if (old === undefined) return;
		index.byKey.get(old)?.delete(rec);
		index.keyOf.delete(rec);
	}

	/** Keeps the indexes right after a record was inserted or changed. */
	reindex(table: Table, rec: Rec): void {
		for (const index of this.indexes.values()) {
			if (index.table !== table) continue;
			this.dropFrom(index, rec);
			if (this.tables[table].get(String(rec[TABLE_META[table].key])) === rec)
				this.addTo(index, rec);
		}
	}

	/** Next row version; every write to a record takes one. */
	nextTimestamp(): number {
		this.counters.timestamp += 1;
		return this.counters.timestamp;
	}

	toJSON(): unknown {
		const tables: Record<string, Rec[]> = {};
		for (const t of TABLES) tables[t] = this.rows(t);
		return {
			code: this.code,
			description: this.description,
			tables,
			deleted: this.deleted,
			counters: this.counters,
			currency: this.currency,
			priceDecimals: this.priceDecimals,
		};
	}

	static fromJSON(raw: {
		code: number;
		description: string;
		tables: Record<string, Rec[]>;
		deleted: Rec[];
		counters: Counters;
		currency?: string;
		priceDecimals?: number;
	}): DivisionData {
		const d = new DivisionData(raw.code, raw.description);
		for (const t of TABLES) {
			const key = TABLE_META[t].key;
			for (const rec of raw.tables[t] ?? []) d.tables[t].set(String(rec[key]), rec);
		}
		d.deleted = raw.deleted ?? [];
		d.counters = raw.counters;
		d.currency = raw.currency ?? 'EUR';
		d.priceDecimals = raw.priceDecimals ?? 2;
		return d;
	}
}

export class Store {
	readonly divisions = new Map<number, DivisionData>();

	division(code: number): DivisionData | undefined {
		return this.divisions.get(code);
	}
}
