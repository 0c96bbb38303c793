import type { IncomingHttpHeaders } from 'http';
import type { Core } from '../core';
import { DivView } from '../domain/view';
import { ENTITIES, EntityDef } from '../entities';
import type { QueryPair } from '../http/reply';
import type { Out } from '../serialize';
import type { DivisionData } from '../store';

/** One authenticated /api/v1 call, after routing. */
export interface ApiRequest {
	core: Core;
	method: string;
	/** Decoded path, e.g. /api/v1/3012345/crm/Accounts. */
	pathname: string;
	pairs: QueryPair[];
	headers: IncomingHttpHeaders;
	body: string;
	/** http://host:port as the client addressed us. */
	base: string;
	clientId: string;
	division: number | null;
	div?: DivisionData;
	/** Path after /api/v1/{division}/. */
	rest: string;
}

export function outOf(req: ApiRequest): Out {
	return { base: req.base, division: req.division };
}

export function viewOf(req: ApiRequest): DivView {
	return new DivView(req.div as DivisionData, req.core.clock.today());
}

export interface Target {
	def: EntityDef;
	/** Raw key literal between the parentheses, if any. */
	key?: string;
	/** What follows the set: a navigation property or $count. */
	tail?: string;
}

/** Finds the entity set of a path like crm/Accounts(guid'…')/$count or sync/CRM/Accounts. */
export function resolveTarget(rest: string): Target | undefined {
	const segs = rest.split('/');
	for (const n of [3, 2]) {
		if (segs.length < n) continue;
		const m = /^([A-Za-z]+)(?:\((.*)\))?$/.exec(segs[n - 1]);
		if (!m) continue;
		const def = ENTITIES.get([...segs.slice(0, n - 1), m[1]].join('/'));
		if (!def) continue;
		const tail = segs.slice(n).join('/');
		return { def, key: m[2], tail: tail || undefined };
	}
	return undefined;
}
