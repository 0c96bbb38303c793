/**
 * A seeded synthetic Dutch webshop: a SKU catalogue and customers (mostly Dutch consumers, some
 * Dutch and EU businesses with checksum-valid VAT numbers, EU consumers under OSS, export
 * customers). Their Shopify orders are built in payload.ts.
 */
import { validateVatNumber } from '../../../nodes/core/vat';
import { rng } from '../../../sandbox/shopify/random';
import type { OrderParty } from '../../../test/helpers/shopifyOrderPayload';

export type Random = () => number;

export interface Sku {
	code: string;
	title: string;
	/** Books, food: the reduced rate. */
	reduced: boolean;
	priceCents: number;
	productId: number;
	variantId: number;
}

export type CustomerKind = 'nlConsumer' | 'nlBusiness' | 'euConsumer' | 'euBusiness' | 'export';

export interface Customer extends OrderParty {
	index: number;
	kind: CustomerKind;
	shopifyId: string;
}

/** Standard and reduced VAT rates Shopify charges consumers per destination country. */
export const RATES: Record<string, { standard: number; reduced: number }> = {
	NL: { standard: 0.21, reduced: 0.09 },
	DE: { standard: 0.19, reduced: 0.07 },
	BE: { standard: 0.21, reduced: 0.06 },
	FR: { standard: 0.2, reduced: 0.055 },
};

const PLACES: Record<string, Array<[string, string]>> = {
	NL: [
		['1012 AB', 'Amsterdam'],
		['3511 CD', 'Utrecht'],
		['3011 EF', 'Rotterdam'],
		['8011 GH', 'Zwolle'],
	],
	DE: [
		['10115', 'Berlin'],
		['50667', 'Köln'],
	],
	BE: [
		['1000', 'Bruxelles'],
		['2000', 'Antwerpen'],
	],
	FR: [
		['75001', 'Paris'],
		['69001', 'Lyon'],
	],
	US: [['10001', 'New York']],
	GB: [['SW1A 1AA', 'London']],
};

const FIRST = ['Anna', 'Bram', 'Chloé', 'Daan', 'Eva', 'Finn', 'Greet', 'Hugo', 'Iris', 'Jan'];
const LAST = [
	'de Vries',
	'Jansen',
	'Bakker',
	'Visser',
	'Smit',
	'Meijer',
	"O'Brien",
	'Bos',
	'Dekker',
	'Mulder',
];

export function catalogue(count: number, prefix = 'SKU'): Sku[] {
	return Array.from({ length: count }, (_, i) => ({
		code: `${prefix}-${String(i + 1).padStart(5, '0')}`,
		title: `${prefix === 'SKU' ? 'Product' : 'New product'} ${i + 1}`,
		reduced: i % 5 === 4,
		priceCents: 495 + ((i * 737) % 9000),
		productId: 7_100_000_000 + (prefix === 'SKU' ? 0 : 500_000) + i,
		variantId: 42_100_000_000 + (prefix === 'SKU' ? 0 : 500_000) + i,
	}));
}

function kindFor(random: Random): CustomerKind {
	const r = random();
	if (r < 0.8) return 'nlConsumer';
	if (r < 0.88) return 'nlBusiness';
	if (r < 0.95) return 'euConsumer';
	if (r < 0.98) return 'euBusiness';
	return 'export';
}

function pick<T>(random: Random, list: T[]): T {
	return list[Math.floor(random() * list.length)];
}

/** A VAT number of the country that passes the engine's checksum (drawn until one does). */
function vatNumber(country: string, random: Random): string {
	for (;;) {
		const digits = (n: number) =>
			Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
		const candidate =
			country === 'NL'
				? `NL${digits(9)}B01`
				: country === 'BE'
					? `BE0${digits(9)}`
					: `DE${digits(9)}`;
		if (validateVatNumber(candidate, country).valid) return candidate;
	}
}

/** Customers `offset … offset+count-1`; the same index always gives the same customer. */
export function customers(count: number, seed: number, offset = 0): Customer[] {
	return Array.from({ length: count }, (_, k) => {
		const index = offset + k;
		const random = rng(seed * 1_000_003 + index);
		const kind = kindFor(random);
		const country =
			kind === 'nlConsumer' || kind === 'nlBusiness'
				? 'NL'
				: kind === 'export'
					? pick(random, ['US', 'GB'])
					: kind === 'euBusiness'
						? pick(random, ['DE', 'BE'])
						: pick(random, ['DE', 'BE', 'FR']);
		const business = kind === 'nlBusiness' || kind === 'euBusiness';
		const [postcode, city] = PLACES[country][index % PLACES[country].length];
		return {
			index,
			kind,
			shopifyId: String(6_300_000_000_000 + index),
			email: `customer${index}@shop${seed}.example`,
			firstName: FIRST[index % FIRST.length],
			lastName: LAST[(index * 3) % LAST.length],
			company: business ? `Bedrijf ${index} B.V.` : null,
			vatNumber: business ? vatNumber(country, random) : null,
			street: `Straat ${index + 1}`,
			postcode,
			city,
			country,
		};
	});
}
