import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import { runListSearch } from '../../helpers/harness';
import { filterOf, startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';

const node = new ExactOnlineAccount();
type Rec = Record<string, unknown>;

describe('Account: generic operations', () => {
	let kit: Kit;
	let korenbloemId: string;
	beforeAll(async () => {
		kit = await startKit();
		korenbloemId = String(
			(await kit.state<Rec>('crm/Accounts')).find((a) => a.Name === 'Bakkerij De Korenbloem')?.ID,
		);
	});
	afterAll(async () => kit.close());

	it('with "Continue (using error output)" routes the missing account to the error output, with the HTTP reason', async () => {
		const missing = '00000000-0000-0000-0000-0000000000ac';
		const result = await kit.run(
			node,
			{ operation: 'get', accountId: { __rl: true, mode: 'id', value: '={{$json.id}}' } },
			[{ id: missing }, { id: korenbloemId }],
			{ onError: 'continueErrorOutput' },
		);
		const [main, errors] = result.outputs;
		expect(main.map((item) => [item.json.Name, item.pairedItem])).toEqual([
			['Bakkerij De Korenbloem', { item: 1 }],
		]);
		expect(errors.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(Object.keys(errors[0].json)).toEqual(['error']);
		expect(errors[0].json.error).toMatch(/404/);
	});

	it('gets one account by ID in one call, and fails a missing one per item with continueOnFail', async () => {
		await kit.clearCalls();
		const missing = '00000000-0000-0000-0000-0000000000ab';
		const result = await kit.run(
			node,
			{ operation: 'get', accountId: { __rl: true, mode: 'id', value: '={{$json.id}}' } },
			[{ id: korenbloemId }, { id: missing }],
			{ continueOnFail: true },
		);
		expect(result.items[0].json).toMatchObject({
			ID: korenbloemId,
			Name: 'Bakkerij De Korenbloem',
			action: 'found',
			exactCalls: 1,
		});
		expect(result.items[0].json).not.toHaveProperty('__metadata');
		expect(result.items[1].json.error).toMatch(/404/);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect((await kit.calls('crm/Accounts')).map((c) => c.path)).toEqual([
			`/api/v1/${kit.division}/crm/Accounts(guid'${korenbloemId}')`,
			`/api/v1/${kit.division}/crm/Accounts(guid'${missing}')`,
		]);
	});

	it('lists accounts by filter fields, escaping the text, with a limit', async () => {
		await kit.clearCalls();
		const result = await kit.run(
			node,
			{ operation: 'getAll', limit: 2, filters: { name: "De K'", country: 'nl', status: 'C' } },
			[{}],
		);
		expect(result.items).toHaveLength(0);
		expect(filterOf((await kit.calls('crm/Accounts'))[0])).toBe(
			"substringof('De K''', Name) eq true and Country eq 'NL' and Status eq 'C'",
		);
		const all = await kit.run(
			node,
			{
				operation: 'getAll',
				returnAll: true,
				filters: { country: 'NL' },
				options: { fields: 'ID,Name' },
			},
			[{}],
		);
		expect(all.items.length).toBeGreaterThanOrEqual(2);
		expect(Object.keys(all.items[0].json).sort()).toEqual([
			'ID',
			'Name',
			'action',
			'exactCalls',
			'exactDivision',
		]);
		const limited = await kit.run(node, { operation: 'getAll', limit: 1 }, [{}]);
		expect(limited.items).toHaveLength(1);
	});

	it('creates an account once: a second create with the same VAT number is skipped', async () => {
		const params = {
			operation: 'create',
			name: 'Kaashandel Gouda',
			additionalFields: {
				email: 'kaas@gouda.example',
				city: 'Gouda',
				country: 'nl',
				vatNumber: 'nl 8888.77.666 b01',
			},
		};
		await kit.clearCalls();
		const first = await kit.run(node, params, [{}]);
		expect(first.items[0].json).toMatchObject({
			Name: 'Kaashandel Gouda',
			Status: 'C',
			Country: 'NL',
			VATNumber: 'NL888877666B01',
			action: 'created',
		});
		const second = await kit.run(node, params, [{}]);
		expect(second.items[0].json).toMatchObject({
			action: 'skipped',
			reason: 'an account with this vatNumber already exists',
		});
		expect(await kit.calls('crm/Accounts', 'POST')).toHaveLength(1);
		expect(filterOf((await kit.calls('crm/Accounts', 'GET'))[0])).toBe(
			"VATNumber eq 'NL888877666B01'",
		);
	});

	it('updates only the given fields with one PUT', async () => {
		await kit.clearCalls();
		const result = await kit.run(
			node,
			{
				operation: 'update',
				accountId: { __rl: true, mode: 'id', value: korenbloemId },
				updateFields: { phone: '030-7654321', city: '' },
			},
			[{}],
		);
		expect(result.items[0].json).toEqual({
			ID: korenbloemId,
			Phone: '030-7654321',
			action: 'updated',
			exactCalls: 1,
			exactDivision: kit.division,
		});
		const [put] = await kit.calls();
		expect(put.method).toBe('PUT');
		expect((await kit.state<Rec>('crm/Accounts')).find((a) => a.ID === korenbloemId)).toMatchObject(
			{ Phone: '030-7654321', City: 'Utrecht' },
		);
		const empty = await kit.run(
			node,
			{
				operation: 'update',
				accountId: { __rl: true, mode: 'id', value: korenbloemId },
				updateFields: {},
			},
			[{}],
		);
		expect(empty.error?.message).toMatch(/Nothing to update/);
	});

	it('creates or updates by e-mail, sending only what changed', async () => {
		const params = (city: string) => ({
			operation: 'upsert',
			matchBy: 'email',
			matchValue: 'upsert@example.nl',
			name: 'Upsert B.V.',
			additionalFields: { city },
		});
		const created = await kit.run(node, params('Delft'), [{}]);
		expect(created.items[0].json).toMatchObject({
			action: 'created',
			Email: 'upsert@example.nl',
			City: 'Delft',
		});
		await kit.clearCalls();
		const same = await kit.run(node, params('Delft'), [{}]);
		expect(same.items[0].json).toMatchObject({ action: 'found', reason: 'unchanged' });
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET']);
		await kit.clearCalls();
		const moved = await kit.run(node, params('Leiden'), [{}]);
		expect(moved.items[0].json).toMatchObject({
			action: 'updated',
			changed: ['City'],
			City: 'Leiden',
		});
		expect((await kit.calls()).map((c) => c.method)).toEqual(['GET', 'PUT']);
	});

	it('lists customer accounts for the account picker', async () => {
		const { results } = await runListSearch({
			node,
			method: 'searchAccounts',
			credentials: kit.credentials,
			filter: 'korenbloem',
		});
		expect(results).toEqual([
			{
				name: expect.stringMatching(/^Bakkerij De Korenbloem \(\d+, Utrecht\)$/),
				value: korenbloemId,
			},
		]);
	});
});
