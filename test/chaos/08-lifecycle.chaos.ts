/**
 * Scenario 8, the order after import: Shopify fulfilments and cancellations arrive 1–3 times each,
 * copies at the same moment, shuffled across orders, some fulfilments before their order's import
 * finished (they fail, and their retry after the import delivers), some cancellations after the
 * order was fulfilled. The Sales Order node runs with the fulfilments and order changes templates'
 * parameters. Reconciled against Exact: every fulfilment is one goods delivery of exactly its
 * quantities, no fulfilment is delivered twice or lost, a cancelled order without deliveries is
 * gone and one with deliveries is kept, and every shipping line is delivered once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/harness';
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { chaosOrders, nameOf } from './support/orders';
import { runOrderWorkflow, sharedNodes } from './support/pipeline';
import type { NodeSet } from './support/pipeline';
import { expectNoLeaks, writeRow } from './support/scenario';

type Json = Record<string, any>;

const ROOT = path.join(__dirname, '..', '..');
const templateNode = (file: string, name: string): INodeParameters => {
	const wf = JSON.parse(readFileSync(path.join(ROOT, 'workflows', file), 'utf8')) as {
		nodes: Array<{ name: string; parameters: INodeParameters }>;
	};
	return JSON.parse(JSON.stringify(wf.nodes.find((n) => n.name === name)?.parameters));
};

let env: ChaosEnv;
let nodes: NodeSet;
const started = Date.now();
const orders = chaosOrders(60, 80001, 81, 20) as Json[];
/** 35 imported then fulfilled; 10 fulfilled before their import; 10 cancelled unfulfilled; 5 cancelled after fulfilment. */
const [fulfilledLater, fulfilledEarly, cancelledOpen, cancelledShipped] = [
	orders.slice(0, 35),
	orders.slice(35, 45),
	orders.slice(45, 55),
	orders.slice(55),
];

