import type { Core } from '../core';
import { derive, stockPositionRow } from '../domain/derive';
import type { DivView } from '../domain/view';
import { ENTITIES, EntityDef } from '../entities';
import { padCode } from '../ids';
import type { Rec } from '../store';

/** The divisions the sandbox user can open. */
export function divisionRows(core: Core): Rec[] {
	return core.user.divisions.map((code) => {
		const div = core.store.division(code);
		return {
			Code: code,
			Description: div?.description ?? String(code),
			Current: code === core.user.currentDivision,
			Country: 'NL',
			Currency: div?.currency ?? 'EUR',
			Legislation: 'NL',
			City: 'Utrecht',
			Hid: code,
			Customer: '0b5c5d2e-7c1f-4a53-9d6a-3012345a0001',
			CustomerCode: padCode(1000 + (code % 100)),
			CustomerName: div?.description ?? null,
			IsMainDivision: code === core.user.divisions[0],
			IsDossierDivision: false,
			IsHRDivision: false,
			IsPracticeDivision: false,
			Status: 1,
			BlockingStatus: 0,
			StartDate: Date.UTC(2020, 0, 1),
			VATNumber: `NL8${String(code).padStart(8, '0')}B01`,
		};
	});
}

/** All rows of a set, computed fields included, as a GET sees them. */
export function rowsFor(
	def: EntityDef,
	core: Core,
	v: DivView | undefined,
	clientId: string,
): Rec[] {
	switch (def.source) {
		case 'divisions':
			return divisionRows(core);
		case 'deleted':
			return v ? v.div.deleted : [];
		case 'stockPositions':
			return v ? v.div.rows('ItemWarehouses').map((r) => stockPositionRow(r, v)) : [];
		default: {
			if (!v || !def.table) return [];
			let rows = v.div.rows(def.table);
			if (def.table === 'WebhookSubscriptions') rows = rows.filter((r) => r.ClientID === clientId);
			return rows.map((r) => derive(def.table as NonNullable<EntityDef['table']>, r, v));
		}
	}
}

/** Children of a record through a navigation property (order lines, delivery lines). */
export function childRows(
	def: EntityDef,
	nav: string,
	parent: Rec,
	v: DivView,
): { def: EntityDef; rows: Rec[] } {
	const navDef = def.nav?.[nav];
	const child = navDef ? ENTITIES.get(navDef.path) : undefined;
	if (!navDef || !child?.table) return { def, rows: [] };
	const table = child.table;
	const rows = v.div
		.rows(table)
		.filter((r) => r[navDef.foreignKey] === parent[def.key])
		.sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0))
		.map((r) => derive(table, r, v));
	return { def: child, rows };
}
