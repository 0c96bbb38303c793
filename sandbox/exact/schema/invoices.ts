/* Field lists from Exact's REST reference (HlpRestAPIResourcesDetails): sales invoices, journals. */

export const SALES_INVOICES = [
	'InvoiceID:g AmountDC:d~ AmountDiscount:d~ AmountDiscountExclVat:d~ AmountFC:d~',
	'AmountFCExclVat:d~ Created:t~ Creator:g~ CreatorFullName:s~ Currency:s DeliverTo:g',
	'DeliverToAddress:g DeliverToContactPerson:g DeliverToContactPersonFullName:s~',
	'DeliverToName:s~ Description:s Discount:d DiscountType:i Division:i~ Document:g',
	'DocumentNumber:i~ DocumentSubject:s~ DueDate:t InvoiceDate:t InvoiceNumber:i~',
	'InvoiceTo:g InvoiceToContactPerson:g InvoiceToContactPersonFullName:s~ InvoiceToName:s~',
	'Journal:s! JournalDescription:s~ Modified:t~ Modifier:g~ ModifierFullName:s~ OrderDate:t',
	'OrderedBy:g! OrderedByContactPerson:g OrderedByContactPersonFullName:s~ OrderedByName:s~',
	'OrderNumber:i PaymentCondition:s PaymentConditionDescription:s~ PaymentReference:s',
	'Remarks:s SalesInvoiceLines:c! Salesperson:g SalespersonFullName:s~ SelectionCode:g',
	'SelectionCodeCode:s~ SelectionCodeDescription:s~ ShippingMethod:g ShippingMethodCode:s~',
	'ShippingMethodDescription:s~ Status:i~ StatusDescription:s~ TaxSchedule:g',
	'TaxScheduleCode:s~ TaxScheduleDescription:s~ Type:i TypeDescription:s~ VATAmountDC:d~',
	'VATAmountFC:d~ Warehouse:g YourRef:s',
].join(' ');

export const SALES_INVOICE_LINES = [
	'ID:g AmountDC:d~ AmountFC:d CostCenter:s CostCenterDescription:s~ CostUnit:s',
	'CostUnitDescription:s~ CustomerItemCode:s~ DeliveryDate:t Description:s Discount:d',
	'Division:i~ Employee:g EmployeeFullName:s~ GLAccount:g GLAccountDescription:s~',
	'InvoiceID:g Item:g! ItemCode:s~ ItemDescription:s~ LineNumber:i~ NetPrice:d Notes:s',
	'Pricelist:g PricelistDescription:s~ Project:g ProjectDescription:s~ Quantity:d',
	'SalesOrder:g~ SalesOrderLine:g~ SalesOrderLineNumber:i~ SalesOrderNumber:i~',
	'TaxSchedule:g TaxScheduleCode:s~ TaxScheduleDescription:s~ UnitCode:s UnitDescription:s~',
	'UnitPrice:d VATAmountDC:d~ VATAmountFC:d~ VATCode:s VATCodeDescription:s~ VATPercentage:d~',
].join(' ');

export const JOURNALS = [
	'ID:g~ AllowVariableCurrency:b~ AllowVAT:b~ Code:s~ Created:t~ Creator:g~',
	'CreatorFullName:s~ Currency:s~ Description:s~ Division:i~ Modified:t~ Modifier:g~',
	'ModifierFullName:s~ Type:i~ TypeDescription:s~',
].join(' ');

/** financial/GLAccounts (a subset: what a ledger picker and item accounts use). */
export const GL_ACCOUNTS = [
	'ID:g~ BalanceSide:s~ BalanceType:s~ Code:s~ Created:t~ Creator:g~ CreatorFullName:s~',
	'Description:s~ Division:i~ IsBlocked:b~ Modified:t~ Modifier:g~ ModifierFullName:s~',
	'Type:i~ TypeDescription:s~',
].join(' ');

/** financial/ExchangeRates: one rate per currency pair, valid from StartDate to the next one. */
export const EXCHANGE_RATES = [
	'ID:g~ Created:t~ Creator:g~ CreatorFullName:s~ Division:i~ Modified:t~ Modifier:g~',
	'ModifierFullName:s~ Rate:d! SourceCurrency:s! SourceCurrencyDescription:s~ StartDate:t!',
	'TargetCurrency:s! TargetCurrencyDescription:s~',
].join(' ');
