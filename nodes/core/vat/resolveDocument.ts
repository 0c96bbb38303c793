/**
 * The VAT Resolver's decisions for one order document (pure): every line classified, shipping
 * following the goods (split per VAT portion), and the Exact VAT code of every line from the
 * division's codes and the merchant's mapping. The node only loads the codes and checks VIES.
 */
import type { EnrichedLine, EnrichedOrderDocument, LineVat } from '../document';
import type { DocumentLine } from '../mapping/types';
import { currencyExponent } from '../money';
import { classifyVat } from './classify';
import { splitShippingLine, type ShippingPart } from './resolveShipping';
import { isVatCodeError, selectVatCode } from './selectCode';
import { classifyShipping, type ClassifiedGoods, type ShippingMode } from './shipping';
import type {
	ExactVatCode,
	ShipTo,
	VatCodeMapping,
	VatDecision,
	VatInput,
	VatSettings,
} from './types';

/** Everything the resolver needs besides the document. */
export interface ResolveVatOptions {
	sellerCountry: string;
	sellerUsesOss: boolean;
	shippingMode: ShippingMode;
	settings?: VatSettings;
	vatCodes: readonly ExactVatCode[];
	mapping: readonly VatCodeMapping[];
	/** Validity of the customer's VAT number (VIES or format); null = unknown or not checked. */
	vatNumberValid: boolean | null;
}

export interface ResolvedVat {
	/** The document's lines with `vat` on each, shipping split per portion, renumbered 1..n. */
	lines: EnrichedLine[];
	/** For the document's warnings, each naming its line. */
	warnings: string[];
	/** Missing VAT codes: what to create or map, one per (treatment, country, rate). */
	errors: string[];
}

type BaseInput = Omit<VatInput, 'shopifyRate' | 'lineKind'>;

function shipTo(doc: EnrichedOrderDocument): ShipTo | null {
	const address = doc.deliveryAddress;
	if (!address?.countryCode) return null;
	return {
		countryCode: address.countryCode,
		postcode: address.postcode,
		provinceCode: address.provinceCode,
	};
}

function baseInput(doc: EnrichedOrderDocument, options: ResolveVatOptions): BaseInput {
	return {
		sellerCountry: options.sellerCountry,
		shipTo: shipTo(doc),
		billingCountry: doc.invoiceAddress?.countryCode ?? null,
		customerVatNumber: doc.customer.vatNumber,
		vatNumberValid: options.vatNumberValid,
		sellerUsesOss: options.sellerUsesOss,
		date: doc.orderDate,
		settings: options.settings,
	};
}

/**
 * Whether the customer's VAT number decides the order: goods would be an intra-community supply
 * (0 %) if the number were valid in VIES. Only then is a VIES call worth making.
 */
export function vatNumberMatters(
	doc: EnrichedOrderDocument,
	options: Pick<ResolveVatOptions, 'sellerCountry' | 'sellerUsesOss' | 'settings'>,
): boolean {
	if (!doc.customer.vatNumber) return false;
	const probe = classifyVat({
		...baseInput(doc, {
			...options,
			shippingMode: 'proRata',
			vatCodes: [],
			mapping: [],
			vatNumberValid: true,
		}),
		shopifyRate: null,
		lineKind: 'product',
	});
	return probe.treatment === 'icp';
}

class Collector {
	readonly warnings: string[] = [];
	readonly errors: string[] = [];

	warn(line: DocumentLine, texts: readonly string[]): void {
		for (const text of texts) {
			const warning = `VAT, line ${line.lineNumber} (${line.description}): ${text}`;
			if (!this.warnings.includes(warning)) this.warnings.push(warning);
		}
	}

	error(text: string): void {
		if (!this.errors.includes(text)) this.errors.push(text);
	}
}

function lineVat(
	line: DocumentLine,
	decision: VatDecision,
	options: ResolveVatOptions,
	pricesIncludeVat: boolean,
	out: Collector,
): LineVat | undefined {
	const selection = selectVatCode(decision, options.vatCodes, options.mapping, {
		pricesIncludeVat,
	});
	out.warn(line, decision.warnings);
	if (isVatCodeError(selection)) {
		out.error(selection.error);
		return undefined;
	}
	out.warn(line, selection.warnings);
	return {
		code: selection.code,
		treatment: decision.treatment,
		country: decision.country,
		rate: decision.rate,
		reason: decision.reason,
		source: selection.source,
	};
}

function sameRate(decision: VatDecision, rate: number | null): boolean {
	return Math.round(decision.rate * 1e6) === Math.round((rate ?? 0) * 1e6);
}

/** The decision already on a line of a resolved document (its shipping split is kept as it is). */
function previousDecision(vat: LineVat): VatDecision {
	const { treatment, country, rate, reason } = vat;
	return { treatment, country, rate, reason, expectedRates: [rate], warnings: [] };
}

