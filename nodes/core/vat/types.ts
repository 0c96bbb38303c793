/**
 * Public types of the VAT engine. Rates are always fractions (0.21 = 21 %), money is integer cents,
 * countries are ISO 3166-1 alpha-2 codes plus `XI` for Northern Ireland (goods).
 */

/** How a line is taxed. See vat-oss.md §2 (OSS), §3 (ICP), §4 (export), §6 (territories). */
export type VatTreatment = 'domestic' | 'oss' | 'icp' | 'export' | 'exempt' | 'outOfScope';

/** What a line represents in the order document. */
export type VatLineKind = 'product' | 'shipping' | 'giftCard' | 'tip' | 'duty' | 'rounding';

/** Where the goods go (Shopify `shipping_address`). */
export interface ShipTo {
	/** ISO2 country code as Shopify sends it (`country_code`), e.g. `ES`, `GB`, `MC`. */
	countryCode: string;
	/** Postcode as Shopify sends it (`zip`); used for special territories and Northern Ireland. */
	postcode?: string | null;
	/** Shopify `province_code`, e.g. `GC`/`TF` (Canary Islands), `CE` (Ceuta), `ML` (Melilla). */
	provinceCode?: string | null;
}

/** Merchant settings that change the classification. */
export interface VatSettings {
	/** Gift cards are taxed when sold (single-purpose vouchers). Default false: out of scope at sale. */
	giftCardTaxedAtSale?: boolean;
	/** Tips are outside the scope of VAT. Default true. */
	tipsOutOfScope?: boolean;
	/**
	 * A 0 % rate from Shopify on a taxable (domestic/OSS) line is trusted as an exempt product and the
	 * line becomes `exempt`. Default false: the line keeps its treatment at 0 % with a warning.
	 */
	trustShopifyZeroRate?: boolean;
}

/** Everything `classifyVat` needs to decide one line. */
export interface VatInput {
	/** Country where the seller is established and ships from (ISO2; `EL` is read as `GR`, `XI` = NI). */
	sellerCountry: string;
	/** Ship-to address; null (pickup, digital, missing) falls back to billing, then to the seller. */
	shipTo: ShipTo | null;
	/** Billing country (ISO2), the fallback when there is no ship-to address. */
	billingCountry?: string | null;
	/** Customer VAT number as entered (any spacing or punctuation, with or without prefix). */
	customerVatNumber?: string | null;
	/** Result of the VIES check: true valid, false invalid, null/undefined not checked or unknown. */
	vatNumberValid?: boolean | null;
	/** The seller is registered for the OSS Union scheme. */
	sellerUsesOss: boolean;
	/** The EUR 10,000 EU distance-sales threshold is exceeded. Default: true when `sellerUsesOss`. */
	ossThresholdExceeded?: boolean;
	/** Shopify's rate for this line (`tax_lines[].rate`, fraction), null when it gave none. */
	shopifyRate: number | null;
	/** What the line is. */
	lineKind: VatLineKind;
	/** Date of supply, `YYYY-MM-DD` (an ISO timestamp is cut to its date part). Selects the rates. */
	date: string;
	/** Merchant settings; omitted fields take their defaults. */
	settings?: VatSettings;
}

/** The engine's decision for one line. */
export interface VatDecision {
	/** How the line is taxed. */
	treatment: VatTreatment;
	/** ISO2 country whose VAT applies (`XI` for Northern Ireland, `FR` for Monaco); the destination
	 * country for export/ICP lines. */
	country: string;
	/** Rate to book (fraction). Shopify's rate is kept as given; 0 for icp/export/outOfScope. */
	rate: number;
	/**
	 * Rates the dated table allows for `country` on the date (fractions, postcode exceptions applied);
	 * [0] for icp/export/outOfScope; for `exempt`, the rates the taxable sale would have had.
	 */
	expectedRates: number[];
	/** Short human text naming the rule that decided, with its reference section. */
	reason: string;
	/** Everything a bookkeeper should look at (rate mismatches, unchecked VAT numbers, fallbacks). */
	warnings: string[];
	/** Special territory that decided the treatment, e.g. `Canary Islands`, `Northern Ireland`. */
	territory?: string;
	/** Normalised customer VAT number, set on ICP lines (for the EC sales listing). */
	vatNumber?: string;
}

/** The key that selects an Exact VAT code. */
export interface VatKey {
	/** How the line is taxed. */
	treatment: VatTreatment;
	/** ISO2 country (`XI` for Northern Ireland), or `*` when the treatment does not depend on it. */
	country: string;
	/** Rate as a fraction. */
	rate: number;
}

/** Rates of one country on one date, from the dated table (fractions). */
export interface RateSet {
	/** Standard rate. */
	standard: number;
	/** Reduced rates, highest first (may be empty). */
	reduced: number[];
	/** Super-reduced rate, if any. */
	superReduced?: number;
	/** Parking rate, if any. */
	parking?: number;
	/** First day of the table period that applies (`0000-01-01` for the oldest). */
	effectiveFrom: string;
	/** Name of the postcode exception that replaced the rates (e.g. `Madeira`), if any. */
	exception?: string;
}

/** Fields of Exact's `vat/VATCodes` the engine reads (see exact-online-api.md §4). */
export interface ExactVatCode {
	/** Short code put on lines as `VATCode` (Exact may pad it with spaces). */
	Code: string;
	/** Description shown to the user. */
	Description: string;
	/** Current rate as a FRACTION (0.21); a value above 1 is read as a percentage. */
	Percentage: number;
	/** B = 0 % (base only), E = excluding VAT, I = including VAT, N = no VAT. */
	Type: 'B' | 'E' | 'I' | 'N';
	/** S = sales, P = purchase, B = both. */
	VATTransactionType: 'B' | 'P' | 'S';
	/** L = goods listing (ICP), S = services, T = triangulation, N = none. */
	EUSalesListing?: 'L' | 'N' | 'S' | 'T' | null;
	/** OSS destination country; only present when the OneStopShop feature set is on. */
	OssCountry?: string | null;
	/** Blocked codes cannot be used on new lines. */
	IsBlocked: boolean;
	/** Reverse charge / acquisition code (to-pay and to-claim lines). */
	Charged?: boolean;
}

/** One row of the user's explicit mapping. The most specific matching row wins. */
export interface VatCodeMapping {
	/** Treatment the row applies to. */
	treatment: VatTreatment;
	/** ISO2 country, `*` or omitted for any country. */
	country?: string;
	/** Rate as a fraction; null or omitted for any rate (a value above 1 is read as a percentage). */
	rate?: number | null;
	/** Exact VAT code to use. */
	code: string;
}
