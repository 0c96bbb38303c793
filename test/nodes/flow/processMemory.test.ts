/**
 * What the Exact nodes remember is shared by the executions of one n8n process. n8n gives every
 * execution the workflow's static data as it was when the execution started and saves it when the
 * execution ends, so executions that overlap (a burst of webhooks) never see each other's static
 * data. These tests run executions through n8n-core as overlapping executions do: each with the
 * static data of before, or truly at the same time, and prove the second does not read again.
 */
import type { IDataObject } from 'n8n-workflow';

import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import { ExactOnlineItem } from '../../../nodes/ExactOnline/Item/ExactOnlineItem.node';
import { clearProcessMemory } from '../../../nodes/ExactOnline/shared/processMemory';
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import { ExactProbe } from '../../helpers/ExactProbe.node';
import { admin, calls } from '../../helpers/exactSandbox';
import { runNode } from '../../helpers/harness';
import { documentOf, resolve } from '../vatResolver/helpers';
import { runChain, workflowMemory } from './chain';
import { ITEMS, mapSpecs } from './documents';
import { startKit } from './exactTestKit';
import type { Kit } from './exactTestKit';
import { customers } from './syntheticOrders';
import type { OrderSpec } from './syntheticOrders';

const EMPTY_DIVISION = { __rl: true, mode: 'list', value: '' };

/** Calls since the last clear, as "METHOD entity" (division and keys left out). */
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

describe('memory shared by concurrent executions of one n8n process', () => {
	let kit: Kit;
	const customer = customers(1, 4242)[0];
	const order = (number: number): OrderSpec => ({
		number,
		customer,
		guest: false,
		lines: [
			{ item: ITEMS[0], quantity: 1 },
			{ item: ITEMS[1], quantity: 2 },
		],
		shippingCents: 495,
	});

	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => {
		await kit.close();
	});

	it('a second execution that started before the first saved its static data does not look the customer or items up again', async () => {
		// Both executions start from the same (empty) static data, as overlapping executions do.
		const first = await runChain(kit, mapSpecs([order(61001)]), {}, workflowMemory());
		expect(first.errors).toEqual([]);
		await kit.clearCalls();
		const second = await runChain(kit, mapSpecs([order(61002)]), {}, workflowMemory());
		expect(second.errors).toEqual([]);
		expect(second.orders[0].action).toBe('created');
		// Only the YourRef lookup and the POST: the account, address and items came from memory.
		expect(await callsOf(kit)).toEqual([
			'GET salesorder/SalesOrders',
			'POST salesorder/SalesOrders',
		]);
	});

	it('a repeated webhook of an order this process imported costs no Exact call', async () => {
		const memory = workflowMemory();
		const created = await runChain(kit, mapSpecs([order(61003)]), {}, memory);
		expect(created.orders[0].action).toBe('created');
		await kit.clearCalls();
		const again = await runChain(kit, mapSpecs([order(61003)]), {}, workflowMemory());
		expect(again.errors).toEqual([]);
		expect(again.orders[0].action).toBe('skipped');
		expect((again.orders[0].exact as IDataObject).salesOrder).toMatchObject({
			number: (created.orders[0].exact as { salesOrder: { number: number } }).salesOrder.number,
		});
		expect(await callsOf(kit)).toEqual([]);
		// Turned off, the YourRef is looked up as before.
		const looked = await runChain(
			kit,
			mapSpecs([order(61003)]),
			{ salesOrder: { options: { rememberImportedOrders: false } } },
			workflowMemory(),
		);
		expect(looked.orders[0].action).toBe('skipped');
		expect(await callsOf(kit)).toEqual(['GET salesorder/SalesOrders']);
	});

	it('after a restart (memory gone) the static data saved by a finished run still serves', async () => {
		const memory = workflowMemory();
		await runChain(kit, mapSpecs([order(61004)]), {}, memory);
		clearProcessMemory();
		await kit.clearCalls();
		const result = await runChain(kit, mapSpecs([order(61005)]), {}, memory);
		expect(result.orders[0].action).toBe('created');
		expect(await callsOf(kit)).toEqual([
			'GET salesorder/SalesOrders',
			'POST salesorder/SalesOrders',
		]);
	});

	it('two Sales Order executions at the same moment with the same order create it once, without a read-back', async () => {
		const account = await kit.run(
			new ExactOnlineAccount(),
			{ operation: 'findOrCreateFromOrder' },
			mapSpecs([order(61006)]),
		);
		const items = await kit.run(
			new ExactOnlineItem(),
			{ operation: 'ensureItemsForOrder' },
			account.items.map((i) => i.json),
		);
		const docs = items.items.map((i) => i.json);
		await kit.clearCalls();
		const node = new ExactOnlineSalesOrder();
		const runs = await Promise.all([
			kit.run(node, { operation: 'createFromOrder' }, docs),
			kit.run(node, { operation: 'createFromOrder' }, docs),
		]);
		expect(runs.map((r) => r.items[0].json.action).sort()).toEqual(['created', 'skipped']);
		// Both looked the YourRef up before either posted; the second learned of the create from memory.
		expect((await callsOf(kit)).sort()).toEqual([
			'GET salesorder/SalesOrders',
			'GET salesorder/SalesOrders',
			'POST salesorder/SalesOrders',
		]);
		const orders = await kit.state<{ YourRef: string }>('salesorder/SalesOrders');
		expect(orders.filter((o) => o.YourRef === '#61006')).toHaveLength(1);
	});
});

