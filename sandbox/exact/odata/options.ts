import { badRequest } from '../errors';
import type { QueryPair } from '../http/reply';
import type { Schema } from '../schema/fields';
import { ParsedFilter, parseFilter } from './parser';

export interface SelectSpec {
	fields: Set<string>;
	/** Selected navigation properties, with their own field list (undefined = all). */
	nav: Map<string, Set<string> | undefined>;
}

export interface QueryOptions {
	pairs: QueryPair[];
	filter?: ParsedFilter & { text: string };
	select?: SelectSpec;
	top?: number;
	skip?: number;
	orderby: { field: string; desc: boolean }[];
	expand: Set<string>;
	inlinecount: boolean;
	skiptoken?: string;
	format?: string;
	/** Parameters without '$' (function arguments such as itemId). */
	params: Map<string, string>;
}

const SYSTEM_OPTIONS = new Set([
	'$filter',
	'$select',
	'$top',
	'$skip',
	'$orderby',
	'$expand',
	'$inlinecount',
	'$skiptoken',
	'$format',
]);

function noProperty(name: string, schema: Schema): Error {
	return badRequest(`No property '${name}' exists in type '${schema.typeName}' at position 0.`);
}

function parseCount(name: string, value: string): number {
	if (!/^\d+$/.test(value.trim()))
		throw badRequest(`Incorrect format for ${name} argument '${value}'.`);
	return Number(value.trim());
}

function parseSelect(
	text: string,
	schema: Schema,
	navSchemas: Map<string, Schema>,
): SelectSpec | undefined {
	const spec: SelectSpec = { fields: new Set(), nav: new Map() };
	for (const item of text
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)) {
		if (item === '*') return undefined;
		const [head, sub] = item.split('/', 2);
		const nav = navSchemas.get(head);
		if (sub !== undefined) {
			if (!nav) throw noProperty(head, schema);
			if (sub !== '*' && !nav.byName.has(sub)) throw noProperty(sub, nav);
			const set = spec.nav.has(head) ? spec.nav.get(head) : new Set<string>();
			if (set && sub !== '*') set.add(sub);
			spec.nav.set(head, sub === '*' ? undefined : set);
			continue;
		}
		if (!schema.byName.has(head)) throw noProperty(head, schema);
		if (nav) spec.nav.set(head, undefined);
		else spec.fields.add(head);
	}
	return spec;
}

export function parseOptions(
	pairs: QueryPair[],
	schema: Schema,
	navSchemas: Map<string, Schema> = new Map(),
): QueryOptions {
	const opts: QueryOptions = {
		pairs,
		orderby: [],
		expand: new Set(),
		inlinecount: false,
		params: new Map(),
	};
	for (const { name, value } of pairs) {
		if (!name.startsWith('$')) {
			opts.params.set(name, value);
			continue;
		}
		if (!SYSTEM_OPTIONS.has(name)) {
			throw badRequest(
				`The query parameter '${name}' begins with a system-reserved '$' character but is not recognized.`,
			);
		}
		switch (name) {
			case '$filter':
				opts.filter = { ...parseFilter(value, schema), text: value };
				break;
			case '$select':
				opts.select = parseSelect(value, schema, navSchemas);
				break;
			case '$top':
				opts.top = parseCount(name, value);
				break;
			case '$skip':
				opts.skip = parseCount(name, value);
				break;
			case '$orderby':
				for (const part of value
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean)) {
					const [field, dir = 'asc'] = part.split(/\s+/);
					const def = schema.byName.get(field);
					if (!def || def.type === 'c') throw noProperty(field, schema);
					if (dir !== 'asc' && dir !== 'desc')
						throw badRequest(`Syntax error at position 0 in '${part}'.`);
					opts.orderby.push({ field, desc: dir === 'desc' });
				}
				break;
			case '$expand':
				for (const nav of value
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean)) {
					if (!navSchemas.has(nav)) throw noProperty(nav, schema);
					opts.expand.add(nav);
				}
				break;
			case '$inlinecount':
				if (value !== 'allpages' && value !== 'none') {
					throw badRequest(
						`Unknown $inlinecount option, only "allpages" and "none" are supported.`,
					);
				}
				opts.inlinecount = value === 'allpages';
				break;
			case '$skiptoken':
				opts.skiptoken = value;
				break;
			case '$format':
				opts.format = value;
				break;
		}
	}
	return opts;
}
