/**
 * Shopify Payments payouts and balance transactions (shopify.dev ShopifyPaymentsPayout,
 * ShopifyPaymentsBalanceTransaction, ShopifyPaymentsPayoutSummary). Seeded through the control API;
 * Shopify itself creates them, there is no Admin API mutation for them.
 *
 * Amounts are kept in cents. A balance transaction's net is amount − fee. A payout's net is the sum of
 * its transactions' nets; the payout also gets a TRANSFER transaction of −net (the money leaving the
 * Shopify balance for the bank), as the REST `payout` transaction type describes [I].
 */
import { SandboxInputError } from './catalog';
import type { SandboxCore } from './core';
import { nowIso } from './state';

export const PAYOUT_STATUSES = ['SCHEDULED', 'IN_TRANSIT', 'PAID', 'FAILED', 'CANCELED'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** ShopifyPaymentsTransactionType values the sandbox serves (a subset of Shopify's enum). */
export const TRANSACTION_TYPES = [
	'CHARGE',
	'REFUND',
	'DISPUTE_WITHDRAWAL',
	'DISPUTE_REVERSAL',
	'ADJUSTMENT',
	'RESERVED_FUNDS',
	'RESERVED_FUNDS_WITHDRAWAL',
	'RESERVED_FUNDS_REVERSAL',
	'APPLICATION_FEE_REFUND',
	'CHARGEBACK_FEE',
	'TRANSFER',
	'TRANSFER_FAILURE',
	'TRANSFER_CANCEL',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export interface BalanceTransaction {
	id: string;
	type: TransactionType;
	test: boolean;
	amountCents: number;
	feeCents: number;
	currency: string;
	orderId: string | null;
	orderName: string | null;
	sourceOrderTransactionId: string | null;
	sourceId: string | null;
	adjustmentReason: string | null;
	payoutId: string;
	transactionDate: string;
}

export interface Payout {
	id: string;
	status: PayoutStatus;
	issuedAt: string;
	currency: string;
	netCents: number;
	transactionIds: string[];
}

export class PayoutLedger {
	readonly payouts = new Map<string, Payout>();
	readonly transactions = new Map<string, BalanceTransaction>();

	sortedPayouts(): Payout[] {
		return [...this.payouts.values()].sort(byIssuedThenId);
	}

	sortedTransactions(): BalanceTransaction[] {
		return [...this.transactions.values()].sort(
			(a, b) => a.transactionDate.localeCompare(b.transactionDate) || numeric(a.id, b.id),
		);
	}

	transactionsOf(payout: Payout): BalanceTransaction[] {
		return payout.transactionIds
			.map((id) => this.transactions.get(id))
			.filter((t): t is BalanceTransaction => !!t);
	}
}

function numeric(a: string, b: string): number {
	return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function byIssuedThenId(a: Payout, b: Payout): number {
	return a.issuedAt.localeCompare(b.issuedAt) || numeric(a.id, b.id);
}

/** "12.34" / 12.34 → 1234; anything else is a clear input error. */
export function toCents(value: unknown, field: string): number {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || !/^-?[0-9]+(\.[0-9]{1,2})?$/.test(text.trim())) {
		throw new SandboxInputError(
			`${field} must be an amount with at most 2 decimals, got ${String(value)}`,
		);
	}
	const [whole, frac = ''] = text.trim().replace('-', '').split('.');
	const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
	return text.trim().startsWith('-') ? -cents : cents;
}

export function centsToDecimal(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

interface TransactionSeed {
	id?: unknown;
	type?: unknown;
	amount?: unknown;
	fee?: unknown;
	orderId?: unknown;
	sourceOrderTransactionId?: unknown;
	adjustmentReason?: unknown;
	test?: unknown;
	transactionDate?: unknown;
}

interface PayoutSeed {
	id?: unknown;
	status?: unknown;
	issuedAt?: unknown;
	currency?: unknown;
	transactions?: unknown;
}

function idOf(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).replace(/^gid:\/\/shopify\/[A-Za-z]+\//, '');
	if (!/^[0-9]+$/.test(text)) throw new SandboxInputError(`${field} must be numeric, got ${text}`);
	return text;
}

/**
 * Stores payouts with their transactions (create, or replace one with the same id). An order
 * referenced by orderId must exist in the shop; its name becomes associatedOrder.name.
 */
export function seedPayouts(core: SandboxCore, seeds: PayoutSeed[]): Payout[] {
	const state = core.state;
	const ledger = state.payouts;
	const out: Payout[] = [];
	for (const [index, seed] of seeds.entries()) {
		const where = `payouts[${index}]`;
		const id = idOf(seed.id, `${where}.id`) ?? state.ids.id();
		state.ids.reserve(id);
		const status = String(seed.status ?? 'PAID').toUpperCase() as PayoutStatus;
		if (!PAYOUT_STATUSES.includes(status)) {
			throw new SandboxInputError(`${where}.status must be one of ${PAYOUT_STATUSES.join(', ')}`);
		}
		const issuedAt = typeof seed.issuedAt === 'string' ? seed.issuedAt : nowIso();
		if (Number.isNaN(Date.parse(issuedAt))) {
			throw new SandboxInputError(`${where}.issuedAt must be an ISO date-time`);
		}
		const currency = typeof seed.currency === 'string' ? seed.currency.toUpperCase() : 'EUR';
		if (!Array.isArray(seed.transactions) || seed.transactions.length === 0) {
			throw new SandboxInputError(`${where}.transactions (non-empty array) is required`);
		}
		const old = ledger.payouts.get(id);
		for (const txId of old?.transactionIds ?? []) ledger.transactions.delete(txId);
		const transactions: BalanceTransaction[] = [];
		for (const [t, raw] of (seed.transactions as TransactionSeed[]).entries()) {
			const at = `${where}.transactions[${t}]`;
			const type = String(raw.type ?? '').toUpperCase() as TransactionType;
			if (!TRANSACTION_TYPES.includes(type) || type === 'TRANSFER') {
				throw new SandboxInputError(
					`${at}.type must be one of ${TRANSACTION_TYPES.filter((x) => x !== 'TRANSFER').join(', ')}`,
				);
			}
			const orderId = idOf(raw.orderId, `${at}.orderId`) ?? null;
			const order = orderId ? state.orders.get(orderId) : undefined;
			if (orderId && !order) throw new SandboxInputError(`${at}.orderId ${orderId}: no such order`);
			const txId = idOf(raw.id, `${at}.id`) ?? state.ids.id();
			state.ids.reserve(txId);
			transactions.push({
				id: txId,
				type,
				test: raw.test === true,
				amountCents: toCents(raw.amount, `${at}.amount`),
				feeCents: raw.fee === undefined ? 0 : toCents(raw.fee, `${at}.fee`),
				currency,
				orderId,
				orderName: order ? String(order.body.name ?? '') : null,
				sourceOrderTransactionId:
					idOf(raw.sourceOrderTransactionId, `${at}.sourceOrderTransactionId`) ?? null,
				sourceId: orderId ? state.ids.id() : null,
				adjustmentReason:
					typeof raw.adjustmentReason === 'string'
						? raw.adjustmentReason
						: type === 'ADJUSTMENT'
							? 'adjustment'
							: null,
				payoutId: id,
				transactionDate: typeof raw.transactionDate === 'string' ? raw.transactionDate : issuedAt,
			});
		}
		const netCents = transactions.reduce((s, t) => s + t.amountCents - t.feeCents, 0);
		const transferId = state.ids.id();
		transactions.push({
			id: transferId,
			type: 'TRANSFER',
			test: false,
			amountCents: -netCents,
			feeCents: 0,
			currency,
			orderId: null,
			orderName: null,
			sourceOrderTransactionId: null,
			sourceId: id,
			adjustmentReason: null,
			payoutId: id,
			transactionDate: issuedAt,
		});
		for (const tx of transactions) ledger.transactions.set(tx.id, tx);
		const payout: Payout = {
			id,
			status,
			issuedAt,
			currency,
			netCents,
			transactionIds: transactions.map((t) => t.id),
		};
		ledger.payouts.set(id, payout);
		out.push(payout);
	}
	return out;
}

/** The control API's view of a payout: decimals as strings, transactions inline. */
export function payoutJson(ledger: PayoutLedger, payout: Payout) {
	return {
		id: payout.id,
		status: payout.status,
		issuedAt: payout.issuedAt,
		currency: payout.currency,
		net: centsToDecimal(payout.netCents),
		transactions: ledger.transactionsOf(payout).map((t) => ({
			id: t.id,
			type: t.type,
			amount: centsToDecimal(t.amountCents),
			fee: centsToDecimal(t.feeCents),
			net: centsToDecimal(t.amountCents - t.feeCents),
			orderId: t.orderId,
			orderName: t.orderName,
		})),
	};
}

/** Changes a payout's status (e.g. SCHEDULED → PAID), as Shopify does when the bank confirms. */
export function setPayoutStatus(core: SandboxCore, id: string, status: unknown): Payout {
	const payout = core.state.payouts.payouts.get(id);
	if (!payout) throw new SandboxInputError(`no payout ${id}`);
	const next = String(status ?? '').toUpperCase() as PayoutStatus;
	if (!PAYOUT_STATUSES.includes(next)) {
		throw new SandboxInputError(`status must be one of ${PAYOUT_STATUSES.join(', ')}`);
	}
	payout.status = next;
	return payout;
}
