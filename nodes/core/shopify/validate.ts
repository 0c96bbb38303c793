/** Validation entry points: raw payload in, typed payload out, or a ShopifyValidationError. */
import { customerSpec, type ShopifyCustomer } from './customer.schema';
import { ShopifyValidationError, toIssues, type ShopifyEntity } from './errors';
import { idText } from './ids';
import { orderSpec, type ShopifyOrder } from './order.schema';
import { productSpec, type ShopifyProduct } from './product.schema';
import { refundSpec, type ShopifyRefund } from './refund.schema';
import { INVALID, type Spec } from './spec';

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts a REST response wrapper (`{ "order": {…} }`) as well as the bare resource. */
export function unwrap(raw: unknown, key: string, marker: string): unknown {
	if (isRecord(raw) && !(marker in raw) && isRecord(raw[key])) return raw[key];
	return raw;
}

function shortText(value: unknown): string | null {
	if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 40);
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** How an order is named in messages: its name ("#1042"), else "#order_number", else its id. */
export function orderLabel(raw: unknown): string {
	if (!isRecord(raw)) return '(not an object)';
	const name = shortText(raw.name);
	if (name) return name;
	const number = shortText(raw.order_number);
	if (number) return `#${number}`;
	return labelFromId(raw);
}

function labelFromId(raw: unknown): string {
	if (!isRecord(raw)) return '(not an object)';
	const id = idText(raw.admin_graphql_api_id) ?? idText(raw.id);
	return id ? id : '(without id)';
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	return Array.isArray(value) ? 'a list' : typeof value;
}

function validate<T>(spec: Spec<T>, raw: unknown, entity: ShopifyEntity, label: string): T {
	if (!isRecord(raw)) {
		throw new ShopifyValidationError(entity, label, [
			{ path: '', message: `must be a JSON object (got ${kindOf(raw)})` },
		]);
	}
	const value = spec.read(raw);
	if (value !== INVALID) return value;
	// The fast reader only knows that something is wrong; zod says what and where.
	const result = spec.zod.safeParse(raw);
	const issues = result.success
		? [{ path: '', message: 'does not fit the expected shape' }]
		: toIssues(result.error);
	throw new ShopifyValidationError(entity, label, issues);
}

export interface Validated<T> {
	value: T;
	/** The payload as received (after unwrapping), for checks the schema cannot express. */
	raw: Record<string, unknown>;
	label: string;
}

export function parseShopifyOrder(input: unknown): Validated<ShopifyOrder> {
	const raw = unwrap(input, 'order', 'line_items');
	const label = orderLabel(raw);
	const value = validate(orderSpec, raw, 'Order', label);
	return { value, raw: raw as Record<string, unknown>, label };
}

export function parseShopifyCustomer(input: unknown): Validated<ShopifyCustomer> {
	const raw = unwrap(input, 'customer', 'email');
	const label = labelFromId(raw);
	const value = validate(customerSpec, raw, 'Customer', label);
	return { value, raw: raw as Record<string, unknown>, label };
}

export function parseShopifyProduct(input: unknown): Validated<ShopifyProduct> {
	const raw = unwrap(input, 'product', 'variants');
	const label = labelFromId(raw);
	const value = validate(productSpec, raw, 'Product', label);
	return { value, raw: raw as Record<string, unknown>, label };
}

/** How a refund is named in messages: "890088186047892319 of order #1001" (the order when known). */
export function refundLabel(raw: unknown, orderName?: string | null): string {
	const id = labelFromId(raw);
	return orderName ? `${id} of order ${orderName}` : id;
}

/** A refund (as the refunds/create webhook delivers it, or `{ refund }`); errors name the refund. */
export function parseShopifyRefund(
	input: unknown,
	orderName?: string | null,
): Validated<ShopifyRefund> {
	const raw = unwrap(input, 'refund', 'refund_line_items');
	const label = refundLabel(raw, orderName);
	const value = validate(refundSpec, raw, 'Refund', label);
	return { value, raw: raw as Record<string, unknown>, label };
}
