/** mapShopifyOrder: a Shopify order payload → the order document the Exact nodes enrich. */
import { currencyExponent, MoneyError, parseMoney, sumCents } from '../money';
import { ShopifyValidationError } from '../shopify/errors';
import { isImpreciseNumber, resolveId } from '../shopify/ids';
import type { ShopifyOrder } from '../shopify/order.schema';
import { parseShopifyOrder } from '../shopify/validate';
import { mapAddress } from './address';
import { Amounts } from './amounts';
import { dutyLineInputs, shippingLineInputs, tipLineInput } from './chargeLines';
import { bookedQuantity, reduceLine, refundedQuantities } from './edits';
import { mapOrderCustomer, unique } from './customer';
import { finalizeLine, type LineInput, type PricingContext } from './line';
import { impreciseIdWarnings, productLineInput } from './productLines';
import { defaultSettings, resolveSettings } from './settings';
import { clean, fit, TEXT_LIMITS } from './text';
import { allocateLegacyDiscount, computeTotals } from './totals';
import type { DocumentLine, MappingSettings, OrderDocument, OrderReferences } from './types';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `run`, returning its value or what it threw (so the caller throws outside a catch block). */
function attempt<T>(run: () => T): Outcome<T> {
	try {
		return { ok: true, value: run() };
	} catch (error) {
		return { ok: false, error };
	}
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isCalendarDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return month !== 2 || day <= 28 || leap;
}

/** The calendar date at the start of an ISO timestamp, i.e. in the timestamp's own UTC offset. */
function orderDate(
	order: ShopifyOrder,
	label: string,
	warnings: string[],
): { date: string; at: string } {
	const field = order.processed_at ? 'processed_at' : order.created_at ? 'created_at' : null;
	if (!field)
		throw new ShopifyValidationError('Order', label, [
			{ path: 'processed_at', message: 'is missing' },
		]);
	const at = (order[field] as string).trim();
	const match = DATE.exec(at);
	if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
		throw new ShopifyValidationError('Order', label, [{ path: field, message: 'is not a date' }]);
	}
	if (field === 'created_at')
		warnings.push('processed_at is absent; the order date is taken from created_at');
	return { date: `${match[1]}-${match[2]}-${match[3]}`, at };
}

function references(
	order: ShopifyOrder,
	id: string,
	label: string,
	prefix: string,
	warnings: string[],
): OrderReferences {
	const orderName = clean(order.name) ?? label;
	const yourRef = fit(`${prefix}${orderName}`, TEXT_LIMITS.yourRef, TEXT_LIMITS.yourRef);
	if (yourRef.truncated) {
		warnings.push(
			`Order name is longer than ${TEXT_LIMITS.yourRef} characters; YourRef cut to "${yourRef.text}"`,
		);
	}
	return {
		yourRef: yourRef.text,
		orderName,
		orderNumber: order.order_number ?? order.number,
		shopifyOrderId: id,
		adminGraphqlId: clean(order.admin_graphql_api_id),
		description: fit(
			`Shopify order ${prefix}${orderName}`,
			TEXT_LIMITS.description,
			TEXT_LIMITS.description,
		).text,
		poNumber: clean(order.po_number),
	};
}

function idWarnings(raw: Record<string, unknown>, order: ShopifyOrder): string[] {
	const warnings: string[] = [];
	if (isImpreciseNumber(raw.id) && !order.admin_graphql_api_id) {
		warnings.push(
			'Shopify sent the order ID as a number too long to read exactly, so the Shopify order ID kept in Exact may be off in its last digits; the order is still recognised by its name',
		);
	}
	return warnings;
}

function roundingInput(differenceCents: number, settings: MappingSettings): LineInput {
	return {
		kind: 'rounding',
		path: 'total_price',
		itemCode: settings.roundingItemCode,
		itemCodeSource: 'setting',
		sku: null,
		shopifyLineId: null,
		shopifyProductId: null,
		shopifyVariantId: null,
		description: 'Rounding difference',
		quantity: 1,
		unitCents: differenceCents,
		discountCents: 0,
		taxes: [],
		taxable: false,
		requiresShipping: false,
		giftCard: false,
	};
}

