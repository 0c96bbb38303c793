/* Field lists from Exact's REST reference (HlpRestAPIResourcesDetails): sales orders. */

export const SALES_ORDERS = [
	'OrderID:g AmountDC:d~ AmountDiscount:d AmountDiscountExclVat:d AmountFC:d~',
	'AmountFCExclVat:d~ ApprovalStatus:i ApprovalStatusDescription:s~ Approved:t~ Approver:g~',
	'ApproverFullName:s~ Created:t~ Creator:g~ CreatorFullName:s~ Currency:s CustomField:s~',
	'DeliverTo:g DeliverToContactPerson:g DeliverToContactPersonFullName:s~ DeliverToName:s~',
	'DeliveryAddress:g DeliveryDate:t DeliveryStatus:i~ DeliveryStatusDescription:s~',
	'Description:s Discount:d Division:i~ Document:g DocumentNumber:i~ DocumentSubject:s~',
	'IncotermAddress:s IncotermCode:s IncotermVersion:i InvoiceStatus:i~',
	'InvoiceStatusDescription:s~ InvoiceTo:g InvoiceToContactPerson:g',
	'InvoiceToContactPersonFullName:s~ InvoiceToName:s~ Modified:t~ Modifier:g~',
	'ModifierFullName:s~ OrderDate:t OrderedBy:g! OrderedByContactPerson:g',
	'OrderedByContactPersonFullName:s~ OrderedByName:s~ OrderNumber:i PaymentCondition:s',
	'PaymentConditionDescription:s~ PaymentReference:s Remarks:s SalesChannel:g',
	'SalesChannelCode:s~ SalesChannelDescription:s~ SalesOrderLines:c!',
	'SalesOrderOrderChargeLines:c Salesperson:g SalespersonFullName:s~ SelectionCode:g',
	'SelectionCodeCode:s~ SelectionCodeDescription:s~ ShippingMethod:g',
	'ShippingMethodDescription:s~ Status:i~ StatusDescription:s~ TaxSchedule:g',
	'TaxScheduleCode:s~ TaxScheduleDescription:s~ WarehouseCode:s~ WarehouseDescription:s~',
	'WarehouseID:g YourRef:s ServicePoint:g',
].join(' ');

export const SALES_ORDER_LINES = [
	'ID:g AmountDC:d~ AmountFC:d CostCenter:s CostCenterDescription:s~ CostPriceFC:d~',
	'CostUnit:s CostUnitDescription:s~ CustomerItemCode:s~ CustomField:s~ DeliveryDate:t',
	'DeliveryStatus:i~ Description:s Discount:d Division:i~ InvoiceStatus:i~ Item:g!',
	'ItemCode:s~ ItemDescription:s~ ItemVersion:g ItemVersionDescription:s~ LineNumber:i~',
	'Margin:d NetPrice:d Notes:s OrderID:g OrderNumber:i OrderStatus:i~ Pricelist:g',
	'PricelistDescription:s~ Project:g ProjectDescription:s~ PurchaseOrder:g~',
	'PurchaseOrderLine:g~ PurchaseOrderLineNumber:i~ PurchaseOrderNumber:i~ Quantity:d',
	'QuantityDelivered:d~ QuantityInvoiced:d~ ShopOrder:g TaxSchedule:g TaxScheduleCode:s~',
	'TaxScheduleDescription:s~ UnitCode:s UnitDescription:s~ UnitPrice:d UseDropShipment:y',
	'VATAmount:d VATCode:s VATCodeDescription:s~ VATPercentage:d',
].join(' ');

export const GOODS_DELIVERIES = [
	'EntryID:g Created:t~ Creator:g~ CreatorFullName:s~ DeliveryAccount:g~',
	'DeliveryAccountCode:s~ DeliveryAccountName:s~ DeliveryAddress:g~ DeliveryContact:g~',
	'DeliveryContactPersonFullName:s~ DeliveryDate:t! DeliveryNumber:i~ Description:s',
	'Division:i~ Document:g DocumentSubject:s~ EntryNumber:i~ GoodsDeliveryLines:c!',
	'Modified:t~ Modifier:g~ ModifierFullName:s~ Remarks:s ShippingMethod:g',
	'ShippingMethodCode:s~ ShippingMethodDescription:s~ TrackingNumber:s Warehouse:g~',
	'WarehouseCode:s~ WarehouseDescription:s~',
].join(' ');

export const GOODS_DELIVERY_LINES = [
	'ID:g BatchNumbers:c Created:t~ Creator:g~ CreatorFullName:s~ CustomerItemCode:s~',
	'DeliveryDate:t~ Description:s Division:i~ EntryID:g Item:g~ ItemCode:s~',
	'ItemDescription:s~ LineNumber:i~ Modified:t~ Modifier:g~ ModifierFullName:s~ Notes:s',
	'QuantityDelivered:d! QuantityOrdered:d~ SalesOrderLineID:g! SalesOrderLineNumber:i~',
	'SalesOrderNumber:i~ SerialNumbers:c StorageLocation:g StorageLocationCode:s',
	'StorageLocationDescription:s TrackingNumber:s Unitcode:s~',
].join(' ');

export const SHIPPING_METHODS = [
	'ID:g~ Active:b~ Amount:d~ Code:s~ Created:t~ Creator:g~ CreatorFullName:s~',
	'Description:s~ Division:i~ Modified:t~ Modifier:g~ ModifierFullName:s~ Notes:s~',
	'ShippingRatesURL:s~ TrackingURL:s~ VATCode:s~ VATCodeDescription:s~ VATPercentage:d~',
].join(' ');
