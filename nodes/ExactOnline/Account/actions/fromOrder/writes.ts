/** The writes of the Account flow: POST with a writeCheck, PUT of changed fields only. */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { ExactBody } from '../../../../core/exact/accountDraft';
import { entityKeyPath, exactRequest } from '../../../shared/transport';

/** POST after a lookup; `check` finds the record if a lost response hid a successful create. */
export async function post(
	ctx: IExecuteFunctions,
	path: string,
	body: ExactBody,
	itemIndex: number,
	check: () => Promise<unknown>,
): Promise<Record<string, unknown>> {
	return (await exactRequest.call(ctx, {
		method: 'POST',
		path,
		body,
		itemIndex,
		writeCheck: check,
	})) as Record<string, unknown>;
}

/** PUT of the changed fields; a PUT is idempotent, so after an ambiguous failure it is resent. */
export async function putChanges(
	ctx: IExecuteFunctions,
	entitySet: string,
	id: string,
	patch: ExactBody,
	itemIndex: number,
): Promise<boolean> {
	if (Object.keys(patch).length === 0) return false;
	await exactRequest.call(ctx, {
		method: 'PUT',
		path: entityKeyPath(entitySet, id),
		body: patch,
		itemIndex,
		writeCheck: async () => undefined,
	});
	return true;
}