/** A seeded shuffle (mulberry32), so a run can be replayed. */
function shuffled<T>(list: T[], seed: number): T[] {
	let a = seed >>> 0;
	const random = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** The order's goods in two fulfilments when it has more than one unit, else one. */
function fulfilmentsOf(order: Json, index: number): Json[] {
	const units = (order.line_items as Json[]).flatMap((l) =>
		Array.from({ length: l.quantity }, () => l),
	);
	const cut = Math.ceil(units.length / 2);
	const parts = units.length > 1 ? [units.slice(0, cut), units.slice(cut)] : [units];
	return parts.map((part, seq) => {
		const quantities = new Map<Json, number>();
		for (const line of part) quantities.set(line, (quantities.get(line) ?? 0) + 1);
		const id = 660_000_000 + index * 10 + seq;
		return {
			id,
			admin_graphql_api_id: `gid://shopify/Fulfillment/${id}`,
			order_id: order.id,
			name: `${order.name}.${seq + 1}`,
			status: 'success',
			created_at: '2026-07-02T14:05:24+02:00',
			location_id: 1001,
			tracking_number: `3SCH${id}`,
			line_items: [...quantities].map(([line, quantity]) => ({ ...line, quantity })),
		};
	});
}

interface Run {
	payload: Json;
	json: IDataObject;
}

async function runSalesOrder(parameters: INodeParameters, payloads: Json[]): Promise<Run[]> {
	return await Promise.all(
		payloads.map(async (payload) => {
			const result = await runNode({
				node: nodes.salesOrder,
				parameters: {
					...parameters,
					division: { __rl: true, mode: 'id', value: String(env.division) },
				},
				items: [payload],
				credentials: env.store,
				continueOnFail: true,
			});
			return { payload, json: result.items[0]?.json ?? { error: String(result.error?.message) } };
		}),
	);
}

/** Runs the events `concurrency` at a time; each copy is its own execution. */
async function inBatches(
	parameters: INodeParameters,
	payloads: Json[],
	concurrency = 6,
): Promise<Run[]> {
	const runs: Run[] = [];
	for (let i = 0; i < payloads.length; i += concurrency)
		runs.push(...(await runSalesOrder(parameters, payloads.slice(i, i + concurrency))));
	return runs;
}

const copiesOf = (list: Json[], seed: number) =>
	shuffled(
		list.flatMap((item, i) => Array.from({ length: 1 + ((i + seed) % 3) }, () => item)),
		seed,
	);

beforeAll(async () => {
	env = await startChaosEnv();
	nodes = sharedNodes();
	// The template's Queue-Mode Guard claims each delivery on the Shopify order: the shop has the
	// orders, and the Sales Order node gets the Shopify Admin credential as in the template.
	env.store.add({
		id: 'shopify-admin',
		name: 'Shopify Admin account',
		type: 'shopifyAdminCommerceApi',
		data: {
			shopDomain: env.shopify.shopDomain,
			accessToken: env.shopify.accessToken,
			apiVersion: '2026-01',
			customBaseUrl: env.shopify.baseUrl,
		},
	});
	await env.shopifyAdmin('POST', 'orders', { orders, topics: [] });
});

afterAll(async () => {
	await env.close();
});

describe('scenario 8: fulfilments and cancellations after import, duplicated and out of order', () => {
	it('delivers every fulfilment once, exactly its quantities; cancels only what nothing was delivered on', async () => {
		const deliver = templateNode('shopify-fulfilments-to-exact.json', 'Deliver Fulfilment');
		const cancel = templateNode('shopify-order-changes-to-exact.json', 'Cancel in Exact');
		const early = fulfilledEarly.flatMap((o, i) => fulfilmentsOf(o, 100 + i));
		// Fulfilments before the import: they fail (nothing delivered) and are retried afterwards.
		const firstTry = await inBatches(deliver, early);
		const firstFailures = firstTry.filter((r) => r.json.error).length;
		const imported = await runOrderWorkflow(env, orders, nodes);
		expect(imported.filter((o) => o.error)).toEqual([]);
		const later = [...fulfilledLater, ...cancelledShipped].flatMap((o, i) => fulfilmentsOf(o, i));
		const runs = await inBatches(deliver, copiesOf([...later, ...early], 8));
		const cancels = await inBatches(
			cancel,
			copiesOf(
				[...cancelledOpen, ...cancelledShipped].map((o) => ({
					...o,
					cancelled_at: '2026-07-03T09:00:00+02:00',
				})),
				5,
			),
		);

		const state = async (set: string) =>
			(await env.admin<{ records: Json[] }>('GET', `state/${set}?division=${env.division}`))
				.records;
		const deliveries = await state('salesorder/GoodsDeliveries');
		const deliveryLines = await state('salesorder/GoodsDeliveryLines');
		const salesOrders = await state('salesorder/SalesOrders');
		const fulfilments = [...later, ...early];
		let duplicates = 0;
		let lost = 0;
		let wrong = 0;
		for (const f of fulfilments) {
			const mine = deliveries.filter((d) =>
				String(d.Description).startsWith(`Shopify fulfilment ${f.id} `),
			);
			if (mine.length === 0) lost++;
			duplicates += Math.max(0, mine.length - 1);
			// The shipping lines go with an order's first parcel; they are not Shopify's units.
			const delivered = deliveryLines
				.filter(
					(l) =>
						mine.some((d) => d.EntryID === l.EntryID) && String(l.ItemCode).trim() !== 'SHIPMENT',
				)
				.reduce((sum, l) => sum + Number(l.QuantityDelivered), 0);
			const shipped = (f.line_items as Json[]).reduce((sum, l) => sum + Number(l.quantity), 0);
			if (mine.length === 1 && delivered !== shipped) wrong++;
		}
		const shippingLines = (await state('salesorder/SalesOrderLines')).filter(
			(l) =>
				String(l.ItemCode).trim() === 'SHIPMENT' &&
				salesOrders.some(
					(o) => o.OrderID === l.OrderID && !cancelledOpen.some((c) => nameOf(c) === o.YourRef),
				),
		);
		const shippingWrong = shippingLines.filter(
			(l) => Number(l.QuantityDelivered) !== Number(l.Quantity),
		).length;
		const present = (o: Json) => salesOrders.some((s) => s.YourRef === nameOf(o));
		const wronglyKept = cancelledOpen.filter(present).length;
		const wronglyRemoved = cancelledShipped.filter((o) => !present(o)).length;
		const failed = [...runs, ...cancels].filter((r) => r.json.error);
		writeRow(
			'8. Fulfilments (1–3 copies at once, shuffled, 10 orders before their import) and cancellations (unfulfilled and fulfilled) after import',
			{
				orders: fulfilments.length,
				imported: fulfilments.length - lost,
				failed: failed.length,
				reasons: [],
				duplicates,
				lost,
				duplicated: {},
				lostNames: [],
				failures: {},
				falseFailures: [],
			},
			started,
			`counted in fulfilments (${runs.length} executions); ${firstFailures} fulfilments before their import failed and were delivered on retry; ${cancelledOpen.length} unfulfilled cancellations removed, ${cancelledShipped.length} fulfilled kept`,
			firstFailures,
		);
		expect(firstFailures).toBe(early.length);
		// Every fulfilment went through the template's Queue-Mode Guard: claimed, then marked
		// delivered (or released after a failure before anything was written) in Shopify.
		const claimWrites = (
			await env.shopifyAdmin<{ calls: Array<{ rootFields?: string[] }> }>('GET', 'calls')
		).calls.filter((c) => c.rootFields?.includes('metafieldsSet')).length;
		expect(claimWrites).toBeGreaterThanOrEqual(2 * fulfilments.length);
		expect(failed.map((r) => r.json.error)).toEqual([]);
		expect(shippingLines.length).toBeGreaterThan(0);
		expect({ duplicates, lost, wrong, shippingWrong, wronglyKept, wronglyRemoved }).toEqual({
			shippingWrong: 0,
			duplicates: 0,
			lost: 0,
			wrong: 0,
			wronglyKept: 0,
			wronglyRemoved: 0,
		});
		expect(cancels.filter((r) => r.json.action === 'kept').length).toBeGreaterThanOrEqual(
			cancelledShipped.length,
		);
		expectNoLeaks(env);
	});
});
