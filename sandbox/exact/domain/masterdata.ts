import { validation } from '../errors';
import { normText } from '../odata/evaluate';
import type { Rec, Table } from '../store';
import type { Tx } from '../tx';
import { Hooks, Nav } from './hooks';
import { findItemWarehouse, refreshStock } from './stock';

function unique(tx: Tx, table: Table, rec: Rec, field: string, value: unknown): void {
	if (value == null) return;
	const clash = tx.div.lookup(table, field, String(value)).find((r) => r !== rec);
	if (clash) throw validation(`${field}: ${value} already exists.`);
}

/** Percentage of a VAT code posted with inline VATPercentages: the rate valid today. */
function percentageFrom(tx: Tx, nav: Nav): number | undefined {
	const rows = (nav.VATPercentages ?? []) as Rec[];
	const today = tx.clock.today();
	const valid = rows.filter((p) => typeof p.Percentage === 'number');
	const current = valid.find((p) => {
		const start = typeof p.StartDate === 'string' ? Date.parse(p.StartDate) : -Infinity;
		const end = typeof p.EndDate === 'string' ? Date.parse(p.EndDate) : Infinity;
		return start <= today && today <= end;
	});
	return ((current ?? valid[valid.length - 1])?.Percentage as number | undefined) ?? undefined;
}

function checkVatFields(tx: Tx, rec: Rec, values: Rec): void {
	if ('Code' in values) {
		const code = String(values.Code ?? '');
		if (!code.trim() || code.length > 3)
			throw validation('Code: length must be 1 to 3 characters.');
		unique(tx, 'VATCodes', rec, 'Code', code);
	}
	if (typeof values.Description === 'string' && values.Description.length > 60) {
		throw validation('Description: maximum length is 60 characters.');
	}
	if (values.Type != null && !['B', 'E', 'I', 'N'].includes(String(values.Type))) {
		throw validation('Type: must be B, E, I or N.');
	}
	if (
		values.VATTransactionType != null &&
		!['B', 'P', 'S'].includes(String(values.VATTransactionType))
	) {
		throw validation('VATTransactionType: must be B, P or S.');
	}
	if (
		values.EUSalesListing != null &&
		!['L', 'N', 'S', 'T'].includes(String(values.EUSalesListing))
	) {
		throw validation('EUSalesListing: must be L, N, S or T.');
	}
}

export const vatCodeHooks: Hooks = {
	create(tx, rec, nav) {
		checkVatFields(tx, rec, rec);
		rec.Percentage = percentageFrom(tx, nav) ?? rec.Percentage ?? 0;
		rec.Type = rec.Type ?? 'E';
		rec.VATTransactionType = rec.VATTransactionType ?? 'B';
		rec.EUSalesListing = rec.EUSalesListing ?? 'N';
		rec.CalculationBasis = rec.CalculationBasis ?? 0;
	},
	update(tx, rec, patch, nav) {
		checkVatFields(tx, rec, patch);
		const pct = percentageFrom(tx, nav);
		if (pct !== undefined) patch.Percentage = pct;
	},
	remove(tx, rec) {
		const code = normText(String(rec.Code));
		if (tx.div.rows('SalesOrderLines').some((l) => normText(String(l.VATCode ?? '')) === code)) {
			throw validation('This VAT code cannot be deleted: it is used in sales orders.');
		}
		if (tx.div.lookup('SalesInvoiceLines', 'VATCode', code).length > 0) {
			throw validation('This VAT code cannot be deleted: it is used in sales invoices.');
		}
	},
};

export const paymentConditionHooks: Hooks = {
	create(tx, rec) {
		unique(tx, 'PaymentConditions', rec, 'Code', rec.Code);
		rec.PaymentDays = rec.PaymentDays ?? 0;
		rec.PaymentMethod = rec.PaymentMethod ?? 'B';
	},
};

export const warehouseHooks: Hooks = {
	create(tx, rec) {
		if (!rec.Code) throw validation('Mandatory: Code');
		unique(tx, 'Warehouses', rec, 'Code', rec.Code);
		rec.Main = rec.Main ?? 0;
	},
	afterCreate: settleMainWarehouse,
	update(tx, rec, patch) {
		if ('Code' in patch) unique(tx, 'Warehouses', rec, 'Code', patch.Code);
		if (patch.Main === 0 && rec.Main === 1)
			throw validation('Main: there must be one main warehouse.');
	},
	afterUpdate: settleMainWarehouse,
	remove(tx, rec) {
		if (rec.Main === 1) throw validation('The main warehouse cannot be deleted.');
		if (tx.div.rows('ItemWarehouses').some((r) => r.Warehouse === rec.ID && r.CurrentStock !== 0)) {
			throw validation('This warehouse cannot be deleted: it holds stock.');
		}
	},
};

function settleMainWarehouse(tx: Tx, rec: Rec): void {
	if (rec.Main !== 1) return;
	for (const w of tx.div.rows('Warehouses')) {
		if (w !== rec && w.Main === 1) {
			w.Main = 0;
			tx.touch('Warehouses', w);
		}
	}
}

export const itemWarehouseHooks: Hooks = {
	create(tx, rec) {
		const item = tx.div.get('Items', rec.Item);
		if (!item) throw validation('Mandatory: Item');
		if (!tx.div.get('Warehouses', rec.Warehouse)) throw validation('Mandatory: Warehouse');
		if (findItemWarehouse(tx, String(rec.Item), String(rec.Warehouse))) {
			throw validation('This item already has a record for this warehouse.');
		}
		for (const f of ['CurrentStock', 'PlannedStockIn', 'PlannedStockOut', 'ReservedStock']) {
			rec[f] = rec[f] ?? 0;
		}
	},
	afterCreate: (tx, rec) => refreshStock(tx, rec.Item, rec.Warehouse),
	update(_tx, rec, patch) {
		for (const f of ['Item', 'Warehouse']) {
			if (f in patch && patch[f] !== rec[f]) throw validation(`${f}: cannot be changed.`);
		}
	},
	remove(_tx, rec) {
		if (Number(rec.CurrentStock ?? 0) !== 0)
			throw validation('This record cannot be deleted: it holds stock.');
	},
};
