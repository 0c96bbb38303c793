/**
 * The Exact sales order of an order document: validation (every line has an item and a VAT code,
 * the account is known), the POST body with all lines inline, the totals check against Exact's
 * AmountFC, the goods delivery of the whole order, and the rule that picks the one order to keep
 * when a race created two with the same YourRef. Pure.
 */
import { formatMoney } from '../money';
import type { EnrichedLine, EnrichedOrderDocument } from '../document';
import { centPriceParts, exactTotalCents } from './centPrices';
import type { PostedLine, VatType } from './centPrices';
import type { ExactBody } from './accountDraft';

export type LinePricing = 'netPrice' | 'unitPriceDiscount';

export interface GatewayCondition {
	gateway: string;
	paymentCondition: string;
}

export interface SalesOrderOptions {
	/** Payment condition code when no gateway rule matches; empty = the account's default. */
	paymentCondition: string;
	/** Payment condition per Shopify payment gateway (compared case-insensitively). */
	gatewayConditions: GatewayCondition[];
	shippingMethod: string | null;
	warehouse: string | null;
	linePricing: LinePricing;
	/** Every line must carry a VAT code (from the VAT Resolver); off = Exact uses the item's code. */
	requireVatCode: boolean;
	/** Put the order note into Remarks. */
	noteAsRemarks: boolean;
}

export class SalesOrderDocumentError extends Error {
	constructor(
		readonly orderName: string,
		readonly problems: string[],
	) {
		super(`Order ${orderName}: ${problems.join('; ')}`);
		this.name = 'SalesOrderDocumentError';
	}
}

/** What is missing before the document can become a sales order (empty when it can). */
export function salesOrderProblems(
	doc: EnrichedOrderDocument,
	options: Pick<SalesOrderOptions, 'requireVatCode'>,
): string[] {
	const problems: string[] = [];
	const ref = doc.references?.yourRef;
	if (typeof ref !== 'string' || !ref.trim()) problems.push('references.yourRef is missing');
	if (!doc.exact?.account?.id) {
		problems.push('exact.account.id is missing (run the Exact Online Account node first)');
	}
	const booked = doc.lines.filter((line) => line.quantity !== 0);
	if (booked.length === 0) problems.push('the order has no lines with a quantity');
	for (const line of booked) {
		const label = `line ${line.lineNumber} (${line.itemCode ?? line.description})`;
		if (!line.itemId)
			problems.push(`${label} has no itemId (run the Exact Online Item node first)`);
		if (options.requireVatCode && !line.vat?.code) {
			problems.push(`${label} has no vat.code (run the Exact Online VAT Resolver node first)`);
		}
	}
	return problems;
}

export function assertSalesOrderReady(
	doc: EnrichedOrderDocument,
	options: Pick<SalesOrderOptions, 'requireVatCode'>,
): void {
	const problems = salesOrderProblems(doc, options);
	if (problems.length)
		throw new SalesOrderDocumentError(doc.references?.orderName ?? '(unnamed)', problems);
}

/** Payment condition: the first gateway of the order with a rule, else the default (or none). */
export function choosePaymentCondition(
	gateways: string[],
	options: SalesOrderOptions,
): string | null {
	for (const gateway of gateways) {
		const rule = options.gatewayConditions.find(
			(r) =>
				r.gateway.trim().toLowerCase() === gateway.trim().toLowerCase() &&
				r.paymentCondition.trim(),
		);
		if (rule) return rule.paymentCondition.trim();
	}
	return options.paymentCondition.trim() || null;
}

function units(cents: number, currency: string): number {
	return Number(formatMoney(cents, currency));
}

/** Discount as the fraction Exact stores: (list − net) / list, 0 without a list amount. */
function discountFraction(unitCents: number, netUnitCents: number): number {
	if (unitCents === 0 || netUnitCents === unitCents) return 0;
	return Math.round(((unitCents - netUnitCents) / unitCents) * 1e10) / 1e10;
}

/** How Exact treats the line's VAT: the VAT Resolver picks type I codes for VAT-inclusive posting. */
function vatTypeOf(line: EnrichedLine, doc: EnrichedOrderDocument): VatType {
	const rate = line.vat?.rate ?? line.taxRate ?? 0;
	if (!rate) return 'none';
	return doc.pricesPosted === 'incl' ? 'I' : 'E';
}

export interface PostedOrderLines {
	/** SalesOrderLines of the POST, a document line split where its amount needs it. */
	lines: ExactBody[];
	/** The same lines as Exact will total them. */
	posted: PostedLine[];
	/** Document lines posted as two lines (whole-cent prices), by line number. */
	splitLines: number[];
}

/**
 * The order's lines at whole-cent prices: every line lands in Exact at exactly the document's
 * amount, with its quantity intact (see centPrices.ts).
 */
