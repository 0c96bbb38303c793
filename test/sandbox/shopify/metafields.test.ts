import { Client, startSandbox, type Json } from './helpers';
import type { ShopifySandbox } from '../../../sandbox/shopify';

const READ = `query Read($id: ID!, $ns: String!, $key: String!) {
	order(id: $id) { id metafield(namespace: $ns, key: $key) { id value type compareDigest } }
}`;
const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
	metafieldsSet(metafields: $metafields) {
		metafields { key value compareDigest }
		userErrors { field message code elementIndex }
	}
}`;
const DELETE = `mutation Del($metafields: [MetafieldIdentifierInput!]!) {
	metafieldsDelete(metafields: $metafields) { deletedMetafields { ownerId namespace key } userErrors { field message } }
}`;
const NS = 'exact_online_commerce';

describe('Shopify sandbox: order metafields with compare-and-set', () => {
	let sandbox: ShopifySandbox;
	let client: Client;
	let owner: string;
	beforeAll(async () => {
		({ sandbox, client } = await startSandbox());
		const created = await client.rest('POST', '/admin/api/2026-01/orders.json', {
			order: { line_items: [{ title: 'Tote', quantity: 1, price: '10.00' }] },
		});
		expect(created.status).toBe(201);
		owner = created.body.order.admin_graphql_api_id;
	});
	afterAll(() => sandbox.close());

	const set = async (input: Json) =>
		(
			await client.graphql('2026-01', SET, {
				metafields: [{ ownerId: owner, namespace: NS, type: 'json', ...input }],
			})
		).body;
	const read = async (key: string) =>
		(await client.graphql('2026-01', READ, { id: owner, ns: NS, key })).body.data.order.metafield;

	it('creates with compareDigest null only while the metafield does not exist; the second create is STALE_OBJECT and writes nothing', async () => {
		const first = await set({
			key: 'delivery_1',
			value: '{"state":"claimed","by":"a"}',
			compareDigest: null,
		});
		expect(first.data.metafieldsSet.userErrors).toEqual([]);
		const digest = first.data.metafieldsSet.metafields[0].compareDigest;
		expect(digest).toMatch(/^[0-9a-f]{64}$/);
		const second = await set({
			key: 'delivery_1',
			value: '{"state":"claimed","by":"b"}',
			compareDigest: null,
		});
		expect(second.data.metafieldsSet.metafields).toEqual([]);
		expect(second.data.metafieldsSet.userErrors).toEqual([
			expect.objectContaining({
				code: 'STALE_OBJECT',
				field: ['metafields', '0', 'compareDigest'],
				elementIndex: 0,
			}),
		]);
		expect(await read('delivery_1')).toMatchObject({
			value: '{"state":"claimed","by":"a"}',
			type: 'json',
			compareDigest: digest,
		});
	});

	it('updates only with the digest of the stored value; a stale digest is refused', async () => {
		await set({ key: 'delivery_2', value: '{"v":1}', compareDigest: null });
		const { compareDigest: d1 } = await read('delivery_2');
		const ok = await set({ key: 'delivery_2', value: '{"v":2}', compareDigest: d1 });
		expect(ok.data.metafieldsSet.userErrors).toEqual([]);
		const stale = await set({ key: 'delivery_2', value: '{"v":3}', compareDigest: d1 });
		expect(stale.data.metafieldsSet.userErrors[0].code).toBe('STALE_OBJECT');
		expect((await read('delivery_2')).value).toBe('{"v":2}');
		// Without compareDigest the write is unconditional (no write guarantee).
		const blind = await set({ key: 'delivery_2', value: '{"v":4}' });
		expect(blind.data.metafieldsSet.userErrors).toEqual([]);
		expect((await read('delivery_2')).value).toBe('{"v":4}');
	});

	it('lets exactly one of many simultaneous creates win', async () => {
		const results = await Promise.all(
			Array.from(
				{ length: 8 },
				async (_, i) =>
					await set({
						key: 'delivery_race',
						value: JSON.stringify({ by: i }),
						compareDigest: null,
					}),
			),
		);
		const winners = results.filter((r) => r.data.metafieldsSet.userErrors.length === 0);
		expect(winners).toHaveLength(1);
		expect((await read('delivery_race')).value).toBe(
			winners[0].data.metafieldsSet.metafields[0].value,
		);
	});

	it('is atomic: one invalid input writes none of the call', async () => {
		const body = (
			await client.graphql('2026-01', SET, {
				metafields: [
					{ ownerId: owner, namespace: NS, key: 'delivery_3', type: 'json', value: '{}' },
					{ ownerId: owner, namespace: NS, key: 'delivery_4', type: 'json', value: 'not json' },
				],
			})
		).body;
		expect(body.data.metafieldsSet.userErrors).toEqual([
			expect.objectContaining({ code: 'INVALID_VALUE', elementIndex: 1 }),
		]);
		expect(await read('delivery_3')).toBeNull();
	});

	it('refuses an owner that does not exist and answers order(id:) null for an unknown order', async () => {
		const body = (
			await client.graphql('2026-01', SET, {
				metafields: [
					{
						ownerId: 'gid://shopify/Order/1',
						namespace: NS,
						key: 'delivery_5',
						type: 'json',
						value: '{}',
					},
				],
			})
		).body;
		expect(body.data.metafieldsSet.userErrors[0]).toMatchObject({
			code: 'INVALID',
			field: ['metafields', '0', 'ownerId'],
		});
		const missing = await client.graphql('2026-01', READ, {
			id: 'gid://shopify/Order/1',
			ns: NS,
			key: 'x',
		});
		expect(missing.body.data.order).toBeNull();
	});

	it('deletes by owner, namespace and key, answering null for one that does not exist', async () => {
		await set({ key: 'delivery_6', value: '{}' });
		const body = (
			await client.graphql('2026-01', DELETE, {
				metafields: [
					{ ownerId: owner, namespace: NS, key: 'delivery_6' },
					{ ownerId: owner, namespace: NS, key: 'delivery_none' },
				],
			})
		).body;
		expect(body.data.metafieldsDelete).toEqual({
			deletedMetafields: [{ ownerId: owner, namespace: NS, key: 'delivery_6' }, null],
			userErrors: [],
		});
		expect(await read('delivery_6')).toBeNull();
	});

	it('costs like Shopify: a mutation 10 points, the order with its metafield 2', async () => {
		const setCall = await client.graphql('2026-01', SET, {
			metafields: [{ ownerId: owner, namespace: NS, key: 'delivery_7', type: 'json', value: '{}' }],
		});
		expect(setCall.body.extensions.cost).toMatchObject({
			requestedQueryCost: 10,
			actualQueryCost: 10,
		});
		const readCall = await client.graphql('2026-01', READ, {
			id: owner,
			ns: NS,
			key: 'delivery_7',
		});
		expect(readCall.body.extensions.cost).toMatchObject({
			requestedQueryCost: 2,
			actualQueryCost: 2,
		});
		const none = await client.graphql('2026-01', READ, { id: owner, ns: NS, key: 'delivery_none' });
		expect(none.body.extensions.cost).toMatchObject({ requestedQueryCost: 2, actualQueryCost: 1 });
	});
});
