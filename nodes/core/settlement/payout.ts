/**
 * A Shopify Payments payout with its balance transactions, as the Shopify Payouts node outputs it
 * (amounts as decimal strings in the payout currency), and its parsed form in cents.
 */
import { formatMoney, parseMoney } from '../money';

export class SettlementError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SettlementError';
	}
}

/** Balance transaction types (ShopifyPaymentsTransactionType) and how they are booked. */
export type TransactionKind =
	| 'charge'
	| 'refund'
	| 'dispute'
	| 'reserve'
	| 'adjustment'
	| 'transfer';

export function kindOf(type: string): TransactionKind {
	const t = type.toUpperCase();
	if (t === 'CHARGE') return 'charge';
	if (t === 'REFUND') return 'refund';
	if (t.startsWith('DISPUTE')) return 'dispute';
	if (t.startsWith('RESERVED_FUNDS')) return 'reserve';
	if (t === 'TRANSFER') return 'transfer';
	return 'adjustment';
}

export interface PayoutTransactionJson {
	id: string;
	type: string;
	amount: string;
	fee: string;
	net: string;
	orderId: string | null;
	orderName: string | null;
	adjustmentReason: string | null;
	test: boolean;
	transactionDate: string | null;
}

/** The JSON of one payout item (output of Shopify Payouts → Get Paid Payouts). */
export interface PayoutJson {
	payoutId: string;
	legacyId: string;
	status: string;
	issuedAt: string;
	currency: string;
	net: string;
	transactions: PayoutTransactionJson[];
}

export interface PayoutTransaction {
	id: string;
	type: string;
	kind: TransactionKind;
	amountCents: number;
	feeCents: number;
	orderName: string | null;
	adjustmentReason: string | null;
}

export interface Payout {
	id: string;
	legacyId: string;
	status: string;
	issuedAt: string;
	currency: string;
	netCents: number;
	transactions: PayoutTransaction[];
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** Reads and checks a payout item: every amount a decimal, net = amount − fee per transaction. */
export function readPayout(json: unknown): Payout {
	const raw = (json ?? {}) as Partial<PayoutJson>;
	const legacyId =
		text(raw.legacyId) ?? text(raw.payoutId)?.replace(/^gid:\/\/shopify\/[A-Za-z]+\//, '');
	if (!legacyId || !/^[0-9]+$/.test(legacyId)) {
		throw new SettlementError(
			'The item is not a Shopify payout: legacyId (the payout number) is missing',
		);
	}
	const where = `Payout ${legacyId}`;
	const currency = text(raw.currency)?.toUpperCase();
	if (!currency) throw new SettlementError(`${where}: currency is missing`);
	const money = (value: unknown, field: string): number => {
		let problem = '';
		let cents = 0;
		try {
			cents = parseMoney(value, currency);
		} catch (error) {
			problem = (error as Error).message;
		}
		if (problem) throw new SettlementError(`${where}: ${field}: ${problem}`);
		return cents;
	};
	if (!Array.isArray(raw.transactions)) {
		throw new SettlementError(`${where}: transactions (the balance transactions) are missing`);
	}
	const transactions = raw.transactions.map((t, i): PayoutTransaction => {
		const field = `transaction ${t?.id ?? i + 1}`;
		const type = text(t?.type);
		if (!type) throw new SettlementError(`${where}: ${field}: type is missing`);
		const amountCents = money(t.amount, `${field} amount`);
		const feeCents = t.fee == null ? 0 : money(t.fee, `${field} fee`);
		if (t.net != null && money(t.net, `${field} net`) !== amountCents - feeCents) {
			throw new SettlementError(
				`${where}: ${field}: net ${t.net} is not amount ${t.amount} − fee ${t.fee}`,
			);
		}
		return {
			id: String(t.id ?? i + 1),
			type: type.toUpperCase(),
			kind: kindOf(type),
			amountCents,
			feeCents,
			orderName: text(t.orderName),
			adjustmentReason: text(t.adjustmentReason),
		};
	});
	return {
		id: text(raw.payoutId) ?? `gid://shopify/ShopifyPaymentsPayout/${legacyId}`,
		legacyId,
		status: text(raw.status)?.toUpperCase() ?? 'PAID',
		issuedAt: text(raw.issuedAt) ?? '',
		currency,
		netCents: money(raw.net, 'net'),
		transactions,
	};
}

/** One payout node and its balance transaction nodes (GraphQL shapes) → the payout item JSON. */
export function payoutJsonFromGraphql(
	node: GraphqlPayout,
	transactions: GraphqlBalanceTransaction[],
): PayoutJson {
	return {
		payoutId: node.id,
		legacyId: node.legacyResourceId ?? node.id.replace(/^gid:\/\/shopify\/[A-Za-z]+\//, ''),
		status: node.status,
		issuedAt: node.issuedAt,
		currency: node.net.currencyCode,
		net: node.net.amount,
		transactions: transactions.map((t) => ({
			id: t.id.replace(/^gid:\/\/shopify\/[A-Za-z]+\//, ''),
			type: t.type,
			amount: t.amount.amount,
			fee: t.fee.amount,
			net: t.net.amount,
			orderId: t.associatedOrder?.id ?? null,
			orderName: t.associatedOrder?.name ?? null,
			adjustmentReason: t.adjustmentReason ?? null,
			test: t.test === true,
			transactionDate: t.transactionDate ?? null,
		})),
	};
}

export interface GraphqlMoney {
	amount: string;
	currencyCode: string;
}

export interface GraphqlPayout {
	id: string;
	legacyResourceId?: string;
	status: string;
	issuedAt: string;
	net: GraphqlMoney;
}

export interface GraphqlBalanceTransaction {
	id: string;
	type: string;
	test?: boolean;
	amount: GraphqlMoney;
	fee: GraphqlMoney;
	net: GraphqlMoney;
	transactionDate?: string;
	adjustmentReason?: string | null;
	associatedOrder?: { id: string; name: string } | null;
	associatedPayout?: { id?: string | null } | null;
}

export const formatCents = (cents: number, currency = 'EUR') => formatMoney(cents, currency);
