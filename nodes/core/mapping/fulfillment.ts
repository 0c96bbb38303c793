/**
 * mapShopifyFulfillment: a Shopify fulfilment (the fulfillments/create webhook body, as n8n's
 * Shopify Trigger emits it) → the fulfilment document the Sales Order node delivers in Exact.
 *
 * - Only fulfilments with status `success` are goods that left; pending, open, cancelled, error and
 *   failure fulfilments are marked `skip` with the reason.
 * - The order is named by the fulfilment's `name` ("#1001.2" is the second fulfilment of #1001),
 *   unless the caller passes the order's reference (e.g. with a shop prefix).
 * - Each fulfilled line keeps its Shopify line id, its item code (the same chain as the order
 *   mapping: sku → variant id → product id) and the quantity of this fulfilment.
 * - The delivery's natural key is its Description, "Shopify fulfilment <id> of <order>".
 * Pure.
 */
import { idText, isImpreciseNumber } from '../shopify/ids';
import { chooseItemCode } from './itemCode';
import { clean, fit, TEXT_LIMITS } from './text';
import type { ItemCodeSource, MappingSettings } from './types';

export class FulfillmentError extends Error {
	constructor(
		readonly label: string,
		readonly path: string,
		problem: string,
	) {
		super(`Fulfilment ${label}: ${path} ${problem}`);
		this.name = 'FulfillmentError';
	}
}

export interface FulfillmentLine {
	shopifyLineId: string | null;
	itemCode: string | null;
	itemCodeSource: ItemCodeSource | null;
	sku: string | null;
	description: string;
	/** Quantity shipped in this fulfilment (positive). */
	quantity: number;
}

export interface FulfillmentDocument {
	source: 'shopify';
	type: 'fulfillment';
	fulfillmentId: string;
	shopifyOrderId: string | null;
	/**
	 * True when order_id arrived as a JSON number beyond 2^53, so its last digits may be wrong
	 * (n8n parses webhook bodies with JSON.parse): find the order by its name instead.
	 */
	shopifyOrderIdImprecise: boolean;
	/** The Shopify order's name (#1001), from the fulfilment name or given. */
	orderName: string;
	/** YourRef of the imported sales order: the prefix and the order name. */
	yourRef: string;
	/** "Shopify fulfilment <id> of <order>": the goods delivery's Description and natural key. */
	description: string;
	status: string;
	/** Why this fulfilment moves no goods (not `success`), else null. */
	skip: { reason: string } | null;
	locationId: string | null;
	trackingNumber: string | null;
	trackingNumbers: string[];
	trackingCompany: string | null;
	trackingUrl: string | null;
	/** YYYY-MM-DD of created_at, in the timestamp's own offset. */
	deliveryDate: string;
	lines: FulfillmentLine[];
	warnings: string[];
}

export interface FulfillmentMappingOptions {
	/** The Shopify order's name; empty: the fulfilment name without ".N". */
	orderReference?: string | null;
	/** Text before the order name in YourRef, as Map Shopify Order's Order Reference Prefix (NL-#1001). */
	orderReferencePrefix?: string;
	itemCodeSource?: MappingSettings['itemCodeSource'];
	itemCodePrefix?: string;
}

