import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_MAPPING_SETTINGS, resolveSettings } from '../../../nodes/core/mapping';
import {
	mappingOptions,
	settingsFromOptions,
} from '../../../nodes/ShopifyToExact/actions/settings';
import { ShopifyToExact } from '../../../nodes/ShopifyToExact/ShopifyToExact.node';
import { CredentialStore } from '../../helpers/credentials';
import { runNode } from '../../helpers/harness';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'shopify');

/** A fixture as n8n's Shopify Trigger emits it: the body parsed with JSON.parse (ids may lose digits). */
function fixture(name: string): IDataObject {
	return JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as IDataObject;
}

const NL_ORDER = 'synthetic/nl-b2c-mixed-rates-shared-shipping.json';

async function run(items: IDataObject[], parameters: IDataObject = {}, continueOnFail = false) {
	return await runNode({
		node: new ShopifyToExact(),
		parameters: { operation: 'order', ...parameters } as never,
		items,
		credentials: new CredentialStore(),
		continueOnFail,
	});
}

describe('Shopify to Exact: Map Order', () => {
	it('maps a Shopify Trigger order into an order document paired with its input', async () => {
		const result = await run([fixture(NL_ORDER)]);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const doc = result.items[0].json as IDataObject & Record<string, any>;
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(doc.source).toBe('shopify');
		expect(doc.references.yourRef).toBe('#1101');
		// The order id survives JSON.parse's lost digits through admin_graphql_api_id.
		expect(doc.references.shopifyOrderId).toBe('7795497397859983561');
		expect(doc.lines.map((line: IDataObject) => line.itemCode)).toEqual([
			'SHOE-TERRA-42',
			'BOOK-UH-2025',
			'COF-HUIS-500',
			'SHIPMENT',
		]);
		expect(doc.totals.differenceCents).toBe(0);
		expect(doc.skip).toBeNull();
	});

	it('passes every option to the core mapping', async () => {
		const result = await run([fixture(NL_ORDER)], {
			options: {
				pricesPosted: 'incl',
				shippingItemCode: 'VERZEND',
				itemCodeSource: 'variantId',
				itemCodePrefix: 'SHOP-',
			},
		});
		const doc = result.items[0].json as Record<string, any>;
		expect(doc.pricesPosted).toBe('incl');
		expect(doc.lines[0].shopifyVariantId).toMatch(/^\d+$/);
		expect(doc.lines[0].itemCode).toBe(`SHOP-${doc.lines[0].shopifyVariantId}`);
		expect(doc.lines[3].itemCode).toBe('VERZEND');
		expect(doc.lines[0].netAmountCents).toBe(doc.lines[0].netAmountInclCents);
	});

	it('marks a test order as skipped, or not when the setting is off', async () => {
		const order = { ...fixture(NL_ORDER), test: true };
		const skipped = await run([order]);
		expect((skipped.items[0].json.skip as IDataObject).reason).toMatch(/test order/);
		const kept = await run([order], { options: { skipTestOrders: false } });
		expect(kept.items[0].json.skip).toBeNull();
	});

	it('fails an invalid order with its name and field, at its item index', async () => {
		const bad = fixture(NL_ORDER);
		(bad.line_items as IDataObject[])[1].price = 'twelve';
		const result = await run([fixture(NL_ORDER), bad]);
		expect(result.error?.message).toMatch(/^Order #1101: line_items\[1\]\.price /);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.error?.description).toMatch(/line_items\[1\]\.price/);
	});

	it('with continue on fail emits the invalid input with its error and maps the others', async () => {
		const bad = fixture(NL_ORDER);
		delete bad.line_items;
		const result = await run(
			[fixture(NL_ORDER), bad, fixture('synthetic/de-b2c-oss.json')],
			{},
			true,
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[1].json.error).toMatch(/^Order #1101: line_items is missing/);
		expect(result.items[1].json.name).toBe('#1101');
		expect((result.items[2].json.references as IDataObject).yourRef).toBe('#1102');
		expect(result.items[0].json.error).toBeUndefined();
	});

	it('with "Continue (using error output)" sends only the invalid order to the error output, with its reason', async () => {
		const bad = fixture(NL_ORDER);
		delete bad.line_items;
		const result = await runNode({
			node: new ShopifyToExact(),
			parameters: { operation: 'order' } as never,
			items: [fixture(NL_ORDER), bad, fixture('synthetic/de-b2c-oss.json')],
			credentials: new CredentialStore(),
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		const [main, errors] = result.outputs;
		expect(main.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(main.every((item) => item.json.error === undefined)).toBe(true);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 1 });
		// The field list (the error's description) travels in the one text n8n routes.
		expect(errors[0].json.error).toMatch(
			/^Order #1101: line_items is missing.*\(Fields to check in the Shopify order: .*line_items.*\) \(step: Node under test\)$/,
		);
	});

	it('reports an invalid setting as a node option to correct', async () => {
		const result = await run([fixture(NL_ORDER)], { options: { vatNumberPattern: '([A-Z' } }, true);
		expect(result.items[0].json.error).toMatch(/vatNumberPattern/);
		expect(result.items[0].json.errorDescription).toMatch(/Options/);
	});
});

describe('Shopify to Exact: every order fixture', () => {
	const folders = ['synthetic', 'rest-2024-04', 'docs-webhooks-2026-04', 'python-api'];
	const orders = folders.flatMap((folder) =>
		readdirSync(path.join(FIXTURES, folder))
			.filter(
				(file) => file.endsWith('.json') && (folder === 'synthetic' || /^orders?[-.]/.test(file)),
			)
			.map((file) => {
				const raw = fixture(`${folder}/${file}`);
				// The documented webhook examples carry the body under `response`.
				return (raw.response as IDataObject | undefined) ?? raw;
			}),
	);

	it('maps all of them in one execution, each output paired with its order', async () => {
		expect(orders.length).toBeGreaterThanOrEqual(25);
		const result = await run(orders);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(orders.length);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			const order = (orders[index].order as IDataObject | undefined) ?? orders[index];
			expect((item.json.references as IDataObject).orderName).toBe(order.name);
		});
	});

	it('fails the anonymised real order (placeholder amounts) naming its fields, the others going on', async () => {
		const anonymised = fixture('anonymized-exemplars-2025-04/orders-1.json');
		const result = await run([anonymised, orders[0]], {}, true);
		expect(result.items[0].json.error).toMatch(
			/^Order example string: currency is not an ISO currency code/,
		);
		expect(result.items[0].json.errorDescription).toMatch(/total_price/);
		expect(result.items[1].json.error).toBeUndefined();
	});
});

describe('Shopify to Exact: Map Customer and Map Product', () => {
	it('maps a customer into an account draft with the VAT number from the company field', async () => {
		const customer = fixture('synthetic/be-b2b-valid-vat.json').customer as IDataObject;
		(customer.default_address as IDataObject).company = 'Janssens Fietsen BV, BE 0477.472.701';
		const result = await run([customer], { operation: 'customer' });
		expect(result.error).toBeUndefined();
		const draft = result.items[0].json;
		expect(draft.shopifyCustomerId).toBe('5332203203049776243');
		expect(draft.vatNumber).toBe('BE0477472701');
		expect(draft.vatNumberSource).toBe('billingCompany');
		expect(draft.taxExempt).toBe(true);
	});

	it('maps a product into one item draft per variant, all paired with the product', async () => {
		const product = fixture('rest-2024-04/product-632910392-with-variants.json');
		const result = await run([product], { operation: 'product', options: { shopCurrency: 'eur' } });
		expect(result.items.map((item) => item.json.itemCode)).toEqual([
			'IPOD2008PINK',
			'IPOD2008RED',
			'IPOD2008GREEN',
			'IPOD2008BLACK',
		]);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
		expect(result.items[0].json.salesPriceCents).toBe(19900);
		expect(result.items[0].json.currency).toBe('EUR');
	});

	it('fails a product without variants on its item only', async () => {
		const result = await run(
			[
				{ id: 1, title: 'Empty', variants: [] },
				fixture('rest-2024-04/product-632910392-with-variants.json'),
			],
			{ operation: 'product' },
			true,
		);
		expect(result.items[0].json.error).toMatch(/^Product/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items.slice(1)).toHaveLength(4);
	});
});

describe('Shopify to Exact: options', () => {
	it("has one option per mapping setting, each defaulting to the core's default", () => {
		const defaults: IDataObject = {};
		for (const option of mappingOptions.options as Array<{
			name: string;
			default: IDataObject[string];
		}>) {
			defaults[option.name] = option.default;
		}
		expect(Object.keys(defaults).sort()).toEqual(Object.keys(DEFAULT_MAPPING_SETTINGS).sort());
		expect(resolveSettings(settingsFromOptions(defaults))).toEqual(DEFAULT_MAPPING_SETTINGS);
	});

	it('reads an empty gift card code as "like other products" and a comma list as names', () => {
		const settings = settingsFromOptions({
			giftCardItemCode: ' ',
			vatNumberNoteAttributes: 'btw, vat id ,',
		});
		expect(settings.giftCardItemCode).toBeNull();
		expect(settings.vatNumberNoteAttributes).toEqual(['btw', 'vat id']);
	});
});
