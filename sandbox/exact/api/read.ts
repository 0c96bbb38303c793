import type { DivView } from '../domain/view';
import { EntityDef, navSchemas } from '../entities';
import { badRequest, notFound } from '../errors';
import { jsonReply, Reply, textReply } from '../http/reply';
import { QueryOptions, parseOptions } from '../odata/options';
import { nextLink, parseKey, runQuery } from '../odata/query';
import { serializeRecord } from '../serialize';
import type { Rec } from '../store';
import { ApiRequest, outOf, viewOf } from './request';
import { childRows, rowsFor } from './rows';

const SELECT_OR_TOP = 'Please add a $select or a $top=1 statement to the query string.';

/** Exact's query restrictions: mandatory filters, $select/$top demands, sync filter fields. */
function checkRestrictions(
	req: ApiRequest,
	def: EntityDef,
	opts: QueryOptions,
	collection: boolean,
): void {
	const hasSelect = req.pairs.some((p) => p.name === '$select');
	if (def.selectOrTop && !hasSelect && opts.top === undefined) throw badRequest(SELECT_OR_TOP);
	if (def.requireSelect && !hasSelect)
		throw badRequest('Please add a $select statement to the query string.');
	if (
		def.kind === 'sync' &&
		req.pairs.some((p) => p.name === '$select' && p.value.trim() === '*')
	) {
		throw badRequest('$select=* is not supported on this endpoint; list the properties you need.');
	}
	if (def.filterOnly && opts.filter) {
		const extra = [...opts.filter.fields].filter((f) => !def.filterOnly?.includes(f));
		if (extra.length > 0)
			throw badRequest(`Filtering on these fields is not supported: ${extra.join(', ')}`);
	}
	if (collection && def.mandatoryFilter) {
		const used = opts.filter ? [...opts.filter.fields] : [];
		if (!used.some((f) => def.mandatoryFilter?.includes(f))) {
			throw badRequest(
				'This endpoint has mandatory filtering applied. A GET request for this endpoint must have a ' +
					`$filter parameter with one of the following fields in the url: ${def.mandatoryFilter.join(', ')}`,
			);
		}
	}
}

function serializer(req: ApiRequest, def: EntityDef, opts: QueryOptions, v: DivView | undefined) {
	const out = outOf(req);
	return (rec: Rec) =>
		serializeRecord(def, rec, out, {
			select: opts.select,
			expand: opts.expand,
			children: v ? (nav, parent) => childRows(def, nav, parent, v) : undefined,
		});
}

function collection(
	req: ApiRequest,
	def: EntityDef,
	rows: Rec[],
	opts: QueryOptions,
	v?: DivView,
): Reply {
	const page = runQuery(rows, def, opts);
	const d: Rec = { results: page.rows.map(serializer(req, def, opts, v)) };
	if (opts.inlinecount) d.__count = String(page.total);
	if (page.nextToken) {
		d.__next = nextLink(req.base, req.pathname, req.pairs, page.nextToken, page.remainingTop);
	}
	return jsonReply(200, { d });
}

/** GET on an entity set: collection, key access, navigation, or $count. */
export function handleGet(req: ApiRequest, def: EntityDef, key?: string, tail?: string): Reply {
	const v = req.div ? viewOf(req) : undefined;
	const opts = parseOptions(req.pairs, def.schema, navSchemas(def));
	const rows = rowsFor(def, req.core, v, req.clientId);
	if (key === undefined) {
		if (tail !== undefined && tail !== '$count')
			throw notFound(`Resource not found for the segment '${tail}'.`);
		checkRestrictions(req, def, opts, true);
		if (tail === '$count') {
			const count = runQuery(rows, def, {
				...opts,
				top: undefined,
				skip: undefined,
				skiptoken: undefined,
			});
			return textReply(200, String(count.total));
		}
		return collection(req, def, rows, opts, v);
	}
	const keyValue = parseKey(key, def.keyType);
	const rec = rows.find((r) => r[def.key] === keyValue);
	if (!rec) throw notFound(`Resource not found for the segment '${def.name}'.`);
	if (tail === undefined) {
		checkRestrictions(req, def, opts, false);
		return jsonReply(200, { d: serializer(req, def, opts, v)(rec) });
	}
	if (!def.nav?.[tail] || !v) throw notFound(`Resource not found for the segment '${tail}'.`);
	const children = childRows(def, tail, rec, v);
	const childOpts = parseOptions(req.pairs, children.def.schema, navSchemas(children.def));
	return collection(req, children.def, children.rows, childOpts, v);
}
