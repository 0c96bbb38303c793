/** The division a node works in: its 'division' parameter, else the user's current division. */
import { exactOperationError } from '../errors';
import type { ExactMe } from '../../../core/exact/types';
import type { TransportContext } from './context';
import { credentialKey, executionKey, isExecuteContext } from './context';
import { exactRequest } from './request';

const currentDivisions = new Map<string, number>();

function divisionParameter(ctx: TransportContext, itemIndex: number): unknown {
	try {
		if (isExecuteContext(ctx))
			return ctx.getNodeParameter('division', itemIndex, '', { extractValue: true });
		return ctx.getCurrentNodeParameter('division', { extractValue: true });
	} catch {
		return '';
	}
}

/** `current/Me` → CurrentDivision, cached per execution and credential. */
export async function currentDivision(this: TransportContext, itemIndex = 0): Promise<number> {
	const execution = executionKey(this);
	const cacheKey = execution ? `${execution}|${credentialKey(this)}` : undefined;
	const cached = cacheKey ? currentDivisions.get(cacheKey) : undefined;
	if (cached !== undefined) return cached;
	const me = (await exactRequest.call(this, {
		method: 'GET',
		path: 'current/Me',
		qs: { $select: 'CurrentDivision' },
		itemIndex,
	})) as ExactMe[] | ExactMe | undefined;
	const record = Array.isArray(me) ? me[0] : me;
	const division = Number(record?.CurrentDivision);
	if (!Number.isSafeInteger(division) || division <= 0) {
		throw exactOperationError(
			this.getNode(),
			'Exact Online did not return a current division for this user',
			{
				itemIndex,
				description: 'Choose a division in the node.',
			},
		);
	}
	if (cacheKey) {
		currentDivisions.set(cacheKey, division);
		if (currentDivisions.size > 2_000) {
			const oldest = currentDivisions.keys().next().value;
			if (oldest !== undefined) currentDivisions.delete(oldest);
		}
	}
	return division;
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
	return Number(text);
}
