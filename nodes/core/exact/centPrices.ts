/**
 * Prices Exact can store. Exact keeps a line's price to a fixed number of decimals (2 unless the
 * division is set otherwise) and computes the line amount as price × quantity, so 3 × €10.00 posted
 * as one line at 3.3333… lands as €9.99 or €10.01. A line whose amount does not divide by its
 * quantity is therefore split into parts whose prices are whole cents: `r` units at one cent more
 * and the rest at the lower price, which adds up to exactly the line amount with the quantity
 * intact (stock follows the quantity, not the number of lines). Pure.
 */
import { multiplyQuantity, sumCents, taxOnNet, taxInGross } from '../money';

export interface PricePart {
	quantity: number;
	/** Price per unit in minor units (cents). */
	unitCents: number;
}

/**
 * Whole-cent unit prices for a line amount over a whole quantity: one part when the amount divides
 * evenly, else two (quantities add up to `quantity`, amounts to `amountCents`). A zero or
 * fractional quantity keeps one part at the rounded price (Shopify's quantities are whole).
 */
export function centPriceParts(amountCents: number, quantity: number): PricePart[] {
	if (quantity === 0) return [{ quantity, unitCents: 0 }];
	if (!Number.isInteger(quantity) || !Number.isInteger(amountCents)) {
		return [{ quantity, unitCents: Math.round(amountCents / quantity) }];
	}
	const sign = Math.sign(quantity);
	const units = Math.abs(quantity);
	const low = Math.floor(amountCents / units);
	const extra = amountCents - low * units; // 0 ≤ extra < units
	if (extra === 0) return [{ quantity, unitCents: low }];
	return [
		{ quantity: sign * extra, unitCents: low + 1 },
		{ quantity: sign * (units - extra), unitCents: low },
	];
}

/** Amount of the parts (Σ quantity × price), for checks. */
export function partsAmountCents(parts: PricePart[]): number {
	return sumCents(parts.map((p) => multiplyQuantity(p.unitCents, p.quantity)));
}

export type VatType = 'I' | 'E' | 'none';

export interface PostedLine {
	amountCents: number;
	/** VAT rate as a fraction (0.21); null or 0 = none. */
	rate: number | null;
	/** I: the amount includes VAT; E: VAT comes on top; none: no VAT. */
	vatType: VatType;
}

/**
 * What Exact will total a posted order at, VAT included: per line, an E code adds VAT rounded to
 * cents on the line's amount; an I code's amount already holds it. Compare with Shopify's total
 * before posting, so a difference is decided on, not discovered afterwards.
 */
export function exactTotalCents(lines: PostedLine[]): number {
	return sumCents(
		lines.map((line) => {
			if (line.vatType !== 'E' || !line.rate) return line.amountCents;
			return line.amountCents + taxOnNet(line.amountCents, Math.round(line.rate * 1e6));
		}),
	);
}

/** Exact's VAT in a posted line (for the output's figures). */
export function exactLineVatCents(line: PostedLine): number {
	if (!line.rate || line.vatType === 'none') return 0;
	const micro = Math.round(line.rate * 1e6);
	return line.vatType === 'E'
		? taxOnNet(line.amountCents, micro)
		: taxInGross(line.amountCents, micro);
}
