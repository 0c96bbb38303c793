/** List search: the division's sales items, for item pickers in any Exact node. */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { and, eq, or, substringOf } from '../../../core/exact/filter';
import { sendExact } from '../transport/request';

interface ItemRow {
	ID: string;
	Code?: string | null;
	Description?: string | null;
}

/** Sales items whose code or description contains the filter text, one page at a time. */
export async function searchItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim();
	const sales = eq('IsSalesItem', true);
	const qs = {
		$select: 'ID,Code,Description',
		$filter: text
			? and(sales, or(substringOf(text, 'Code'), substringOf(text, 'Description')))
			: sales,
		$orderby: 'Code',
	};
	const request = { method: 'GET' as const, path: 'logistics/Items', qs, entity: 'Items' };
	const outcome = paginationToken
		? await sendExact<never>(this, request, paginationToken)
		: await sendExact<never>(this, request);
	if (outcome.kind !== 'http') return { results: [] };
	const body = outcome.body as { d?: { results?: ItemRow[]; __next?: string } } | undefined;
	return {
		results: (body?.d?.results ?? []).map((i) => ({
			name: `${String(i.Code ?? '').trim()} · ${i.Description ?? ''}`,
			value: i.ID,
		})),
		paginationToken: body?.d?.__next || undefined,
	};
}
