import type { MappingSettings, VatNumberSource } from './types';

const EU_VAT_PREFIXES =
	'AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI';

/**
 * An EU VAT number inside free text ("Acme B.V., NL 1234.56.789.B01"): a member-state prefix,
 * then 7–16 letters/digits with single spaces, dots or dashes between them, a digit among the
 * first three. Trailing words without digits are dropped after matching.
 */
export const DEFAULT_VAT_NUMBER_PATTERN = `\\b((?:${EU_VAT_PREFIXES})[ .-]?(?=[0-9A-Z]{0,2}[0-9])[0-9A-Z](?:[0-9A-Z]|[ .-](?=[0-9A-Z])){6,15})`;

export const DEFAULT_MAPPING_SETTINGS: Readonly<MappingSettings> = Object.freeze({
	itemCodeSource: 'sku',
	itemCodePrefix: '',
	shippingItemCode: 'SHIPMENT',
	giftCardItemCode: 'GIFTCARD',
	tipItemCode: 'TIP',
	dutyItemCode: 'DUTY',
	roundingItemCode: 'ROUNDING',
	vatNumberSources: Object.freeze([
		'companyLocation',
		'noteAttribute',
		'metafield',
		'billingCompany',
	]),
	vatNumberNoteAttributes: Object.freeze(['vat_number', 'VAT number', 'btw_nummer', 'BTW-nummer']),
	vatNumberMetafield: 'custom.vat_number',
	vatNumberPattern: DEFAULT_VAT_NUMBER_PATTERN,
	pricesPosted: 'excl',
	giftCardLines: 'line',
	skipTestOrders: true,
	addRoundingLine: false,
	roundingLineMaxCents: 10,
	tips: 'line',
	duties: 'line',
	orderReferencePrefix: '',
	shopCurrency: null,
}) as unknown as Readonly<MappingSettings>;

export class MappingSettingsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MappingSettingsError';
	}
}

const CHOICES = {
	itemCodeSource: ['sku', 'variantId', 'productId'],
	pricesPosted: ['excl', 'incl'],
	giftCardLines: ['line', 'skip'],
	tips: ['line', 'skip'],
	duties: ['line', 'skip'],
} as const;

const VAT_SOURCES: readonly VatNumberSource[] = [
	'companyLocation',
	'noteAttribute',
	'metafield',
	'billingCompany',
	'customerNote',
];

const patternCache = new Map<string, RegExp>();

/** The compiled VAT number pattern (cached: settings arrive once per item). */
export function vatNumberRegExp(source: string): RegExp {
	let compiled = patternCache.get(source);
	if (!compiled) {
		let failure: string | null = null;
		try {
			compiled = new RegExp(source, 'i');
		} catch (error) {
			failure = (error as Error).message;
		}
		if (!compiled)
			throw new MappingSettingsError(`Invalid mapping setting vatNumberPattern: ${failure}`);
		if (patternCache.size > 50) patternCache.clear();
		patternCache.set(source, compiled);
	}
	return compiled;
}

function invalid(name: string, value: unknown, expected: string): never {
	throw new MappingSettingsError(
		`Invalid mapping setting ${name}: ${JSON.stringify(value)} (expected ${expected})`,
	);
}

let resolvedDefaults: MappingSettings | undefined;

/** The defaults, resolved once, for callers that pass no settings and never change them. */
export function defaultSettings(): Readonly<MappingSettings> {
	resolvedDefaults ??= Object.freeze(resolveSettings({}));
	return resolvedDefaults;
}

/** Defaults overlaid with the given settings, each checked; undefined values keep the default. */
export function resolveSettings(partial: Partial<MappingSettings> = {}): MappingSettings {
	const settings = { ...DEFAULT_MAPPING_SETTINGS } as MappingSettings;
	for (const [key, value] of Object.entries(partial)) {
		if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
	}
	// Own copies: the defaults are frozen and callers may edit what they get back.
	if (Array.isArray(settings.vatNumberSources))
		settings.vatNumberSources = [...settings.vatNumberSources];
	if (Array.isArray(settings.vatNumberNoteAttributes)) {
		settings.vatNumberNoteAttributes = [...settings.vatNumberNoteAttributes];
	}
	for (const [name, allowed] of Object.entries(CHOICES)) {
		const value = settings[name as keyof typeof CHOICES];
		if (!(allowed as readonly string[]).includes(value)) invalid(name, value, allowed.join(', '));
	}
	const codes = ['shippingItemCode', 'tipItemCode', 'dutyItemCode', 'roundingItemCode'] as const;
	for (const name of codes) {
		if (typeof settings[name] !== 'string' || !settings[name].trim())
			invalid(name, settings[name], 'an item code');
	}
	if (settings.giftCardItemCode !== null && typeof settings.giftCardItemCode !== 'string') {
		invalid('giftCardItemCode', settings.giftCardItemCode, 'an item code or null');
	}
	if (typeof settings.itemCodePrefix !== 'string')
		invalid('itemCodePrefix', settings.itemCodePrefix, 'text');
	if (typeof settings.orderReferencePrefix !== 'string' || settings.orderReferencePrefix.length > 10)
		invalid('orderReferencePrefix', settings.orderReferencePrefix, 'text of at most 10 characters');
	if (
		!Array.isArray(settings.vatNumberSources) ||
		settings.vatNumberSources.some((s) => !VAT_SOURCES.includes(s))
	) {
		invalid('vatNumberSources', settings.vatNumberSources, `a list of ${VAT_SOURCES.join(', ')}`);
	}
	if (!Array.isArray(settings.vatNumberNoteAttributes)) {
		invalid('vatNumberNoteAttributes', settings.vatNumberNoteAttributes, 'a list of names');
	}
	if (typeof settings.vatNumberMetafield !== 'string') {
		invalid('vatNumberMetafield', settings.vatNumberMetafield, '"namespace.key"');
	}
	for (const name of ['skipTestOrders', 'addRoundingLine'] as const) {
		if (typeof settings[name] !== 'boolean') invalid(name, settings[name], 'true or false');
	}
	const max = settings.roundingLineMaxCents;
	if (!Number.isSafeInteger(max) || max < 0)
		invalid('roundingLineMaxCents', max, 'a whole number ≥ 0');
	if (settings.shopCurrency !== null) {
		if (typeof settings.shopCurrency !== 'string' || !/^[A-Za-z]{3}$/.test(settings.shopCurrency)) {
			invalid('shopCurrency', settings.shopCurrency, 'an ISO currency code or null');
		}
		settings.shopCurrency = settings.shopCurrency.toUpperCase();
	}
	vatNumberRegExp(settings.vatNumberPattern);
	return settings;
}
