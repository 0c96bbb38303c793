/**
 * Seeds what "known" means in the scenarios through the sandboxes' admin APIs (not logged, not
 * rate limited): Exact accounts with contact and delivery address exactly as the Account node
 * would have created them (the same core drafts), items by SKU, stock, and Shopify variants.
 */
import { accountBody, contactBody, deliveryAddressBody } from '../../nodes/core/exact/accountDraft';
import { mapShopifyOrder } from '../../nodes/core/mapping';
import type { Customer, Sku } from './data/shop';
import { shopifyOrder } from './data/payload';
import type { BenchEnv } from './env';

const CHUNK = 500;

async function insert(
	env: BenchEnv,
	entitySet: string,
	records: Array<Record<string, unknown>>,
): Promise<Array<Record<string, unknown>>> {
	const out: Array<Record<string, unknown>> = [];
	for (let i = 0; i < records.length; i += CHUNK) {
		const answer = await env.exactAdmin<{ records: Array<Record<string, unknown>> }>(
			'POST',
			`records/${entitySet}`,
			records.slice(i, i + CHUNK),
		);
		out.push(...answer.records);
	}
	return out;
}

/** Accounts (+ main contact + delivery address) of these customers, as our Account node makes them. */
export async function seedCustomers(
	env: BenchEnv,
	customers: Customer[],
	anySku: Sku,
): Promise<void> {
	const docs = customers.map((customer, i) =>
		mapShopifyOrder(
			shopifyOrder({
				number: 900_000 + i,
				customer,
				lines: [{ sku: anySku, quantity: 1 }],
				shippingCents: null,
			}),
		),
	);
	const accounts = await insert(
		env,
		'crm/Accounts',
		docs.map(
			(d) =>
				accountBody(d.customer, {
					idField: 'CodeAtSupplier',
					visitAddress: d.invoiceAddress ?? d.deliveryAddress,
					locale: d.customer.locale,
				}).body,
		),
	);
	// The sandbox makes the first contact the account's main contact, as Exact does.
	await insert(
		env,
		'crm/Contacts',
		docs.map((d, i) => contactBody(String(accounts[i].ID), d.customer, d.customer.locale).body),
	);
	await insert(
		env,
		'crm/Addresses',
		docs.flatMap((d, i) =>
			d.deliveryAddress
				? [deliveryAddressBody(String(accounts[i].ID), d.deliveryAddress, true).body]
				: [],
		),
	);
}

/** Items for these SKUs (stock items, the sales VAT code of their rate) and the shipping item. */
export async function seedItems(
	env: BenchEnv,
	skus: Sku[],
	shippingItem = true,
): Promise<Array<Record<string, unknown>>> {
	const bodies: Array<Record<string, unknown>> = skus.map((sku) => ({
		Code: sku.code,
		Description: sku.title,
		IsSalesItem: true,
		IsStockItem: true,
		IsWebshopItem: 1,
		SalesVatCode: sku.reduced ? 'V9' : 'V21',
	}));
	if (shippingItem)
		bodies.push({
			Code: 'SHIPMENT',
			Description: 'Shipping costs',
			IsSalesItem: true,
			IsStockItem: false,
		});
	return await insert(env, 'logistics/Items', bodies);
}
