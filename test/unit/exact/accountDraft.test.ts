import {
	accountBody,
	accountChanges,
	addressSignature,
	contactBody,
	contactChanges,
	deliveryAddressBody,
	documentAddressSignature,
	exactLanguage,
	isDeliverable,
} from '../../../nodes/core/exact/accountDraft';
import { documentFor } from '../../nodes/flow/documents';

const doc = documentFor({ number: 1005 });
const customer = doc.customer;

describe('accountBody', () => {
	it('makes a customer account (Status C) with contact data, visit address, language and Shopify id', () => {
		const { body, warnings } = accountBody(
			{ ...customer, vatNumber: 'nl123456789b01' },
			{ idField: 'CodeAtSupplier', visitAddress: doc.invoiceAddress, locale: 'nl-NL' },
		);
		expect(body).toEqual({
			Name: customer.name,
			Status: 'C',
			Email: customer.email,
			AddressLine1: doc.invoiceAddress?.line1,
			Postcode: doc.invoiceAddress?.postcode,
			City: doc.invoiceAddress?.city,
			Country: 'NL',
			VATNumber: 'NL123456789B01',
			Language: 'NL',
			CodeAtSupplier: customer.shopifyCustomerId,
		});
		expect(warnings).toEqual([]);
	});

	it('cuts long texts to the field length with a warning, never half an emoji', () => {
		const name = 'Ä'.repeat(48) + '😀😀😀';
		const { body, warnings } = accountBody(
			{ ...customer, name },
			{ idField: null, visitAddress: null, locale: null },
		);
		expect(Array.from(body.Name as string)).toHaveLength(50);
		expect(body.Name).toBe('Ä'.repeat(48) + '😀😀');
		expect(warnings).toEqual(['Account name cut to 50 characters']);
		expect(body).not.toHaveProperty('Language');
	});

	it('does not store a Shopify id that does not fit the chosen field', () => {
		const long = { ...customer, shopifyCustomerId: '9'.repeat(31) };
		const { body, warnings } = accountBody(long, {
			idField: 'CodeAtSupplier',
			visitAddress: null,
			locale: null,
		});
		expect(body).not.toHaveProperty('CodeAtSupplier');
		expect(warnings[0]).toMatch(/too long for CodeAtSupplier/);
	});
});

describe('contact and delivery address', () => {
	it('creates the contact with first and last name, else the account name as last name', () => {
		expect(contactBody('acc', customer, 'en-GB').body).toEqual({
			Account: 'acc',
			FirstName: customer.firstName,
			LastName: customer.lastName,
			Email: customer.email,
			Language: 'EN',
		});
		const nameless = { ...customer, firstName: null, lastName: null, name: 'Shop B.V.' };
		expect(contactBody('acc', nameless, null).body).toMatchObject({ LastName: 'Shop B.V.' });
	});

	it('creates a Type 4 address and recognises the same place despite spacing and case', () => {
		const address = doc.deliveryAddress!;
		const { body } = deliveryAddressBody('acc', address, true);
		expect(body).toMatchObject({
			Account: 'acc',
			Type: 4,
			Main: true,
			AddressLine1: address.line1,
			Country: 'NL',
		});
		const stored = {
			AddressLine1: address.line1!.toUpperCase(),
			Postcode: address.postcode!.replace(' ', ''),
			City: ` ${address.city}`,
			Country: 'nl',
		};
		expect(addressSignature(stored)).toBe(documentAddressSignature(address));
		expect(addressSignature({ ...stored, AddressLine1: 'Other street 1' })).not.toBe(
			documentAddressSignature(address),
		);
	});

	it('only delivers to an address with a line or postcode and a city or country', () => {
		expect(isDeliverable(doc.deliveryAddress)).toBe(true);
		expect(isDeliverable(null)).toBe(false);
		expect(isDeliverable({ ...doc.deliveryAddress!, line1: null, postcode: null })).toBe(false);
	});

	it('maps locales to the languages Exact offers', () => {
		expect(exactLanguage('de-AT')).toBe('DE');
		expect(exactLanguage('pt-BR')).toBeNull();
		expect(exactLanguage(null)).toBeNull();
	});
});

describe('changes', () => {
	it('reports only changed, non-empty contact data', () => {
		const current = {
			FirstName: customer.firstName,
			LastName: 'Old',
			Email: customer.email?.toUpperCase(),
			Phone: '+31 6 1234 5678',
		};
		expect(contactChanges(current, { ...customer, phone: '+31612345678' })).toEqual({
			LastName: customer.lastName,
		});
		expect(contactChanges(current, { ...customer, phone: null, lastName: null })).toEqual({});
		expect(accountChanges({ Email: 'old@example.nl', Phone: null }, customer)).toEqual({
			Email: customer.email,
		});
	});
});
