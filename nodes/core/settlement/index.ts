/** Settlement: Shopify Payments payouts into Exact bank entries, and what is left to reconcile. */
export * from './payout';
export * from './bankEntryDraft';
export * from './reconcile';
