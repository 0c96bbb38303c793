/**
 * Deliver From Fulfilment across processes (n8n queue mode): the in-process lock does not reach a
 * second worker, and Exact cannot delete a goods delivery. With the Queue-Mode Guard the delivery is
 * claimed on the Shopify order (compare-and-set metafield) before anything is posted, so two
 * processes delivering the same fulfilment at the same moment post one delivery; a claim left by a
 * crashed worker is taken over after its lease.
 */
import type { INodeType } from 'n8n-workflow';

import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import { claimWaiting } from '../../../nodes/ExactOnline/SalesOrder/actions/deliverFromFulfillment.operation';
import type { ShopifySandbox } from '../../../sandbox/shopify';
import { admin } from '../../helpers/exactSandbox';
import { inOtherProcess, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import {
	addShopifyCredential,
	clearShopifyCalls,
	shopAdmin,
	shopifyCalls,
	startShop,
} from '../shopifyInventory/shopifyFixture';
import { importOrder, order } from './lifecycleKit';
import type { Rec } from './lifecycleKit';

const node = new ExactOnlineSalesOrder();
const NS = 'exact_online_commerce';

/** A fulfillments/create body shipping `parts` ([line index, quantity]) of the order. */
function fulfillment(shopify: Rec, id: number, seq: number, parts: Array<[number, number]>): Rec {
	return {
		id,
		admin_graphql_api_id: `gid://shopify/Fulfillment/${id}`,
		order_id: shopify.id,
		name: `${shopify.name}.${seq}`,
		status: 'success',
		created_at: '2026-07-02T14:05:24+02:00',
		location_id: 1001,
		tracking_number: `3S${id}`,
		line_items: parts.map(([i, quantity]) => ({ ...shopify.line_items[i], quantity })),
	};
}

// No shipping line with the parcel: then two copies of one parcel fit in what is open on the order,
// so Exact's "not more than open" rule would not stop a second delivery, only the guard does.
const params = (queueModeGuard: string, options: Rec = {}) => ({
	operation: 'deliverFromFulfillment',
	invoice: 'never',
	queueModeGuard,
	options: { shippingItemCode: '', ...options },
});

type WaitSettings = typeof claimWaiting;

/** The Sales Order node loaded in its own module registry (another n8n process), with short waits. */
function otherProcessNode(waiting: Partial<WaitSettings>): INodeType {
	const Other = inOtherProcess(() => {
		/* eslint-disable @typescript-eslint/no-require-imports */
		const operation =
			require('../../../nodes/ExactOnline/SalesOrder/actions/deliverFromFulfillment.operation') as {
				claimWaiting: WaitSettings;
			};
		Object.assign(operation.claimWaiting, waiting);
		return require('../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node')
			.ExactOnlineSalesOrder as new () => INodeType;
		/* eslint-enable @typescript-eslint/no-require-imports */
	});
	return new Other();
}

describe('Sales Order: Deliver From Fulfilment across processes (Queue-Mode Guard)', () => {
	let kit: Kit;
	let shop: ShopifySandbox;
	const original = { ...claimWaiting };

	beforeAll(async () => {
		kit = await startKit();
		await kit.addCredential('second-credential');
		shop = await startShop();
		addShopifyCredential(kit.credentials, shop);
	});
	afterEach(async () => {
		Object.assign(claimWaiting, original);
		await admin(kit.sandbox, 'DELETE', 'faults');
	});
	afterAll(async () => {
		await shop.close();
		await kit.close();
	});

	/** The goods deliveries of a fulfilment in Exact. */
	const deliveriesOf = async (fulfillmentId: number) =>
		(await kit.state<Rec>('salesorder/GoodsDeliveries')).filter((d) =>
			String(d.Description).startsWith(`Shopify fulfilment ${fulfillmentId} `),
		);
	/** Imports the order into Exact and places it in the Shopify sandbox (the claim's owner). */
	const placed = async (number: number) => {
		const shopify = order(number);
		await shopAdmin(shop, 'POST', 'orders', { orders: [shopify], topics: [] });
		await importOrder(kit, shopify);
		return shopify;
	};
	const claimOf = async (shopify: Rec, fulfillmentId: number) => {
		const answer = await fetch(`${shop.baseUrl}/admin/api/2026-01/graphql.json`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': shop.accessToken },
			body: JSON.stringify({
				query: `query($id: ID!) { order(id: $id) { metafield(namespace: "${NS}", key: "delivery_${fulfillmentId}") { value compareDigest } } }`,
				variables: { id: `gid://shopify/Order/${shopify.id}` },
			}),
		});
		const field = ((await answer.json()) as Rec).data.order.metafield;
		return field ? { ...JSON.parse(field.value), digest: field.compareDigest } : null;
	};
	const writeClaim = async (shopify: Rec, fulfillmentId: number, value: Rec) => {
		const answer = await fetch(`${shop.baseUrl}/admin/api/2026-01/graphql.json`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': shop.accessToken },
			body: JSON.stringify({
				query:
					'mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { code message } } }',
				variables: {
					m: [
						{
							ownerId: `gid://shopify/Order/${shopify.id}`,
							namespace: NS,
							key: `delivery_${fulfillmentId}`,
							type: 'json',
							value: JSON.stringify(value),
						},
					],
				},
			}),
		});
		expect(((await answer.json()) as Rec).data.metafieldsSet.userErrors).toEqual([]);
	};
	/** Delays the next goods-delivery POSTs, so both processes look before either posts. */
	const slowDeliveryPosts = async (count: number) =>
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/salesorder/GoodsDeliveries`,
			delayMs: 800,
			count,
		});

	it('without the guard two processes post the same fulfilment twice (the race the guard closes)', async () => {
		const shopify = await placed(7201);
		const parcel = fulfillment(shopify, 890001, 1, [[0, 1]]);
		await slowDeliveryPosts(2);
		const results = await Promise.all([
			kit.run(node, params('none'), [parcel]),
			kit.run(otherProcessNode({}), params('none'), [parcel], {
				credentialId: 'second-credential',
			}),
		]);
		expect(results.map((r) => r.items[0].json.action)).toEqual(['delivered', 'delivered']);
		expect(await deliveriesOf(890001)).toHaveLength(2);
	});

	it('two processes delivering the same fulfilment at the same moment post one goods delivery, and both outputs name it', async () => {
		const shopify = await placed(7202);
		const parcel = fulfillment(shopify, 890002, 1, [[0, 1]]);
		claimWaiting.pollMs = 200;
		await slowDeliveryPosts(2);
		await kit.clearCalls();
		await clearShopifyCalls(shop);
		const results = await Promise.all([
			kit.run(node, params('shopifyClaim'), [parcel]),
			kit.run(otherProcessNode({ pollMs: 200 }), params('shopifyClaim'), [parcel], {
				credentialId: 'second-credential',
			}),
		]);
		for (const r of results) expect(r.error).toBeUndefined();
		const outputs = results.map((r) => r.items[0].json as Rec);
		const [delivery] = await deliveriesOf(890002);
		expect(await deliveriesOf(890002)).toHaveLength(1);
		expect(await kit.calls('salesorder/GoodsDeliveries', 'POST')).toHaveLength(1);
		expect(outputs.map((o) => o.action).sort()).toEqual(['delivered', 'skipped']);
		for (const o of outputs)
			expect(o.goodsDelivery).toMatchObject({
				id: delivery.EntryID,
				number: delivery.DeliveryNumber,
			});
		const loser = outputs.find((o) => o.action === 'skipped') as Rec;
		expect(loser.reason).toBe(
			`already delivered by another execution as goods delivery ${delivery.DeliveryNumber}`,
		);
		// Both claimed with compare-and-set at once: one won, the other was refused and waited.
		const sets = (await shopifyCalls(shop)).filter((c) => c.rootFields.includes('metafieldsSet'));
		expect(sets.length).toBeGreaterThanOrEqual(3); // two claims + the winner's "delivered"
		expect(await claimOf(shopify, 890002)).toMatchObject({
			state: 'delivered',
			delivery: delivery.DeliveryNumber,
		});
		// A third copy later: nothing posted, the same delivery named.
		const later = await kit.run(node, params('shopifyClaim'), [parcel]);
		expect(later.items[0].json).toMatchObject({
			action: 'skipped',
			goodsDelivery: { id: delivery.EntryID },
		});
		expect(await deliveriesOf(890002)).toHaveLength(1);
	});

	it('a claim left by a crashed worker fails the copy that finds it fresh (nothing written), and a retry after the lease delivers once', async () => {
		const shopify = await placed(7203);
		const parcel = fulfillment(shopify, 890003, 1, [[0, 1]]);
		const crashedAt = new Date();
		await writeClaim(shopify, 890003, {
			state: 'claimed',
			by: '4711/dead',
			at: crashedAt.toISOString(),
		});
		Object.assign(claimWaiting, { waitMs: 400, pollMs: 100 });
		const held = await kit.run(node, params('shopifyClaim'), [parcel], { continueOnFail: true });
		const until = new Date(crashedAt.getTime() + 5 * 60_000).toISOString();
		expect(held.items[0].json.error).toBe(
			`Fulfilment 890003 of ${shopify.name}: another execution (4711/dead) is delivering it since ${crashedAt.toISOString()}; nothing was written. Retry after ${until}`,
		);
		expect(await deliveriesOf(890003)).toHaveLength(0);
		// Six minutes later (the lease is five): the retry takes the claim over and delivers once.
		await writeClaim(shopify, 890003, {
			state: 'claimed',
			by: '4711/dead',
			at: new Date(Date.now() - 6 * 60_000).toISOString(),
		});
		const retried = await kit.run(node, params('shopifyClaim'), [parcel]);
		expect(retried.items[0].json).toMatchObject({ action: 'delivered' });
		const delivered = await deliveriesOf(890003);
		expect(delivered).toHaveLength(1);
		expect(await claimOf(shopify, 890003)).toMatchObject({
			state: 'delivered',
			delivery: delivered[0].DeliveryNumber,
		});
	});

	it('a worker that crashed after posting (claim left, delivery in Exact) is not repeated: the retry names its delivery', async () => {
		const shopify = await placed(7204);
		const parcel = fulfillment(shopify, 890004, 1, [[0, 1]]);
		const first = await kit.run(node, params('none'), [parcel]);
		expect(first.items[0].json.action).toBe('delivered');
		await writeClaim(shopify, 890004, {
			state: 'claimed',
			by: '4712/dead',
			at: new Date(Date.now() - 6 * 60_000).toISOString(),
		});
		const retried = await kit.run(node, params('shopifyClaim'), [parcel]);
		expect(retried.items[0].json).toMatchObject({
			action: 'skipped',
			reason: expect.stringMatching(/^already delivered as goods delivery/),
		});
		expect(await deliveriesOf(890004)).toHaveLength(1);
		expect((await claimOf(shopify, 890004)).state).toBe('delivered');
	});

	it('releases the claim when Exact refuses the delivery, so the next copy may deliver', async () => {
		const shopify = await placed(7205);
		const parcel = fulfillment(shopify, 890005, 1, [[0, 1]]);
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/salesorder/GoodsDeliveries`,
			status: 400,
			count: 1,
		});
		const refused = await kit.run(node, params('shopifyClaim'), [parcel], {
			continueOnFail: true,
		});
		expect(refused.items[0].json.error).toBeDefined();
		expect((await claimOf(shopify, 890005)).state).toBe('released');
		const next = await kit.run(node, params('shopifyClaim'), [parcel]);
		expect(next.items[0].json.action).toBe('delivered');
		expect(await deliveriesOf(890005)).toHaveLength(1);
	});

	it('finds the order by its name when order_id lost digits in JSON.parse (an id beyond 2^53), and claims on the right order', async () => {
		const shopify = order(7208);
		const exactId = '7795502398859983561'; // beyond 2^53: a JSON number rounds it to …983552
		Object.assign(shopify, { id: exactId, admin_graphql_api_id: `gid://shopify/Order/${exactId}` });
		await shopAdmin(shop, 'POST', 'orders', { orders: [shopify], topics: [] });
		await importOrder(kit, shopify);
		const parcel = { ...fulfillment(shopify, 890008, 1, [[0, 1]]), order_id: Number(exactId) };
		expect(String(BigInt(parcel.order_id))).not.toBe(exactId);
		await clearShopifyCalls(shop);
		const run = await kit.run(node, params('shopifyClaim'), [parcel]);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.action).toBe('delivered');
		expect(await deliveriesOf(890008)).toHaveLength(1);
		expect((await shopifyCalls(shop)).map((c) => c.rootFields.join())).toEqual([
			'orders',
			'order',
			'metafieldsSet',
			'metafieldsSet',
		]);
		expect(await claimOf(shopify, 890008)).toMatchObject({ state: 'delivered' });
	});

	it('names the order when no order of that name exists for an order_id that lost digits', async () => {
		const shopify = order(7209);
		await importOrder(kit, shopify);
		const parcel = { ...fulfillment(shopify, 890009, 1, [[0, 1]]), order_id: 2 ** 60 };
		const run = await kit.run(node, params('shopifyClaim'), [parcel], { continueOnFail: true });
		expect(run.items[0].json.error).toBe(
			`Shopify (find the order by name): no order named ${shopify.name} in this shop`,
		);
		expect(await deliveriesOf(890009)).toHaveLength(0);
	});

	it('asks for the Shopify Admin credential only when the guard is on (Deliver From Fulfilment)', () => {
		expect(node.description.credentials).toEqual([
			{ name: 'exactOnlineOAuth2Api', required: true },
			{
				name: 'shopifyAdminCommerceApi',
				required: true,
				displayOptions: {
					show: { operation: ['deliverFromFulfillment'], queueModeGuard: ['shopifyClaim'] },
				},
			},
		]);
		const option = node.description.properties.find((p) => p.name === 'queueModeGuard');
		expect(option).toMatchObject({ default: 'none' });
	});

	it('makes no Exact call for the claim: the same Exact calls as without the guard', async () => {
		const shopify = await placed(7206);
		await kit.clearCalls();
		await clearShopifyCalls(shop);
		await kit.run(node, params('shopifyClaim'), [fulfillment(shopify, 890006, 1, [[0, 1]])]);
		const withGuard = (await kit.calls()).map((c) => c.method + ' ' + c.path.split('?')[0]);
		expect((await shopifyCalls(shop)).map((c) => c.rootFields.join())).toEqual([
			'order',
			'metafieldsSet',
			'metafieldsSet',
		]);
		const other = await placed(7207);
		await kit.clearCalls();
		await kit.run(node, params('none'), [fulfillment(other, 890007, 1, [[0, 1]])]);
		const without = (await kit.calls()).map((c) => c.method + ' ' + c.path.split('?')[0]);
		expect(withGuard.map((c) => c.replace(/\(guid'[^']+'\)/, '(id)'))).toEqual(
			without.map((c) => c.replace(/\(guid'[^']+'\)/, '(id)')),
		);
	});
});
