/** Get Many: accounts by filters (fields, never raw OData), all or up to a limit. */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { normalizeVatNumber } from '../../../core/exact/accountMatch';
import { and, eq, ge, lit, ne, substringOf, trimEq } from '../../../core/exact/filter';
import type { Filter } from '../../../core/exact/filter';
import { cleanRecord, selectFields } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { exactGetAll } from '../../shared/transport';
import { ACCOUNT_SELECT } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Blocked',
				name: 'blocked',
				type: 'boolean',
				default: false,
				description: 'Whether to return only blocked (on) or only unblocked (off) accounts',
			},
			{
				displayName: 'City',
				name: 'city',
				type: 'string',
				default: '',
				description: 'Accounts in this city',
			},
			{
				displayName: 'Code',
				name: 'code',
				type: 'string',
				default: '',
				description: 'The account with this code',
			},
			{
				displayName: 'Country',
				name: 'country',
				type: 'string',
				default: '',
				placeholder: 'NL',
				description: 'Accounts in this country (two-letter code)',
			},
			{
				displayName: 'E-Mail',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Accounts with this e-mail address',
			},
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Accounts changed at or after this moment',
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Accounts whose name contains this text',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Customer', value: 'C' },
					{ name: 'None', value: 'A' },
					{ name: 'Prospect', value: 'P' },
					{ name: 'Suspect', value: 'S' },
				],
				default: 'C',
				description: 'Accounts with this relationship status',
			},
			{
				displayName: 'VAT Number',
				name: 'vatNumber',
				type: 'string',
				default: '',
				description: 'Accounts with this VAT number',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: 'ID,Code,Name,Email',
				description:
					'Comma-separated Exact field names to return. Leave empty for the usual account fields.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['getAll'] } }, properties);

/** Exact requires a filter on an indexed field; this one matches every account. */
const EVERY_ACCOUNT = ne('ID', lit.guid('00000000-0000-0000-0000-000000000000'));

export function accountFilter(filters: IDataObject): Filter {
	const parts: Filter[] = [];
	const text = (key: string) =>
		typeof filters[key] === 'string' ? (filters[key] as string).trim() : '';
	if (text('name')) parts.push(substringOf(text('name'), 'Name'));
	if (text('code')) parts.push(trimEq('Code', text('code')));
	if (text('email')) parts.push(eq('Email', text('email')));
	if (text('vatNumber'))
		parts.push(eq('VATNumber', normalizeVatNumber(text('vatNumber')) ?? text('vatNumber')));
	if (text('city')) parts.push(eq('City', text('city')));
	if (text('country')) parts.push(eq('Country', text('country').toUpperCase()));
	if (text('status')) parts.push(eq('Status', text('status')));
	if (typeof filters.blocked === 'boolean') parts.push(eq('Blocked', filters.blocked));
	if (text('modifiedSince'))
		parts.push(ge('Modified', lit.datetime(new Date(text('modifiedSince')))));
	return parts.length ? and(...parts) : EVERY_ACCOUNT;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const records = (await exactGetAll.call(this, {
			path: 'crm/Accounts',
			qs: {
				$filter: accountFilter(filters),
				$select: selectFields(options.fields, ACCOUNT_SELECT),
			},
			limit,
			itemIndex,
			parseDates: true,
		})) as Array<Record<string, unknown>>;
		return records.map((r) => ({ ...cleanRecord(r), action: 'found' }) as IDataObject);
	});
}
