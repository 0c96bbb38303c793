/**
 * Create: a new account. When a code, VAT number or e-mail is given, the account is looked up by
 * it first and an existing one is reported as skipped instead of creating a duplicate.
 */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { cleanRecord } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { exactRequest } from '../../shared/transport';
import { accountFieldsBody, accountFieldsCollection } from './fields';
import { findAccount, keyOfBody } from './naturalKey';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the account (company or person)',
	},
	accountFieldsCollection('additionalFields', 'Additional Fields'),
];

export const description = updateDisplayOptions({ show: { operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = { Status: 'C', ...accountFieldsBody(fields), Name: name };
		const key = keyOfBody(body);
		if (key) {
			const existing = await findAccount(this, key, itemIndex);
			if (existing) {
				return {
					...cleanRecord(existing),
					action: 'skipped',
					reason: `an account with this ${key.field} already exists`,
				};
			}
		}
		const created = (await exactRequest.call(this, {
			method: 'POST',
			path: 'crm/Accounts',
			body,
			itemIndex,
			parseDates: true,
			writeCheck: key ? () => findAccount(this, key, itemIndex) : undefined,
		})) as Record<string, unknown>;
		return { ...cleanRecord(created), action: 'created' };
	});
}
