/**
 * mapShopifyRefund: a Shopify refund and its order → the refund document the Exact Online Credit
 * Note node books as a credit note.
 *
 * Amounts, all in integer minor units of the order's (shop) currency:
 * - A refunded line's amount is its `subtotal_set` and `total_tax_set` (shop money). The subtotal is
 *   on the order's price basis: excl. tax, or incl. tax when the order has `taxes_included`.
 * - Shipping refunds come from `refund_shipping_lines` (subtotal on the order's basis, plus
 *   `tax_amount_set`) or, in older payloads, from `order_adjustments` of kind `shipping_refund`,
 *   whose signed `amount` is the refunded shipping excl. tax and `tax_amount` the tax on it.
 * - Other adjustments (`refund_discrepancy`: money kept back or refunded beyond the lines, e.g. a
 *   restocking fee or a goodwill amount) are not booked as lines: Shopify gives them no item and
 *   no tax basis, so any VAT code would be a guess. They are listed in `adjustments` and reported
 *   in a warning, and the merchant books them in Exact if needed.
 * - The money actually refunded is Σ of the successful refund transactions. When the lines do not
 *   add up to it (a discrepancy, or a refund without transactions), the document carries a warning,
 *   never an error: refund discrepancies are legitimate.
 */
import { sumCents } from '../money';
import { ShopifyValidationError } from '../shopify/errors';
import { resolveId } from '../shopify/ids';
import type { ShopifyOrder, ShopifyLineItem } from '../shopify/order.schema';
import type { ShopifyRefund } from '../shopify/refund.schema';
import { parseShopifyOrder, parseShopifyRefund } from '../shopify/validate';
import { Amounts } from './amounts';
import { chooseItemCode } from './itemCode';
import { defaultSettings, resolveSettings } from './settings';
import { clean, fit, TEXT_LIMITS } from './text';
import type { ItemCodeSource, MappingSettings, PriceBasis } from './types';

export type RefundLineKind = 'product' | 'giftCard' | 'shipping';

export interface RefundLine {
	lineNumber: number;
	kind: RefundLineKind;
	itemCode: string | null;
	itemCodeSource: ItemCodeSource | 'setting' | null;
	sku: string | null;
	/** Shopify line item (or shipping line) id of the order line that is refunded. */
	shopifyLineId: string | null;
	/** Shopify refund line item (or refund shipping line / order adjustment) id. */
	refundLineId: string | null;
	/** At most 60 characters (Exact's Description). */
	description: string;
	/** Refunded quantity, positive (1 for shipping). */
	quantity: number;
	netAmountExclCents: number;
	netAmountInclCents: number;
	taxAmountCents: number;
	/** The amount to post, on the basis `RefundDocument.pricesPosted` names. */
	netAmountCents: number;
	/** no_restock, cancel, return, legacy_restock; null for shipping. */
	restockType: string | null;
}

export interface RefundAdjustment {
	id: string | null;
	kind: string;
	reason: string | null;
	/** Money refunded by this adjustment (positive) or kept back (negative), incl. its tax. */
	refundedCents: number;
	taxCents: number;
}

export interface RefundTotals {
	/** Σ netAmountInclCents of the product and gift card lines. */
	linesInclCents: number;
	shippingInclCents: number;
	taxCents: number;
	/** Σ netAmountInclCents of all lines: what the credit note credits. */
	totalCents: number;
	/** Σ refundedCents of the adjustments not booked as lines. */
	adjustmentsCents: number;
	/** Σ of the successful refund transactions; null when the refund lists none. */
	refundedCents: number | null;
	/** refundedCents − totalCents (0 when they agree; null when refundedCents is null). */
	differenceCents: number | null;
}

export interface RefundReferences {
	refundId: string;
	adminGraphqlId: string | null;
	shopifyOrderId: string;
	orderName: string;
	/** Exact YourRef: the order name, as the sales order carries it (at most 30 characters). */
	yourRef: string;
	/** "Shopify refund <id> of <order name>": the credit note's Description and natural key. */
	description: string;
}

export interface RefundDocument {
	source: 'shopify';
	type: 'refund';
	references: RefundReferences;
	/** YYYY-MM-DD of processed_at (else created_at) in the refund's own UTC offset. */
	refundDate: string;
	processedAt: string;
	currency: string;
	/** The order's taxes_included. */
	pricesIncludeTax: boolean;
	pricesPosted: PriceBasis;
	note: string | null;
	restock: boolean;
	lines: RefundLine[];
	adjustments: RefundAdjustment[];
	totals: RefundTotals;
	warnings: string[];
	/** Filled by the Exact Online Credit Note node. */
	exact: Record<string, unknown>;
}

