/**
 * Which Exact sales order lines a Shopify fulfilment delivers, and the goods delivery's POST body.
 *
 * A fulfilled line is matched to the order's lines with the same item code (the import posts one
 * order line per Shopify line, on the item of its code). Its quantity is spread over those lines
 * in line order, never beyond what is still open (Quantity − QuantityDelivered), so goods already
 * delivered (by an earlier fulfilment or by Deliver Immediately) are never delivered twice. What
 * cannot be placed is reported, not delivered. Lines Shopify never fulfils (the shipping item) go
 * with the first delivery, so invoicing by delivered quantity invoices the shipping once. Pure.
 */
import type { FulfillmentDocument } from '../mapping/fulfillment';
import type { ExactBody } from './accountDraft';

export interface ExactOrderLineForDelivery {
	ID: string;
	LineNumber?: number | null;
	ItemCode?: string | null;
	Quantity?: number | null;
	QuantityDelivered?: number | null;
}

export interface PlannedDeliveryLine {
	SalesOrderLineID: string;
	QuantityDelivered: number;
	itemCode: string;
	lineNumber: number | null;
}

export interface DeliveryShortfall {
	itemCode: string | null;
	description: string;
	/** Fulfilled in Shopify but not open in Exact (already delivered, or no such line). */
	quantity: number;
	reason: 'alreadyDelivered' | 'notOnOrder' | 'noItemCode';
}

export interface DeliveryPlan {
	lines: PlannedDeliveryLine[];
	shortfalls: DeliveryShortfall[];
}

const EPS = 1e-9;
const norm = (code: string | null | undefined) =>
	String(code ?? '')
		.trim()
		.toLowerCase();

export function planFulfillmentDelivery(
	doc: Pick<FulfillmentDocument, 'lines'>,
	orderLines: ExactOrderLineForDelivery[],
	/** Item codes of lines Shopify does not fulfil (shipping): delivered in full with the first parcel. */
	withFirstDelivery: string[] = [],
): DeliveryPlan {
	const sorted = [...orderLines].sort(
		(a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0),
	);
	const open = new Map(
		sorted.map((l) => [
			l.ID,
			Math.max(0, Number(l.Quantity ?? 0) - Number(l.QuantityDelivered ?? 0)),
		]),
	);
	const planned = new Map<string, PlannedDeliveryLine>();
	const shortfalls: DeliveryShortfall[] = [];
	for (const line of doc.lines) {
		if (!line.itemCode) {
			shortfalls.push({
				itemCode: null,
				description: line.description,
				quantity: line.quantity,
				reason: 'noItemCode',
			});
			continue;
		}
		const candidates = sorted.filter(
			(l) => norm(l.ItemCode) === norm(line.itemCode) && Number(l.Quantity ?? 0) > 0,
		);
		if (candidates.length === 0) {
			shortfalls.push({
				itemCode: line.itemCode,
				description: line.description,
				quantity: line.quantity,
				reason: 'notOnOrder',
			});
			continue;
		}
		let left = line.quantity;
		for (const candidate of candidates) {
			const free = open.get(candidate.ID) ?? 0;
			const take = Math.min(free, left);
			if (take <= EPS) continue;
			open.set(candidate.ID, free - take);
			left -= take;
			const known = planned.get(candidate.ID);
			if (known) known.QuantityDelivered += take;
			else
				planned.set(candidate.ID, {
					SalesOrderLineID: candidate.ID,
					QuantityDelivered: take,
					itemCode: line.itemCode,
					lineNumber: candidate.LineNumber ?? null,
				});
			if (left <= EPS) break;
		}
		if (left > EPS)
			shortfalls.push({
				itemCode: line.itemCode,
				description: line.description,
				quantity: left,
				reason: 'alreadyDelivered',
			});
	}
	if (planned.size > 0) {
		const extra = new Set(withFirstDelivery.map(norm).filter(Boolean));
		for (const line of sorted) {
			const free = open.get(line.ID) ?? 0;
			if (!extra.has(norm(line.ItemCode)) || free <= EPS || planned.has(line.ID)) continue;
			planned.set(line.ID, {
				SalesOrderLineID: line.ID,
				QuantityDelivered: free,
				itemCode: String(line.ItemCode ?? '').trim(),
				lineNumber: line.LineNumber ?? null,
			});
		}
	}
	return { lines: [...planned.values()], shortfalls };
}

/** POST body of salesorder/GoodsDeliveries for a planned fulfilment delivery. */
export function fulfillmentDeliveryBody(
	doc: Pick<
		FulfillmentDocument,
		'deliveryDate' | 'description' | 'trackingNumber' | 'trackingCompany' | 'trackingUrl'
	>,
	plan: DeliveryPlan,
	shippingMethod?: string | null,
): ExactBody {
	const body: ExactBody = {
		DeliveryDate: doc.deliveryDate,
		Description: doc.description,
		GoodsDeliveryLines: plan.lines.map((l) => {
			const line: ExactBody = {
				SalesOrderLineID: l.SalesOrderLineID,
				QuantityDelivered: l.QuantityDelivered,
			};
			if (doc.trackingNumber) line.TrackingNumber = doc.trackingNumber;
			return line;
		}),
	};
	if (doc.trackingNumber) body.TrackingNumber = doc.trackingNumber;
	const remarks = [doc.trackingCompany, doc.trackingUrl].filter(Boolean).join(' ');
	if (remarks) body.Remarks = remarks;
	if (shippingMethod) body.ShippingMethod = shippingMethod;
	return body;
}

/** The sentence a merchant reads for what could not be delivered. */
export function describeShortfall(s: DeliveryShortfall, orderName: string): string {
	const what = `${s.quantity} × ${s.itemCode ?? s.description}`;
	switch (s.reason) {
		case 'alreadyDelivered':
			return `${what} of ${orderName} is delivered in Exact already (earlier fulfilment or Deliver Immediately); not delivered again`;
		case 'notOnOrder':
			return `${what} is not on Exact sales order ${orderName}; deliver it in Exact by hand or import the edit first`;
		default:
			return `${what} has no SKU or id to find its item; deliver it in Exact by hand`;
	}
}
