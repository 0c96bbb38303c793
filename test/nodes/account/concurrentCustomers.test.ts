/**
 * Find or Create From Order when runs race: Exact has no unique key on accounts, so two runs that
 * both looked a new customer up before either created it must still leave one account. In one
 * process the keyed lock makes the second run wait and find the first one's account; across
 * processes the After Create Check removes the later copy.
 */
import { clearProcessMemory } from '../../../nodes/ExactOnline/shared/processMemory';
import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import type { INodeType } from 'n8n-workflow';

import { admin } from '../../helpers/exactSandbox';
import { documentFor } from '../flow/documents';
import { inOtherProcess, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { customers } from '../flow/syntheticOrders';
import type { SyntheticCustomer } from '../flow/syntheticOrders';

const node = new ExactOnlineAccount();
const params = { operation: 'findOrCreateFromOrder' };
const removeNewer = { ...params, options: { afterCreateCheck: 'removeNewer' } };
type Rec = Record<string, unknown>;
type AccountRef = { id: string; contactId: string | null; deliveryAddressId: string | null };

const refOf = (json: Rec) => (json.exact as { account: AccountRef }).account;
const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('Account: Find or Create From Order when runs race', () => {
	let kit: Kit;
	const accountsOf = async (c: SyntheticCustomer) =>
		(await kit.state<Rec>('crm/Accounts')).filter((a) => a.Email === c.email);
	const contactsOf = async (accountId: string) =>
		(await kit.state<Rec>('crm/Contacts')).filter((c) => c.Account === accountId);
	const deliveryAddressesOf = async (accountId: string) =>
		(await kit.state<Rec>('crm/Addresses')).filter((a) => a.Account === accountId && a.Type === 4);
	/** Delays the next `count` POSTs to an entity set, so both runs look up before either creates. */
	const delayPosts = async (entitySet: string, delayMs: number, count: number) =>
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/${entitySet}`,
			delayMs,
			count,
		});

	beforeAll(async () => {
		kit = await startKit();
		await kit.addCredential('second-credential');
	});
	// A delay the lock made unnecessary (the second run did not post) must not slow the next test.
	afterEach(async () => await admin(kit.sandbox, 'DELETE', 'faults'));
	afterAll(async () => kit.close());

	it('gives a new customer one account, contact and delivery address when two executions of this process run at the same moment', async () => {
		const customer = customers(1, 981)[0];
		const doc = documentFor({ number: 2501, customer });
		await delayPosts('crm/Accounts', 800, 2);
		const results = await Promise.all(
			[undefined, 'second-credential'].map(
				async (credentialId) => await kit.run(node, params, [doc], { credentialId }),
			),
		);
		const outputs = results.map((r) => r.items[0].json);
		expect(outputs.map((o) => o.action).sort()).toEqual(['created', 'found']);
		const accounts = await accountsOf(customer);
		expect(accounts).toHaveLength(1);
		expect(outputs.map((o) => refOf(o).id)).toEqual([accounts[0].ID, accounts[0].ID]);
		expect(await contactsOf(String(accounts[0].ID))).toHaveLength(1);
		const addresses = await deliveryAddressesOf(String(accounts[0].ID));
		expect(addresses).toHaveLength(1);
		expect(outputs.map((o) => refOf(o).deliveryAddressId)).toEqual([
			addresses[0].ID,
			addresses[0].ID,
		]);
	});

	it('adds a new delivery address of a known customer once when two executions of this process bring it at the same moment', async () => {
		const customer = customers(1, 982)[0];
		await kit.run(node, params, [documentFor({ number: 2502, customer })]);
		const moved = { ...customer, street: 'Nieuwe Gracht 12', postcode: '3512 LT' };
		const doc = documentFor({ number: 2503, customer: moved });
		await delayPosts('crm/Addresses', 800, 2);
		const results = await Promise.all(
			[undefined, 'second-credential'].map(
				async (credentialId) => await kit.run(node, params, [doc], { credentialId }),
			),
		);
		const [account] = await accountsOf(customer);
		const addresses = (await deliveryAddressesOf(String(account.ID))).filter(
			(a) => a.AddressLine1 === 'Nieuwe Gracht 12',
		);
		expect(addresses).toHaveLength(1);
		expect(results.map((r) => refOf(r.items[0].json).deliveryAddressId)).toEqual([
			addresses[0].ID,
			addresses[0].ID,
		]);
	});

	it('keeps one account when two processes create the same new customer at the same moment (After Create Check)', async () => {
		const OtherAccount = inOtherProcess(
			() =>
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				require('../../../nodes/ExactOnline/Account/ExactOnlineAccount.node')
					.ExactOnlineAccount as new () => INodeType,
		);
		const customer = customers(1, 983)[0];
		const doc = documentFor({ number: 2504, customer });
		await delayPosts('crm/Accounts', 800, 2);
		await kit.clearCalls();
		const results = await Promise.all([
			kit.run(node, removeNewer, [doc]),
			kit.run(new OtherAccount(), removeNewer, [doc], { credentialId: 'second-credential' }),
		]);
		const outputs = results.map((r) => r.items[0].json);
		// Both looked up before either created, so both created: the race really happened…
		expect(await kit.calls('crm/Accounts', 'POST')).toHaveLength(2);
		// …and the later copy was deleted again.
		expect(await kit.calls('crm/Accounts', 'DELETE')).toHaveLength(1);
		const accounts = await accountsOf(customer);
		expect(accounts).toHaveLength(1);
		const kept = String(accounts[0].ID);
		expect(outputs.map((o) => refOf(o).id)).toEqual([kept, kept]);
		const loser = outputs.find((o) => o.reason === 'duplicate removed')!;
		expect(loser.action).toBe('found');
		expect(String(loser.warning)).toMatch(/created first by a concurrent run, and was removed/);
		expect(outputs.filter((o) => o.action === 'created')).toHaveLength(1);
		expect(await contactsOf(kept)).toHaveLength(1);
		const addresses = await deliveryAddressesOf(kept);
		expect(addresses).toHaveLength(1);
		expect(refOf(loser)).toMatchObject({
			contactId: accounts[0].MainContact,
			deliveryAddressId: addresses[0].ID,
		});
	});

	it('keeps one new delivery address of a known customer when two processes add it at the same moment (After Create Check)', async () => {
		const OtherAccount = inOtherProcess(
			() =>
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				require('../../../nodes/ExactOnline/Account/ExactOnlineAccount.node')
					.ExactOnlineAccount as new () => INodeType,
		);
		const customer = customers(1, 991)[0];
		await kit.run(node, params, [documentFor({ number: 2512, customer })]);
		const moved = { ...customer, street: 'Oudegracht 231', postcode: '3511 NK' };
		const doc = documentFor({ number: 2513, customer: moved });
		await delayPosts('crm/Addresses', 800, 2);
		await kit.clearCalls();
		const results = await Promise.all([
			kit.run(node, removeNewer, [doc]),
			kit.run(new OtherAccount(), removeNewer, [doc], { credentialId: 'second-credential' }),
		]);
		// Both looked up before either added it, so both added it: the race really happened…
		expect(await kit.calls('crm/Addresses', 'POST')).toHaveLength(2);
		const [account] = await accountsOf(customer);
		const addresses = (await deliveryAddressesOf(String(account.ID))).filter(
			(a) => a.AddressLine1 === 'Oudegracht 231',
		);
		// …and the later copy was deleted again; both orders use the one that stays.
		expect(addresses).toHaveLength(1);
		expect(results.map((r) => refOf(r.items[0].json).deliveryAddressId)).toEqual([
			addresses[0].ID,
			addresses[0].ID,
		]);
		const warnings = results.map((r) => String(r.items[0].json.warning ?? ''));
		expect(warnings.filter((w) => /added first by a concurrent run; removed this run's copy/.test(w))).toHaveLength(1);
	});

	it("uses the older account, with its contact, and deletes its own when another process stored the customer while this run's create was on its way", async () => {
		const customer = customers(1, 984)[0];
		const doc = documentFor({ number: 2505, customer });
		await delayPosts('crm/Accounts', 600, 1);
		const running = kit.run(node, removeNewer, [doc]);
		await pause(250);
		const [other] = await kit.seed('crm/Accounts', [
			{ Name: 'Concurrent copy', Email: customer.email, Status: 'C' },
		]);
		const [contact] = await kit.seed('crm/Contacts', [
			{ Account: other.ID, LastName: customer.lastName, Email: customer.email },
		]);
		const result = await running;
		expect(result.items[0].json).toMatchObject({ action: 'found', reason: 'duplicate removed' });
		expect((await accountsOf(customer)).map((a) => a.ID)).toEqual([other.ID]);
		const addresses = await deliveryAddressesOf(String(other.ID));
		expect(addresses).toHaveLength(1);
		expect(refOf(result.items[0].json)).toMatchObject({
			id: other.ID,
			contactId: contact.ID,
			deliveryAddressId: addresses[0].ID,
		});
	});

	it('goes on with the older account and reports it when its own copy cannot be deleted', async () => {
		const customer = customers(1, 986)[0];
		const doc = documentFor({ number: 2506, customer });
		await delayPosts('crm/Accounts', 600, 1);
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'DELETE',
			pathPrefix: `/api/v1/${kit.division}/crm/Accounts`,
			status: 500,
			message: 'This account cannot be deleted: it is used in sales orders.',
			count: 5,
		});
		const running = kit.run(node, removeNewer, [doc]);
		await pause(250);
		const [other] = await kit.seed('crm/Accounts', [
			{ Name: 'Concurrent copy', Email: customer.email, Status: 'C' },
		]);
		const result = await running;
		const json = result.items[0].json;
		expect(result.error).toBeUndefined();
		expect(json).toMatchObject({ action: 'found', reason: 'duplicate removed' });
		expect(refOf(json).id).toBe(other.ID);
		expect(String(json.warning)).toMatch(
			/could not be removed: .*cannot be deleted: it is used in sales orders/,
		);
		expect(await accountsOf(customer)).toHaveLength(2);
	});

	it('only reports a second account when the check is set to report', async () => {
		const customer = customers(1, 987)[0];
		const doc = documentFor({ number: 2507, customer });
		await delayPosts('crm/Accounts', 600, 1);
		const running = kit.run(node, { ...params, options: { afterCreateCheck: 'report' } }, [doc]);
		await pause(250);
		await kit.seed('crm/Accounts', [{ Name: 'Concurrent copy', Email: customer.email }]);
		const result = await running;
		expect(result.items[0].json.action).toBe('created');
		expect(String(result.items[0].json.warning)).toMatch(
			/Duplicate: accounts \d+, \d+ are the same customer/,
		);
		expect(await accountsOf(customer)).toHaveLength(2);
	});

	it('costs no extra call for a found customer, one account and one delivery-address lookup for a created one, none for one this process remembers', async () => {
		const calls = async (run: () => Promise<unknown>) => {
			await kit.clearCalls();
			await run();
			return (await kit.calls()).map((c) => `${c.method} ${c.path.split('/').slice(-1)[0]}`);
		};
		const [plain, checked] = customers(2, 988);
		const unchecked = await calls(
			async () => await kit.run(node, params, [documentFor({ number: 2508, customer: plain })]),
		);
		const created = await calls(
			async () =>
				await kit.run(node, removeNewer, [documentFor({ number: 2509, customer: checked })]),
		);
		expect(created).toEqual([...unchecked, 'GET Addresses', 'GET Accounts']);
		// This process remembers the account it created: the next order of that customer costs nothing.
		const remembered = await calls(
			async () =>
				await kit.run(node, removeNewer, [documentFor({ number: 2511, customer: checked })]),
		);
		expect(remembered).toEqual([]);
		// After a restart (memory gone, no static data here) it is looked up, with no extra check.
		clearProcessMemory();
		const found = await calls(
			async () =>
				await kit.run(node, removeNewer, [documentFor({ number: 2510, customer: checked })]),
		);
		expect(found).toEqual(['GET Accounts', 'GET Addresses']);
	});
});
