/** Load options: the division's G/L accounts (financial/GLAccounts), blocked ones left out. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { exactGetAll } from '../transport';

interface GlAccountRow {
	ID: string;
	Code: string;
	Description?: string | null;
	IsBlocked?: boolean | null;
}

export async function getGlAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accounts = (await exactGetAll.call(this, {
		path: 'financial/GLAccounts',
		qs: { $select: 'ID,Code,Description,IsBlocked' },
		entity: 'G/L accounts',
	})) as GlAccountRow[];
	return [
		{ name: 'None (Leave Such Lines Out)', value: '' },
		...accounts
			.filter((a) => !a.IsBlocked)
			.map((a) => ({ name: `${a.Code.trim()} · ${a.Description ?? ''}`, value: a.ID }))
			.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })),
	];
}
