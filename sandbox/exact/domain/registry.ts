import type { Table } from '../store';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import { subscriptionHooks } from '../webhooks/subscriptions';
import { accountHooks, addressHooks, contactHooks } from './accounts';
import { bankEntryHooks, bankEntryLineHooks } from './bank';
import { goodsDeliveryHooks } from './deliveries';
import type { Hooks } from './hooks';
import { salesInvoiceHooks } from './invoices';
import { itemHooks, salesItemPriceHooks } from './items';
import {
	itemWarehouseHooks,
	paymentConditionHooks,
	vatCodeHooks,
	warehouseHooks,
} from './masterdata';
import { salesOrderHooks, salesOrderLineHooks } from './orders';

export type HookRegistry = Partial<Record<Table, Hooks>>;

export function buildHooks(dispatcher: WebhookDispatcher): HookRegistry {
	return {
		Accounts: accountHooks,
		Contacts: contactHooks,
		Addresses: addressHooks,
		Items: itemHooks,
		SalesItemPrices: salesItemPriceHooks,
		SalesOrders: salesOrderHooks,
		SalesOrderLines: salesOrderLineHooks,
		GoodsDeliveries: goodsDeliveryHooks,
		SalesInvoices: salesInvoiceHooks,
		VATCodes: vatCodeHooks,
		PaymentConditions: paymentConditionHooks,
		Warehouses: warehouseHooks,
		ItemWarehouses: itemWarehouseHooks,
		WebhookSubscriptions: subscriptionHooks(dispatcher),
		BankEntries: bankEntryHooks,
		BankEntryLines: bankEntryLineHooks,
	};
}