/** "Shopify refund <id> of <order name>" (also how the Credit Note node finds an earlier credit note). */
export function refundDescription(refundId: string, orderName: string): string {
	return `Shopify refund ${refundId} of ${orderName}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

function isCalendarDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function refundDate(refund: ShopifyRefund, label: string): { date: string; at: string } {
	const field = refund.processed_at ? 'processed_at' : refund.created_at ? 'created_at' : null;
	if (!field)
		throw new ShopifyValidationError('Refund', label, [
			{ path: 'created_at', message: 'is missing' },
		]);
	const at = (refund[field] as string).trim();
	const match = DATE.exec(at);
	if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
		throw new ShopifyValidationError('Refund', label, [{ path: field, message: 'is not a date' }]);
	}
	return { date: `${match[1]}-${match[2]}-${match[3]}`, at };
}

interface Amount {
	excl: number;
	incl: number;
	tax: number;
}

/** A subtotal on the order's price basis plus its tax → excl./incl./tax. */
function onBasis(subtotal: number, tax: number, pricesIncludeTax: boolean): Amount {
	return pricesIncludeTax
		? { excl: subtotal - tax, incl: subtotal, tax }
		: { excl: subtotal, incl: subtotal + tax, tax };
}

/** −x without a negative zero. */
function negate(cents: number): number {
	return cents === 0 ? 0 : -cents;
}

function describeLine(item: Partial<ShopifyLineItem> | null | undefined, fallback: string): string {
	const name =
		clean(item?.name) ??
		[clean(item?.title), clean(item?.variant_title)].filter(Boolean).join(' - ');
	return fit(name || fallback, TEXT_LIMITS.description, TEXT_LIMITS.description).text;
}

class RefundMapper {
	readonly warnings: string[] = [];
	readonly lines: RefundLine[] = [];
	readonly adjustments: RefundAdjustment[] = [];
	private readonly amounts: Amounts;
	private readonly orderLines: Map<string, ShopifyLineItem>;

	constructor(
		private readonly refund: ShopifyRefund,
		private readonly order: ShopifyOrder,
		label: string,
		private readonly settings: MappingSettings,
	) {
		this.amounts = new Amounts(order.currency, 'Refund', label);
		this.orderLines = new Map(
			order.line_items.filter((l) => l.id).map((l) => [l.id as string, l] as const),
		);
	}

	private get pricesIncludeTax(): boolean {
		return this.order.taxes_included === true;
	}

	private push(line: Omit<RefundLine, 'lineNumber' | 'netAmountCents'>): void {
		const netAmountCents =
			this.settings.pricesPosted === 'incl' ? line.netAmountInclCents : line.netAmountExclCents;
		this.lines.push({ ...line, lineNumber: this.lines.length + 1, netAmountCents });
	}

	productLines(): void {
		this.refund.refund_line_items.forEach((refundLine, i) => {
			const path = `refund_line_items[${i}]`;
			const orderLine = refundLine.line_item_id
				? this.orderLines.get(refundLine.line_item_id)
				: undefined;
			const item = refundLine.line_item ?? orderLine;
			if (!item) {
				throw this.amounts.invalid(
					`${path}.line_item`,
					`is missing, and line_item_id ${refundLine.line_item_id ?? '(none)'} is not a line of the order`,
				);
			}
			if (refundLine.quantity === 0 && this.lineAmount(refundLine, path).incl === 0) {
				this.warnings.push(`${path} refunds nothing (quantity 0, amount 0); left out`);
				return;
			}
			const sku = clean(item.sku ?? orderLine?.sku);
			const giftCard = (item.gift_card ?? orderLine?.gift_card) === true;
			const useGiftCardCode = giftCard && this.settings.giftCardItemCode !== null;
			const code = chooseItemCode(
				{
					sku,
					variantId: item.variant_id ?? orderLine?.variant_id ?? null,
					productId: item.product_id ?? orderLine?.product_id ?? null,
				},
				this.settings,
			);
			const itemCode = useGiftCardCode ? this.settings.giftCardItemCode : code.itemCode;
			if (!itemCode) {
				throw this.amounts.invalid(`${path}.line_item`, 'has no SKU, variant id or product id');
			}
			const amount = this.lineAmount(refundLine, path);
			this.push({
				kind: giftCard ? 'giftCard' : 'product',
				itemCode,
				itemCodeSource: useGiftCardCode ? 'setting' : code.itemCodeSource,
				sku,
				shopifyLineId: refundLine.line_item_id ?? item.id ?? null,
				refundLineId: refundLine.id,
				description: describeLine(item, itemCode),
				quantity: refundLine.quantity === 0 ? 1 : refundLine.quantity,
				netAmountExclCents: amount.excl,
				netAmountInclCents: amount.incl,
				taxAmountCents: amount.tax,
				restockType: clean(refundLine.restock_type),
			});
			if (refundLine.quantity === 0) {
				this.warnings.push(
					`${path} has quantity 0 but an amount; booked as quantity 1 (an amount-only refund of the line)`,
				);
			}
		});
	}

	private lineAmount(refundLine: ShopifyRefund['refund_line_items'][number], path: string): Amount {
		const subtotal = this.amounts.pick(
			refundLine.subtotal_set,
			refundLine.subtotal,
			`${path}.subtotal`,
		);
		if (subtotal === null) throw this.amounts.invalid(`${path}.subtotal_set`, 'is missing');
		const tax =
			this.amounts.pick(refundLine.total_tax_set, refundLine.total_tax, `${path}.total_tax`) ?? 0;
		return onBasis(subtotal, tax, this.pricesIncludeTax);
	}

	shippingLines(): void {
		const fromLines = this.refund.refund_shipping_lines;
		const shippingAdjustments = this.refund.order_adjustments
			.map((adjustment, i) => ({ adjustment, i }))
			.filter(({ adjustment }) => adjustment.kind === 'shipping_refund');
		fromLines.forEach((line, i) => {
			const path = `refund_shipping_lines[${i}]`;
			const subtotal = this.amounts.pick(line.subtotal_amount_set, null, `${path}.subtotal_amount`);
			if (subtotal === null)
				throw this.amounts.invalid(`${path}.subtotal_amount_set`, 'is missing');
			const tax = this.amounts.pick(line.tax_amount_set, null, `${path}.tax_amount`) ?? 0;
			this.pushShipping(
				onBasis(subtotal, tax, this.pricesIncludeTax),
				line.shipping_line_id ?? line.shipping_line?.id ?? null,
				line.id,
				clean(line.shipping_line?.title),
			);
		});
		if (fromLines.length > 0 && shippingAdjustments.length > 0) {
			this.warnings.push(
				'The refund lists shipping both in refund_shipping_lines and as shipping_refund adjustments; the refund_shipping_lines are booked',
			);
			return;
		}
		for (const { adjustment, i } of shippingAdjustments) {
			const path = `order_adjustments[${i}]`;
			const amount = this.amounts.pick(adjustment.amount_set, adjustment.amount, `${path}.amount`);
			if (amount === null) throw this.amounts.invalid(`${path}.amount_set`, 'is missing');
			const tax =
				this.amounts.pick(adjustment.tax_amount_set, adjustment.tax_amount, `${path}.tax_amount`) ??
				0;
			// Signed from the order's side: a refund of 5.00 shipping is -5.00.
			this.pushShipping(
				{ excl: negate(amount), incl: negate(amount + tax), tax: negate(tax) },
				null,
				adjustment.id,
				clean(adjustment.reason),
			);
		}
	}

	private pushShipping(
		amount: Amount,
		shopifyLineId: string | null,
		refundLineId: string | null,
		title: string | null,
	): void {
		if (amount.incl === 0 && amount.excl === 0) return;
		const code = this.settings.shippingItemCode;
		this.push({
			kind: 'shipping',
			itemCode: code,
			itemCodeSource: 'setting',
			sku: null,
			shopifyLineId,
			refundLineId,
			description: fit(
				title && title !== 'Shipping refund' ? `Shipping refund: ${title}` : 'Shipping refund',
				TEXT_LIMITS.description,
				TEXT_LIMITS.description,
			).text,
			quantity: 1,
			netAmountExclCents: amount.excl,
			netAmountInclCents: amount.incl,
			taxAmountCents: amount.tax,
			restockType: null,
		});
	}

	otherAdjustments(): void {
		this.refund.order_adjustments.forEach((adjustment, i) => {
			if (adjustment.kind === 'shipping_refund') return;
			const path = `order_adjustments[${i}]`;
			const amount =
				this.amounts.pick(adjustment.amount_set, adjustment.amount, `${path}.amount`) ?? 0;
			const tax =
				this.amounts.pick(adjustment.tax_amount_set, adjustment.tax_amount, `${path}.tax_amount`) ??
				0;
			const kind = clean(adjustment.kind) ?? 'unknown';
			const refundedCents = negate(amount + tax);
			this.adjustments.push({
				id: adjustment.id,
				kind,
				reason: clean(adjustment.reason),
				refundedCents,
				taxCents: negate(tax),
			});
			const what =
				refundedCents < 0
					? `${this.amounts.format(-refundedCents)} kept back`
					: `${this.amounts.format(refundedCents)} refunded beyond the lines`;
			this.warnings.push(
				`Order adjustment ${kind} (${what}) is not on the credit note: Shopify gives it no item and no tax; book it in Exact if needed`,
			);
		});
	}

	/** Σ of the successful refund transactions in the order's currency; null when there is none. */
	refunded(): number | null {
		let total: number | null = null;
		let foreign = false;
		this.refund.transactions.forEach((t, i) => {
			if ((t.kind ?? 'refund') !== 'refund' || (t.status ?? 'success') !== 'success') return;
			const currency = clean(t.currency)?.toUpperCase();
			if (currency && currency !== this.order.currency) {
				foreign = true;
				return;
			}
			const cents = this.amounts.pick(null, t.amount, `transactions[${i}].amount`);
			if (cents === null) throw this.amounts.invalid(`transactions[${i}].amount`, 'is missing');
			total = (total ?? 0) + cents;
		});
		if (foreign) {
			this.warnings.push(
				`Refund transactions in another currency than the order's ${this.order.currency} are left out of the check against the money refunded`,
			);
		}
		return total;
	}
}

