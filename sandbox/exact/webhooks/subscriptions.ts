import { validation } from '../errors';
import type { Hooks } from '../domain/hooks';
import type { WebhookDispatcher } from './dispatcher';

export const TOPICS = [
	'Accounts',
	'BankAccounts',
	'Contacts',
	'CostTransactions',
	'Documents',
	'FinancialTransactions',
	'GoodsDeliveries',
	'Items',
	'PurchaseOrders',
	'Quotations',
	'SalesInvoices',
	'SalesItemPrices',
	'SalesOrders',
	'StockPositions',
	'Subscriptions',
	'TimeTransactions',
	'TransactionLines',
];

/**
 * Subscribing sends an empty POST to the callback first; a non-2xx answer (or none) fails the
 * subscription with Exact's 500 "Invalid: Post to callback URL endpoint returns …".
 */
export function subscriptionHooks(dispatcher: WebhookDispatcher): Hooks {
	return {
		async create(tx, rec) {
			if (!TOPICS.includes(String(rec.Topic)))
				throw validation(`Topic: '${rec.Topic}' is not a valid topic.`);
			if (rec.IsInstant === true && rec.Topic !== 'GoodsDeliveries') {
				throw validation('IsInstant: only allowed for topic GoodsDeliveries.');
			}
			let url: URL;
			try {
				url = new URL(String(rec.CallbackURL));
			} catch {
				throw validation('CallbackURL: not a valid URL.');
			}
			if (url.protocol !== 'https:' && url.protocol !== 'http:') {
				throw validation('CallbackURL: must be an https URL.');
			}
			const duplicate = tx.div
				.rows('WebhookSubscriptions')
				.some(
					(s) =>
						s.Topic === rec.Topic &&
						s.CallbackURL === rec.CallbackURL &&
						s.ClientID === tx.clientId,
				);
			if (duplicate)
				throw validation('A subscription for this topic and callback URL already exists.');
			const result = await dispatcher.post(String(rec.CallbackURL), '', 5000);
			if (result.status === undefined || result.status < 200 || result.status >= 300) {
				const what =
					result.status !== undefined ? String(result.status) : `no answer (${result.error})`;
				throw validation(`Invalid: Post to callback URL endpoint returns ${what}`);
			}
			rec.ClientID = tx.clientId;
			rec.UserID = rec.UserID ?? tx.user.id;
			rec.Description = rec.Description ?? `${rec.Topic} subscription`;
		},
		update() {
			throw validation('Webhook subscriptions cannot be updated; delete and subscribe again.');
		},
	};
}
