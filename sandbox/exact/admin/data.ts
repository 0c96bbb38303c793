import { rowsFor } from '../api/rows';
import { createRecord } from '../api/write';
import type { Core } from '../core';
import { derive } from '../domain/derive';
import { adjustStock } from '../domain/stock';
import { DivView } from '../domain/view';
import { ENTITIES } from '../entities';
import { ApiError } from '../errors';
import { isGuid } from '../ids';
import { serializeRecord } from '../serialize';
import type { DivisionData, Rec, Table } from '../store';
import { Tx } from '../tx';

export class AdminError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly extra: Rec = {},
	) {
		super(message);
	}
}

export function divisionOf(core: Core, raw: unknown): DivisionData {
	const code =
		raw === undefined || raw === null || raw === '' ? core.user.currentDivision : Number(raw);
	const div = core.store.division(code);
	if (!div) throw new AdminError(404, `unknown division ${String(raw)}`);
	return div;
}

function entityOf(path: string) {
	const def = ENTITIES.get(path);
	if (!def) throw new AdminError(404, `unknown entity set '${path}'`);
	return def;
}

/** POST /__sandbox/records/{service}/{Entity}: inserts records as Exact would store them. */
export async function insertRecords(
	core: Core,
	tx: Tx,
	path: string,
	body: unknown,
	base: string,
): Promise<Rec> {
	const def = entityOf(path);
	if (def.kind !== 'entity' || !def.table)
		throw new AdminError(400, `'${path}' cannot take records`);
	const list = Array.isArray(body) ? body : [body];
	const out: Rec[] = [];
	for (const [index, row] of list.entries()) {
		try {
			out.push(await createRecord(core, tx, def, row));
		} catch (error) {
			if (error instanceof ApiError)
				throw new AdminError(400, error.message, { index, inserted: out.length });
			throw error;
		}
	}
	const view = new DivView(tx.div, core.clock.today());
	const records = out.map((r) =>
		serializeRecord(def, derive(def.table as Table, r, view), { base, division: tx.div.code }),
	);
	return { count: records.length, records };
}

/** GET /__sandbox/state/{path}: records as a GET would see them, plus their Timestamp. */
export function readState(core: Core, div: DivisionData, path: string, base: string): Rec {
	const def = entityOf(path);
	const view = new DivView(div, core.clock.today());
	const rows = rowsFor(def, core, view, core.defaultClientId);
	const all = def.table === 'WebhookSubscriptions' ? div.rows('WebhookSubscriptions') : rows;
	const out = { base, division: div.code };
	const records = all.map((r) => ({
		...serializeRecord(def, r, out),
		Timestamp: r.Timestamp ?? null,
	}));
	return { count: records.length, records };
}

interface StockChange {
	itemId?: string;
	itemCode?: string;
	warehouse?: string;
	delta?: number;
	quantity?: number;
}

/** POST /__sandbox/stock: sets or moves an item's stock in a warehouse. */
export function changeStock(tx: Tx, input: unknown): Rec[] {
	const list = (Array.isArray(input) ? input : [input]) as StockChange[];
	return list.map((change, index) => {
		const fail = (message: string) => new AdminError(400, message, { index });
		const item = change.itemId
			? tx.div.get('Items', change.itemId)
			: tx.div.lookup('Items', 'Code', String(change.itemCode ?? ''))[0];
		if (!item) throw fail(`unknown item ${change.itemId ?? change.itemCode}`);
		const warehouses = tx.div.rows('Warehouses');
		const wanted = change.warehouse;
		const warehouse =
			wanted === undefined
				? warehouses.find((w) => w.Main === 1)
				: warehouses.find((w) =>
						isGuid(wanted) ? w.ID === wanted.toLowerCase() : w.Code === String(wanted),
					);
		if (!warehouse) throw fail(`unknown warehouse ${wanted}`);
		if (typeof change.delta !== 'number' && typeof change.quantity !== 'number') {
			throw fail('give delta or quantity');
		}
		try {
			const row = adjustStock(tx, item, warehouse, change);
			return {
				itemId: item.ID,
				itemCode: item.Code,
				warehouse: warehouse.Code,
				currentStock: row.CurrentStock,
				planningOut: row.PlannedStockOut,
				timestamp: row.Timestamp,
			};
		} catch (error) {
			if (error instanceof ApiError) throw fail(error.message);
			throw error;
		}
	});
}
