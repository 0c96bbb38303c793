/** The division's VAT codes, loaded once per execution and division (one GET vat/VATCodes). */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { ExactVatCode } from '../../../core/vat';
import { SALES_VAT_CODES, VAT_CODE_FIELDS } from '../../shared/methods/vatCodes';
import { exactGetAll, resolveDivision } from '../../shared/transport';
import { credentialKey, executionKey } from '../../shared/transport/context';

export interface DivisionVatCodes {
	division: number;
	vatCodes: ExactVatCode[];
}

/** A few recent executions are kept; a node in a loop reuses its execution's codes. */
const MAX_ENTRIES = 50;
const loads = new Map<string, Promise<ExactVatCode[]>>();

export async function loadVatCodesOnce(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<DivisionVatCodes> {
	const division = await resolveDivision.call(ctx, itemIndex);
	const execution = executionKey(ctx);
	const key = execution ? `${execution}|${credentialKey(ctx)}|${division}` : undefined;
	let pending = key ? loads.get(key) : undefined;
	if (!pending) {
		pending = exactGetAll.call(ctx, {
			path: 'vat/VATCodes',
			qs: { $select: VAT_CODE_FIELDS, $filter: SALES_VAT_CODES },
			division,
			itemIndex,
			entity: 'VAT codes',
		}) as Promise<ExactVatCode[]>;
		if (key) {
			loads.set(key, pending);
			while (loads.size > MAX_ENTRIES) loads.delete(loads.keys().next().value as string);
			// A failed load is not kept: the next item tries again.
			pending.catch(() => loads.delete(key));
		}
	}
	return { division, vatCodes: await pending };
}
