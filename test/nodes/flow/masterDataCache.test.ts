/**
 * "Remember Found Records Between Runs": the Shopify Trigger starts one execution per order, so
 * per-execution batching cannot amortise the account, address and item lookups. With the static
 * data carried between executions as n8n does for an active workflow, a known customer's order of
 * known items costs only the Sales Order's YourRef lookup and POST; with the option off, five calls.
 */
import type { IDataObject } from 'n8n-workflow';

import { runChain, workflowMemory } from './chain';
import type { ChainParameters, WorkflowMemory } from './chain';
import { ITEMS, mapSpecs } from './documents';
import { startKit } from './exactTestKit';
import type { Kit } from './exactTestKit';
import { customers, orderSpecs } from './syntheticOrders';
import type { OrderSpec } from './syntheticOrders';

const CUSTOMERS = customers(10, 700);
const SKUS = ITEMS.slice(0, 12);
const STEADY = 50;
const OFF = { rememberRecords: false };

/** Per execution: the calls by "METHOD path" (entity set only). */
async function callsOf(kit: Kit): Promise<string[]> {
	return (await kit.calls()).map(
		(c) =>
			`${c.method} ${c.path
				.split('/')
				.slice(4)
				.join('/')
				.replace(/\(.*\)$/, '')}`,
	);
}

async function singleOrderExecutions(
	kit: Kit,
	specs: OrderSpec[],
	memory: WorkflowMemory,
	parameters: ChainParameters = {},
): Promise<string[][]> {
	const perExecution: string[][] = [];
	for (const doc of mapSpecs(specs)) {
		await kit.clearCalls();
		const result = await runChain(kit, [doc], parameters, memory);
		expect(result.errors).toEqual([]);
		expect(result.orders).toHaveLength(1);
		perExecution.push(await callsOf(kit));
	}
	return perExecution;
}

/** The cache entries a node keeps in its static data (n8n files it under `node:<name>`). */
function entries(memory: WorkflowMemory, step: string, slot: string): IDataObject {
	const nodeData = Object.values(memory.staticData[step] ?? {})[0] as IDataObject | undefined;
	return ((nodeData?.[slot] as IDataObject | undefined)?.entries ?? {}) as IDataObject;
}

const average = (runs: string[][]) =>
	Math.round((runs.reduce((n, r) => n + r.length, 0) / runs.length) * 100) / 100;

describe('order flow, one order per execution, with remembered master data', () => {
	let kit: Kit;
	const figures: IDataObject = {};
	// Warm-up: every customer once, together covering every SKU, all with shipping.
	const warmUp: OrderSpec[] = CUSTOMERS.map((customer, i) => ({
		number: 50001 + i,
		customer,
		guest: false,
		lines: [SKUS[i], SKUS[i + 10]]
			.filter((item) => item !== undefined)
			.map((item) => ({ item, quantity: 1 })),
		shippingCents: 495,
	}));
	const steady = orderSpecs({
		seed: 55,
		count: STEADY,
		firstNumber: 51001,
		knownCustomers: CUSTOMERS,
		newCustomers: [],
		newShare: 0,
		items: SKUS,
		shippingShare: 0.8,
	});

	beforeAll(async () => {
		kit = await startKit();
		const accounts = await kit.seed(
			'crm/Accounts',
			CUSTOMERS.map((c) => ({
				Name: c.company ?? `${c.firstName} ${c.lastName}`,
				Status: 'C',
				Email: c.email,
				VATNumber: c.vatNumber,
				CodeAtSupplier: c.id,
			})),
		);
		await kit.seed(
			'crm/Contacts',
			accounts.map((a, i) => ({ Account: a.ID, LastName: CUSTOMERS[i].lastName })),
		);
		await kit.seed(
			'logistics/Items',
			SKUS.map((s) => ({ Code: s.sku, Description: s.title, IsSalesItem: true })),
		);
	});
	afterAll(async () => {
		console.log(`Exact calls per single-order execution:\n${JSON.stringify(figures, null, 2)}`);
		await kit.close();
	});

	it('costs at most 2 Exact calls (YourRef lookup + POST) per order once warm, over 50 executions', async () => {
		const memory = workflowMemory();
		const warm = await singleOrderExecutions(kit, warmUp, memory);
		const runs = await singleOrderExecutions(kit, steady, memory);
		figures.warmUp = { executions: warm.length, callsPerOrder: average(warm) };
		figures.warm = {
			executions: runs.length,
			callsPerOrder: average(runs),
			max: Math.max(...runs.map((r) => r.length)),
		};
		for (const calls of runs) {
			expect(calls).toEqual(['GET salesorder/SalesOrders', 'POST salesorder/SalesOrders']);
		}
		expect((await kit.state('salesorder/SalesOrders')).length).toBe(warmUp.length + STEADY);
		expect(Object.keys(entries(memory, 'account', 'accounts'))).toHaveLength(10);
		// 12 SKUs and the shipping item.
		expect(Object.keys(entries(memory, 'item', 'items'))).toHaveLength(13);
	});

	it('looks everything up again in every execution when the option is off (the old behaviour)', async () => {
		const memory = workflowMemory();
		const specs = steady.slice(0, 10).map((s, i) => ({ ...s, number: 52001 + i }));
		const runs = await singleOrderExecutions(kit, specs, memory, {
			account: { options: OFF },
			item: { options: OFF },
		});
		figures.optionOff = { executions: runs.length, callsPerOrder: average(runs) };
		for (const calls of runs) {
			expect([...calls].sort()).toEqual([
				'GET crm/Accounts',
				'GET crm/Addresses',
				'GET logistics/Items',
				'GET salesorder/SalesOrders',
				'POST salesorder/SalesOrders',
			]);
		}
		expect(memory.staticData.account).toEqual({});
		expect(memory.staticData.item).toEqual({});
	});
});
