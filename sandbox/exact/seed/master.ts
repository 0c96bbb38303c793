import type { Rec } from '../store';

/** Master data of a Dutch webshop division. */
export const WAREHOUSES: Rec[] = [
	{
		Code: '1',
		Description: 'Hoofdmagazijn Utrecht',
		Main: 1,
		EMail: 'magazijn@webwinkel-demo.example',
	},
	{ Code: '2', Description: 'Magazijn Rotterdam', Main: 0 },
];

export const ITEM_GROUPS: Rec[] = [
	{ Code: '001', Description: 'Handelsgoederen', IsDefault: 1 },
	{ Code: '002', Description: 'Verzendkosten', IsDefault: 0 },
	{ Code: '003', Description: 'Diensten', IsDefault: 0 },
];

export const PAYMENT_CONDITIONS: Rec[] = [
	{ Code: '00', Description: 'Direct', PaymentDays: 0, PaymentMethod: 'B' },
	{ Code: '14', Description: '14 dagen', PaymentDays: 14, PaymentMethod: 'B' },
	{ Code: '30', Description: '30 dagen', PaymentDays: 30, PaymentMethod: 'B' },
	{ Code: 'IDL', Description: 'iDEAL (betaald via PSP)', PaymentDays: 0, PaymentMethod: 'Q' },
	{ Code: 'PP', Description: 'PayPal (betaald via PSP)', PaymentDays: 0, PaymentMethod: 'Q' },
];

/** Journals (financial/Journals): Type 20 is a sales journal, 90 a general journal. */
export const JOURNALS: Rec[] = [
	{ Code: '70', Description: 'Verkoopboek', Type: 20 },
	{ Code: '90', Description: 'Memoriaal', Type: 90 },
].map((j) => ({ ...j, Currency: 'EUR', AllowVAT: j.Type === 20, AllowVariableCurrency: false }));

/**
 * G/L accounts (financial/GLAccounts) of a Dutch chart: BalanceType B = balance sheet, W = profit
 * and loss. Gift cards sold are a liability until redeemed; tips and duties are not turnover.
 */
export const GL_ACCOUNTS: Rec[] = [
	{ Code: '1300', Description: 'Debiteuren', BalanceType: 'B', BalanceSide: 'D', Type: 20 },
	{
		Code: '1650',
		Description: 'Vooruitontvangen cadeaubonnen',
		BalanceType: 'B',
		BalanceSide: 'C',
		Type: 32,
	},
	{
		Code: '1660',
		Description: 'Ontvangen fooien (af te dragen)',
		BalanceType: 'B',
		BalanceSide: 'C',
		Type: 32,
	},
	{
		Code: '1670',
		Description: 'Voorgeschoten invoerrechten',
		BalanceType: 'B',
		BalanceSide: 'D',
		Type: 32,
	},
	{ Code: '8000', Description: 'Omzet', BalanceType: 'W', BalanceSide: 'C', Type: 110 },
	{
		Code: '8900',
		Description: 'Afrondingsverschillen',
		BalanceType: 'W',
		BalanceSide: 'C',
		Type: 110,
	},
].map((g) => ({ ...g, IsBlocked: false }));

/** financial/ExchangeRates to the division currency (EUR), valid from 2020. */
export const EXCHANGE_RATES: Rec[] = [
	{ SourceCurrency: 'USD', TargetCurrency: 'EUR', Rate: 0.92, StartDate: '2020-01-01T00:00:00' },
	{ SourceCurrency: 'GBP', TargetCurrency: 'EUR', Rate: 1.17, StartDate: '2020-01-01T00:00:00' },
];

export const SHIPPING_METHODS: Rec[] = [
	{
		Code: 'POSTNL',
		Description: 'PostNL pakket',
		Active: true,
		Amount: 6.95,
		VATCode: 'V21',
		VATPercentage: 0.21,
		TrackingURL: 'https://jouw.postnl.nl/track-and-trace/',
	},
	{
		Code: 'DHL',
		Description: 'DHL Parcel',
		Active: true,
		Amount: 5.95,
		VATCode: 'V21',
		VATPercentage: 0.21,
		TrackingURL: 'https://www.dhlparcel.nl/nl/particulier/ontvangen/volg-uw-zending',
	},
	{
		Code: 'AFH',
		Description: 'Afhalen in de winkel',
		Active: true,
		Amount: 0,
		VATCode: 'V21',
		VATPercentage: 0.21,
	},
];

export const DEMO_ACCOUNTS: Rec[] = [
	{
		Name: 'Bakkerij De Korenbloem',
		Status: 'C',
		Email: 'info@korenbloem.example',
		Phone: '030-1234567',
		AddressLine1: 'Oudegracht 12',
		Postcode: '3511 AB',
		City: 'Utrecht',
		Country: 'NL',
		ChamberOfCommerce: '30123456',
		VATNumber: 'NL001234567B01',
	},
	{
		Name: 'Fietsenmaker Jansen',
		Status: 'C',
		Email: 'jansen@fietsen.example',
		AddressLine1: 'Damrak 5',
		Postcode: '1012 LG',
		City: 'Amsterdam',
		Country: 'NL',
	},
	{
		Name: 'Boulangerie Dupont SRL',
		Status: 'C',
		Email: 'contact@dupont.example',
		AddressLine1: 'Rue Neuve 20',
		Postcode: '1000',
		City: 'Bruxelles',
		Country: 'BE',
		VATNumber: 'BE0123456749',
		PaymentConditionSales: '30',
	},
	{ Name: 'Webwinkel gastklant', Status: 'C', Email: 'gast@webwinkel-demo.example', Country: 'NL' },
];

export const DEMO_ITEMS: Rec[] = [
	{
		Code: 'FIETS-001',
		Description: 'Stadsfiets Classic 28 inch',
		SalesVatCode: 'V21',
		StandardSalesPrice: 499,
		Stock: 12,
	},
	{
		Code: 'BOEK-042',
		Description: 'Kookboek Seizoenen',
		SalesVatCode: 'V9',
		StandardSalesPrice: 24.95,
		Stock: 40,
	},
	{
		Code: 'KOFFIE-250',
		Description: 'Koffiebonen 250 g',
		SalesVatCode: 'V9',
		StandardSalesPrice: 8.5,
		Stock: 120,
	},
	{
		Code: 'SLOT-100',
		Description: 'Kettingslot 100 cm',
		SalesVatCode: 'V21',
		StandardSalesPrice: 34.95,
		Stock: 0,
	},
].map((i) => ({ ...i, IsStockItem: true, IsSalesItem: true, IsWebshopItem: 1 }));