describe('VAT codes and the current division, shared by executions running at the same time', () => {
	let kit: Kit;

	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => {
		await kit.close();
	});

	const env = () => ({ sandbox: kit.sandbox, credentials: kit.credentials, viesBaseUrl: '' });

	it('two VAT Resolver executions in parallel load the VAT codes once', async () => {
		await admin(kit.sandbox, 'DELETE', 'calls');
		const [a, b] = await Promise.all([
			resolve(env(), [documentOf('de-b2c-oss')], { options: { viesCheck: 'off' } }, false, {}),
			resolve(env(), [documentOf('fr-b2c-oss')], { options: { viesCheck: 'off' } }, false, {}),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		const loads = (await calls(kit.sandbox)).filter((c) => c.path.endsWith('/vat/VATCodes'));
		expect(loads).toHaveLength(1);
		// A third execution later (static data of before: empty) reads nothing.
		await admin(kit.sandbox, 'DELETE', 'calls');
		const c = await resolve(
			env(),
			[documentOf('de-b2c-oss')],
			{ options: { viesCheck: 'off' } },
			false,
			{},
		);
		expect(c.items[0].json.exactCalls).toBe(0);
		expect(await calls(kit.sandbox)).toHaveLength(0);
	});

	it('an empty Division reads current/Me once for executions in parallel, names the division in every output, and warns when it changes', async () => {
		await admin(kit.sandbox, 'DELETE', 'calls');
		const probe = (staticData: IDataObject) =>
			runNode({
				node: new ExactProbe(),
				parameters: { division: EMPTY_DIVISION },
				items: [{ op: 'division' }, { op: 'division' }],
				credentials: kit.credentials,
				staticData,
			});
		const staticData: IDataObject = {};
		const runs = await Promise.all([probe(staticData), probe({}), probe({})]);
		for (const run of runs) {
			expect(run.error).toBeUndefined();
			expect(run.items.map((i) => i.json.exactDivision)).toEqual([kit.division, kit.division]);
			expect(run.items[0].json.divisionWarning).toBeUndefined();
		}
		const me = (await calls(kit.sandbox)).filter((c) => c.path === '/api/v1/current/Me');
		expect(me).toHaveLength(1);

		// The user opens the other administration in Exact; after a restart n8n reads it again.
		const other = kit.division + 1;
		await admin(kit.sandbox, 'PUT', 'user', { currentDivision: other });
		try {
			clearProcessMemory();
			const changed = await probe(staticData);
			expect(changed.items.map((i) => i.json.exactDivision)).toEqual([other, other]);
			expect(String(changed.items[0].json.divisionWarning)).toContain(
				`changed from ${kit.division} to ${other}`,
			);
			// Said once: the next run of the same node has nothing to warn about.
			const next = await probe(staticData);
			expect(next.items[0].json.divisionWarning).toBeUndefined();
		} finally {
			await admin(kit.sandbox, 'PUT', 'user', { currentDivision: kit.division });
		}
	});

	it('a division chosen in the node is named in the output without reading current/Me', async () => {
		await admin(kit.sandbox, 'DELETE', 'calls');
		const run = await runNode({
			node: new ExactProbe(),
			parameters: { division: { __rl: true, mode: 'id', value: String(kit.division) } },
			items: [{ op: 'division' }],
			credentials: kit.credentials,
		});
		expect(run.items[0].json.exactDivision).toBe(kit.division);
		expect(await calls(kit.sandbox)).toHaveLength(0);
	});
});
