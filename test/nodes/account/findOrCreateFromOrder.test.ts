import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import { documentFor } from '../flow/documents';
import { filterOf, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { customers } from '../flow/syntheticOrders';
import type { SyntheticCustomer } from '../flow/syntheticOrders';

const node = new ExactOnlineAccount();
const params = { operation: 'findOrCreateFromOrder' };

/** Jansen and Korenbloem are accounts of the sandbox's demo division. */
const jansen: SyntheticCustomer = {
	...customers(1, 901)[0],
	email: 'JANSEN@fietsen.example',
	street: 'Damrak 5',
	postcode: '1012 LG',
	city: 'Amsterdam',
};
const korenbloem: SyntheticCustomer = {
	...customers(1, 902)[0],
	company: 'Bakkerij De Korenbloem',
	vatNumber: 'NL001234567B01',
	street: 'Bakkerstraat 3',
	postcode: '3512AB',
	city: 'utrecht',
};
const newcomer = customers(1, 951)[0];

describe('Account: Find or Create From Order', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	it('matches known customers and creates new ones with one account lookup for all orders', async () => {
		const docs = [
			documentFor({ number: 2001, customer: jansen }),
			documentFor({ number: 2002, customer: newcomer }),
			documentFor({ number: 2003, customer: korenbloem }),
			// The newcomer again, with a new e-mail address: found by the Shopify customer id.
			documentFor({ number: 2004, customer: { ...newcomer, email: 'new-address@example.nl' } }),
		];
		await kit.clearCalls();
		const result = await kit.run(node, params, docs);
		expect(result.error).toBeUndefined();
		const accountGets = await kit.calls('crm/Accounts', 'GET');
		expect(accountGets).toHaveLength(1);
		const filter = filterOf(accountGets[0]);
		expect(filter).toContain("Email eq 'jansen@fietsen.example'");
		expect(filter).toContain("VATNumber eq 'NL001234567B01'");
		expect(filter).toContain(`CodeAtSupplier eq '${newcomer.id}'`);
		expect(await kit.calls('crm/Addresses', 'GET')).toHaveLength(1);
		expect(await kit.calls('crm/Accounts', 'POST')).toHaveLength(1);
		expect(await kit.calls('crm/Contacts', 'POST')).toHaveLength(1);
		// Jansen has no delivery address yet, the newcomer gets one; Korenbloem's is reused.
		expect(await kit.calls('crm/Addresses', 'POST')).toHaveLength(2);
		expect(await kit.calls(undefined, 'PUT')).toHaveLength(0);

		const refs = result.items.map(
			(i) => (i.json.exact as { account: Record<string, unknown> }).account,
		);
		expect(refs.map((r) => [r.action, r.matchedBy])).toEqual([
			['found', 'email'],
			['created', null],
			['found', 'vatNumber'],
			['found', 'shopifyCustomerId'],
		]);
		expect(result.items.map((i) => i.json.action)).toEqual(['found', 'created', 'found', 'found']);
		expect(refs[1].id).toBe(refs[3].id);
		expect(refs[1].deliveryAddressId).toBe(refs[3].deliveryAddressId);
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items.map((i) => i.json.exactCalls)).toEqual([1, 3, 0, 0]);
		expect(result.items.every((i) => i.json.exactBatchCalls === 6)).toBe(true);

		const accounts = await kit.state<Record<string, unknown>>('crm/Accounts');
		const created = accounts.find((a) => a.ID === refs[1].id)!;
		expect(created).toMatchObject({
			Name: `${newcomer.firstName} ${newcomer.lastName}`,
			Status: 'C',
			IsSales: true,
			CodeAtSupplier: newcomer.id,
			Language: 'NL',
		});
		expect(created.MainContact).toBe(refs[1].contactId);
		const korenbloemAddresses = (await kit.state<Record<string, unknown>>('crm/Addresses')).filter(
			(a) => a.Account === refs[2].id && a.Type === 4,
		);
		expect(korenbloemAddresses).toHaveLength(1);
		expect(refs[2].deliveryAddressId).toBe(korenbloemAddresses[0].ID);
	});

	it('changes nothing when the same orders come again', async () => {
		const docs = [
			documentFor({ number: 2001, customer: jansen }),
			documentFor({ number: 2002, customer: newcomer }),
		];
		await kit.clearCalls();
		const result = await kit.run(node, params, docs);
		expect(result.items.map((i) => i.json.action)).toEqual(['found', 'found']);
		const log = await kit.calls();
		expect(log.map((c) => `${c.method} ${c.path.split('/').slice(-1)[0]}`)).toEqual([
			'GET Accounts',
			'GET Addresses',
		]);
	});

	it('books guest orders on one shared guest account, created once', async () => {
		const guests = [0, 1].map((i) =>
			documentFor({ number: 2100 + i, customer: customers(1, 961 + i)[0], guest: true }),
		);
		const shared = { ...params, guestOrders: 'shared', guestAccountName: 'Webshop gasten' };
		await kit.clearCalls();
		const first = await kit.run(node, shared, guests);
		const refs = first.items.map(
			(i) => (i.json.exact as { account: Record<string, unknown> }).account,
		);
		expect(refs.map((r) => r.action)).toEqual(['created', 'found']);
		expect(refs[0].id).toBe(refs[1].id);
		expect(refs[0].matchedBy).toBe('guest');
		expect(filterOf((await kit.calls('crm/Accounts', 'GET'))[0])).toBe("Name eq 'Webshop gasten'");
		expect(await kit.calls('crm/Contacts', 'POST')).toHaveLength(0);
		const again = await kit.run(node, shared, [guests[0]]);
		expect(
			(again.items[0].json.exact as { account: { id: string; action: string } }).account,
		).toMatchObject({ id: refs[0].id, action: 'found' });
	});

	it('updates changed contact data of a found account when asked', async () => {
		const moved = { ...newcomer, firstName: 'Renamed', email: newcomer.email };
		const doc = documentFor({ number: 2200, customer: moved });
		doc.customer.phone = '+31 6 11112222';
		await kit.clearCalls();
		const result = await kit.run(node, { ...params, options: { updateContactData: true } }, [doc]);
		expect(result.items[0].json.action).toBe('updated');
		expect((await kit.calls('crm/Contacts', 'GET')).length).toBe(1);
		const puts = await kit.calls(undefined, 'PUT');
		expect(
			puts.map((c) =>
				c.path
					.split('/')
					.slice(-1)[0]
					.replace(/\(.*\)/, ''),
			),
		).toEqual(['Accounts', 'Contacts']);
		const contact = (await kit.state<Record<string, unknown>>('crm/Contacts')).find(
			(c) => c.Email === newcomer.email,
		);
		expect(contact).toMatchObject({ FirstName: 'Renamed', Phone: '+31 6 11112222' });
	});

	it('reports a bad item with continueOnFail and goes on with the others', async () => {
		const docs = [{ not: 'a document' }, documentFor({ number: 2001, customer: jansen })];
		const result = await kit.run(node, params, docs, { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.error).toMatch(/Item 0 is not an order document/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[1].json.action).toBe('found');
		const failed = await kit.run(node, params, docs);
		expect(failed.error?.message).toMatch(/not an order document/);
	});

	it('fails an order whose customer has nothing to match on, naming the order', async () => {
		const doc = documentFor({ number: 2300, customer: { ...newcomer, email: '' }, guest: true });
		doc.customer.email = null;
		const result = await kit.run(node, params, [doc], { continueOnFail: true });
		expect(result.items[0].json.error).toMatch(
			/Order #2300: the customer has no VAT number, e-mail address or Shopify customer id/,
		);
	});

	it('does not create a second account when the create response is lost', async () => {
		const lost = customers(1, 971)[0];
		const { admin } = await import('../../helpers/exactSandbox');
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'POST',
			pathPrefix: `/api/v1/${kit.division}/crm/Accounts`,
			dropResponse: true,
		});
		await kit.clearCalls();
		const result = await kit.run(node, params, [documentFor({ number: 2400, customer: lost })]);
		expect(result.error).toBeUndefined();
		const accounts = (await kit.state<Record<string, unknown>>('crm/Accounts')).filter(
			(a) => a.Email === lost.email,
		);
		expect(accounts).toHaveLength(1);
		expect((result.items[0].json.exact as { account: { id: string } }).account.id).toBe(
			accounts[0].ID,
		);
		expect(await kit.calls('crm/Accounts', 'POST')).toHaveLength(1);
	});
});
