/**
 * The order (or refund) a failed item is about, and the error text that starts with it.
 *
 * A failure that stops an execution is recorded by the error workflow, which reads the order from
 * the start of the message: `Order #1042: …`, or `Refund 123 of Shopify order #1042: …`. Every
 * error a node throws for an item that carries an order therefore starts that way.
 */
type Json = Record<string, unknown>;

export interface FailureReference {
	/** The Shopify order name, e.g. #1042. */
	order: string;
	/** The Shopify refund id, when the item is a refund. */
	refund?: string;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim()) return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/**
 * The order of an input item: an order or refund document (the mapping node's output and every
 * node's output built on it), a Shopify order, or a Shopify fulfilment (named after its order,
 * `#1042.1`). Null when the item carries none.
 */
export function failureReference(json: Json): FailureReference | null {
	const references = json.references;
	if (json.source === 'shopify' && references && typeof references === 'object') {
		const order = text((references as Json).orderName);
		if (!order) return null;
		const refund = json.type === 'refund' ? text((references as Json).refundId) : undefined;
		return refund ? { order, refund } : { order };
	}
	const name = text(json.name);
	if (!name) return null;
	if (json.order_id !== undefined) {
		// A fulfilment: Shopify names it after its order with a sequence number.
		const order = /^(.+)\.\d+$/.exec(name)?.[1];
		return order ? { order } : null;
	}
	if (Array.isArray(json.line_items) || json.order_number !== undefined) return { order: name };
	return null;
}

function escape(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The message starting with the reference. A message that already names the same order or refund
 * first keeps its words (`Order #1042, line 2: …` → `Order #1042: line 2: …`).
 */
export function referencedMessage(message: string, reference: FailureReference): string {
	const order = escape(reference.order);
	if (reference.refund !== undefined) {
		const prefix = `Refund ${reference.refund} of Shopify order ${reference.order}: `;
		if (message.startsWith(prefix)) return message;
		const refund = escape(reference.refund);
		const own = new RegExp(`^Refund ${refund} of (?:Shopify )?order ${order}(: |, | )`).exec(message);
		if (own) {
			const rest = message.slice(own[0].length);
			return prefix + (own[1] === ' ' ? `the refund ${rest}` : rest);
		}
		return prefix + message;
	}
	const prefix = `Order ${reference.order}: `;
	if (message.startsWith(prefix)) return message;
	const own = new RegExp(`^Order ${order}(, | )`).exec(message);
	if (own) {
		const rest = message.slice(own[0].length);
		return prefix + (own[1] === ' ' ? `the order ${rest}` : rest);
	}
	return prefix + message;
}
