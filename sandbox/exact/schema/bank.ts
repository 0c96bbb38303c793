/*
 * Field lists from Exact's REST reference (HlpRestAPIResourcesDetails, copied field by field in
 * Pi-Systems/exact-online src/Entity/FinancialTransaction/BankEntries.php, BankEntryLines.php and
 * src/Entity/Read/Financial/ReceivablesList.php): bank entries, their lines, open receivables.
 */

export const BANK_ENTRIES = [
	'EntryID:g BankEntryLines:c! BankStatementDocument:g BankStatementDocumentNumber:i~',
	'BankStatementDocumentSubject:s~ ClosingBalanceFC:d Created:t~ Currency:s~ Division:i~',
	'EntryNumber:i FinancialPeriod:y FinancialYear:i JournalCode:s! JournalDescription:s~',
	'Modified:t~ OpeningBalanceFC:d Status:i~ StatusDescription:s~',
].join(' ');

export const BANK_ENTRY_LINES = [
	'ID:g Account:g AccountCode:s~ AccountName:s~ AmountDC:d AmountFC:d! AmountVATFC:d Asset:g',
	'AssetCode:s~ AssetDescription:s~ CostCenter:s CostCenterDescription:s~ CostUnit:s',
	'CostUnitDescription:s~ Created:t~ Creator:g~ CreatorFullName:s~ Date:t Description:s',
	'Division:i~ Document:g DocumentNumber:i~ DocumentSubject:s~ EntryID:g! EntryNumber:i~',
	'ExchangeRate:d GLAccount:g! GLAccountCode:s~ GLAccountDescription:s~ LineNumber:i~',
	'Modified:t~ Modifier:g~ ModifierFullName:s~ Notes:s OffsetID:g OurRef:i Project:g',
	'ProjectCode:s~ ProjectDescription:s~ Quantity:d VATCode:s VATCodeDescription:s~',
	'VATPercentage:d~ VATType:s',
].join(' ');

/** read/financial/ReceivablesList: one row per open item (all fields read-only). */
export const RECEIVABLES_LIST = [
	'HID:l~ AccountCode:s~ AccountId:g~ AccountName:s~ Amount:d~ AmountInTransit:d~',
	'ApprovalStatus:i~ CurrencyCode:s~ Description:s~ DueDate:t~ EntryNumber:i~ Id:g~',
	'InvoiceDate:t~ InvoiceNumber:i~ JournalCode:s~ JournalDescription:s~ Notes:s~ YourRef:s~',
].join(' ');
