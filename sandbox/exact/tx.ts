import type { Clock } from './clock';
import { newGuid } from './ids';
import { DivisionData, Rec, Table, TABLE_META } from './store';

export interface User {
	id: string;
	fullName: string;
}

export type Action = 'Create' | 'Update' | 'Delete';

export interface ChangeEvent {
	topic: string;
	action: Action;
	key: string;
	endpoint: string;
	division: number;
}

/** Where a table lives under /api/v1/{division}/, for URIs in webhook events. */
const TABLE_PATHS: Partial<Record<Table, string>> = {
	Accounts: 'crm/Accounts',
	Contacts: 'crm/Contacts',
	Items: 'logistics/Items',
	SalesItemPrices: 'logistics/SalesItemPrices',
	SalesOrders: 'salesorder/SalesOrders',
	GoodsDeliveries: 'salesorder/GoodsDeliveries',
	SalesInvoices: 'salesinvoice/SalesInvoices',
	BankEntries: 'financialtransaction/BankEntries',
};

/**
 * One request's writes: stamps audit fields and the row version (Timestamp) on every record it
 * touches, logs deletes for sync/Deleted and collects webhook events to send afterwards.
 */
export class Tx {
	readonly events: ChangeEvent[] = [];
	private readonly eventIndex = new Map<string, ChangeEvent>();
	changed = false;
	/** OAuth client of the request (webhook subscriptions belong to it). */
	clientId = '';

	constructor(
		readonly div: DivisionData,
		readonly clock: Clock,
		readonly user: User,
		readonly baseUrl: string,
		/** Admin inserts may set read-only fields, as a database seed would. */
		readonly admin = false,
	) {}

	now(): number {
		return this.clock.localNow();
	}

	insert(table: Table, rec: Rec): Rec {
		const now = this.now();
		Object.assign(rec, {
			Division: this.div.code,
			Created: rec.Created ?? now,
			Creator: this.user.id,
			CreatorFullName: this.user.fullName,
		});
		this.stamp(rec, now);
		this.div.table(table).set(String(rec[TABLE_META[table].key]), rec);
		this.div.reindex(table, rec);
		this.event(table, rec, 'Create');
		return rec;
	}

	/** Marks a stored record as changed: new Timestamp, Modified, and an Update event. */
	touch(table: Table, rec: Rec): void {
		this.stamp(rec, this.now());
		this.div.reindex(table, rec);
		this.event(table, rec, 'Update');
	}

	remove(table: Table, rec: Rec): void {
		const meta = TABLE_META[table];
		const key = String(rec[meta.key]);
		this.div.table(table).delete(key);
		this.div.reindex(table, rec);
		this.changed = true;
		if (meta.deletedType !== undefined) {
			this.div.deleted.push({
				Timestamp: this.div.nextTimestamp(),
				DeletedBy: this.user.id,
				DeletedDate: this.now(),
				Division: this.div.code,
				EntityKey: key,
				EntityType: meta.deletedType,
				ID: newGuid(),
			});
		}
		this.event(table, rec, 'Delete');
	}

	private stamp(rec: Rec, now: number): void {
		rec.Timestamp = this.div.nextTimestamp();
		rec.Modified = now;
		rec.Modifier = this.user.id;
		rec.ModifierFullName = this.user.fullName;
		this.changed = true;
	}

	private event(table: Table, rec: Rec, action: Action): void {
		const topic = TABLE_META[table].topic;
		if (!topic) return;
		const base = `${this.baseUrl}/api/v1/${this.div.code}`;
		let key: string;
		let endpoint: string;
		if (table === 'ItemWarehouses') {
			// Stock events are about the item, and point at the StockPosition function.
			key = String(rec.Item);
			endpoint = `${base}/read/logistics/StockPosition?itemId=guid'${key}'`;
			action = 'Update';
		} else {
			key = String(rec[TABLE_META[table].key]);
			endpoint = `${base}/${TABLE_PATHS[table]}(guid'${key}')`;
		}
		const existing = this.eventIndex.get(`${topic}|${key}`);
		if (existing) {
			if (action === 'Delete') existing.action = 'Delete';
			return;
		}
		const event: ChangeEvent = { topic, action, key, endpoint, division: this.div.code };
		this.events.push(event);
		this.eventIndex.set(`${topic}|${key}`, event);
	}
}