/** "Shopify fulfilment <id> of <order name>", at most 60 characters (Exact's Description). */
export function fulfillmentDescription(fulfillmentId: string, orderName: string): string {
	return fit(
		`Shopify fulfilment ${fulfillmentId} of ${orderName}`,
		TEXT_LIMITS.description,
		TEXT_LIMITS.description,
	).text;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

type Raw = Record<string, unknown>;

function text(value: unknown): string | null {
	return typeof value === 'string'
		? clean(value)
		: typeof value === 'number'
			? String(value)
			: null;
}

function unwrap(input: unknown): Raw {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		throw new FulfillmentError('(unknown)', 'body', 'is not a fulfilment object');
	const raw = input as Raw;
	const inner = raw.fulfillment;
	return typeof inner === 'object' && inner !== null && !Array.isArray(inner)
		? (inner as Raw)
		: raw;
}

function idOf(raw: Raw): string | null {
	const gid = typeof raw.admin_graphql_api_id === 'string' ? raw.admin_graphql_api_id : null;
	const tail = gid ? /\/(\d+)(?:[?#/].*)?$/.exec(gid)?.[1] : undefined;
	return tail ?? idText(raw.id) ?? null;
}

export function mapShopifyFulfillment(
	input: unknown,
	options: FulfillmentMappingOptions = {},
): FulfillmentDocument {
	const raw = unwrap(input);
	const id = idOf(raw);
	const name = text(raw.name);
	const label = name ?? id ?? '(unnamed)';
	if (!id) throw new FulfillmentError(label, 'id', 'is missing');
	const orderName =
		clean(options.orderReference ?? '') ?? (name ? name.replace(/\.\d+$/, '') : null);
	if (!orderName)
		throw new FulfillmentError(label, 'name', 'is missing (it names the order, e.g. #1001.1)');
	const prefix = (options.orderReferencePrefix ?? '').trim();
	const yourRef = fit(`${prefix}${orderName}`, TEXT_LIMITS.yourRef, TEXT_LIMITS.yourRef).text;
	const status = (text(raw.status) ?? '').toLowerCase();
	const created = text(raw.created_at) ?? text(raw.updated_at);
	const date = created ? DATE.exec(created) : null;
	if (!date) throw new FulfillmentError(label, 'created_at', 'is missing or not a date');
	if (!Array.isArray(raw.line_items)) throw new FulfillmentError(label, 'line_items', 'is missing');
	const warnings: string[] = [];
	const settings = {
		itemCodeSource: options.itemCodeSource ?? 'sku',
		itemCodePrefix: options.itemCodePrefix ?? '',
	};
	const lines: FulfillmentLine[] = [];
	(raw.line_items as unknown[]).forEach((value, i) => {
		const line = (value ?? {}) as Raw;
		const path = `line_items[${i}]`;
		const quantity = line.quantity;
		if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity < 0)
			throw new FulfillmentError(label, `${path}.quantity`, 'is not a quantity');
		if (quantity === 0) return;
		const sku = text(line.sku);
		const code = chooseItemCode(
			{
				sku,
				variantId: idText(line.variant_id) ?? null,
				productId: idText(line.product_id) ?? null,
			},
			settings,
		);
		const description =
			text(line.name) ??
			([text(line.title), text(line.variant_title)].filter(Boolean).join(' - ') || `line ${i + 1}`);
		if (line.requires_shipping === false)
			warnings.push(`${path} (${description}) needs no shipping; delivered all the same`);
		lines.push({
			shopifyLineId: idText(line.id) ?? null,
			itemCode: code.itemCode,
			itemCodeSource: code.itemCodeSource,
			sku,
			description: fit(description, TEXT_LIMITS.description, TEXT_LIMITS.description).text,
			quantity,
		});
	});
	const trackingNumbers = Array.isArray(raw.tracking_numbers)
		? (raw.tracking_numbers as unknown[]).map(text).filter((t): t is string => !!t)
		: [];
	const trackingNumber = text(raw.tracking_number) ?? trackingNumbers[0] ?? null;
	const trackingUrls = Array.isArray(raw.tracking_urls)
		? (raw.tracking_urls as unknown[]).map(text)
		: [];
	let skip: FulfillmentDocument['skip'] = null;
	if (status !== 'success') {
		skip = { reason: `fulfilment status is ${status || 'missing'}: no goods left the warehouse` };
	} else if (lines.length === 0) {
		skip = { reason: 'the fulfilment has no lines with a quantity' };
	}
	return {
		source: 'shopify',
		type: 'fulfillment',
		fulfillmentId: id,
		shopifyOrderId: idText(raw.order_id) ?? null,
		shopifyOrderIdImprecise: isImpreciseNumber(raw.order_id),
		orderName,
		yourRef,
		description: fulfillmentDescription(id, `${prefix}${orderName}`),
		status,
		skip,
		locationId: idText(raw.location_id) ?? null,
		trackingNumber: trackingNumber ? trackingNumber.slice(0, 60) : null,
		trackingNumbers,
		trackingCompany: text(raw.tracking_company),
		trackingUrl: text(raw.tracking_url) ?? trackingUrls[0] ?? null,
		deliveryDate: `${date[1]}-${date[2]}-${date[3]}`,
		lines,
		warnings,
	};
}
