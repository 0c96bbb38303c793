import { parseDateInput } from './clock';
import { badRequest, streamError } from './errors';
import { isGuid } from './ids';
import { EDM_NAMES, FieldDef, Schema } from './schema/fields';
import type { Rec } from './store';

/** A JSON body read against an entity type: primitive values plus inline collections. */
export interface Input {
	values: Rec;
	nav: Record<string, unknown[]>;
}

function conversionError(f: FieldDef): Error {
	return badRequest(
		`Error processing request stream. Cannot convert a primitive value to the expected type ` +
			`'${EDM_NAMES[f.type]}' for property '${f.name}'.`,
	);
}

function coerce(f: FieldDef, v: unknown): unknown {
	if (v === null) return null;
	switch (f.type) {
		case 'g':
			if (!isGuid(v)) throw conversionError(f);
			return v.toLowerCase();
		case 's':
		case 'x':
			if (typeof v !== 'string') throw conversionError(f);
			return v;
		case 'b':
			if (typeof v !== 'boolean') throw conversionError(f);
			return v;
		case 'i':
		case 'y': {
			if (typeof v !== 'number' || !Number.isInteger(v)) throw conversionError(f);
			if (f.type === 'y' && (v < 0 || v > 255)) throw conversionError(f);
			return v;
		}
		case 'l':
		case 'd': {
			const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
			if (typeof n !== 'number' || !Number.isFinite(n)) throw conversionError(f);
			if (f.type === 'l' && !Number.isInteger(n)) throw conversionError(f);
			return n;
		}
		case 't': {
			const ms = typeof v === 'string' ? parseDateInput(v) : undefined;
			if (ms === undefined) throw conversionError(f);
			return ms;
		}
		default:
			throw conversionError(f);
	}
}

export function parseJsonBody(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw badRequest('Error processing request stream. JSON text specified is not valid.');
	}
}

/**
 * Reads a POST/PUT body. Unknown properties fail like Exact ("Error processing request stream.
 * The property name … is not valid"); read-only properties are ignored unless `admin`. Inline
 * collections with a known child type (order lines, delivery lines) are read against that type.
 */
export function readInput(
	schema: Schema,
	body: unknown,
	admin = false,
	navSchemas: Map<string, Schema> = new Map(),
): Input {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw badRequest('Error processing request stream. JSON text specified is not valid.');
	}
	const input: Input = { values: {}, nav: {} };
	for (const [name, raw] of Object.entries(body as Rec)) {
		if (name === '__metadata') continue;
		const f = schema.byName.get(name);
		if (!f) throw streamError(name, schema.typeName);
		if (f.type === 'c') {
			const list = Array.isArray(raw) ? raw : (raw as { results?: unknown[] } | null)?.results;
			if (raw !== null && !Array.isArray(list)) throw conversionError(f);
			const child = navSchemas.get(name);
			// Inline children are read whole before any business rule runs, as Exact does.
			input.nav[name] = child
				? (list ?? []).map((item) => readInput(child, item, admin).values)
				: (list ?? []);
			continue;
		}
		if (f.readOnly && !admin) continue;
		input.values[name] = coerce(f, raw);
	}
	return input;
}
