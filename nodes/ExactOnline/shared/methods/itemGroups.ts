/** Load options: the division's item groups (logistics/ItemGroups is read-only in Exact). */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { exactGetAll } from '../transport';

interface ItemGroupRow {
	ID: string;
	Code: string;
	Description?: string | null;
	IsDefault?: number | null;
}

export async function getItemGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = (await exactGetAll.call(this, {
		path: 'logistics/ItemGroups',
		qs: { $select: 'ID,Code,Description,IsDefault' },
		entity: 'Item groups',
	})) as ItemGroupRow[];
	return groups
		.map((g) => ({
			name: `${g.Code.trim()} · ${g.Description ?? ''}${g.IsDefault ? ' (default)' : ''}`,
			value: g.ID,
		}))
		.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}
