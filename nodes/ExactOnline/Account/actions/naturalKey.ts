/** The natural keys of an account for Create and Create or Update: code, e-mail or VAT number. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { normalizeEmail, normalizeVatNumber } from '../../../core/exact/accountMatch';
import { eq, trimEq } from '../../../core/exact/filter';
import type { Filter } from '../../../core/exact/filter';
import { exactGetAll } from '../../shared/transport';
import { ACCOUNT_SELECT } from './fields';

export type AccountKeyField = 'code' | 'email' | 'vatNumber';

export interface AccountKey {
	field: AccountKeyField;
	value: string;
}

export function keyFilter(key: AccountKey): Filter {
	if (key.field === 'code') return trimEq('Code', key.value.trim());
	if (key.field === 'email') return eq('Email', key.value.trim());
	return eq('VATNumber', normalizeVatNumber(key.value) ?? key.value.trim());
}

function sameKey(record: IDataObject, key: AccountKey): boolean {
	if (key.field === 'code') return String(record.Code ?? '').trim() === key.value.trim();
	if (key.field === 'email') return normalizeEmail(record.Email) === normalizeEmail(key.value);
	return normalizeVatNumber(record.VATNumber) === normalizeVatNumber(key.value);
}

/** The first key the body carries, in the order code, VAT number, e-mail. */
export function keyOfBody(body: IDataObject): AccountKey | null {
	if (typeof body.Code === 'string' && body.Code.trim()) return { field: 'code', value: body.Code };
	if (typeof body.VATNumber === 'string' && body.VATNumber.trim())
		return { field: 'vatNumber', value: body.VATNumber };
	if (typeof body.Email === 'string' && body.Email.trim())
		return { field: 'email', value: body.Email };
	return null;
}

/** The account with this key (the lowest code when several share an e-mail), or undefined. */
export async function findAccount(
	ctx: IExecuteFunctions,
	key: AccountKey,
	itemIndex: number,
	extraFields: string[] = [],
): Promise<IDataObject | undefined> {
	const records = (await exactGetAll.call(ctx, {
		path: 'crm/Accounts',
		qs: { $filter: keyFilter(key), $select: [...new Set([...ACCOUNT_SELECT, ...extraFields])] },
		itemIndex,
		parseDates: true,
	})) as IDataObject[];
	return records
		.filter((r) => sameKey(r, key))
		.sort((a, b) =>
			String(a.Code ?? '')
				.trim()
				.padStart(18, '0')
				.localeCompare(
					String(b.Code ?? '')
						.trim()
						.padStart(18, '0'),
				),
		)[0];
}
