/** mapShopifyCustomer: a Shopify customer payload → an Exact account draft. */
import { resolveId } from '../shopify/ids';
import { parseShopifyCustomer } from '../shopify/validate';
import { joinName, mapAddress } from './address';
import { unique } from './customer';
import { resolveSettings } from './settings';
import { clean } from './text';
import type { AccountDraft, MappingSettings } from './types';
import { findVatNumber } from './vatNumber';

/**
 * Validates a customer (webhook/REST shape, or `{ customer }`) and maps it. The VAT number comes
 * from the settings' sources that a bare customer has: metafield, default address company, note.
 */
export function mapShopifyCustomer(
	input: unknown,
	partial?: Partial<MappingSettings>,
): AccountDraft {
	const settings = resolveSettings(partial);
	const { value: customer } = parseShopifyCustomer(input);
	const warnings: string[] = [];
	const address = mapAddress(customer.default_address, 'default_address', warnings);
	const firstName = clean(customer.first_name) ?? address?.firstName ?? null;
	const lastName = clean(customer.last_name) ?? address?.lastName ?? null;
	const email = clean(customer.email);
	const company = address?.company ?? null;
	const id = resolveId(customer.id, customer.admin_graphql_api_id);
	const vat = findVatNumber({ order: null, customer, billingCompany: company }, settings);
	return {
		shopifyCustomerId: id,
		adminGraphqlId: clean(customer.admin_graphql_api_id),
		name:
			company ??
			joinName(firstName, lastName) ??
			email ??
			(id ? `Shopify customer ${id}` : 'Customer'),
		firstName,
		lastName,
		company,
		email,
		phone: clean(customer.phone) ?? address?.phone ?? null,
		vatNumber: vat.vatNumber,
		vatNumberSource: vat.vatNumberSource,
		taxExempt: customer.tax_exempt === true,
		taxExemptions: unique(customer.tax_exemptions),
		address,
		currency: clean(customer.currency)?.toUpperCase() ?? null,
		tags: unique((customer.tags ?? '').split(',')),
		note: clean(customer.note),
		warnings,
	};
}
