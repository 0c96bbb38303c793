/* Field lists from Exact's REST reference (HlpRestAPIResourcesDetails): logistics, inventory. */

export const ITEMS = [
	'ID:g AssembledLeadDays:i~ AverageCost:d Barcode:s BatchQuantity:d~ Class_01:s Class_02:s',
	'Class_03:s Class_04:s Class_05:s Class_06:s Class_07:s Class_08:s Class_09:s Class_10:s',
	'Code:s! CopyRemarks:y CostPriceCurrency:s CostPriceNew:d CostPriceStandard:d Created:t~',
	'Creator:g~ CreatorFullName:s~ CustomField:s~ Description:s! Division:i~ EndDate:t',
	'ExtraDescription:s FreeBoolField_01:b FreeBoolField_02:b FreeBoolField_03:b',
	'FreeBoolField_04:b FreeBoolField_05:b FreeDateField_01:t FreeDateField_02:t',
	'FreeDateField_03:t FreeDateField_04:t FreeDateField_05:t FreeNumberField_01:d',
	'FreeNumberField_02:d FreeNumberField_03:d FreeNumberField_04:d FreeNumberField_05:d',
	'FreeNumberField_06:d FreeNumberField_07:d FreeNumberField_08:d FreeTextField_01:s',
	'FreeTextField_02:s FreeTextField_03:s FreeTextField_04:s FreeTextField_05:s',
	'FreeTextField_06:s FreeTextField_07:s FreeTextField_08:s FreeTextField_09:s',
	'FreeTextField_10:s GLCosts:g GLCostsCode:s~ GLCostsDescription:s~',
	'GLCostsWorkInProgress:g GLCostsWorkInProgressCode:s~ GLCostsWorkInProgressDescription:s~',
	'GLRevenue:g GLRevenueCode:s~ GLRevenueDescription:s~ GLRevenueWorkInProgress:g',
	'GLRevenueWorkInProgressCode:s~ GLRevenueWorkInProgressDescription:s~ GLStock:g',
	'GLStockCode:s~ GLStockDescription:s~ GrossWeight:d IsBatchItem:y IsBatchNumberItem:y',
	'IsFractionAllowedItem:b IsMakeItem:y IsNewContract:y IsOnDemandItem:y IsPackageItem:b',
	'IsPurchaseItem:b IsRegistrationCodeItem:y IsSalesItem:b IsSerialItem:b',
	'IsSerialNumberItem:b IsStockItem:b IsSubcontractedItem:b IsTaxableItem:y IsTime:y',
	'IsWebshopItem:y ItemGroup:g ItemGroupCode:s~ ItemGroupDescription:s~ Modified:t~',
	'Modifier:g~ ModifierFullName:s~ NetWeight:d NetWeightUnit:s Notes:s Picture:x',
	'PictureName:s PictureThumbnailUrl:s~ PictureUrl:s~ SalesVatCode:s',
	'SalesVatCodeDescription:s~ SearchCode:s SecurityLevel:i StandardSalesPrice:d~',
	'StartDate:t StatisticalCode:s~ StatisticalNetWeight:d~ StatisticalUnits:d~',
	'StatisticalValue:d~ Stock:d~ Unit:s UnitDescription:s~ UnitType:s~ UseExplosion:y~',
].join(' ');

export const ITEM_GROUPS = [
	'ID:g~ Code:s~ Created:t~ Creator:g~ CreatorFullName:s~ Description:s~ Division:i~',
	'GLCosts:g~ GLCostsCode:s~ GLCostsDescription:s~ GLCostsWorkInProgress:g~',
	'GLCostsWorkInProgressCode:s~ GLCostsWorkInProgressDescription:s~ GLPurchaseAccount:g~',
	'GLPurchaseAccountCode:s~ GLPurchaseAccountDescription:s~ GLPurchasePriceDifference:g~',
	'GLPurchasePriceDifferenceCode:s~ GLPurchasePriceDifferenceDescr:s~ GLRevenue:g~',
	'GLRevenueCode:s~ GLRevenueDescription:s~ GLRevenueWorkInProgress:g~',
	'GLRevenueWorkInProgressCode:s~ GLRevenueWorkInProgressDescription:s~ GLStock:g~',
	'GLStockCode:s~ GLStockDescription:s~ GLStockVariance:g~ GLStockVarianceCode:s~',
	'GLStockVarianceDescription:s~ IsDefault:y~ Modified:t~ Modifier:g~ ModifierFullName:s~',
	'Notes:s~',
].join(' ');

export const SALES_ITEM_PRICES = [
	'ID:g Account:g AccountName:s~ Barcode:s~ Created:t~ Creator:g~ CreatorFullName:s~',
	'Currency:s DefaultItemUnit:s~ DefaultItemUnitDescription:s~ Division:i~ Employee:g',
	'EndDate:t Item:g ItemCode:s~ ItemDescription:s~ Modified:t~ Modifier:g~',
	'ModifierFullName:s~ NumberOfItemsPerUnit:d Price:d Project:g ProjectDescription:s~',
	'Quantity:d StartDate:t Unit:s UnitDescription:s~',
].join(' ');

export const WAREHOUSES = [
	'ID:g Code:s Created:t~ Creator:g~ CreatorFullName:s~ DefaultStorageLocation:g~',
	'DefaultStorageLocationCode:s~ DefaultStorageLocationDescription:s~ Description:s',
	'Division:i~ EMail:s Main:y ManagerUser:g Modified:t~ Modifier:g~ ModifierFullName:s~',
	'UseStorageLocations:y',
].join(' ');

export const ITEM_WAREHOUSES = [
	'ID:g CountingCycle:i Created:t~ Creator:g~ CreatorFullName:s~ CurrentStock:d~',
	'DefaultStorageLocation:g DefaultStorageLocationCode:s~',
	'DefaultStorageLocationDescription:s~ Division:i~ Item:g! ItemBarcode:s~ ItemCode:s~',
	'ItemDescription:s~ ItemEndDate:t~ ItemIsFractionAllowedItem:b~ ItemIsStockItem:b~',
	'ItemStartDate:t~ ItemUnit:s~ ItemUnitDescription:s~ MaximumStock:d Modified:t~',
	'Modifier:g~ ModifierFullName:s~ NextCountingCycle:t~ OrderPolicy:i Period:i',
	'PlannedStockIn:d~ PlannedStockOut:d~ PlanningDetailsUrl:s~ ProjectedStock:d~',
	'ReorderPoint:d ReorderQuantity:d ReplenishmentType:i ReservedStock:d~ SafetyStock:d',
	'StorageLocationSequenceNumber:i~ StorageLocationUrl:s~ Warehouse:g! WarehouseCode:s~',
	'WarehouseDescription:s~',
].join(' ');

export const STOCK_POSITIONS = [
	'Timestamp:l~ CurrentStock:d~ Division:i~ FreeStock:d~ ID:g~ ItemCode:s~',
	'ItemDescription:s~ ItemId:g~ PlanningIn:d~ PlanningOut:d~ ProjectedStock:d~',
	'ReorderPoint:d~ ReservedStock:d~ UnitCode:s~ UnitDescription:s~ Warehouse:g~',
	'WarehouseCode:s~ WarehouseDescription:s~',
].join(' ');
