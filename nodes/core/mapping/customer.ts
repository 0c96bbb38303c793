import { resolveId } from '../shopify/ids';
import type { ShopifyOrder } from '../shopify/order.schema';
import { joinName } from './address';
import { clean } from './text';
import type { DocumentAddress, DocumentCustomer, MappingSettings } from './types';
import { findVatNumber } from './vatNumber';

function unique(values: Array<string | null>): string[] {
	const seen = new Set<string>();
	for (const value of values) {
		const text = clean(value);
		if (text) seen.add(text);
	}
	return [...seen];
}

/** The order's customer: the Shopify customer if any, completed from the addresses. */
export function mapOrderCustomer(
	order: ShopifyOrder,
	invoice: DocumentAddress | null,
	delivery: DocumentAddress | null,
	settings: MappingSettings,
): DocumentCustomer {
	const customer = order.customer ?? null;
	const shopifyCustomerId = customer ? resolveId(customer.id, customer.admin_graphql_api_id) : null;
	const firstName =
		clean(customer?.first_name) ?? invoice?.firstName ?? delivery?.firstName ?? null;
	const lastName = clean(customer?.last_name) ?? invoice?.lastName ?? delivery?.lastName ?? null;
	const company =
		invoice?.company ?? delivery?.company ?? clean(customer?.default_address?.company) ?? null;
	const email = clean(order.email) ?? clean(order.contact_email) ?? clean(customer?.email);
	const person = joinName(firstName, lastName) ?? invoice?.name ?? delivery?.name ?? null;
	const location = order.companyLocation?.taxSettings;
	const vat = findVatNumber(
		{ order, customer, billingCompany: invoice?.company ?? null },
		settings,
	);
	return {
		name:
			company ??
			person ??
			email ??
			(shopifyCustomerId ? `Shopify customer ${shopifyCustomerId}` : 'Guest'),
		firstName,
		lastName,
		company,
		email,
		phone:
			clean(customer?.phone) ?? clean(order.phone) ?? invoice?.phone ?? delivery?.phone ?? null,
		vatNumber: vat.vatNumber,
		vatNumberSource: vat.vatNumberSource,
		shopifyCustomerId,
		adminGraphqlId: clean(customer?.admin_graphql_api_id),
		isGuest: shopifyCustomerId === null,
		taxExempt: Boolean(order.tax_exempt || customer?.tax_exempt || location?.taxExempt),
		taxExemptions: unique([
			...(customer?.tax_exemptions ?? []),
			...(location?.taxExemptions ?? []),
		]),
		shopifyCompanyId: order.company?.id ?? null,
		shopifyCompanyLocationId: order.company?.location_id ?? null,
		locale: clean(order.customer_locale),
	};
}

export { unique };
