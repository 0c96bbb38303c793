import type { EntityDef } from './entities';
import type { SelectSpec } from './odata/options';
import type { FieldDef } from './schema/fields';
import type { Rec } from './store';

/** How records turn into Exact's JSON: __metadata first, "/Date(ms)/", Int64 as strings. */
export interface Out {
	/** Absolute root, e.g. http://127.0.0.1:8711 (from the request's Host). */
	base: string;
	division: number | null;
}

export function fieldOut(f: FieldDef, v: unknown): unknown {
	if (v === undefined || v === null) return null;
	if (f.type === 't') return `/Date(${v})/`;
	if (f.type === 'l') return String(v);
	return v;
}

export function keyLiteral(def: EntityDef, key: unknown): string {
	if (def.keyType === 'int') return String(key);
	if (def.keyType === 'int64') return `${key}L`;
	return `guid'${key}'`;
}

export function recordUri(def: EntityDef, rec: Rec, out: Out): string {
	const root = out.division === null ? `${out.base}/api/v1` : `${out.base}/api/v1/${out.division}`;
	return `${root}/${def.path}(${keyLiteral(def, rec[def.key])})`;
}

export interface RecordView {
	select?: SelectSpec;
	/** Field list of a sub-select (for expanded children). */
	fields?: Set<string>;
	expand?: Set<string>;
	children?: (nav: string, parent: Rec) => { def: EntityDef; rows: Rec[] };
}

export function serializeRecord(def: EntityDef, rec: Rec, out: Out, view: RecordView = {}): Rec {
	const uri = recordUri(def, rec, out);
	const result: Rec = { __metadata: { uri, type: def.schema.typeName } };
	const wanted = view.fields ?? view.select?.fields;
	for (const f of def.schema.fields) {
		if (f.type === 'c') {
			if (view.select && !view.select.nav.has(f.name) && !view.expand?.has(f.name)) continue;
			if (view.fields && !view.fields.has(f.name)) continue;
			if (view.expand?.has(f.name) && view.children) {
				const { def: childDef, rows } = view.children(f.name, rec);
				const fields = view.select?.nav.get(f.name);
				result[f.name] = {
					results: rows.map((r) => serializeRecord(childDef, r, out, { fields })),
				};
			} else {
				result[f.name] = { __deferred: { uri: `${uri}/${f.name}` } };
			}
			continue;
		}
		if (wanted && !wanted.has(f.name)) continue;
		result[f.name] = fieldOut(f, rec[f.name]);
	}
	return result;
}

/** A POST answer without `Prefer: return=representation`: every property null but the key. */
export function serializeBare(def: EntityDef, rec: Rec, out: Out): Rec {
	const result: Rec = { __metadata: { uri: recordUri(def, rec, out), type: def.schema.typeName } };
	for (const f of def.schema.fields) result[f.name] = f.name === def.key ? rec[def.key] : null;
	return result;
}
