/** Load options: the division's warehouses (value = warehouse ID), for the filter and the map. */
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