export function salesOrderLines(
	doc: EnrichedOrderDocument,
	options: Pick<SalesOrderOptions, 'linePricing'>,
): PostedOrderLines {
	const result: PostedOrderLines = { lines: [], posted: [], splitLines: [] };
	for (const line of doc.lines.filter((l) => l.quantity !== 0)) {
		const parts = centPriceParts(line.netAmountCents, line.quantity);
		if (parts.length > 1) result.splitLines.push(line.lineNumber);
		for (const part of parts) {
			const body: ExactBody = {
				Item: line.itemId as string,
				Quantity: part.quantity,
				Description: line.description,
			};
			if (options.linePricing === 'unitPriceDiscount') {
				body.UnitPrice = units(line.unitPriceCents, doc.currency);
				body.Discount = discountFraction(line.unitPriceCents, part.unitCents);
			}
			body.NetPrice = units(part.unitCents, doc.currency);
			if (line.vat?.code) body.VATCode = line.vat.code;
			result.lines.push(body);
			result.posted.push({
				amountCents: part.unitCents * part.quantity,
				rate: line.vat?.rate ?? line.taxRate,
				vatType: vatTypeOf(line, doc),
			});
		}
	}
	return result;
}

/** Shopify's total (what the document charges) minus what Exact will total the lines at. */
export function exactRoundingDifferenceCents(
	doc: Pick<EnrichedOrderDocument, 'totals'>,
	posted: PostedLine[],
): number {
	return doc.totals.totalCents - exactTotalCents(posted);
}

/** A line that books Exact's VAT rounding difference on the merchant's rounding item. */
export interface RoundingLine {
	itemId: string;
	vatCode: string | null;
	amountCents: number;
}

/** POST body of salesorder/SalesOrders with every line inline. */
export function salesOrderBody(
	doc: EnrichedOrderDocument,
	options: SalesOrderOptions,
	rounding?: RoundingLine | null,
): ExactBody {
	const account = doc.exact.account as NonNullable<EnrichedOrderDocument['exact']['account']>;
	const { lines } = salesOrderLines(doc, options);
	if (rounding && rounding.amountCents !== 0) {
		const line: ExactBody = {
			Item: rounding.itemId,
			Quantity: 1,
			Description: 'Rounding difference',
			NetPrice: units(rounding.amountCents, doc.currency),
		};
		if (rounding.vatCode) line.VATCode = rounding.vatCode;
		lines.push(line);
	}
	const body: ExactBody = {
		OrderedBy: account.id,
		DeliverTo: account.id,
		OrderDate: doc.orderDate,
		YourRef: doc.references.yourRef,
		Description: doc.references.description,
		Currency: doc.currency,
		SalesOrderLines: lines,
	};
	if (account.deliveryAddressId) body.DeliveryAddress = account.deliveryAddressId;
	if (account.contactId) {
		body.OrderedByContactPerson = account.contactId;
		body.DeliverToContactPerson = account.contactId;
	}
	const condition = choosePaymentCondition(doc.paymentGateways ?? [], options);
	if (condition) body.PaymentCondition = condition;
	if (options.shippingMethod) body.ShippingMethod = options.shippingMethod;
	if (options.warehouse) body.WarehouseID = options.warehouse;
	if (options.noteAsRemarks && doc.note) body.Remarks = doc.note;
	return body;
}

/** Exact's AmountFC (incl. VAT) minus the document's total, in cents. */
export function totalDifferenceCents(
	amountFC: unknown,
	doc: Pick<EnrichedOrderDocument, 'currency' | 'totals'>,
): number | null {
	if (typeof amountFC !== 'number' || !Number.isFinite(amountFC)) return null;
	const exponent = formatMoney(1, doc.currency).split('.')[1]?.length ?? 0;
	return Math.round(amountFC * 10 ** exponent) - doc.totals.totalCents;
}

export interface ExactOrderLine {
	ID: string;
	Quantity?: number | null;
	QuantityDelivered?: number | null;
}

/** POST body of salesorder/GoodsDeliveries delivering every open positive quantity; null when none. */
export function goodsDeliveryBody(
	lines: ExactOrderLine[],
	deliveryDate: string,
	description: string | null,
): ExactBody | null {
	const open = lines
		.map((line) => ({
			id: line.ID,
			quantity: Number(line.Quantity ?? 0) - Number(line.QuantityDelivered ?? 0),
		}))
		.filter((line) => line.quantity > 0);
	if (open.length === 0) return null;
	const body: ExactBody = {
		DeliveryDate: deliveryDate,
		GoodsDeliveryLines: open.map((line) => ({
			SalesOrderLineID: line.id,
			QuantityDelivered: line.quantity,
		})),
	};
	if (description) body.Description = description;
	return body;
}

export interface OrderRecord {
	OrderID: string;
	OrderNumber?: number | null;
}

/**
 * Which of several orders with one YourRef to keep: the lowest OrderNumber (then OrderID). Every
 * process that sees the same set picks the same one, so each can remove only its own extra copy.
 */
export function orderToKeep<T extends OrderRecord>(orders: T[]): T | undefined {
	return [...orders].sort(
		(a, b) =>
			Number(a.OrderNumber ?? Number.MAX_SAFE_INTEGER) -
				Number(b.OrderNumber ?? Number.MAX_SAFE_INTEGER) || a.OrderID.localeCompare(b.OrderID),
	)[0];
}
