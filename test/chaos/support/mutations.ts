/**
 * Hostile and broken Shopify orders for scenario 5: each mutation breaks one thing of a valid
 * order and says which field a rejection must name.
 */
type Order = Record<string, any>;

export interface Mutation {
	label: string;
	/** The field a rejection has to name. */
	field: RegExp;
	mutate(order: Order): void;
	/** Texts the import may shorten (checked for a warning and Exact's lengths). */
	long?: boolean;
	/** Values that must reach an OData $filter only inside one string literal. */
	filterValues?: (order: Order) => string[];
}

const BIG = '9007199254740993'; // 2^53 + 1
const long = (n: number, unit = 'Ab') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const line = (o: Order) => o.line_items[0];
const addresses = (o: Order, f: (a: Order) => void) => {
	for (const key of ['billing_address', 'shipping_address']) if (o[key]) f(o[key]);
};
const setEmail = (value: unknown) => (o: Order) => {
	o.email = value;
	if (o.customer) o.customer.email = value;
};
const setSku = (value: unknown) => (o: Order) => {
	line(o).sku = value;
};
const m = (
	label: string,
	field: RegExp,
	mutate: (o: Order) => void,
	extra: Partial<Mutation> = {},
): Mutation => ({
	label,
	field,
	mutate,
	...extra,
});
const emailFilter = (o: Order) => [String(o.email)];
const skuFilter = (o: Order) => [String(line(o).sku)];