/**
 * The refund document of a Shopify refund. `order` is the refund's order (as n8n's Shopify node
 * Order → Get returns it, or `{ order }`); it gives the order name, currency, price basis and, for
 * refund lines without `line_item`, the refunded line. Invalid input throws a
 * ShopifyValidationError naming the refund (or the order) and the field.
 */
export function mapShopifyRefund(
	refund: unknown,
	order: unknown,
	settings?: Partial<MappingSettings>,
): RefundDocument {
	const resolved = settings === undefined ? defaultSettings() : resolveSettings(settings);
	const parsedOrder = parseShopifyOrder(order);
	const orderValue = parsedOrder.value;
	const orderName = clean(orderValue.name) ?? parsedOrder.label;
	const parsed = parseShopifyRefund(refund, orderName);
	const value = parsed.value;
	const label = parsed.label;
	const refundId = resolveId(value.id, value.admin_graphql_api_id);
	if (!refundId)
		throw new ShopifyValidationError('Refund', label, [{ path: 'id', message: 'is missing' }]);
	const orderId = resolveId(orderValue.id, orderValue.admin_graphql_api_id);
	// order_id has no gid twin and may have lost digits in JSON.parse: compare as doubles.
	if (value.order_id && orderId && Number(value.order_id) !== Number(orderId)) {
		throw new ShopifyValidationError('Refund', label, [
			{
				path: 'order_id',
				message: `is ${value.order_id}, but the order given is ${orderId} (${orderName})`,
			},
		]);
	}
	const { date, at } = refundDate(value, label);
	const mapper = new RefundMapper(value, orderValue, label, resolved);
	mapper.productLines();
	mapper.shippingLines();
	mapper.otherAdjustments();
	const lines = mapper.lines;
	const warnings = mapper.warnings;
	const amounts = new Amounts(orderValue.currency, 'Refund', label);

	const linesInclCents = sumCents(
		lines.filter((l) => l.kind !== 'shipping').map((l) => l.netAmountInclCents),
	);
	const shippingInclCents = sumCents(
		lines.filter((l) => l.kind === 'shipping').map((l) => l.netAmountInclCents),
	);
	const totalCents = linesInclCents + shippingInclCents;
	const refundedCents = mapper.refunded();
	const differenceCents = refundedCents === null ? null : refundedCents - totalCents;
	if (refundedCents === null) {
		warnings.push(
			`The refund lists no successful refund transaction; the credit note of ${amounts.format(totalCents)} ${orderValue.currency} cannot be checked against the money refunded`,
		);
	} else if (differenceCents !== 0) {
		warnings.push(
			`The credit note lines (${amounts.format(totalCents)}) differ from the money refunded (${amounts.format(refundedCents)} ${orderValue.currency}) by ${amounts.format(differenceCents as number)}`,
		);
	}
	if (lines.length === 0) {
		warnings.push('The refund has no line and no shipping to credit');
	}
	const reference = `${resolved.orderReferencePrefix}${orderName}`;
	const yourRef = fit(reference, TEXT_LIMITS.yourRef, TEXT_LIMITS.yourRef).text;
	const description = refundDescription(refundId, reference);
	return {
		source: 'shopify',
		type: 'refund',
		references: {
			refundId,
			adminGraphqlId: clean(value.admin_graphql_api_id),
			shopifyOrderId: orderId ?? value.order_id ?? '',
			orderName,
			yourRef,
			description: fit(description, TEXT_LIMITS.description, TEXT_LIMITS.description).text,
		},
		refundDate: date,
		processedAt: at,
		currency: orderValue.currency,
		pricesIncludeTax: orderValue.taxes_included === true,
		pricesPosted: resolved.pricesPosted,
		note: clean(value.note),
		restock: value.restock === true,
		lines,
		adjustments: mapper.adjustments,
		totals: {
			linesInclCents,
			shippingInclCents,
			taxCents: sumCents(lines.map((l) => l.taxAmountCents)),
			totalCents,
			adjustmentsCents: sumCents(mapper.adjustments.map((a) => a.refundedCents)),
			refundedCents,
			differenceCents,
		},
		warnings,
		exact: {},
	};
}
