/**
 * `shopifyPaymentsAccount { payouts balanceTransactions }`: views and the `query:` filter.
 * Filter terms are ANDed `field:value` pairs; dates and amounts take `>`, `>=`, `<`, `<=`.
 * Payouts: `id`, `status`, `issued_at`. Balance transactions: `payout_id`, `payout_status`,
 * `transaction_type`/`type`, `processed_at`, `test`. Which of these real Shopify accepts is not in the
 * reference [U]; a field the sandbox does not know matches nothing, so a client must not rely on an
 * unknown filter to narrow its results.
 */
import { GraphQLError } from 'graphql';
import { gid } from '../ids';
import type { SandboxCore } from '../core';
import {
	centsToDecimal,
	type BalanceTransaction,
	type Payout,
	type PayoutLedger,
} from '../payouts';
import { connectionOf, type ConnectionArgs } from './connection';

type Getter<T> = (record: T, field: string) => string | null | undefined;

interface Term {
	field: string;
	op: '=' | '>' | '>=' | '<' | '<=';
	value: string;
}

function parseTerms(query: string | null | undefined): Term[] {
	if (!query?.trim()) return [];
	const terms: Term[] = [];
	for (const token of query.match(/[^\s"]+:(?:"[^"]*"|[^\s]+)|\S+/g) ?? []) {
		if (token.toUpperCase() === 'AND') continue;
		const match = /^([a-z_]+):(>=|<=|>|<)?(.*)$/i.exec(token);
		if (!match) throw new GraphQLError(`Unsupported search term: ${token}`);
		terms.push({
			field: match[1].toLowerCase(),
			op: (match[2] as Term['op']) ?? '=',
			value: match[3].replace(/^"|"$/g, ''),
		});
	}
	return terms;
}

function compare(actual: string, term: Term): boolean {
	if (term.op === '=') return actual.toLowerCase() === term.value.toLowerCase();
	const a = Date.parse(actual);
	const b = Date.parse(term.value);
	const [x, y] = Number.isNaN(a) || Number.isNaN(b) ? [Number(actual), Number(term.value)] : [a, b];
	if (term.op === '>') return x > y;
	if (term.op === '>=') return x >= y;
	if (term.op === '<') return x < y;
	return x <= y;
}

function filter<T>(records: T[], query: string | null | undefined, get: Getter<T>): T[] {
	const terms = parseTerms(query);
	return records.filter((r) =>
		terms.every((t) => {
			const actual = get(r, t.field);
			return actual != null && compare(actual, t);
		}),
	);
}

function money(cents: number, currency: string) {
	return { amount: centsToDecimal(cents), currencyCode: currency };
}

class SummaryView {
	constructor(
		private readonly ledger: PayoutLedger,
		private readonly payout: Payout,
	) {}

	private sum(types: string[], part: 'gross' | 'fee') {
		const cents = this.ledger
			.transactionsOf(this.payout)
			.filter((t) => types.includes(t.type))
			.reduce((s, t) => s + (part === 'gross' ? t.amountCents : t.feeCents), 0);
		return money(cents, this.payout.currency);
	}

	chargesGross = () => this.sum(['CHARGE'], 'gross');
	chargesFee = () => this.sum(['CHARGE'], 'fee');
	refundsFeeGross = () => this.sum(['REFUND'], 'gross');
	refundsFee = () => this.sum(['REFUND'], 'fee');
	adjustmentsGross = () => this.sum(ADJUSTMENT_TYPES, 'gross');
	adjustmentsFee = () => this.sum(ADJUSTMENT_TYPES, 'fee');
	reservedFundsGross = () => this.sum(RESERVE_TYPES, 'gross');
	reservedFundsFee = () => this.sum(RESERVE_TYPES, 'fee');
	retriedPayoutsGross = () => this.sum(['TRANSFER_FAILURE', 'TRANSFER_CANCEL'], 'gross');
	retriedPayoutsFee = () => this.sum(['TRANSFER_FAILURE', 'TRANSFER_CANCEL'], 'fee');
	advanceGross = () => money(0, this.payout.currency);
	advanceFees = () => money(0, this.payout.currency);
}

/** "Total gross amount for all adjustments including disputes" (ShopifyPaymentsPayoutSummary). */
const ADJUSTMENT_TYPES = [
	'ADJUSTMENT',
	'DISPUTE_WITHDRAWAL',
	'DISPUTE_REVERSAL',
	'APPLICATION_FEE_REFUND',
	'CHARGEBACK_FEE',
];
const RESERVE_TYPES = ['RESERVED_FUNDS', 'RESERVED_FUNDS_WITHDRAWAL', 'RESERVED_FUNDS_REVERSAL'];

export class PayoutView {
	constructor(
		private readonly ledger: PayoutLedger,
		private readonly p: Payout,
	) {}

	id = () => gid('ShopifyPaymentsPayout', this.p.id);
	legacyResourceId = () => this.p.id;
	issuedAt = () => this.p.issuedAt;
	status = () => this.p.status;
	transactionType = () => (this.p.netCents < 0 ? 'WITHDRAWAL' : 'DEPOSIT');
	net = () => money(Math.abs(this.p.netCents), this.p.currency);
	gross = () => this.net();
	externalTraceId = () => null;
	summary = () => new SummaryView(this.ledger, this.p);
}

export class BalanceTransactionView {
	constructor(
		private readonly ledger: PayoutLedger,
		private readonly t: BalanceTransaction,
	) {}

	id = () => gid('ShopifyPaymentsBalanceTransaction', this.t.id);
	type = () => this.t.type;
	test = () => this.t.test;
	amount = () => money(this.t.amountCents, this.t.currency);
	fee = () => money(this.t.feeCents, this.t.currency);
	net = () => money(this.t.amountCents - this.t.feeCents, this.t.currency);
	transactionDate = () => this.t.transactionDate;
	adjustmentReason = () => this.t.adjustmentReason;
	sourceId = () => this.t.sourceId;
	sourceOrderTransactionId = () => this.t.sourceOrderTransactionId;
	sourceType = () =>
		this.t.type === 'TRANSFER' ? 'TRANSFER' : this.t.orderId ? 'CHARGE' : 'ADJUSTMENT';
	associatedOrder = () =>
		this.t.orderId ? { id: gid('Order', this.t.orderId), name: this.t.orderName ?? '' } : null;
	associatedPayout = () => {
		const payout = this.ledger.payouts.get(this.t.payoutId);
		return {
			id: gid('ShopifyPaymentsPayout', this.t.payoutId),
			status: payout?.status ?? 'PENDING',
		};
	};
	adjustmentsOrders = () => [];
}

function payoutField(p: Payout, field: string): string | null | undefined {
	if (field === 'id') return p.id;
	if (field === 'status') return p.status;
	if (field === 'issued_at' || field === 'date') return p.issuedAt;
	return undefined;
}

function transactionField(
	ledger: PayoutLedger,
	t: BalanceTransaction,
	field: string,
): string | null | undefined {
	switch (field) {
		case 'id':
			return t.id;
		case 'payout_id':
			return t.payoutId;
		case 'payout_status':
			return ledger.payouts.get(t.payoutId)?.status ?? 'PENDING';
		case 'type':
		case 'transaction_type':
			return t.type;
		case 'processed_at':
			return t.transactionDate;
		case 'test':
			return String(t.test);
		default:
			return undefined;
	}
}

type SearchArgs = ConnectionArgs & { query?: string | null };

export function shopifyPaymentsAccount(core: SandboxCore) {
	const ledger = core.state.payouts;
	return {
		id: gid('ShopifyPaymentsAccount', '1'),
		activated: true,
		country: 'NL',
		defaultCurrency: 'EUR',
		balance: [money(0, 'EUR')],
		payouts: (args: SearchArgs & { transactionType?: string | null }) =>
			connectionOf(
				filter(ledger.sortedPayouts(), args.query, payoutField).filter(
					(p) =>
						!args.transactionType ||
						(p.netCents < 0 ? 'WITHDRAWAL' : 'DEPOSIT') === args.transactionType,
				),
				args,
				(p) => new PayoutView(ledger, p),
			),
		balanceTransactions: (args: SearchArgs & { hideTransfers?: boolean | null }) =>
			connectionOf(
				filter(ledger.sortedTransactions(), args.query, (t, f) =>
					transactionField(ledger, t, f),
				).filter((t) => !(args.hideTransfers && t.type === 'TRANSFER')),
				args,
				(t) => new BalanceTransactionView(ledger, t),
			),
	};
}

export const PAYOUTS_SDL = `
scalar Decimal
scalar BigInt
type MoneyV2 { amount: Decimal! currencyCode: String! }
enum ShopifyPaymentsPayoutStatus { SCHEDULED IN_TRANSIT PAID FAILED CANCELED }
enum ShopifyPaymentsBalanceTransactionPayoutStatus { ACTION_REQUIRED CANCELED FAILED PAID PENDING SCHEDULED IN_TRANSIT }
enum ShopifyPaymentsPayoutTransactionType { DEPOSIT WITHDRAWAL }
enum ShopifyPaymentsTransactionType { CHARGE REFUND DISPUTE_WITHDRAWAL DISPUTE_REVERSAL ADJUSTMENT RESERVED_FUNDS RESERVED_FUNDS_WITHDRAWAL RESERVED_FUNDS_REVERSAL APPLICATION_FEE_REFUND CHARGEBACK_FEE TRANSFER TRANSFER_FAILURE TRANSFER_CANCEL }
enum ShopifyPaymentsSourceType { ADJUSTMENT CHARGE DISPUTE REFUND SYSTEM_ADJUSTMENT TRANSFER }
type ShopifyPaymentsAccount {
	id: ID!
	activated: Boolean!
	country: String!
	defaultCurrency: String!
	balance: [MoneyV2!]!
	payouts(CONNECTION_ARGS, query: String, transactionType: ShopifyPaymentsPayoutTransactionType): ShopifyPaymentsPayoutConnection!
	balanceTransactions(CONNECTION_ARGS, query: String, hideTransfers: Boolean = false): ShopifyPaymentsBalanceTransactionConnection!
}
type ShopifyPaymentsPayout {
	id: ID!
	legacyResourceId: String!
	issuedAt: DateTime!
	status: ShopifyPaymentsPayoutStatus!
	transactionType: ShopifyPaymentsPayoutTransactionType!
	net: MoneyV2!
	gross: MoneyV2! @deprecated(reason: "Use net instead.")
	externalTraceId: String
	summary: ShopifyPaymentsPayoutSummary!
}
type ShopifyPaymentsPayoutSummary {
	adjustmentsFee: MoneyV2!
	adjustmentsGross: MoneyV2!
	advanceFees: MoneyV2!
	advanceGross: MoneyV2!
	chargesFee: MoneyV2!
	chargesGross: MoneyV2!
	refundsFee: MoneyV2!
	refundsFeeGross: MoneyV2!
	reservedFundsFee: MoneyV2!
	reservedFundsGross: MoneyV2!
	retriedPayoutsFee: MoneyV2!
	retriedPayoutsGross: MoneyV2!
}
type ShopifyPaymentsAssociatedOrder { id: ID! name: String! }
type ShopifyPaymentsBalanceTransactionAssociatedPayout { id: ID status: ShopifyPaymentsBalanceTransactionPayoutStatus }
type ShopifyPaymentsAdjustmentOrder { name: String! }
type ShopifyPaymentsBalanceTransaction {
	id: ID!
	type: ShopifyPaymentsTransactionType!
	test: Boolean!
	amount: MoneyV2!
	fee: MoneyV2!
	net: MoneyV2!
	transactionDate: DateTime!
	adjustmentReason: String
	adjustmentsOrders: [ShopifyPaymentsAdjustmentOrder!]!
	associatedOrder: ShopifyPaymentsAssociatedOrder
	associatedPayout: ShopifyPaymentsBalanceTransactionAssociatedPayout!
	sourceId: BigInt
	sourceOrderTransactionId: BigInt
	sourceType: ShopifyPaymentsSourceType
}
`;
