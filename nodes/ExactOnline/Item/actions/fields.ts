/** Item fields shared by Create, Update and Create or Update, and the item resource locator. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Node field name → Exact logistics/Items field (salesPrice is set through SalesItemPrices). */
export const ITEM_FIELD_MAP: Record<string, string> = {
	barcode: 'Barcode',
	description: 'Description',
	extraDescription: 'ExtraDescription',
	isSalesItem: 'IsSalesItem',
	isStockItem: 'IsStockItem',
	isWebshopItem: 'IsWebshopItem',
	itemGroup: 'ItemGroup',
	salesVatCode: 'SalesVatCode',
	searchCode: 'SearchCode',
	unit: 'Unit',
};

export const itemLocator: INodeProperties = {
	displayName: 'Item',
	name: 'itemId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Exact Online item',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an item…',
			typeOptions: { searchListMethod: 'searchItems', searchable: true },
		},
		{ displayName: 'By Code', name: 'code', type: 'string', placeholder: 'e.g. SKU-001' },
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
						errorMessage: 'An item ID is a GUID',
					},
				},
			],
		},
	],
};

const fieldOptions: INodeProperties[] = [
	{
		displayName: 'Barcode',
		name: 'barcode',
		type: 'string',
		default: '',
		description: 'EAN or other numeric barcode',
	},
	{
		displayName: 'Extra Description',
		name: 'extraDescription',
		type: 'string',
		default: '',
		description: 'Longer description (up to 255 characters)',
	},
	{
		displayName: 'Is Sales Item',
		name: 'isSalesItem',
		type: 'boolean',
		default: true,
		description: 'Whether the item can be sold',
	},
	{
		displayName: 'Is Stock Item',
		name: 'isStockItem',
		type: 'boolean',
		default: true,
		description: 'Whether Exact keeps stock of the item',
	},
	{
		displayName: 'Is Webshop Item',
		name: 'isWebshopItem',
		type: 'boolean',
		default: true,
		description: 'Whether the item is marked as sold in a webshop',
	},
	{
		displayName: 'Item Group Name or ID',
		name: 'itemGroup',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getItemGroupsOrDefault' },
		default: '',
		description:
			'Item group (decides the revenue and stock accounts). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Sales Price',
		name: 'salesPrice',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		description: 'General sales price excl. VAT, in the division currency.',
	},
	{
		displayName: 'Sales VAT Code Name or ID',
		name: 'salesVatCode',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getVatCodesOrDefault' },
		default: '',
		description:
			'Default VAT code on sales. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Search Code',
		name: 'searchCode',
		type: 'string',
		default: '',
		description: 'Short search code of the item',
	},
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'string',
		default: '',
		placeholder: 'pc',
		description: 'Unit code, e.g. pc',
	},
];

export function itemFieldsCollection(name: string, displayName: string): INodeProperties {
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
							displayName: 'Description',
							name: 'description',
							type: 'string',
							default: '',
							description: 'Description (up to 60 characters)',
						},
						...fieldOptions,
					]
				: fieldOptions,
	};
}

/** The Exact body of a fields collection (salesPrice is returned apart: it is not an item field). */
export function itemFieldsBody(fields: IDataObject): {
	body: IDataObject;
	salesPrice: number | null;
} {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		const field = ITEM_FIELD_MAP[key];
		if (!field || value === undefined || value === null) continue;
		if (typeof value === 'string') {
			if (value.trim()) body[field] = value.trim();
		} else if (field === 'IsWebshopItem') {
			body[field] = value ? 1 : 0;
		} else {
			body[field] = value;
		}
	}
	const price = fields.salesPrice;
	return { body, salesPrice: typeof price === 'number' && Number.isFinite(price) ? price : null };
}
