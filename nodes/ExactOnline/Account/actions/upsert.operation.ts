/**
 * Create or Update: finds the account by code, e-mail or VAT number; updates only the fields that
 * differ (action 'updated', or 'found' when none do), or creates it (action 'created').
 */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { cleanRecord, differs } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { accountFieldsBody, accountFieldsCollection } from './fields';
import { findAccount } from './naturalKey';
import type { AccountKeyField } from './naturalKey';

const KEY_FIELDS: Record<AccountKeyField, string> = {
	code: 'Code',
	email: 'Email',
	vatNumber: 'VATNumber',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'options',
		options: [
			{
				name: 'Code',
				value: 'code',
				description: 'Account code (Exact pads it; matched without the spaces)',
			},
			{ name: 'E-Mail', value: 'email', description: 'E-mail address of the account' },
			{
				name: 'VAT Number',
				value: 'vatNumber',
				description: 'VAT number, matched without spaces and dots',
			},
		],
		default: 'email',
		description: 'The field that identifies the account',
	},
	{
		displayName: 'Value to Match',
		name: 'matchValue',
		type: 'string',
		required: true,
		default: '',
		description: 'The code, e-mail address or VAT number of the account; stored on a new account',
	},
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

export const description = updateDisplayOptions({ show: { operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const field = this.getNodeParameter('matchBy', itemIndex, 'email') as AccountKeyField;
		const value = String(this.getNodeParameter('matchValue', itemIndex, '')).trim();
		if (!value)
			throw new NodeOperationError(this.getNode(), 'Value to Match is empty', { itemIndex });
		const key = { field, value };
		const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const wanted: IDataObject = { ...accountFieldsBody({ ...fields, [field]: value }), Name: name };
		const existing = await findAccount(this, key, itemIndex, Object.keys(wanted));
		if (!existing) {
			const created = (await exactRequest.call(this, {
				method: 'POST',
				path: 'crm/Accounts',
				body: { Status: 'C', ...wanted },
				itemIndex,
				parseDates: true,
				writeCheck: () => findAccount(this, key, itemIndex),
			})) as Record<string, unknown>;
			return { ...cleanRecord(created), action: 'created' };
		}
		const changes: IDataObject = {};
		for (const [f, v] of Object.entries(wanted)) {
			if (f === KEY_FIELDS[field]) continue;
			if (differs(existing[f], v)) changes[f] = v;
		}
		if (Object.keys(changes).length === 0)
			return { ...cleanRecord(existing), action: 'found', reason: 'unchanged' };
		const id = String(existing.ID);
		await exactRequest.call(this, {
			method: 'PUT',
			path: entityKeyPath('crm/Accounts', id),
			body: changes,
			itemIndex,
			writeCheck: async () => undefined,
		});
		return {
			...cleanRecord(existing),
			...changes,
			action: 'updated',
			changed: Object.keys(changes),
		};
	});
}
