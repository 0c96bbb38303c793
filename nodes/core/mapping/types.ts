/**
 * Types of the mapping: the settings a merchant controls, the order document the nodes enrich
 * step by step, and the account and item drafts. All are plain JSON: amounts are integer minor
 * units (`…Cents`; 1/100 EUR, 1 JPY), absent values are null (never undefined).
 */

export type ItemCodeSource = 'sku' | 'variantId' | 'productId';

export type VatNumberSource =
	| 'companyLocation'
	| 'noteAttribute'
	| 'metafield'
	| 'billingCompany'
	| 'customerNote';

export type LineKind = 'product' | 'shipping' | 'giftCard' | 'tip' | 'duty' | 'rounding';

export type PriceBasis = 'excl' | 'incl';

export interface MappingSettings {
	/** Where a product line's item code starts: SKU, variant id or product id; falls back along sku → variant id → product id. */
	itemCodeSource: ItemCodeSource;
	/** Put before id-based item codes ("SHOP-" + variant id); never before a SKU. */
	itemCodePrefix: string;
	/** Item code of shipping lines. */
	shippingItemCode: string;
	/** Item code of gift card sale lines; null = same rule as products. */
	giftCardItemCode: string | null;
	tipItemCode: string;
	dutyItemCode: string;
	roundingItemCode: string;
	/** Where the customer's VAT number is looked for, first hit wins. */
	vatNumberSources: VatNumberSource[];
	/** note_attributes names holding a VAT number (compared case-insensitively). */
	vatNumberNoteAttributes: string[];
	/** Customer metafield holding a VAT number, as "namespace.key". */
	vatNumberMetafield: string;
	/** Regular expression (source text, case-insensitive) finding a VAT number in free text; group 1 = the number. */
	vatNumberPattern: string;
	/** Whether the posting fields (`unitPriceCents`, `netAmountCents`, `netPrice`) are excl. or incl. VAT. */
	pricesPosted: PriceBasis;
	giftCardLines: 'line' | 'skip';
	/** true: a test order's document carries `skip: { reason }`. */
	skipTestOrders: boolean;
	/** true: a difference from Shopify's total of at most `roundingLineMaxCents` becomes a rounding line. */
	addRoundingLine: boolean;
	roundingLineMaxCents: number;
	tips: 'line' | 'skip';
	duties: 'line' | 'skip';
	/**
	 * Put before the order name in YourRef ("NL-" → "NL-#1001"): every Shopify store starts at
	 * #1001, so several shops booking into one division each need their own. Empty for one shop.
	 */
	orderReferencePrefix: string;
	/** Shop currency, for product prices (orders carry their own); null = 2 decimals. */
	shopCurrency: string | null;
}

export interface DocumentAddress {
	name: string | null;
	firstName: string | null;
	lastName: string | null;
	company: string | null;
	line1: string | null;
	line2: string | null;
	postcode: string | null;
	city: string | null;
	province: string | null;
	provinceCode: string | null;
	/** ISO 3166-1 alpha-2, upper case; null when Shopify's value is not a 2-letter code. */
	countryCode: string | null;
	country: string | null;
	phone: string | null;
}

export interface DocumentCustomer {
	/** Account name: the company, else the person, else the e-mail. */
	name: string;
	firstName: string | null;
	lastName: string | null;
	company: string | null;
	email: string | null;
	phone: string | null;
	/** Upper case, without spaces, dots or dashes; validity is the VAT engine's job. */
	vatNumber: string | null;
	vatNumberSource: VatNumberSource | null;
	shopifyCustomerId: string | null;
	adminGraphqlId: string | null;
	/** No customer record on the order (guest checkout, anonymous POS sale). */
	isGuest: boolean;
	taxExempt: boolean;
	taxExemptions: string[];
	/** B2B order: Shopify company and company location ids. */
	shopifyCompanyId: string | null;
	shopifyCompanyLocationId: string | null;
	locale: string | null;
}

export interface TaxPortion {
	/** Fraction, e.g. 0.21. */
	rate: number | null;
	title: string | null;
	amountCents: number;
	/** The sales channel, not the merchant, remits this tax (marketplace facilitator). */
	channelLiable: boolean;
}

/**
 * One document line. For X in Excl/Incl: `unitPriceXCents × quantity − discountXCents =
 * netAmountXCents`, and `netAmountInclCents − netAmountExclCents = taxAmountCents` (Shopify's tax).
 * The discount on the side Shopify did not price in absorbs the per-unit rounding.
 */
