/**
 * Load options: the division's warehouses, by ID for the filter, by code for the location map (a
 * code such as `1` means the same warehouse in every division, so a template can carry it).
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { resolveDivision } from '../../shared/transport';
import { listWarehouses } from '../stockReads';

export async function getWarehouses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const division = await resolveDivision.call(this, 0);
	const warehouses = await listWarehouses(this, division);
	return warehouses
		.map((w) => ({
			name: `${String(w.Code).trim()} · ${w.Description ?? ''}${w.Main === 1 ? ' (main)' : ''}`,
			value: String(w.ID),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getWarehouseCodes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const division = await resolveDivision.call(this, 0);
	const warehouses = await listWarehouses(this, division);
	return warehouses
		.map((w) => ({
			name: `${String(w.Code).trim()} · ${w.Description ?? ''}${w.Main === 1 ? ' (main)' : ''}`,
			value: String(w.Code).trim(),
		}))
		.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}
