/** Load options: the division's payment conditions (orders refer to them by code). */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { exactGetAll } from '../transport';

interface PaymentConditionRow {
	Code: string;
	Description?: string | null;
	PaymentDays?: number | null;
}

export async function getPaymentConditions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const conditions = (await exactGetAll.call(this, {
		path: 'cashflow/PaymentConditions',
		qs: { $select: 'Code,Description,PaymentDays' },
		entity: 'Payment conditions',
	})) as PaymentConditionRow[];
	return conditions
		.map((c) => ({
			name: `${c.Code.trim()} · ${c.Description ?? ''}`,
			value: c.Code.trim(),
			description: typeof c.PaymentDays === 'number' ? `${c.PaymentDays} days` : undefined,
		}))
		.sort((a, b) => String(a.value).localeCompare(String(b.value), undefined, { numeric: true }));
}
