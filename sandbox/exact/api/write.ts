import type { Core } from '../core';
import { derive } from '../domain/derive';
import { DivView } from '../domain/view';
import { EntityDef, navSchemas } from '../entities';
import { ApiError, badRequest, notFound, validation } from '../errors';
import { emptyReply, jsonReply, Reply } from '../http/reply';
import { newGuid } from '../ids';
import { parseJsonBody, readInput } from '../input';
import { parseKey } from '../odata/query';
import { serializeBare, serializeRecord } from '../serialize';
import type { DivisionData, Rec, Table } from '../store';
import { Tx } from '../tx';
import { ApiRequest, outOf } from './request';

/** Booleans and bytes are never null in Exact's answers; they default to false / 0. */
function fillFlags(def: EntityDef, rec: Rec): void {
	for (const f of def.schema.fields) {
		if (rec[f.name] !== undefined) continue;
		if (f.type === 'b') rec[f.name] = false;
		if (f.type === 'y') rec[f.name] = 0;
	}
}

function checkRequired(def: EntityDef, rec: Rec): void {
	for (const f of def.schema.fields) {
		if (!f.required || f.type === 'c' || f.name === def.key) continue;
		const v = rec[f.name];
		if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
			throw validation(`Mandatory: ${f.name}`);
		}
	}
}

/** Inserts one record through the entity's business rules (used by POST and admin inserts). */
export async function createRecord(
	core: Core,
	tx: Tx,
	def: EntityDef,
	body: unknown,
): Promise<Rec> {
	const table = def.table as Table;
	const input = readInput(def.schema, body, tx.admin, navSchemas(def));
	const rec: Rec = { ...input.values };
	rec[def.key] = rec[def.key] ?? newGuid();
	if (tx.div.get(table, rec[def.key])) throw validation('Record already exists.');
	checkRequired(def, rec);
	const hooks = core.hooks[table] ?? {};
	await hooks.create?.(tx, rec, input.nav);
	fillFlags(def, rec);
	tx.insert(table, rec);
	hooks.afterCreate?.(tx, rec, input.nav);
	return rec;
}

function methodCheck(def: EntityDef, method: string): void {
	if (!def.methods.includes(method as EntityDef['methods'][number]) || def.kind !== 'entity') {
		throw new ApiError(405, `The requested method ${method} is not allowed on ${def.path}.`);
	}
}

function findByKey(div: DivisionData, def: EntityDef, key: string | undefined): Rec {
	if (key === undefined) throw badRequest(`A key is required to ${def.name}.`);
	const value = parseKey(key, def.keyType);
	const rec = div.get(def.table as Table, value);
	if (!rec) throw notFound(`Resource not found for the segment '${def.name}'.`);
	return rec;
}

export function requireJson(req: ApiRequest): unknown {
	const type = String(req.headers['content-type'] ?? '');
	if (!type.includes('json'))
		throw new ApiError(415, `Content-Type '${type}' is not supported; send application/json.`);
	return parseJsonBody(req.body);
}

/** POST, PUT and DELETE on an entity set. Writes collect events in `tx`. */
export async function handleWrite(
	req: ApiRequest,
	tx: Tx,
	def: EntityDef,
	key?: string,
	tail?: string,
): Promise<Reply> {
	methodCheck(def, req.method);
	if (tail !== undefined)
		throw new ApiError(405, `The requested method ${req.method} is not allowed on ${tail}.`);
	const core = req.core;
	const table = def.table as Table;
	const hooks = core.hooks[table] ?? {};
	if (req.method === 'POST') {
		if (key !== undefined) throw new ApiError(405, 'POST is not allowed on a single entity.');
		const rec = await createRecord(core, tx, def, requireJson(req));
		const out = outOf(req);
		const prefer = String(req.headers.prefer ?? '').includes('return=representation');
		const view = new DivView(tx.div, core.clock.today());
		const body = prefer
			? serializeRecord(def, derive(table, rec, view), out)
			: serializeBare(def, rec, out);
		const location = (body.__metadata as { uri: string }).uri;
		return jsonReply(201, { d: body }, { Location: location });
	}
	const rec = findByKey(tx.div, def, key);
	if (req.method === 'PUT') {
		const input = readInput(def.schema, requireJson(req), false, navSchemas(def));
		const patch = input.values;
		if (def.key in patch && patch[def.key] !== rec[def.key])
			throw badRequest(`${def.key} cannot be changed.`);
		hooks.update?.(tx, rec, patch, input.nav);
		const before = { ...rec };
		Object.assign(rec, patch);
		tx.touch(table, rec);
		hooks.afterUpdate?.(tx, rec, before);
		return emptyReply(204);
	}
	hooks.remove?.(tx, rec);
	tx.remove(table, rec);
	hooks.afterRemove?.(tx, rec);
	return emptyReply(204);
}
