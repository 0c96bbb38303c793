/** The division a node works in: its 'division' parameter, else the user's current division. */
import { exactOperationError } from '../errors';
import type { ExactMe } from '../../../core/exact/types';
import type { TransportContext } from './context';
import { BoundedMap, memoryScope, sharedMap } from '../processMemory';
import { executionKey, isExecuteContext } from './context';
import { exactRequest } from './request';

/** How long this process trusts the current division it read (per credential and Exact site). */
export const CURRENT_DIVISION_MINUTES = 10;

interface KnownDivision {
	at: number;
	division: Promise<number>;
}

/** The current division per credential scope: shared by every execution of this process. */
const currentDivisions = () => sharedMap<KnownDivision>('currentDivision', 'read', 500);
/** The last current division seen per credential scope (kept beyond the time limit, to warn). */
const lastSeen = () => sharedMap<number>('currentDivision', 'seen', 500);
/** What each execution and node worked in, and the warning to show, for the node's output. */
const used = new BoundedMap<DivisionUse>(2_000);

export interface DivisionUse {
	division: number;
	/** Set when the user's current division is not the one an earlier run used. */
	warning?: string;
}

/** Static-data slot (per node) of the current division the last run used; survives a restart. */
const LAST_CURRENT_DIVISION_SLOT = 'lastCurrentDivision';

function useKey(ctx: TransportContext): string | undefined {
	const execution = executionKey(ctx);
	return execution ? `${execution}|${ctx.getNode().name}` : undefined;
}

function noteUse(ctx: TransportContext, division: number, warning?: string): void {
	const key = useKey(ctx);
	if (!key) return;
	const known = used.get(key);
	used.set(key, {
		division,
		warning: warning ?? (known?.division === division ? known.warning : undefined),
	});
}

/** The division the node of this execution worked in (and a change warning), if any. */
export function divisionUsed(ctx: TransportContext): DivisionUse | undefined {
	const key = useKey(ctx);
	return key ? used.get(key) : undefined;
}

async function readCurrentDivision(ctx: TransportContext, itemIndex: number): Promise<number> {
	const me = (await exactRequest.call(ctx, {
		method: 'GET',
		path: 'current/Me',
		qs: { $select: 'CurrentDivision' },
		itemIndex,
	})) as ExactMe[] | ExactMe | undefined;
	const record = Array.isArray(me) ? me[0] : me;
	const division = Number(record?.CurrentDivision);
	if (!Number.isSafeInteger(division) || division <= 0) {
		throw exactOperationError(
			ctx.getNode(),
			'Exact Online did not return a current division for this user',
			{
				itemIndex,
				description: 'Choose a division in the node.',
			},
		);
	}
	return division;
}

function changeWarning(before: number, now: number): string {
	return `The current Exact division changed from ${before} to ${now} since an earlier run (Division is empty, so the division the user last opened in Exact is used). Choose the division in the node to keep booking in one administration.`;
}

/**
 * `current/Me` → CurrentDivision. Read at most once per ${CURRENT_DIVISION_MINUTES} minutes per
 * credential by this process (concurrent executions share the read); a change since the last read,
 * or since the node's last run (static data), is reported as a warning in the node's output.
 */
export async function currentDivision(this: TransportContext, itemIndex = 0): Promise<number> {
	const scope = await memoryScope(this, undefined, itemIndex);
	const now = Date.now();
	const reads = currentDivisions();
	let known = reads.get(scope);
	if (!known || now - known.at >= CURRENT_DIVISION_MINUTES * 60_000) {
		const entry: KnownDivision = { at: now, division: readCurrentDivision(this, itemIndex) };
		reads.set(scope, entry);
		entry.division.catch(() => {
			if (reads.get(scope) === entry) reads.delete(scope);
		});
		known = entry;
	}
	const division = await known.division;
	let warning: string | undefined;
	const seen = lastSeen();
	const before = seen.get(scope);
	if (before !== undefined && before !== division) warning = changeWarning(before, division);
	seen.set(scope, division);
	if (isExecuteContext(this)) {
		const store = this.getWorkflowStaticData('node');
		const stored = store[LAST_CURRENT_DIVISION_SLOT];
		if (typeof stored === 'number' && stored !== division)
			warning ??= changeWarning(stored, division);
		if (stored !== division) store[LAST_CURRENT_DIVISION_SLOT] = division;
	}
	noteUse(this, division, warning);
	return division;
}

function divisionParameter(ctx: TransportContext, itemIndex: number): unknown {
	try {
		if (isExecuteContext(ctx))
			return ctx.getNodeParameter('division', itemIndex, '', { extractValue: true });
		return ctx.getCurrentNodeParameter('division', { extractValue: true });
	} catch {
		return '';
	}
}

export async function resolveDivision(this: TransportContext, itemIndex = 0): Promise<number> {
	let raw = divisionParameter(this, itemIndex);
	if (raw && typeof raw === 'object' && 'value' in (raw as object))
		raw = (raw as { value: unknown }).value;
	const text = raw === undefined || raw === null ? '' : String(raw).trim();
	if (!text) return await currentDivision.call(this, itemIndex);
	if (!/^\d{1,10}$/.test(text) || Number(text) <= 0) {
		throw exactOperationError(
			this.getNode(),
			`The division must be a division number, got ${JSON.stringify(text.slice(0, 40))}`,
			{
				itemIndex,
			},
		);
	}
	noteUse(this, Number(text));
	return Number(text);
}
