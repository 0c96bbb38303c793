/**
 * Finds the customer's VAT number. Shopify has no order field for it (reference shopify.md §1.3):
 * B2B company locations carry `taxRegistrationId`, apps write note attributes or customer
 * metafields, some merchants ask for it in the billing company. The settings list the sources
 * in order; the first hit wins. The number is only normalised here; the VAT engine validates it.
 */
import type { ShopifyCustomer } from '../shopify/customer.schema';
import type { ShopifyOrder } from '../shopify/order.schema';
import { vatNumberRegExp } from './settings';
import type { MappingSettings, VatNumberSource } from './types';

export interface FoundVatNumber {
	vatNumber: string | null;
	vatNumberSource: VatNumberSource | null;
}

const NONE: FoundVatNumber = { vatNumber: null, vatNumberSource: null };

/** Upper case, letters and digits only: "nl 1234.56.789.b01" → "NL123456789B01". */
export function normaliseVatNumber(value: string | null | undefined): string | null {
	if (!value) return null;
	const compact = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
	return compact.length >= 4 && /\d/.test(compact) ? compact : null;
}

/** The first VAT number in free text, per the settings' pattern; trailing words are dropped. */
export function findVatNumberInText(
	text: string | null | undefined,
	pattern: string,
): string | null {
	if (!text) return null;
	const match = vatNumberRegExp(pattern).exec(text);
	if (!match) return null;
	const words = (match[1] ?? match[0]).split(' ');
	while (words.length > 1 && !/\d/.test(words[words.length - 1])) words.pop();
	const found = normaliseVatNumber(words.join(' '));
	return found && found.length >= 8 ? found : null;
}

function fromMetafields(metafields: unknown, namespacedKey: string): string | null {
	const dot = namespacedKey.indexOf('.');
	if (!metafields || dot < 1) return null;
	const namespace = namespacedKey.slice(0, dot);
	const key = namespacedKey.slice(dot + 1);
	if (Array.isArray(metafields)) {
		for (const entry of metafields) {
			const field = entry as { namespace?: unknown; key?: unknown; value?: unknown } | null;
			if (
				field &&
				field.namespace === namespace &&
				field.key === key &&
				typeof field.value === 'string'
			) {
				return field.value;
			}
		}
		return null;
	}
	if (typeof metafields === 'object') {
		const space = (metafields as Record<string, unknown>)[namespace];
		const value =
			space && typeof space === 'object' ? (space as Record<string, unknown>)[key] : null;
		if (typeof value === 'string') return value;
		const wrapped = value as { value?: unknown } | null;
		if (wrapped && typeof wrapped.value === 'string') return wrapped.value;
	}
	return null;
}

function fromNoteAttributes(order: ShopifyOrder, names: string[]): string | null {
	const wanted = new Set(names.map((name) => name.trim().toLowerCase()));
	for (const attribute of order.note_attributes) {
		if (
			attribute.name &&
			wanted.has(attribute.name.trim().toLowerCase()) &&
			attribute.value?.trim()
		) {
			return attribute.value;
		}
	}
	return null;
}

function fromCompanyLocation(order: ShopifyOrder): string | null {
	return (
		order.company_location_tax_id ?? order.companyLocation?.taxSettings?.taxRegistrationId ?? null
	);
}

interface VatContext {
	order: ShopifyOrder | null;
	customer: ShopifyCustomer | null | undefined;
	billingCompany: string | null;
}

function lookup(
	source: VatNumberSource,
	context: VatContext,
	settings: MappingSettings,
): string | null {
	const { order, customer } = context;
	switch (source) {
		case 'companyLocation':
			return order ? normaliseVatNumber(fromCompanyLocation(order)) : null;
		case 'noteAttribute':
			return order
				? normaliseVatNumber(fromNoteAttributes(order, settings.vatNumberNoteAttributes))
				: null;
		case 'metafield':
			return normaliseVatNumber(fromMetafields(customer?.metafields, settings.vatNumberMetafield));
		case 'billingCompany':
			return findVatNumberInText(context.billingCompany, settings.vatNumberPattern);
		case 'customerNote':
			return (
				findVatNumberInText(customer?.note, settings.vatNumberPattern) ??
				findVatNumberInText(order?.note, settings.vatNumberPattern)
			);
	}
}

export function findVatNumber(context: VatContext, settings: MappingSettings): FoundVatNumber {
	for (const source of settings.vatNumberSources) {
		const vatNumber = lookup(source, context, settings);
		if (vatNumber) return { vatNumber, vatNumberSource: source };
	}
	return NONE;
}
