/**
 * Account "Find or Create From Order" with "Remember Found Records Between Runs": static data is
 * carried from one execution to the next as n8n stores it (JSON, after a successful execution).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import type { ExactAccountRef } from '../../../nodes/core/document';
import { inMode } from '../flow/chain';
import { documentFor } from '../flow/documents';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { customers } from '../flow/syntheticOrders';
import type { SyntheticCustomer } from '../flow/syntheticOrders';

const node = new ExactOnlineAccount();
const clone = (data: IDataObject | undefined) =>
	JSON.parse(JSON.stringify(data ?? {})) as IDataObject;

describe('Account: remembered records between executions', () => {
	let kit: Kit;
	let data: IDataObject;
	let orderNumber = 8000;

	async function run(
		customer: SyntheticCustomer,
		options: INodeParameters = {},
		mode?: string,
	): Promise<{ ref: ExactAccountRef; calls: string[] }> {
		await kit.clearCalls();
		const result = await kit.run(
			mode ? inMode(node, mode) : node,
			{ operation: 'findOrCreateFromOrder', options },
			[documentFor({ number: ++orderNumber, customer })],
			{ staticData: clone(data) },
		);
		expect(result.error).toBeUndefined();
		data = clone(result.staticData);
		const json = result.items[0].json as { exact: { account: ExactAccountRef } };
		const calls = (await kit.calls()).map(
			(c) =>
				`${c.method} ${c.path
					.split('/')
					.slice(4)
					.join('/')
					.replace(/\(.*\)$/, '')} ${c.status}`,
		);
		return { ref: json.exact.account, calls };
	}

	const moved = (c: SyntheticCustomer): SyntheticCustomer => ({
		...c,
		street: `Nieuwe weg ${c.id.slice(-3)}`,
	});

	beforeAll(async () => {
		kit = await startKit();
	});
	beforeEach(() => {
		data = {};
	});
	afterAll(async () => kit.close());

	it('serves a returning customer from the remembered account and address without any Exact call', async () => {
		const customer = customers(1, 1201)[0];
		const first = await run(customer);
		expect(first.ref.action).toBe('created');
		const again = await run(customer);
		expect(again.calls).toEqual([]);
		expect(again.ref).toMatchObject({
			id: first.ref.id,
			code: first.ref.code,
			contactId: first.ref.contactId,
			deliveryAddressId: first.ref.deliveryAddressId,
			action: 'found',
		});
		// A new delivery address costs its own lookup and POST, but no account lookup.
		const elsewhere = await run(moved(customer));
		expect(elsewhere.calls).toEqual(['GET crm/Addresses 200', 'POST crm/Addresses 201']);
		expect(elsewhere.ref.id).toBe(first.ref.id);
		expect(elsewhere.ref.deliveryAddressId).not.toBe(first.ref.deliveryAddressId);
		expect((await run(moved(customer))).calls).toEqual([]);
	});

	it('notices an account deleted in Exact when adding a delivery address, and creates it again', async () => {
		const customer = customers(1, 1202)[0];
		const first = await run(customer);
		await kit.remove('crm/Accounts', first.ref.id);
		const after = await run(moved(customer));
		expect(after.calls).toContain('POST crm/Addresses 500');
		expect(after.calls).toContain('GET crm/Accounts 200');
		expect(after.ref.action).toBe('created');
		expect(after.ref.id).not.toBe(first.ref.id);
		const accounts = await kit.state<{ ID: string }>('crm/Accounts');
		expect(accounts.some((a) => a.ID === after.ref.id)).toBe(true);
		// The cache now holds the new account.
		const next = await run(moved(customer));
		expect(next.calls).toEqual([]);
		expect(next.ref.id).toBe(after.ref.id);
	});

	it('keeps serving a deleted account while nothing touches it, until Reset Cache is used', async () => {
		const customer = customers(1, 1203)[0];
		const first = await run(customer);
		await kit.remove('crm/Accounts', first.ref.id);
		const stale = await run(customer);
		expect(stale.calls).toEqual([]);
		expect(stale.ref.id).toBe(first.ref.id);
		const reset = await run(customer, { resetCache: true });
		expect(reset.calls[0]).toBe('GET crm/Accounts 200');
		expect(reset.ref.action).toBe('created');
		expect(reset.ref.id).not.toBe(first.ref.id);
		expect((await run(customer)).ref.id).toBe(reset.ref.id);
	});

	it('looks everything up again in a retried execution and refreshes the remembered account', async () => {
		const customer = customers(1, 1204)[0];
		const first = await run(customer);
		await kit.remove('crm/Accounts', first.ref.id);
		const retried = await run(customer, {}, 'retry');
		expect(retried.calls[0]).toBe('GET crm/Accounts 200');
		expect(retried.ref.action).toBe('created');
		const next = await run(customer);
		expect(next.calls).toEqual([]);
		expect(next.ref.id).toBe(retried.ref.id);
	});

	it('keeps nothing and looks the account up every time when the option is off', async () => {
		const customer = customers(1, 1205)[0];
		await run(customer, { rememberRecords: false });
		expect(data).toEqual({});
		const again = await run(customer, { rememberRecords: false });
		expect(again.ref.action).toBe('found');
		expect(again.calls).toEqual(['GET crm/Accounts 200', 'GET crm/Addresses 200']);
	});

	it('does not use remembered accounts while Update Contact Data is on (it needs the current data)', async () => {
		const customer = customers(1, 1206)[0];
		await run(customer);
		const updated = await run({ ...customer, lastName: 'Anders' }, { updateContactData: true });
		expect(updated.calls[0]).toBe('GET crm/Accounts 200');
		expect(updated.ref.action).toBe('updated');
	});
});