export const MUTATIONS: Mutation[] = [
	m('customer null', /customer|e-?mail|name/i, (o) => (o.customer = null)),
	m('customer missing', /customer|e-?mail|name/i, (o) => delete o.customer),
	m('email null', /e-?mail|customer/i, setEmail(null)),
	m('email with a quote', /e-?mail/i, setEmail("o'brien@example.com"), {
		filterValues: emailFilter,
	}),
	m('email with an OData or', /e-?mail/i, setEmail("x@example.com' or Email ne 'y"), {
		filterValues: emailFilter,
	}),
	m('email closing a parenthesis', /e-?mail/i, setEmail("a@example.com') or (Name ne '"), {
		filterValues: emailFilter,
	}),
	m('email with and/eq', /e-?mail/i, setEmail("eq@example.com and Status eq 'C'"), {
		filterValues: emailFilter,
	}),
	m('email with URL syntax', /e-?mail/i, setEmail('a%27b&$filter=1@example.com#x'), {
		filterValues: emailFilter,
	}),
	m('email a number', /e-?mail/i, setEmail(12345)),
	m('email 500 chars', /e-?mail/i, setEmail(`${long(490, 'a')}@example.com`), { long: true }),
	m('SKU with a quote and or', /sku|item|code/i, setSku("SKU' or Code ne '"), {
		filterValues: skuFilter,
	}),
	m('SKU closing a parenthesis', /sku|item|code/i, setSku("A')or(Code eq 'B"), {
		filterValues: skuFilter,
	}),
	m('SKU with URL syntax', /sku|item|code/i, setSku('A%27B&$top=1#?'), { filterValues: skuFilter }),
	m('SKU with emoji', /sku|item|code/i, setSku('☕-ESPRESSO-😀'), { filterValues: skuFilter }),
	m('SKU 500 chars', /sku|item|code/i, setSku(long(500, 'SKU')), { long: true }),
	m('SKU null', /sku|item|code/i, setSku(null)),
	m('SKU missing', /sku|item|code/i, (o) => delete line(o).sku),
	m('SKU a number', /sku|item|code/i, setSku(4711)),
	m('quantity negative', /quantit/i, (o) => (line(o).quantity = -2)),
	m('quantity zero', /quantit/i, (o) => (line(o).quantity = 0)),
	m('quantity huge', /quantit/i, (o) => (line(o).quantity = 1e12)),
	m('quantity a string', /quantit/i, (o) => (line(o).quantity = 'three')),
	m('quantity a fraction', /quantit/i, (o) => (line(o).quantity = 2.5)),
	m('quantity null', /quantit/i, (o) => (line(o).quantity = null)),
	m('price negative', /price|amount|total/i, (o) => (line(o).price = '-10.00')),
	m('price huge', /price|amount|total/i, (o) => (line(o).price = '99999999999999.99')),
	m('price not a number', /price|amount|total/i, (o) => (line(o).price = 'abc')),
	m('price a JSON number', /price|amount|total/i, (o) => (line(o).price = Number(line(o).price))),
	m('price null', /price|amount|total/i, (o) => (line(o).price = null)),
	m('price exponent', /price|amount|total/i, (o) => (line(o).price = '1e400')),
	m('order id beyond 2^53 (number)', /id/i, (o) => (o.id = Number(BIG))),
	m('order id beyond 2^53 (string)', /id/i, (o) => {
		o.id = BIG;
		o.admin_graphql_api_id = `gid://shopify/Order/${BIG}`;
	}),
	m('line id beyond 2^53', /id/i, (o) => (line(o).id = Number(BIG))),
	m('customer id beyond 2^53', /id|customer/i, (o) => {
		if (o.customer) {
			o.customer.id = Number(BIG);
			o.customer.admin_graphql_api_id = `gid://shopify/Customer/${BIG}`;
		}
	}),
	m('variant and product ids beyond 2^53', /id|variant|product/i, (o) => {
		line(o).variant_id = Number(BIG);
		line(o).product_id = BIG;
	}),
	m(
		'first name 500 chars',
		/name/i,
		(o) => {
			o.customer.first_name = long(500);
			addresses(o, (a) => (a.first_name = long(500)));
		},
		{ long: true },
	),
	m(
		'last name 500 chars',
		/name/i,
		(o) => {
			o.customer.last_name = long(500);
			addresses(o, (a) => (a.last_name = long(500)));
		},
		{ long: true },
	),
	m('company 500 chars', /company|name/i, (o) => addresses(o, (a) => (a.company = long(500))), {
		long: true,
	}),
	m('street 500 chars', /address|street/i, (o) => addresses(o, (a) => (a.address1 = long(500))), {
		long: true,
	}),
	m('city 500 chars', /city/i, (o) => addresses(o, (a) => (a.city = long(500))), { long: true }),
	m('postcode 500 chars', /zip|postcode|postal/i, (o) => addresses(o, (a) => (a.zip = long(500))), {
		long: true,
	}),
	m('note 5000 chars', /note|remark/i, (o) => (o.note = long(5000))),
	m(
		'line title 500 chars',
		/title|description|name/i,
		(o) => {
			line(o).title = long(500);
			line(o).name = long(500);
		},
		{ long: true },
	),
	m('names with emoji', /name/i, (o) => {
		o.customer.first_name = '🎉 Jänis 👩‍👩‍👧';
		addresses(o, (a) => (a.first_name = '🎉 Jänis 👩‍👩‍👧'));
	}),
	m('right-to-left names', /name/i, (o) => {
		o.customer.last_name = 'مرحبا שלום \u202Egnp.exe';
		addresses(o, (a) => (a.last_name = 'مرحبا שלום'));
	}),
	m('script in the name', /name/i, (o) => {
		o.customer.first_name = '<script>alert(1)</script>';
		addresses(o, (a) => (a.company = '<img src=x onerror=alert(1)>'));
	}),
	m('HTML in the line title', /title|description|name/i, (o) => {
		line(o).title = '<b>Bold</b><script>fetch("//x")</script>';
		line(o).name = line(o).title;
	}),
	m('unknown country code', /country/i, (o) => addresses(o, (a) => (a.country_code = 'XX'))),
	m('country code null', /country/i, (o) => addresses(o, (a) => (a.country_code = null))),
	m('country code too long', /country/i, (o) => addresses(o, (a) => (a.country_code = 'Atlantis'))),
	m('country code lower case', /country|OSS|VAT/i, (o) =>
		addresses(o, (a) => (a.country_code = 'de')),
	),
	m('shipping address missing', /address|country/i, (o) => delete o.shipping_address),
	m('both addresses null', /address|country/i, (o) => {
		o.shipping_address = null;
		o.billing_address = null;
	}),
	m(
		'VAT number malformed',
		/vat/i,
		(o) => (o.note_attributes = [{ name: 'vat_number', value: 'NL123' }]),
	),
	m('VAT number invalid in VIES', /vat/i, (o) => {
		addresses(o, (a) => {
			a.country_code = 'BE';
			a.country = 'Belgium';
			a.company = 'Ongeldig BV';
		});
		o.note_attributes = [{ name: 'vat_number', value: 'BE0999999999' }];
	}),
	m(
		'VAT number with OData',
		/vat/i,
		(o) => (o.note_attributes = [{ name: 'vat_number', value: "BE0' or 1 eq 1" }]),
	),
	m('no lines', /line/i, (o) => (o.line_items = [])),
	m('lines null', /line/i, (o) => (o.line_items = null)),
	m('lines not a list', /line/i, (o) => (o.line_items = 'x')),
	m('total does not add up', /total|amount/i, (o) => (o.total_price = '1.00')),
	m('unknown currency', /currency/i, (o) => {
		o.currency = 'XXX';
		o.presentment_currency = 'XXX';
	}),
	m('currency null', /currency/i, (o) => {
		o.currency = null;
		o.presentment_currency = null;
	}),
	m(
		'tax rate not a number',
		/tax|rate/i,
		(o) => (line(o).tax_lines = [{ title: 'BTW', rate: 'abc', price: '1.00' }]),
	),
	m(
		'tax rate negative',
		/tax|rate/i,
		(o) => (line(o).tax_lines = [{ title: 'BTW', rate: -0.21, price: '-1.00' }]),
	),
	m('taxes_included a string', /tax/i, (o) => (o.taxes_included = 'yes')),
	m('order name null', /name|order/i, (o) => (o.name = null)),
	m('order name 500 chars', /name|ref/i, (o) => (o.name = `#${long(499, '7')}`), { long: true }),
	m('order name with OData', /name|ref/i, (o) => (o.name = `#${o.order_number}' or YourRef ne '`), {
		filterValues: (o) => [String(o.name)],
	}),
	m(
		'discount bigger than the line',
		/discount|price|amount/i,
		(o) => (line(o).discount_allocations = [{ amount: '99999.00' }]),
	),
	m('shipping price negative', /shipping|price|amount/i, (o) => {
		if (o.shipping_lines?.[0]) o.shipping_lines[0].price = '-5.00';
		else o.shipping_lines = [{ title: 'PostNL', price: '-5.00', tax_lines: [] }];
	}),
	m('created_at not a date', /date|created|processed/i, (o) => {
		o.created_at = 'yesterday';
		o.processed_at = 'not a date';
	}),
	m('phone with markup', /phone/i, (o) =>
		addresses(o, (a) => (a.phone = '+31 <b>06</b> 1234"5678')),
	),
];
