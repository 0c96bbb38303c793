/** Warehouses: load options and list search, for warehouse pickers in any Exact node. */
import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { exactGetAll } from '../transport';

interface WarehouseRow {
	ID: string;
	Code: string;
	Description?: string | null;
	Main?: number | null;
}

async function warehouses(ctx: ILoadOptionsFunctions): Promise<WarehouseRow[]> {
	return (await exactGetAll.call(ctx, {
		path: 'inventory/Warehouses',
		qs: { $select: 'ID,Code,Description,Main' },
		entity: 'Warehouses',
	})) as WarehouseRow[];
}

function label(w: WarehouseRow): string {
	return `${w.Code.trim()} · ${w.Description ?? ''}${w.Main ? ' (main)' : ''}`;
}

export async function getWarehouses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await warehouses(this))
		.map((w) => ({ name: label(w), value: w.ID }))
		.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** Warehouses whose code or description contains the filter (a division has few: read all). */
export async function searchWarehouses(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim().toLowerCase() ?? '';
	const results = (await warehouses(this))
		.filter((w) => !text || label(w).toLowerCase().includes(text))
		.map((w) => ({ name: label(w), value: w.ID }));
	return { results };
}
