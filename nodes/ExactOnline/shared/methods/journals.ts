/** Load options: the division's sales journals (financial/Journals, Type 20), by code. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { exactGetAll } from '../transport';

interface JournalRow {
	Code: string;
	Description?: string | null;
	Type?: number | null;
}

export async function getSalesJournals(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const journals = (await exactGetAll.call(this, {
		path: 'financial/Journals',
		qs: { $select: 'Code,Description,Type', $filter: 'Type eq 20' },
		entity: 'Journals',
	})) as JournalRow[];
	return journals
		.map((j) => ({ name: `${j.Code.trim()} · ${j.Description ?? ''}`, value: j.Code.trim() }))
		.sort((a, b) => String(a.value).localeCompare(String(b.value), undefined, { numeric: true }));
}
