/** Shared node properties and methods: the division resource locator and its list search. */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { substringOf } from '../../core/exact/filter';
import type { ExactDivision } from '../../core/exact/types';
import { currentDivision, exactGetPage } from './transport';
import type { ExactPage } from './transport';

export const divisionLocator: INodeProperties = {
	displayName: 'Division',
	name: 'division',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		"The Exact Online administration (division) to work in. Empty: the user's current division, i.e. the administration the user last opened in Exact, read at most every 10 minutes per credential; every output names the division used (exactDivision) and warns (divisionWarning) when it changed since an earlier run. Choose one to book in a fixed administration.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a division…',
			typeOptions: { searchListMethod: 'searchDivisions', searchable: true },
		},
		{
			displayName: 'By Number',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3012345',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\d+\\s*$',
						errorMessage: 'A division number has digits only',
					},
				},
			],
		},
	],
};

function toResult(division: ExactDivision): { name: string; value: string } {
	const label = division.Description?.trim() || `Division ${division.Code}`;
	return { name: `${label} (${division.Code})`, value: String(division.Code) };
}

/** Lists the divisions the user can access (system/Divisions in the current division). */
export async function searchDivisions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const current = await currentDivision.call(this);
	const page = (await exactGetPage.call(
		this,
		{
			path: 'system/Divisions',
			division: current,
			qs: {
				$select: 'Code,Description',
				$filter: filter?.trim() ? substringOf(filter.trim(), 'Description') : undefined,
			},
		},
		paginationToken || undefined,
	)) as ExactPage<ExactDivision>;
	return { results: page.records.map(toResult), paginationToken: page.next };
}

/** Spread into each Exact node's `methods`. */
export const methods = {
	listSearch: { searchDivisions },
};
