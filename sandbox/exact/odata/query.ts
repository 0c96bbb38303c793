import type { EntityDef } from '../entities';
import { badRequest } from '../errors';
import type { QueryPair } from '../http/reply';
import { isGuid } from '../ids';
import { keyLiteral } from '../serialize';
import type { Rec } from '../store';
import { compareValues, evaluate } from './evaluate';
import type { QueryOptions } from './options';

export interface Page {
	rows: Rec[];
	total: number;
	/** Key literal of the last row when more rows follow (for $skiptoken). */
	nextToken?: string;
	/** What is left of $top after this page, when $top was given. */
	remainingTop?: number;
}

/** Parses a key literal: guid'…', 123 or 123L, depending on the key type. */
export function parseKey(text: string, keyType: EntityDef['keyType']): string | number {
	const t = text.trim();
	if (keyType === 'guid') {
		const m = /^guid'(.*)'$/.exec(t);
		if (!m || !isGuid(m[1])) throw badRequest(`Bad Request - Error in query syntax: '${t}'.`);
		return m[1].toLowerCase();
	}
	const m = /^(\d+)L?$/.exec(t);
	if (!m) throw badRequest(`Bad Request - Error in query syntax: '${t}'.`);
	return Number(m[1]);
}

function sortRows(rows: Rec[], def: EntityDef, opts: QueryOptions): Rec[] {
	const order = [...opts.orderby, { field: def.key, desc: false }];
	return [...rows].sort((a, b) => {
		for (const { field, desc } of order) {
			const c = compareValues(a[field], b[field]);
			if (c !== 0) return desc ? -c : c;
		}
		return 0;
	});
}

/** Filter, order, $skiptoken, $skip, $top and server paging, as Exact pages a GET. */
export function runQuery(rows: Rec[], def: EntityDef, opts: QueryOptions): Page {
	const ast = opts.filter?.ast;
	const filtered = ast ? rows.filter((r) => Boolean(evaluate(ast, r))) : rows;
	const sorted = sortRows(filtered, def, opts);
	let start = 0;
	if (opts.skiptoken !== undefined) {
		const token = parseKey(opts.skiptoken, def.keyType);
		const at = sorted.findIndex((r) => r[def.key] === token);
		start =
			at >= 0
				? at + 1
				: opts.orderby.length === 0
					? sorted.findIndex((r) => compareValues(r[def.key], token) > 0)
					: sorted.length;
		if (start < 0) start = sorted.length;
	}
	start += opts.skip ?? 0;
	const limit = Math.min(opts.top ?? Infinity, def.pageSize);
	const page = sorted.slice(start, start + limit);
	const more = start + page.length < sorted.length && (opts.top === undefined || opts.top > limit);
	const result: Page = { rows: page, total: filtered.length };
	if (more && page.length > 0) {
		result.nextToken = keyLiteral(def, page[page.length - 1][def.key]);
		if (opts.top !== undefined) result.remainingTop = opts.top - page.length;
	}
	return result;
}

/** The __next link: the original options minus $skip/$skiptoken, plus the new $skiptoken. */
export function nextLink(
	base: string,
	pathname: string,
	pairs: QueryPair[],
	token: string,
	remainingTop?: number,
): string {
	const kept = pairs
		.filter((p) => p.name !== '$skiptoken' && p.name !== '$skip' && p.name !== '$top')
		.map((p) => p.raw);
	if (remainingTop !== undefined) kept.push(`$top=${remainingTop}`);
	kept.push(`$skiptoken=${token}`);
	return `${base}${pathname}?${kept.join('&')}`;
}