/** The shipping line's portions, each with the decision it follows. */
function shippingPortions(
	line: DocumentLine,
	base: BaseInput,
	goods: ClassifiedGoods[],
	mode: ShippingMode,
	out: Collector,
): { decision: VatDecision; cents: number }[] {
	const input: VatInput = { ...base, shopifyRate: line.taxRate, lineKind: 'shipping' };
	// A zero-amount line cannot be split by value: it follows the highest-rate goods.
	const effectiveMode = line.netAmountInclCents === 0 && mode === 'proRata' ? 'highestRate' : mode;
	const result = classifyShipping(input, goods, line.netAmountInclCents, {
		mode: effectiveMode,
		amountsIncludeVat: true,
	});
	out.warn(line, result.warnings);
	if (result.portions.length === 0) {
		const own = classifyVat(input);
		return [{ decision: own, cents: line.netAmountInclCents }];
	}
	return result.portions;
}

interface ShippingContext {
	base: BaseInput;
	goods: ClassifiedGoods[];
	options: ResolveVatOptions;
	pricesIncludeVat: boolean;
	exponent: number;
	doc: EnrichedOrderDocument;
}

/** One shipping line → one line per VAT portion of the goods it follows, each with its code. */
function resolveShippingLine(
	line: EnrichedLine,
	context: ShippingContext,
	out: Collector,
): EnrichedLine[] {
	const { options, pricesIncludeVat } = context;
	if (line.vat) {
		// Resolved before (a re-run): the split stands, only the code is chosen again.
		const vat = lineVat(line, previousDecision(line.vat), options, pricesIncludeVat, out);
		return [vat ? { ...line, vat } : { ...line }];
	}
	const portions = shippingPortions(line, context.base, context.goods, options.shippingMode, out);
	const unchanged = portions.length === 1 && sameRate(portions[0].decision, line.taxRate);
	let split: DocumentLine[] = [line];
	if (!unchanged && line.quantity === 1) {
		const parts: ShippingPart[] = portions.map(({ decision, cents }) => ({
			key: decision,
			grossCents: cents,
		}));
		split = splitShippingLine(line, parts, context.doc.pricesPosted, context.exponent);
	} else if (!unchanged) {
		out.warn(line, [
			'shipping line with a quantity other than 1 is not split; it follows the first portion',
		]);
	}
	return split.map((part, index) => {
		const vat = lineVat(line, portions[index].decision, options, pricesIncludeVat, out);
		return vat ? { ...part, vat } : { ...part };
	});
}

/** Classifies every line, splits shipping over the goods and picks each line's Exact VAT code. */
export function resolveDocumentVat(
	doc: EnrichedOrderDocument,
	options: ResolveVatOptions,
): ResolvedVat {
	const out = new Collector();
	const base = baseInput(doc, options);
	const pricesIncludeVat = doc.pricesPosted === 'incl';
	const exponent = currencyExponent(doc.currency);
	const decisions = new Map<DocumentLine, VatDecision>();
	const goods: ClassifiedGoods[] = [];
	for (const line of doc.lines) {
		if (line.kind === 'shipping') continue;
		const decision = classifyVat({ ...base, shopifyRate: line.taxRate, lineKind: line.kind });
		decisions.set(line, decision);
		if (line.kind === 'product' || line.kind === 'giftCard') {
			goods.push({ decision, netCents: line.netAmountExclCents });
		}
	}
	const lines: EnrichedLine[] = [];
	for (const line of doc.lines) {
		const own = decisions.get(line);
		if (own) {
			const vat = lineVat(line, own, options, pricesIncludeVat, out);
			lines.push(vat ? { ...line, vat } : { ...line });
			continue;
		}
		lines.push(
			...resolveShippingLine(line, { base, goods, options, pricesIncludeVat, exponent, doc }, out),
		);
	}
	lines.forEach((line, index) => (line.lineNumber = index + 1));
	return { lines, warnings: out.warnings, errors: out.errors };
}

/**
 * The document with the resolved lines and warnings. Totals that depend on the VAT split (shipping
 * excl. VAT, tax, posted discounts) are recomputed from the lines; the gross totals do not change.
 */
export function applyResolvedVat(
	doc: EnrichedOrderDocument,
	resolved: ResolvedVat,
): EnrichedOrderDocument {
	const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
	const shipping = resolved.lines.filter((line) => line.kind === 'shipping');
	return {
		...doc,
		lines: resolved.lines,
		totals: {
			...doc.totals,
			shippingExclCents: sum(shipping.map((line) => line.netAmountExclCents)),
			taxCents: sum(resolved.lines.map((line) => line.taxAmountCents)),
			discountCents: sum(resolved.lines.map((line) => line.discountCents)),
		},
		warnings: [...doc.warnings, ...resolved.warnings.filter((w) => !doc.warnings.includes(w))],
	};
}
