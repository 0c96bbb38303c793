/** Account fields shared by Create, Update and Create or Update, and the resource locator. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { normalizeVatNumber } from '../../../core/exact/accountMatch';

/** Node field name → Exact crm/Accounts field. */
export const ACCOUNT_FIELD_MAP: Record<string, string> = {
	addressLine1: 'AddressLine1',
	addressLine2: 'AddressLine2',
	addressLine3: 'AddressLine3',
	blocked: 'Blocked',
	chamberOfCommerce: 'ChamberOfCommerce',
	city: 'City',
	code: 'Code',
	codeAtSupplier: 'CodeAtSupplier',
	country: 'Country',
	email: 'Email',
	language: 'Language',
	name: 'Name',
	paymentConditionSales: 'PaymentConditionSales',
	phone: 'Phone',
	postcode: 'Postcode',
	remarks: 'Remarks',
	searchCode: 'SearchCode',
	status: 'Status',
	vatNumber: 'VATNumber',
	website: 'Website',
};

/** Fields returned by Get and Get Many unless the merchant asks for all. */
export const ACCOUNT_SELECT = [
	'ID',
	'Code',
	'Name',
	'Status',
	'Blocked',
	'Email',
	'Phone',
	'AddressLine1',
	'AddressLine2',
	'Postcode',
	'City',
	'Country',
	'VATNumber',
	'ChamberOfCommerce',
	'Language',
	'SearchCode',
	'CodeAtSupplier',
	'MainContact',
	'PaymentConditionSales',
	'Created',
	'Modified',
];

export const accountLocator: INodeProperties = {
	displayName: 'Account',
	name: 'accountId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Exact Online account',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a customer…',
			typeOptions: { searchListMethod: 'searchAccounts', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 5b7f4515-8a2c-4f38-9d1e-2a1b3c4d5e6f',
			validation: [
				{
					type: 'regex',
					properties: {
						regex:
							'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$',
						errorMessage: 'An account ID is a GUID',
					},
				},
			],
		},
	],
};

const fieldOptions: INodeProperties[] = [
	{
		displayName: 'Address Line 1',
		name: 'addressLine1',
		type: 'string',
		default: '',
		description: 'Street and number of the visit address',
	},
	{
		displayName: 'Address Line 2',
		name: 'addressLine2',
		type: 'string',
		default: '',
		description: 'Second line of the visit address',
	},
	{
		displayName: 'Address Line 3',
		name: 'addressLine3',
		type: 'string',
		default: '',
		description: 'Third line of the visit address',
	},
	{
		displayName: 'Blocked',
		name: 'blocked',
		type: 'boolean',
		default: false,
		description: 'Whether the account is blocked for new transactions',
	},
	{
		displayName: 'Chamber of Commerce',
		name: 'chamberOfCommerce',
		type: 'string',
		default: '',
		description: 'Chamber of Commerce (KvK) number',
	},
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		default: '',
		description: 'City of the visit address',
	},
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		description: 'Account code (up to 18 characters); Exact assigns the next number when empty',
	},
	{
		displayName: 'Code at Supplier',
		name: 'codeAtSupplier',
		type: 'string',
		default: '',
		description:
			'Code under which your company is known at this account (often used for the Shopify customer ID)',
	},
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'NL',
		description: 'Two-letter ISO country code of the visit address',
	},
	{
		displayName: 'E-Mail',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'E-mail address of the account',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'NL',
		description: 'Language code for documents, e.g. NL, EN, DE, FR',
	},
	{
		displayName: 'Payment Condition Name or ID',
		name: 'paymentConditionSales',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPaymentConditionsOrDefault' },
		default: '',
		description:
			'Default payment condition for sales to this account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: 'Phone number of the account',
	},
	{
		displayName: 'Postcode',
		name: 'postcode',
		type: 'string',
		default: '',
		description: 'Postcode of the visit address',
	},
	{
		displayName: 'Remarks',
		name: 'remarks',
		type: 'string',
		default: '',
		description: 'Internal remarks',
	},
	{
		displayName: 'Search Code',
		name: 'searchCode',
		type: 'string',
		default: '',
		description: 'Short search code of the account',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Customer', value: 'C', description: 'The account buys from you' },
			{ name: 'None', value: 'A', description: 'Not a customer, prospect or suspect' },
			{ name: 'Prospect', value: 'P', description: 'A likely customer' },
			{ name: 'Suspect', value: 'S', description: 'A possible customer' },
		],
		default: 'C',
		description: 'Relationship status; Customer makes the account a sales account',
	},
	{
		displayName: 'VAT Number',
		name: 'vatNumber',
		type: 'string',
		default: '',
		description: 'VAT number with country prefix, e.g. NL123456789B01',
	},
	{
		displayName: 'Website',
		name: 'website',
		type: 'string',
		default: '',
		description: 'Website of the account',
	},
];

export function accountFieldsCollection(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options:
			name === 'updateFields'
				? [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							description: 'Name of the account',
						},
						...fieldOptions,
					]
				: fieldOptions,
	};
}

/** The Exact body of a fields collection: only fields the merchant set (empty text is left out). */
export function accountFieldsBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		const field = ACCOUNT_FIELD_MAP[key];
		if (!field || value === undefined || value === null) continue;
		if (typeof value === 'string') {
			const text = value.trim();
			if (!text) continue;
			if (field === 'VATNumber') body[field] = normalizeVatNumber(text) ?? text.toUpperCase();
			else body[field] = field === 'Country' || field === 'Language' ? text.toUpperCase() : text;
		} else {
			body[field] = value;
		}
	}
	return body;
}