/** finalizeLine, turning an amount beyond 2^53 into a validation error on that line. */
function price(
	input: LineInput,
	lineNumber: number,
	context: PricingContext,
	amounts: Amounts,
): DocumentLine {
	const outcome = attempt(() => finalizeLine(input, lineNumber, context));
	if (outcome.ok) {
		// A booked line worth less than nothing is not an order Exact should get (its total would
		// go negative); Shopify never allocates more discount than the line is worth.
		if (lineNumber > 0 && input.discountCents > input.unitCents * input.quantity) {
			throw amounts.invalid(
				`${input.path}.discount_allocations`,
				'add up to more than the line amount',
			);
		}
		return outcome.value;
	}
	if (outcome.error instanceof MoneyError)
		throw amounts.error(`${input.path}.quantity`, outcome.error);
	throw outcome.error;
}

/** Splits line inputs into those booked and those the settings leave out. */
function chooseLines(
	inputs: LineInput[],
	settings: MappingSettings,
): { booked: LineInput[]; skipped: LineInput[] } {
	const booked: LineInput[] = [];
	const skipped: LineInput[] = [];
	for (const input of inputs) {
		const skip =
			(input.kind === 'giftCard' && settings.giftCardLines === 'skip') ||
			(input.kind === 'tip' && settings.tips === 'skip') ||
			(input.kind === 'duty' && settings.duties === 'skip');
		(skip ? skipped : booked).push(input);
	}
	return { booked, skipped };
}

function presentmentTotal(order: ShopifyOrder, label: string): number | null {
	const money = order.total_price_set?.presentment_money;
	if (!money?.amount) return null;
	const currency = money.currency_code ?? order.presentment_currency ?? order.currency;
	const outcome = attempt(() => parseMoney(money.amount, currencyExponent(currency)));
	if (outcome.ok) return outcome.value;
	const path = 'total_price_set.presentment_money.amount';
	throw new ShopifyValidationError('Order', label, [
		{ path, message: `is not an amount in ${currency}` },
	]);
}

/**
 * Validates a Shopify order (webhook or REST shape, or `{ order }`) and maps it. Throws
 * ShopifyValidationError naming the order and the field when the payload cannot be booked.
 */
export function mapShopifyOrder(input: unknown, partial?: Partial<MappingSettings>): OrderDocument {
	const settings = partial === undefined ? defaultSettings() : resolveSettings(partial);
	const parsed = parseShopifyOrder(input);
	const outcome = attempt(() => mapValidOrder(parsed.value, parsed.raw, parsed.label, settings));
	if (outcome.ok) return outcome.value;
	if (!(outcome.error instanceof MoneyError)) throw outcome.error;
	// Each amount fits, but their sum does not: name the order, not a JavaScript limit.
	const issue = {
		path: 'line_items',
		message: 'add up to an amount out of range (beyond 2^53 cents)',
	};
	throw new ShopifyValidationError('Order', parsed.label, [issue]);
}