export interface DocumentLine {
	lineNumber: number;
	kind: LineKind;
	itemCode: string | null;
	/** Which rule produced `itemCode`; 'setting' for shipping, tip, duty, rounding, gift card codes. */
	itemCodeSource: ItemCodeSource | 'setting' | null;
	sku: string | null;
	shopifyLineId: string | null;
	shopifyProductId: string | null;
	shopifyVariantId: string | null;
	/** At most 60 characters (Exact's Description); longer text is kept in extraDescription. */
	description: string;
	extraDescription: string | null;
	quantity: number;
	unitPriceExclCents: number;
	unitPriceInclCents: number;
	discountExclCents: number;
	discountInclCents: number;
	netAmountExclCents: number;
	netAmountInclCents: number;
	/** The posting figures, on the basis `OrderDocument.pricesPosted` names. */
	unitPriceCents: number;
	discountCents: number;
	netAmountCents: number;
	/** netAmountCents / quantity in currency units (Exact's NetPrice); null when quantity is 0. */
	netPrice: number | null;
	/** Σ of the tax lines' rates (0.21; stacked 0.06 + 0.025 = 0.085); null when no tax line. */
	taxRate: number | null;
	taxRates: TaxPortion[];
	taxAmountCents: number;
	taxable: boolean;
	requiresShipping: boolean;
	giftCard: boolean;
}

export interface DocumentTotals {
	/** Product and gift card lines, after discounts. */
	linesExclCents: number;
	linesInclCents: number;
	shippingExclCents: number;
	shippingInclCents: number;
	/** Tip, duty and rounding lines. */
	otherExclCents: number;
	otherInclCents: number;
	taxCents: number;
	/** Σ of the lines' discountCents (posting basis). */
	discountCents: number;
	/** Σ netAmountInclCents of all lines: what the document charges. */
	totalCents: number;
	shopifyTotalCents: number;
	shopifyTaxCents: number | null;
	shopifyDiscountCents: number | null;
	/** Amounts left out on purpose by the settings (skipped gift card, tip or duty lines). */
	skippedCents: number;
	/** Amount of the rounding line, 0 when none. */
	roundingCents: number;
	/** shopifyTotalCents − totalCents − skippedCents: 0 when the document reconciles. */
	differenceCents: number;
	presentmentTotalCents: number | null;
}

export interface OrderReferences {
	/** Exact YourRef: the order name, at most 30 characters. */
	yourRef: string;
	orderName: string;
	orderNumber: number | null;
	shopifyOrderId: string;
	adminGraphqlId: string | null;
	description: string;
	poNumber: string | null;
}

export interface OrderDocument {
	source: 'shopify';
	references: OrderReferences;
	/** YYYY-MM-DD of processed_at (else created_at) in the order's own UTC offset. */
	orderDate: string;
	processedAt: string;
	customer: DocumentCustomer;
	invoiceAddress: DocumentAddress | null;
	deliveryAddress: DocumentAddress | null;
	lines: DocumentLine[];
	/** Shop currency: every amount of the document is in it. */
	currency: string;
	presentmentCurrency: string;
	/** Shopify's taxes_included. */
	pricesIncludeTax: boolean;
	pricesPosted: PriceBasis;
	totals: DocumentTotals;
	paymentGateway: string | null;
	paymentGateways: string[];
	financialStatus: string | null;
	fulfillmentStatus: string | null;
	sourceName: string | null;
	test: boolean;
	cancelled: boolean;
	cancelReason: string | null;
	tags: string[];
	note: string | null;
	warnings: string[];
	/** Set when the settings say this order is not to be imported. */
	skip: { reason: string } | null;
	/** Filled by the Exact nodes (account, item, VAT code and order ids). */
	exact: Record<string, unknown>;
}

export interface AccountDraft {
	shopifyCustomerId: string | null;
	adminGraphqlId: string | null;
	name: string;
	firstName: string | null;
	lastName: string | null;
	company: string | null;
	email: string | null;
	phone: string | null;
	vatNumber: string | null;
	vatNumberSource: VatNumberSource | null;
	taxExempt: boolean;
	taxExemptions: string[];
	address: DocumentAddress | null;
	currency: string | null;
	tags: string[];
	note: string | null;
	warnings: string[];
}

export interface ItemDraft {
	itemCode: string | null;
	itemCodeSource: ItemCodeSource | null;
	sku: string | null;
	barcode: string | null;
	shopifyProductId: string | null;
	shopifyVariantId: string | null;
	shopifyInventoryItemId: string | null;
	description: string;
	extraDescription: string | null;
	salesPriceCents: number;
	compareAtPriceCents: number | null;
	/** Currency of the prices when the settings name it (shopCurrency), else null. */
	currency: string | null;
	taxable: boolean;
	requiresShipping: boolean;
	/** Shopify tracks stock for the variant (inventory_management "shopify"). */
	isStockItem: boolean;
	weightGrams: number | null;
	vendor: string | null;
	productType: string | null;
	status: string | null;
	warnings: string[];
}
