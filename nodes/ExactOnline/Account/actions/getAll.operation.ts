/** Get Many: accounts by filters (fields, never raw OData), all or up to a limit. */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { normalizeVatNumber } from '../../../core/exact/accountMatch';
import { and, eq, ge, lit, substringOf, trimEq } from '../../../core/exact/filter';
import type { Filter } from '../../../core/exact/filter';
import {
	executeGetMany,
	fieldsOption,
	filterText,
	matchEveryRecord,
	returnAllAndLimit,
} from '../../shared/getMany';
import { ACCOUNT_SELECT } from './fields';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
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
		options: [fieldsOption('ID,Code,Name,Email', 'account')],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['getAll'] } }, properties);

export function accountFilter(filters: IDataObject): Filter {
	const parts: Filter[] = [];
	const text = (key: string) => filterText(filters, key);
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
	return parts.length ? and(...parts) : matchEveryRecord();
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await executeGetMany.call(this, {
		path: 'crm/Accounts',
		defaultSelect: ACCOUNT_SELECT,
		filter: accountFilter,
	});
}
