import type { ShopifyAddress } from '../shopify/customer.schema';
import { clean } from './text';
import type { DocumentAddress } from './types';

function joinName(first: string | null, last: string | null): string | null {
	return clean([first, last].filter(Boolean).join(' '));
}

/**
 * A Shopify address as a document address; null when absent or without any content.
 * A country code that is not two letters becomes null with a warning.
 */
export function mapAddress(
	address: ShopifyAddress | null | undefined,
	path: string,
	warnings: string[],
): DocumentAddress | null {
	if (!address) return null;
	const firstName = clean(address.first_name);
	const lastName = clean(address.last_name);
	const rawCountry = clean(address.country_code);
	let countryCode: string | null = null;
	if (rawCountry) {
		if (/^[A-Za-z]{2}$/.test(rawCountry)) countryCode = rawCountry.toUpperCase();
		else
			warnings.push(
				`${path}.country_code "${rawCountry.slice(0, 40)}" is not an ISO country code; ignored`,
			);
	}
	const result: DocumentAddress = {
		name: clean(address.name) ?? joinName(firstName, lastName),
		firstName,
		lastName,
		company: clean(address.company),
		line1: clean(address.address1),
		line2: clean(address.address2),
		postcode: clean(address.zip),
		city: clean(address.city),
		province: clean(address.province),
		provinceCode: clean(address.province_code),
		countryCode,
		country: clean(address.country),
		phone: clean(address.phone),
	};
	return Object.values(result).some((value) => value !== null) ? result : null;
}

export { joinName };
