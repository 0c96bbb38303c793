/** Shapes of Exact Online REST responses (only the fields the package relies on). */

export interface ExactMetadata {
	uri: string;
	type: string;
}

export interface ExactDeferred {
	__deferred: { uri: string };
}

export interface ExactRecord {
	__metadata?: ExactMetadata;
	[field: string]: unknown;
}

/** `GET {entitySet}`: `{ d: { results: [...], __next?: url } }`. */
export interface ExactCollectionEnvelope<T = ExactRecord> {
	d: { results: T[]; __next?: string; __count?: string | number };
}

/** `GET {entitySet}(guid'…')` and POST: `{ d: { … } }`. `read/…` functions: `{ d: [ … ] }`. */
export interface ExactSingleEnvelope<T = ExactRecord> {
	d: T | T[];
}

/** Exact's error body; `message.value` holds the (localised) text. */
export interface ExactErrorBody {
	error: { code?: string; message?: { lang?: string; value?: string } | string };
}

/** OAuth endpoint error body. */
export interface OAuthErrorBody {
	error: string;
	error_description?: string;
}

/** `current/Me` (collection envelope with one record). */
export interface ExactMe extends ExactRecord {
	CurrentDivision: number;
	AccountingDivision?: number;
	UserID?: string;
	UserName?: string;
	FullName?: string;
	LanguageCode?: string;
}

/** `system/Divisions`. */
export interface ExactDivision extends ExactRecord {
	Code: number;
	Description?: string;
	HID?: number;
	CustomerName?: string;
	Country?: string;
	Currency?: string;
}

/** The rate-limit headers as numbers (epoch ms for resets); undefined when absent. */
export interface ExactRateLimitHeaders {
	minutelyLimit?: number;
	minutelyRemaining?: number;
	minutelyReset?: number;
	dailyLimit?: number;
	dailyRemaining?: number;
	dailyReset?: number;
}

export type ExactRegion = 'nl' | 'be' | 'de' | 'uk' | 'fr' | 'es' | 'us';
