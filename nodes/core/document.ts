/**
 * What the Exact nodes add to the order document as it passes through the workflow. The mapping
 * (`mapShopifyOrder`) produces the document; each node adds its own part, so a merchant can open any
 * node's output and see what it decided:
 *
 *   VAT Resolver  → line.vat on every line, exact.division, exact.vatNumberCheck
 *   Account       → exact.account
 *   Item          → line.itemId on every line
 *   Sales Order   → exact.salesOrder (and exact.goodsDelivery when delivering automatically)
 */
import type { DocumentLine, OrderDocument } from './mapping/types';

export type VatTreatment = 'domestic' | 'oss' | 'icp' | 'export' | 'exempt' | 'outOfScope';

export interface LineVat {
	/** Exact VAT code to put on the sales order line. */
	code: string;
	treatment: VatTreatment;
	/** Country whose rate applies (ISO2; 'XI' for Northern Ireland). */
	country: string;
	/** Fraction, e.g. 0.21. */
	rate: number;
	/** Why: the rule that decided, in words. */
	reason: string;
	/** 'mapping' when the merchant's table chose the code, 'auto' when matched on the division's codes. */
	source: 'mapping' | 'auto';
}

export interface EnrichedLine extends DocumentLine {
	vat?: LineVat;
	/** Exact Item ID (GUID). */
	itemId?: string;
}

export interface VatNumberCheck {
	vatNumber: string;
	/** true/false from VIES or the format check; null when it could not be checked. */
	valid: boolean | null;
	source: 'vies' | 'format' | 'unavailable';
	checkedAt: string;
	name?: string | null;
}

export interface ExactAccountRef {
	id: string;
	code: string;
	contactId: string | null;
	deliveryAddressId: string | null;
	action: 'found' | 'created' | 'updated';
	/** Which natural key found it: vatNumber, email, shopifyCustomerId, guest. */
	matchedBy: string | null;
	/** Why it was found rather than created, e.g. 'duplicate removed' (After Create Check). */
	reason?: string;
}

export interface ExactSalesOrderRef {
	id: string;
	number: number;
	action: 'created' | 'skipped';
	reason?: string;
	/** Exact's totals compared with Shopify's: difference in cents (Exact − document). */
	totalDifferenceCents?: number;
}

export interface ExactState {
	division?: number;
	vatNumberCheck?: VatNumberCheck | null;
	account?: ExactAccountRef;
	salesOrder?: ExactSalesOrderRef;
	goodsDelivery?: { id: string; number: number | null } | null;
	[key: string]: unknown;
}

export interface EnrichedOrderDocument extends Omit<OrderDocument, 'lines' | 'exact'> {
	lines: EnrichedLine[];
	exact: ExactState;
}

/** True when the value looks like an order document (used by nodes to validate their input). */
export function isOrderDocument(value: unknown): value is EnrichedOrderDocument {
	if (typeof value !== 'object' || value === null) return false;
	const doc = value as Partial<OrderDocument>;
	return (
		doc.source === 'shopify' &&
		typeof doc.references === 'object' &&
		doc.references !== null &&
		Array.isArray(doc.lines) &&
		typeof doc.customer === 'object'
	);
}
