/** Collections: follow `__next` (exactGetAll) and batched key lookups (exactLookup). */
import { and, anyOf, toLiteral } from '../../../core/exact/filter';
import type { Filter, FilterValue } from '../../../core/exact/filter';
import { parseExactDatesDeep } from '../../../core/exact/date';
import { exactOperationError } from '../errors';
import type { TransportContext } from './context';
import { readCredential } from './context';
import { divisionFor, sendExact, unwrapBody } from './request';
import type { ExactRequest } from './request';
import { transportSettings } from './settings';
import { buildUrl } from './url';

export type ExactGetAllRequest = Omit<ExactRequest<never>, 'method' | 'writeCheck' | 'body'> & {
	/** Stop after this many records (default: all). */
	limit?: number;
};

function nextLink(body: unknown): string | undefined {
	const d = (body as { d?: { __next?: unknown } } | undefined)?.d;
	return typeof d?.__next === 'string' && d.__next ? d.__next : undefined;
}

/** GET every page of a collection, following `__next` verbatim, until `limit` records. */
export async function exactGetAll<T = unknown>(
	this: TransportContext,
	req: ExactGetAllRequest,
): Promise<T[]> {
	const limit = req.limit === undefined ? Infinity : Math.max(0, Math.floor(req.limit));
	const results: T[] = [];
	if (limit === 0) return results;
	const request: ExactRequest<never> = { ...req, method: 'GET' };
	let outcome = await sendExact<never>(this, request);
	const division = outcome.kind === 'http' ? outcome.division : undefined;
	for (;;) {
		if (outcome.kind !== 'http') break;
		const page = unwrapBody(outcome.body);
		const records = (Array.isArray(page) ? page : page === undefined ? [] : [page]) as T[];
		for (const record of records) {
			if (results.length >= limit) break;
			results.push(req.parseDates ? parseExactDatesDeep(record) : record);
		}
		const next = nextLink(outcome.body);
		if (!next || results.length >= limit) break;
		outcome = await sendExact<never>(this, request, next, division);
	}
	return results;
}

export interface ExactPage<T> {
	records: T[];
	/** The `__next` link; pass it back as `nextUrl` (e.g. as a list search pagination token). */
	next?: string;
}

/** One page of a collection: the first (from `req`) or the one a `__next` link points to. */
export async function exactGetPage<T = unknown>(
	this: TransportContext,
	req: Omit<ExactGetAllRequest, 'limit'>,
	nextUrl?: string,
): Promise<ExactPage<T>> {
	const request: ExactRequest<never> = { ...req, method: 'GET' };
	const division = nextUrl ? await divisionFor(this, request) : undefined;
	const outcome = await sendExact<never>(this, request, nextUrl, division);
	if (outcome.kind !== 'http') return { records: [] };
	const page = unwrapBody(outcome.body);
	const records = (Array.isArray(page) ? page : page === undefined ? [] : [page]) as T[];
	return {
		records: req.parseDates ? records.map((r) => parseExactDatesDeep(r)) : records,
		next: nextLink(outcome.body),
	};
}

export interface ExactLookupRequest {
	path: string;
	field: string;
	values: FilterValue[];
	select?: string | string[];
	/** Navigation properties to read inline (`$expand`), e.g. an order's lines. */
	expand?: string;
	division?: number;
	extraFilter?: Filter;
	itemIndex?: number;
	entity?: string;
	parseDates?: boolean;
}

/**
 * Records whose `field` is one of `values`: `(field eq v1 or field eq v2 …)` in as few calls as the
 * URL length allows (each URL < transportSettings.maxUrlLength), values de-duplicated. Every chunk
 * is read to its last page.
 */
export async function exactLookup<T = unknown>(
	this: TransportContext,
	req: ExactLookupRequest,
): Promise<T[]> {
	const seen = new Set<string>();
	const values: FilterValue[] = [];
	for (const value of req.values) {
		const text = toLiteral(value).text;
		if (seen.has(text)) continue;
		seen.add(text);
		values.push(value);
	}
	if (values.length === 0) return [];
	const division = await divisionFor(this, {
		method: 'GET',
		path: req.path,
		division: req.division,
		itemIndex: req.itemIndex,
	});
	const { baseUrl } = await readCredential(this, req.itemIndex);
	// Length as sent: the HTTP client normalises the URL (e.g. ' becomes %27 in the query).
	const urlFor = (chunk: FilterValue[]) => {
		const filter = req.extraFilter
			? and(anyOf(req.field, chunk), req.extraFilter)
			: anyOf(req.field, chunk);
		return new URL(
			buildUrl(baseUrl, req.path, division, {
				$filter: filter,
				$select: req.select,
				$expand: req.expand,
			}),
		).href;
	};
	const chunks: FilterValue[][] = [];
	let current: FilterValue[] = [];
	for (const value of values) {
		const candidate = [...current, value];
		if (urlFor(candidate).length < transportSettings.maxUrlLength) {
			current = candidate;
			continue;
		}
		if (current.length === 0) {
			throw exactOperationError(
				this.getNode(),
				`A lookup value for ${req.field} is too long for one request`,
				{
					itemIndex: req.itemIndex,
				},
			);
		}
		chunks.push(current);
		current = [value];
		if (urlFor(current).length >= transportSettings.maxUrlLength) {
			throw exactOperationError(
				this.getNode(),
				`A lookup value for ${req.field} is too long for one request`,
				{
					itemIndex: req.itemIndex,
				},
			);
		}
	}
	if (current.length) chunks.push(current);
	const results: T[] = [];
	for (const chunk of chunks) {
		const filter = req.extraFilter
			? and(anyOf(req.field, chunk), req.extraFilter)
			: anyOf(req.field, chunk);
		const page = await exactGetAll.call(this, {
			path: req.path,
			qs: req.expand
				? { $filter: filter, $select: req.select, $expand: req.expand }
				: { $filter: filter, $select: req.select },
			division,
			itemIndex: req.itemIndex,
			entity: req.entity,
			parseDates: req.parseDates,
		});
		results.push(...(page as T[]));
	}
	return results;
}
