/** List search: the division's customer accounts, for account pickers in any Exact node. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { and, eq, or, substringOf } from '../../../core/exact/filter';
import { sendExact } from '../transport/request';

interface AccountRow {
	ID: string;
	Code?: string | null;
	Name?: string | null;
	City?: string | null;
}

/** Customer accounts (Status C) whose name or code contains the filter text, one page at a time. */
export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim();
	const customers = eq('Status', 'C');
	const qs = {
		$select: 'ID,Code,Name,City',
		$filter: text
			? and(customers, or(substringOf(text, 'Name'), substringOf(text, 'Code')))
			: customers,
		$orderby: 'Name',
	};
	const request = { method: 'GET' as const, path: 'crm/Accounts', qs, entity: 'Accounts' };
	const outcome = paginationToken
		? await sendExact<never>(this, request, paginationToken)
		: await sendExact<never>(this, request);
	if (outcome.kind !== 'http') return { results: [] };
	const body = outcome.body as { d?: { results?: AccountRow[]; __next?: string } } | undefined;
	return {
		results: (body?.d?.results ?? []).map((a) => ({
			name: `${a.Name ?? '(no name)'} (${String(a.Code ?? '').trim()}${a.City ? `, ${a.City}` : ''})`,
			value: a.ID,
		})),
		paginationToken: body?.d?.__next || undefined,
	};
}
