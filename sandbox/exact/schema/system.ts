/* Field lists from Exact's REST reference (HlpRestAPIResourcesDetails): system, VAT, cashflow. */

export const ME = [
	'UserID:g~ AccountingDivision:i~ CurrentDivision:i~ CustomerCode:s~ DivisionCustomer:g~',
	'DivisionCustomerCode:s~ DivisionCustomerName:s~ DivisionCustomerSiretNumber:s~',
	'DivisionCustomerVatNumber:s~ DossierDivision:i~ Email:s~ EmployeeID:g~ FirstName:s~',
	'FullName:s~ Gender:s~ Initials:s~ IsClientUser:b~ IsEmployeeSelfServiceUser:b~',
	'IsMyFirmLiteUser:b~ IsMyFirmPortalUser:b~ IsOEIMigrationMandatory:b~ IsStarterUser:b~',
	'Language:s~ LanguageCode:s~ LastName:s~ Legislation:l~ MiddleName:s~ Mobile:s~',
	'Nationality:s~ PackageCode:s~ Phone:s~ PhoneExtension:s~ PictureUrl:s~ ServerTime:s~',
	'ServerUtcOffset:d~ ThumbnailPicture:x~ ThumbnailPictureFormat:s~ Title:s~ UserName:s~',
].join(' ');

export const DIVISIONS = [
	'Code:i~ AddressLine1:s~ AddressLine2:s~ AddressLine3:s~ ArchiveDate:t~ BlockingStatus:i~',
	'BusinessTypeCode:s~ BusinessTypeDescription:s~ ChamberOfCommerceEstablishment:s~',
	'ChamberOfCommerceNumber:s~ City:s~ Class_01:s~ Class_02:s~ Class_03:s~ Class_04:s~',
	'Class_05:s~ CompanySizeCode:s~ CompanySizeDescription:s~ Country:s~ Created:t~',
	'Creator:g~ CreatorFullName:s~ Currency:s~ Current:b~ Customer:g~ CustomerCode:s~',
	'CustomerName:s~ DatevAccountantNumber:s~ DatevClientNumber:s~ Description:s~',
	'DivisionHRLinkUnlinkDate:t~ DivisionMoveDate:t~ Email:s~ Fax:s~ Hid:l~',
	'IsDossierDivision:b~ IsHRDivision:b~ IsMainDivision:b~ IsPracticeDivision:b~',
	'Legislation:s~ Modified:t~ Modifier:g~ ModifierFullName:s~ OBNumber:s~ Phone:s~',
	'Postcode:s~ SbiCode:s~ SbiDescription:s~ SectorCode:s~ SectorDescription:s~',
	'ShareCapital:d~ SiretNumber:s~ StartDate:t~ State:s~ Status:i~ SubsectorCode:s~',
	'SubsectorDescription:s~ TaxOfficeNumber:s~ TaxReferenceNumber:s~ TemplateCode:s~',
	'VATNumber:s~ Website:s~',
].join(' ');

export const VAT_CODES = [
	'ID:g Account:g AccountCode:s~ AccountName:s~ CalculationBasis:y Charged:b Code:s!',
	'Country:s~ Created:t~ Creator:g~ CreatorFullName:s~ CustomField:s~ Description:s!',
	'Division:i~ EUSalesListing:s ExcludeVATListing:y GLDiscountPurchase:g',
	'GLDiscountPurchaseCode:s~ GLDiscountPurchaseDescription:s~ GLDiscountSales:g',
	'GLDiscountSalesCode:s~ GLDiscountSalesDescription:s~ GLToClaim:g GLToClaimCode:s~',
	'GLToClaimDescription:s~ GLToPay:g GLToPayCode:s~ GLToPayDescription:s~ IntraStat:b',
	'IntrastatType:s IsBlocked:b LegalText:s Modified:t~ Modifier:g~ ModifierFullName:s~',
	'OssCountry:s Percentage:d~ TaxReturnType:i Type:s VatDocType:s VatMargin:y',
	'VATPartialRatio:i VATPercentages:c VATTransactionType:s',
].join(' ');

export const PAYMENT_CONDITIONS = [
	'ID:g Code:s! Created:t~ Creator:g~ CreatorFullName:s~ CreditManagementScenario:g',
	'CreditManagementScenarioCode:s~ CreditManagementScenarioDescription:s~ Description:s!',
	'DiscountCalculation:s DiscountPaymentDays:i DiscountPercentage:d Division:i~ Modified:t~',
	'Modifier:g~ ModifierFullName:s~ PaymentDays:i PaymentDiscountType:s PaymentEndOfMonths:i',
	'PaymentMethod:s Percentage:d VATCalculation:s',
].join(' ');

export const WEBHOOK_SUBSCRIPTIONS = [
	'ID:g CallbackURL:s! ClientID:g~ Created:t~ Creator:g~ CreatorFullName:s~ Description:s~',
	'Division:i~ IsInstant:b Topic:s! UserID:g',
].join(' ');

export const DELETED = [
	'Timestamp:l~ DeletedBy:g~ DeletedDate:t~ Division:i~ EntityKey:g~ EntityType:i~ ID:g~',
].join(' ');
