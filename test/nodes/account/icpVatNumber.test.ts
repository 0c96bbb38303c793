/**
 * An intra-community supply (ICP, 0 % reverse charge) is listed on the EC sales listing with the
 * customer's VAT number, taken from the order's account: the account of an ICP order carries the
 * order's VAT number, and the Exact sandbox refuses ICP lines on an account without one.
 */
import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { documentFor } from '../flow/documents';
import { startKit } from '../flow/exactTestKit';
import type { Kit } from '../flow/exactTestKit';
import { customers } from '../flow/syntheticOrders';

const node = new ExactOnlineAccount();
const params = { operation: 'findOrCreateFromOrder' };
type Rec = Record<string, unknown>;

/** An order of a Belgian business with a valid VAT number, every line taxed as ICP. */
function icpOrder(number: number, email: string, vatNumber: string): EnrichedOrderDocument {
	const doc = documentFor({
		number,
		customer: {
			...customers(1, 960 + (number % 30))[0],
			email,
			company: 'Brouwerij Test BV',
			vatNumber,
			country: 'BE',
		},
	});
	for (const line of doc.lines) {
		line.vat = {
			code: 'ICP',
			treatment: 'icp',
			country: 'BE',
			rate: 0,
			reason: 'test',
			source: 'auto',
		};
	}
	doc.customer.vatNumber = vatNumber;
	return doc;
}

const accountOf = async (kit: Kit, id: unknown) =>
	(await kit.state<Rec>('crm/Accounts')).find((a) => a.ID === id) as Rec;

describe('Account: the account of an ICP order carries its VAT number', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());

	it('sets the VAT number on a consumer account found by e-mail, and says so', async () => {
		const [consumer] = await kit.seed('crm/Accounts', [
			{ Name: 'Piet Peeters', Email: 'piet@brouwerij.example', Status: 'C' },
		]);
		const result = await kit.run(node, params, [
			icpOrder(7001, 'piet@brouwerij.example', 'BE0776091951'),
		]);
		const ref = (result.items[0].json.exact as { account: Rec }).account;
		expect(ref).toMatchObject({ id: consumer.ID, matchedBy: 'email' });
		expect((await accountOf(kit, consumer.ID)).VATNumber).toBe('BE0776091951');
		expect(
			String(result.items[0].json.warning ?? (result.items[0].json.warnings as string[]).join(' ')),
		).toMatch(/had no VAT number; set to BE0776091951/);
	});

	it('uses (or creates) the account with the order VAT number when the e-mail account has another one', async () => {
		await kit.seed('crm/Accounts', [
			{
				Name: 'Holding NV',
				Email: 'inkoop@holding.example',
				VATNumber: 'BE0999999999',
				Status: 'C',
			},
		]);
		const result = await kit.run(node, params, [
			icpOrder(7002, 'inkoop@holding.example', 'BE0417497106'),
		]);
		const ref = (result.items[0].json.exact as { account: Rec }).account;
		expect(ref).toMatchObject({
			action: 'created',
			reason: 'ICP: account with the order VAT number',
		});
		expect((await accountOf(kit, ref.id)).VATNumber).toBe('BE0417497106');
		// The next order of that business finds the new account by its VAT number.
		const again = await kit.run(node, params, [
			icpOrder(7003, 'inkoop@holding.example', 'BE0417497106'),
		]);
		expect((again.items[0].json.exact as { account: Rec }).account).toMatchObject({
			id: ref.id,
			action: 'found',
		});
	});

	it('the sandbox refuses an ICP sales order on an account without a VAT number', async () => {
		const [consumer] = await kit.seed('crm/Accounts', [{ Name: 'Zonder Nummer', Status: 'C' }]);
		const [item] = await kit.seed('logistics/Items', [
			{ Code: 'ICP-TEST', Description: 'ICP test' },
		]);
		await expect(
			kit.seed('salesorder/SalesOrders', [
				{
					OrderedBy: consumer.ID,
					SalesOrderLines: [{ Item: item.ID, Quantity: 1, NetPrice: 10, VATCode: 'ICP' }],
				},
			]),
		).rejects.toThrow(/has no VAT number, which VAT code ICP/);
	});
});
