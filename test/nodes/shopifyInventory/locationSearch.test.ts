/**
 * The Shopify location pickers: the list search reads the shop's locations with the same GraphQL
 * query as List Locations, in the Shopify Inventory node and in the Exact nodes whose maps take a
 * location (there the Shopify Admin credential is optional, and its absence is explained).
 */
import type { ShopifySandbox } from '../../../sandbox/shopify';
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import { ExactOnlineStock } from '../../../nodes/ExactOnline/Stock/ExactOnlineStock.node';
import { NO_SHOPIFY_CREDENTIAL } from '../../../nodes/ShopifyInventory/locations';
import { ShopifyInventory } from '../../../nodes/ShopifyInventory/ShopifyInventory.node';
import { CredentialStore } from '../../helpers/credentials';
import { runListSearch } from '../../helpers/harness';
import { addShopifyCredential, clearShopifyCalls, shopAdmin, shopifyCalls, startShop } from './shopifyFixture';

let shop: ShopifySandbox;

beforeAll(async () => {
	shop = await startShop();
});

afterAll(async () => {
	await shop.close();
});

beforeEach(async () => {
	await shopAdmin(shop, 'POST', 'reset');
	await clearShopifyCalls(shop);
});

/** An Exact credential record (never called here: the search talks to Shopify only). */
function withExact(store: CredentialStore): CredentialStore {
	store.add({
		id: 'exact-cred-1',
		name: 'Exact sandbox',
		type: 'exactOnlineOAuth2Api',
		data: { region: 'nl' },
	});
	return store;
}

const BOTH = [
	{
		name: 'Amsterdam warehouse · Amsterdam (1001)',
		value: '1001',
		url: expect.stringMatching(/\/admin\/settings\/locations\/1001$/),
	},
	{
		name: 'Rotterdam store · Rotterdam (1002)',
		value: '1002',
		url: expect.stringMatching(/\/admin\/settings\/locations\/1002$/),
	},
];

describe('Shopify location list search', () => {
	it("Shopify Inventory lists the shop's locations by name with their numbers, in one query", async () => {
		const { results } = await runListSearch({
			node: new ShopifyInventory(),
			method: 'searchShopifyLocations',
			credentials: addShopifyCredential(new CredentialStore(), shop),
		});
		expect(results).toEqual(BOTH);
		expect((await shopifyCalls(shop)).map((c) => c.operationName)).toEqual(['Locations']);
	});

	it('filters by name, city or number', async () => {
		const search = async (filter: string) =>
			(
				await runListSearch({
					node: new ShopifyInventory(),
					method: 'searchShopifyLocations',
					credentials: addShopifyCredential(new CredentialStore(), shop),
					filter,
				})
			).results.map((r) => r.value);
		expect(await search('rotter')).toEqual(['1002']);
		expect(await search('AMSTERDAM')).toEqual(['1001']);
		expect(await search('1002')).toEqual(['1002']);
		expect(await search('Utrecht')).toEqual([]);
	});

	it.each([
		['Exact Online Stock (Warehouse to Location Map)', new ExactOnlineStock(), 'getChanges'],
		[
			'Exact Online Sales Order (Location to Warehouse Map)',
			new ExactOnlineSalesOrder(),
			'deliverFromFulfillment',
		],
	])('%s lists them through its Shopify Admin credential', async (_label, node, operation) => {
		const { results } = await runListSearch({
			node,
			method: 'searchShopifyLocations',
			// The Sales Order node shows the credential with the Queue-Mode Guard on.
			parameters: { operation, queueModeGuard: 'shopifyClaim' },
			credentials: addShopifyCredential(withExact(new CredentialStore()), shop),
		});
		expect(results).toEqual(BOTH);
	});

	it.each([
		['Exact Online Stock', new ExactOnlineStock(), { operation: 'getChanges' }],
		[
			'Exact Online Sales Order',
			new ExactOnlineSalesOrder(),
			{ operation: 'deliverFromFulfillment', queueModeGuard: 'shopifyClaim' },
		],
	])('%s without a Shopify credential says where to find the IDs', async (_label, node, parameters) => {
		await expect(
			runListSearch({
				node,
				method: 'searchShopifyLocations',
				parameters,
				credentials: withExact(new CredentialStore()),
			}),
		).rejects.toThrow(NO_SHOPIFY_CREDENTIAL);
		expect(await shopifyCalls(shop)).toEqual([]);
	});

	it('Sales Order with the guard off (credential hidden) says the same, even with a credential in the workflow', async () => {
		await expect(
			runListSearch({
				node: new ExactOnlineSalesOrder(),
				method: 'searchShopifyLocations',
				parameters: { operation: 'deliverFromFulfillment', queueModeGuard: 'none' },
				credentials: addShopifyCredential(withExact(new CredentialStore()), shop),
			}),
		).rejects.toThrow(NO_SHOPIFY_CREDENTIAL);
		expect(await shopifyCalls(shop)).toEqual([]);
	});

	it('declares the Shopify credential as optional on the stock node, only for Get Changes', () => {
		expect(new ExactOnlineStock().description.credentials).toContainEqual({
			name: 'shopifyAdminCommerceApi',
			required: false,
			displayOptions: { show: { operation: ['getChanges'] } },
		});
	});
});