function mapValidOrder(
	order: ShopifyOrder,
	raw: Record<string, unknown>,
	label: string,
	settings: MappingSettings,
): OrderDocument {
	const warnings = idWarnings(raw, order);
	const shopifyOrderId = resolveId(order.id, order.admin_graphql_api_id);
	if (!shopifyOrderId)
		throw new ShopifyValidationError('Order', label, [{ path: 'id', message: 'is missing' }]);
	const { date, at } = orderDate(order, label, warnings);
	const amounts = new Amounts(order.currency, 'Order', label);
	const invoiceAddress = mapAddress(order.billing_address, 'billing_address', warnings);
	const deliveryAddress = mapAddress(order.shipping_address, 'shipping_address', warnings);
	const customer = mapOrderCustomer(order, invoiceAddress, deliveryAddress, settings);

	const refunded = refundedQuantities(order);
	const edited: Array<{ original: LineInput; booked: LineInput }> = [];
	const inputs = order.line_items.map((item, i) => {
		const input = productLineInput(item, i, amounts, settings);
		const booked = bookedQuantity(item, refunded);
		if (booked >= input.quantity) return input;
		const reduced = reduceLine(input, booked);
		edited.push({ original: input, booked: reduced });
		warnings.push(
			`${input.path} "${input.description}": ${input.quantity - booked} of ${input.quantity} removed by an order edit; ${booked} booked`,
		);
		return reduced;
	});
	warnings.push(
		...impreciseIdWarnings(
			raw,
			inputs.map((input) => input.itemCodeSource),
		),
	);
	inputs.push(...shippingLineInputs(order, amounts, settings, warnings));
	allocateLegacyDiscount(order, inputs, amounts, warnings);
	const tip = tipLineInput(order, amounts, settings);
	if (tip) inputs.push(tip);
	inputs.push(...dutyLineInputs(order, amounts, settings));

	const pricesIncludeTax = order.taxes_included === true;
	const context: PricingContext = {
		pricesIncludeTax,
		pricesPosted: settings.pricesPosted,
		unitDivisor: 10 ** amounts.exponent,
		warnings,
	};
	const { booked, skipped } = chooseLines(inputs, settings);
	const lines: DocumentLine[] = booked.map((line, i) => price(line, i + 1, context, amounts));
	const left = skipped.map((line) => price(line, 0, { ...context, warnings: [] }, amounts));
	for (const line of left) {
		warnings.push(
			`${line.kind} line "${line.description}" (${amounts.format(line.netAmountInclCents)}) left out by the settings`,
		);
	}
	// Shopify's totals are those of the order as placed: take out what edits removed.
	const quiet = { ...context, warnings: [] };
	const removed = edited.map(({ original, booked }) => {
		const before = price(original, 0, quiet, amounts);
		const after = price(booked, 0, quiet, amounts);
		return {
			total: before.netAmountInclCents - after.netAmountInclCents,
			tax: before.taxAmountCents - after.taxAmountCents,
		};
	});
	const shopifyTax = amounts.pick(order.total_tax_set, order.total_tax, 'total_tax');
	const figures = {
		totalCents:
			(amounts.pick(order.total_price_set, order.total_price, 'total_price') as number) -
			sumCents(removed.map((r) => r.total)),
		taxCents: shopifyTax === null ? null : shopifyTax - sumCents(removed.map((r) => r.tax)),
		discountCents: amounts.pick(
			order.total_discounts_set,
			order.total_discounts,
			'total_discounts',
		),
		presentmentTotalCents: presentmentTotal(order, label),
		skippedCents: sumCents(left.map((line) => line.netAmountInclCents)),
	};
	let totals = computeTotals(lines, figures);
	const difference = totals.differenceCents;
	if (
		difference !== 0 &&
		settings.addRoundingLine &&
		Math.abs(difference) <= settings.roundingLineMaxCents
	) {
		lines.push(finalizeLine(roundingInput(difference, settings), lines.length + 1, context));
		totals = computeTotals(lines, figures);
		warnings.push(
			`A rounding line of ${amounts.format(difference)} makes the document match Shopify's total_price`,
		);
	} else if (difference !== 0) {
		warnings.push(
			`Totals differ from Shopify by ${amounts.format(difference)} ${order.currency} (${difference} cents): ` +
				`Shopify total_price ${amounts.format(figures.totalCents)}, document ${amounts.format(totals.totalCents + figures.skippedCents)}`,
		);
	}
	const taxOnLines = totals.taxCents + sumCents(left.map((line) => line.taxAmountCents));
	if (figures.taxCents !== null && taxOnLines !== figures.taxCents) {
		warnings.push(
			`Tax on the lines (${amounts.format(taxOnLines)}) differs from Shopify's total_tax (${amounts.format(figures.taxCents)})`,
		);
	}

	const test = order.test === true;
	const gateways = unique([...order.payment_gateway_names, order.gateway]);
	return {
		source: 'shopify',
		references: references(order, shopifyOrderId, label, settings.orderReferencePrefix, warnings),
		orderDate: date,
		processedAt: at,
		customer,
		invoiceAddress,
		deliveryAddress,
		lines,
		currency: order.currency,
		presentmentCurrency: order.presentment_currency ?? order.currency,
		pricesIncludeTax,
		pricesPosted: settings.pricesPosted,
		totals,
		paymentGateway: gateways[0] ?? null,
		paymentGateways: gateways,
		financialStatus: clean(order.financial_status),
		fulfillmentStatus: clean(order.fulfillment_status),
		sourceName: clean(order.source_name),
		test,
		cancelled: Boolean(clean(order.cancelled_at)),
		cancelReason: clean(order.cancel_reason),
		tags: unique((order.tags ?? '').split(',')),
		note: clean(order.note),
		warnings,
		skip:
			test && settings.skipTestOrders
				? { reason: 'test order (the settings skip test orders)' }
				: null,
		exact: {},
	};
}
