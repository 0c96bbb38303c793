import { Client, startSandbox, type Json } from './helpers';
import type { ShopifySandbox } from '../../../sandbox/shopify';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Shopify sandbox: query cost and throttling', () => {
	let sandbox: ShopifySandbox;
	let client: Client;
	beforeAll(async () => ({ sandbox, client } = await startSandbox()));
	afterAll(() => sandbox.close());
	beforeEach(() => client.admin('POST', 'reset'));

	const cost = (body: Json) => body.extensions.cost;

	it('prices objects at 1, connections at 2 + first × node cost, scalars at 0', async () => {
		// 2 + 10 × (1 node + 1 inventoryItem + (2 + 5 × (1 level + 1 location)))
		const { body } = await client.graphql(
			'2026-04',
			`{ productVariants(first: 10) { nodes { sku inventoryItem { id inventoryLevels(first: 5) { nodes { location { id } } } } } } }`,
		);
		expect(cost(body).requestedQueryCost).toBe(2 + 10 * (1 + 1 + 2 + 5 * 2));
		// 8 variants exist; the actual cost counts what came back.
		expect(cost(body).actualQueryCost).toBeLessThan(cost(body).requestedQueryCost);
		const edges = await client.graphql(
			'2026-04',
			`{ products(first: 10) { edges { cursor node { title } } } }`,
		);
		expect(cost(edges.body).requestedQueryCost).toBe(12);
	});

	it('charges a mutation 10 points', async () => {
		const { body } = await client.graphql(
			'2026-04',
			`mutation { inventorySetQuantities(input: {name: "available", reason: "correction", quantities: []}) { userErrors { code } } }`,
		);
		expect(cost(body)).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
	});

	it("reports throttleStatus after taking the query's cost from the bucket", async () => {
		const first = await client.graphql('2025-10', `{ locations(first: 2) { nodes { id } } }`);
		const status = cost(first.body).throttleStatus;
		expect(status).toMatchObject({ maximumAvailable: 1000, restoreRate: 50 });
		// 1000 - 4 points, plus whatever trickled back in the few ms the query took.
		expect(status.currentlyAvailable).toBeGreaterThanOrEqual(996);
		expect(status.currentlyAvailable).toBeLessThan(1000);
	});

	it('answers a query above the single-query maximum with MAX_COST_EXCEEDED, without executing it', async () => {
		const { status, body } = await client.graphql(
			'2026-04',
			`{ productVariants(first: 250) { nodes { inventoryItem { inventoryLevels(first: 10) { nodes { location { id } } } } } } }`,
		);
		expect(status).toBe(200);
		expect(body.data).toBeUndefined();
		expect(body.errors[0].extensions).toEqual({
			code: 'MAX_COST_EXCEEDED',
			cost: 2 + 250 * 24,
			maxCost: 1000,
		});
		expect(body.errors[0].message).toMatch(
			/^Query cost is 6002, which exceeds the single query max cost limit \(1000\)/,
		);
	});

	it('throttles with a small bucket: HTTP 200, THROTTLED, the cost extension, and nothing executed', async () => {
		await client.admin('PUT', 'settings', {
			bucketSize: 100,
			restoreRate: 10,
			currentlyAvailable: 5,
		});
		const { status, body } = await client.graphql(
			'2026-04',
			`mutation { inventorySetQuantities(input: {name: "available", reason: "correction", quantities: [{inventoryItemId: "gid://shopify/InventoryItem/5001", locationId: "gid://shopify/Location/1001", quantity: 1, changeFromQuantity: null}]}) { userErrors { code } } }`,
		);
		expect(status).toBe(200);
		expect(body.errors).toEqual([
			{
				message: 'Throttled',
				extensions: {
					code: 'THROTTLED',
					documentation: 'https://shopify.dev/api/usage/rate-limits',
				},
			},
		]);
		expect(cost(body)).toMatchObject({ requestedQueryCost: 10, actualQueryCost: null });
		expect(cost(body).throttleStatus).toMatchObject({ maximumAvailable: 100, restoreRate: 10 });
		expect(cost(body).throttleStatus.currentlyAvailable).toBeLessThan(10);
		expect((await client.admin('GET', 'inventory?sku=TOTE-NAT')).bySku['TOTE-NAT']['1001']).toBe(
			25,
		);
		const calls = (await client.admin('GET', 'calls')).calls;
		expect(calls[calls.length - 1]).toMatchObject({
			throttled: true,
			requestedCost: 10,
			cost: 0,
			status: 200,
		});
	});

	it('restores points at restoreRate per second, so a waiting client gets through', async () => {
		await client.admin('PUT', 'settings', {
			bucketSize: 100,
			restoreRate: 200,
			currentlyAvailable: 0,
		});
		const query = `{ locations(first: 10) { nodes { id } } }`; // requested 12
		const throttled = await client.graphql('2026-04', query);
		expect(throttled.body.errors?.[0].extensions.code).toBe('THROTTLED');
		await sleep(100); // 200 points/s × 0.1 s = 20 ≥ 12
		const later = await client.graphql('2026-04', query);
		expect(later.body.errors).toBeUndefined();
		expect(later.body.data.locations.nodes).toHaveLength(2);
	});

	it('caps the single-query maximum at the bucket size', async () => {
		await client.admin('PUT', 'settings', { bucketSize: 50, restoreRate: 50 });
		const { body } = await client.graphql(
			'2026-04',
			`{ productVariants(first: 60) { nodes { id } } }`,
		);
		expect(body.errors[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', maxCost: 50 });
	});

	it('logs every API call with operation name, cost and status', async () => {
		await client.admin('DELETE', 'calls');
		await client.graphql(
			'2026-04',
			`query FindSkus { productVariants(first: 5, query: "sku:TOTE-NAT") { nodes { id } } }`,
		);
		await client.rest('GET', '/admin/api/2024-07/locations.json');
		const { calls } = await client.admin('GET', 'calls');
		expect(calls).toHaveLength(2);
		expect(calls[0]).toMatchObject({
			method: 'POST',
			kind: 'graphql',
			apiVersion: '2026-04',
			operationName: 'FindSkus',
			rootFields: ['productVariants'],
			requestedCost: 7,
			actualCost: 3,
			cost: 3,
			status: 200,
		});
		expect(calls[1]).toMatchObject({
			method: 'GET',
			kind: 'rest',
			path: '/admin/api/2024-07/locations.json',
			status: 200,
		});
	});
});
