import type { IDataObject } from 'n8n-workflow';

import { startExactSandbox, type ExactSandbox } from '../../../sandbox/exact';
import type { CredentialStore } from '../../helpers/credentials';
import { admin, calls, createCredentialStore } from '../../helpers/exactSandbox';
import {
	documentOf,
	resolve,
	shopifyOrder,
	vatCodes,
	type Line,
	type ResolverRun,
} from './helpers';

describe('VAT Resolver: Resolve VAT Codes against the seeded division', () => {
	let sandbox: ExactSandbox;
	let credentials: CredentialStore;
	let env: ResolverRun;

	beforeAll(async () => {
		sandbox = await startExactSandbox();
		credentials = await createCredentialStore(sandbox);
		env = {
			sandbox,
			credentials,
			viesBaseUrl: `${sandbox.baseUrl}/taxation_customs/vies/rest-api`,
		};
	});
	afterAll(async () => await sandbox.close());
	beforeEach(async () => {
		await admin(sandbox, 'POST', 'reset', { settings: true });
	});

	/** The OSS code for Northern Ireland (XI 20%), which the seeded division lacks. */
	async function addNorthernIrelandCode(): Promise<void> {
		await admin(sandbox, 'POST', `records/vat/VATCodes?division=${sandbox.division}`, [
			{
				Code: 'XIS',
				Description: 'OSS XI 20% standaard',
				Percentage: 0.2,
				Type: 'I',
				VATTransactionType: 'S',
				EUSalesListing: 'N',
				OssCountry: 'XI',
				IsBlocked: false,
				Charged: false,
			},
		]);
	}

	it('books NL 21% and 9% lines domestically and splits shared shipping pro rata over both rates', async () => {
		const input = documentOf('nl-b2c-mixed-rates-shared-shipping');
		const result = await resolve(env, [input]);
		expect(result.error).toBeUndefined();
		const doc = result.items[0].json;
		expect(vatCodes(doc)).toEqual(['I21', 'I9', 'I9', 'I21', 'I9']);
		const lines = doc.lines as Line[];
		expect(lines.map((line) => line.lineNumber)).toEqual([1, 2, 3, 4, 5]);
		const shipping = lines.filter((line) => line.kind === 'shipping');
		const original = input.lines.find((line) => line.kind === 'shipping') as Line;
		// Goods net 100.00 at 21 % and 53.99 at 9 %: gross 6.95 split in proportion 121.00 : 58.85.
		expect(shipping.map((line) => line.netAmountInclCents)).toEqual([468, 227]);
		expect(shipping[0].netAmountInclCents + shipping[1].netAmountInclCents).toBe(
			original.netAmountInclCents,
		);
		expect(shipping.map((line) => line.netAmountExclCents)).toEqual([387, 208]);
		expect(shipping.map((line) => line.vat?.rate)).toEqual([0.21, 0.09]);
		expect(shipping[1].vat).toMatchObject({ treatment: 'domestic', country: 'NL', source: 'auto' });
		expect(shipping[1].vat?.reason).toMatch(/shipping follows the goods/);
		expect(doc.warnings).toEqual(
			expect.arrayContaining([expect.stringMatching(/re-allocated to follow the goods/)]),
		);
		expect(doc.exact).toEqual({ division: sandbox.division, vatNumberCheck: null });
		expect((doc.totals as IDataObject).totalCents).toBe(input.totals.totalCents);
		expect(result.items[0].json.exactCalls).toBe(1);
	});

	it('resolves its own output again to the same lines (a re-run does not split shipping twice)', async () => {
		const first = await resolve(env, [documentOf('nl-b2c-mixed-rates-shared-shipping')]);
		const again = await resolve(env, [first.items[0].json]);
		expect(again.items[0].json.lines).toEqual(first.items[0].json.lines);
		expect(again.items[0].json.warnings).toEqual(first.items[0].json.warnings);
	});

	it('books German and French consumers under OSS at their own rates', async () => {
		const result = await resolve(env, [documentOf('de-b2c-oss'), documentOf('fr-b2c-oss')]);
		expect(result.error).toBeUndefined();
		const [de, fr] = result.items.map((item) => item.json);
		expect(vatCodes(de)).toEqual(['DES', 'DER', 'DES', 'DER']);
		expect((de.lines as Line[])[0].vat).toMatchObject({
			treatment: 'oss',
			country: 'DE',
			rate: 0.19,
		});
		// Free shipping is not split (nothing to divide) and follows the highest rate of the goods.
		expect(vatCodes(fr)).toEqual(['FRS', 'FRR', 'FRS']);
		expect((fr.lines as Line[])[1].vat).toMatchObject({
			treatment: 'oss',
			country: 'FR',
			rate: 0.055,
		});
	});

	it('books a Belgian business with a VAT number valid in VIES as an intra-community supply', async () => {
		const result = await resolve(env, [documentOf('be-b2b-valid-vat', { pricesPosted: 'excl' })]);
		expect(result.error).toBeUndefined();
		const doc = result.items[0].json;
		expect(vatCodes(doc)).toEqual(['ICP', 'ICP', 'ICP']);
		expect((doc.lines as Line[])[2].vat).toMatchObject({
			treatment: 'icp',
			country: 'BE',
			rate: 0,
		});
		expect((doc.exact as IDataObject).vatNumberCheck).toMatchObject({
			vatNumber: 'BE0477472701',
			valid: true,
			source: 'vies',
			name: 'SANDBOX TRADER BE0477472701',
		});
	});

	it('charges Belgian VAT under OSS with a warning when the VAT number is invalid', async () => {
		const result = await resolve(env, [documentOf('be-b2b-invalid-vat')]);
		expect(result.error).toBeUndefined();
		const doc = result.items[0].json;
		expect(vatCodes(doc)).toEqual(['BES', 'BES']);
		expect((doc.lines as Line[])[0].vat).toMatchObject({
			treatment: 'oss',
			country: 'BE',
			rate: 0.21,
		});
		expect(doc.warnings).toEqual(
			expect.arrayContaining([expect.stringMatching(/BE0477472702 is not valid .*treated as B2C/)]),
		);
		expect((doc.exact as IDataObject).vatNumberCheck).toMatchObject({
			valid: false,
			source: 'format',
		});
	});

	it('charges Dutch VAT when the seller does not use OSS', async () => {
		const result = await resolve(env, [documentOf('be-b2b-invalid-vat')], { sellerUsesOss: false });
		const doc = result.items[0].json;
		expect((doc.lines as Line[])[0].vat).toMatchObject({
			code: 'I21',
			treatment: 'domestic',
			country: 'NL',
		});
	});

	it('books exports to the US, the UK and the Canary Islands at 0% with the export code', async () => {
		const result = await resolve(env, [
			documentOf('us-export', { pricesPosted: 'excl' }),
			documentOf('uk-export', { pricesPosted: 'excl' }),
			documentOf('es-canary-islands'),
		]);
		expect(result.error).toBeUndefined();
		for (const item of result.items) expect(vatCodes(item.json)).toEqual(['EXP', 'EXP']);
		const canary = (result.items[2].json.lines as Line[])[0].vat;
		expect(canary).toMatchObject({ treatment: 'export', country: 'ES', rate: 0 });
		expect(canary?.reason).toMatch(/Canary Islands/);
	});

	it('fails Northern Ireland with the exact VAT code to create while the division has none', async () => {
		const result = await resolve(env, [documentOf('gb-northern-ireland')]);
		expect(result.error?.message).toBe(
			'Order #1109: no OSS code for XI 20%: create a VAT code with OSS country XI and 20% (type I) in Exact, or map it',
		);
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	it('books Northern Ireland under OSS XI once the division has that code', async () => {
		await addNorthernIrelandCode();
		const result = await resolve(env, [documentOf('gb-northern-ireland')]);
		expect(result.error).toBeUndefined();
		const lines = result.items[0].json.lines as Line[];
		expect(lines.map((line) => line.vat?.code)).toEqual(['XIS', 'XIS']);
		expect(lines[0].vat).toMatchObject({ treatment: 'oss', country: 'XI', rate: 0.2 });
	});

	it('with continue on fail reports the missing code on its order and resolves the others', async () => {
		const result = await resolve(
			env,
			[documentOf('de-b2c-oss'), documentOf('gb-northern-ireland'), documentOf('us-export')],
			{},
			true,
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[1].json.error).toMatch(/^Order #1109: no OSS code for XI 20%/);
		expect(vatCodes(result.items[0].json)[0]).toBe('DES');
		expect(vatCodes(result.items[2].json)[0]).toBe('EXP');
	});

	it('uses the mapping table over the automatic choice', async () => {
		const result = await resolve(env, [documentOf('nl-b2c-mixed-rates-shared-shipping')], {
			vatMapping: { rules: [{ treatment: 'domestic', country: 'NL', rate: '9', code: 'V9' }] },
		});
		const lines = result.items[0].json.lines as Line[];
		expect(lines.map((line) => line.vat?.code)).toEqual(['I21', 'V9', 'V9', 'I21', 'V9']);
		expect(lines[1].vat?.source).toBe('mapping');
		expect(lines[0].vat?.source).toBe('auto');
	});

	it('lets a mapping row fill a gap: any rate for Northern Ireland', async () => {
		const result = await resolve(env, [documentOf('gb-northern-ireland')], {
			vatMapping: { rules: [{ treatment: 'oss', country: 'xi', rate: '', code: 'I21' }] },
		});
		expect(result.error).toBeUndefined();
		expect(vatCodes(result.items[0].json)).toEqual(['I21', 'I21']);
		expect(result.items[0].json.warnings).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/mapped VAT code I21 has 21%, the line has 20%/),
			]),
		);
	});

	it('rejects a mapping rate that is not a percentage', async () => {
		const result = await resolve(env, [documentOf('us-export')], {
			vatMapping: { rules: [{ treatment: 'export', country: '', rate: 'zero', code: 'EXP' }] },
		});
		// The execution stops naming the order it was resolving, for the error workflow.
		expect(result.error?.message).toBe(
			'Order #1106: VAT Code Mapping rule 1: rate "zero" is not a percentage',
		);
	});

	it('loads the VAT codes once for 20 orders, in one call with the fields the engine reads', async () => {
		const docs = Array.from({ length: 20 }, (_, i) => {
			const doc = documentOf('nl-b2c-mixed-rates-shared-shipping');
			doc.references.orderName = `#${2000 + i}`;
			return doc;
		});
		await admin(sandbox, 'DELETE', 'calls');
		const result = await resolve(env, docs);
		expect(result.items).toHaveLength(20);
		const log = await calls(sandbox);
		expect(log).toHaveLength(1);
		expect(log[0].path).toBe(`/api/v1/${sandbox.division}/vat/VATCodes`);
		expect(log[0].query).toContain(
			'$select=Code,Description,Percentage,Type,VATTransactionType,EUSalesListing,OssCountry,IsBlocked,Charged',
		);
		expect(log[0].query).toContain("$filter=VATTransactionType ne 'P'");
		expect(result.items.map((item) => item.json.exactCalls)).toEqual([1, ...Array(19).fill(0)]);
	});

	it('reuses the VAT codes of an earlier run of the workflow: the next run makes no Exact call', async () => {
		const staticData: IDataObject = {};
		await admin(sandbox, 'DELETE', 'calls');
		const first = await resolve(env, [documentOf('de-b2c-oss')], {}, false, staticData);
		const second = await resolve(env, [documentOf('de-b2c-oss')], {}, false, staticData);
		expect(first.items[0].json.exactCalls).toBe(1);
		expect(second.items[0].json.exactCalls).toBe(0);
		expect(vatCodes(second.items[0].json)).toEqual(vatCodes(first.items[0].json));
		expect(await calls(sandbox)).toHaveLength(1);
		// Turned off (0 minutes), every run loads them again.
		const off = await resolve(
			env,
			[documentOf('de-b2c-oss')],
			{ options: { rememberVatCodesMinutes: 0 } },
			false,
			staticData,
		);
		expect(off.items[0].json.exactCalls).toBe(1);
	});

	it('reloads remembered VAT codes at once when an order needs a code created in Exact since', async () => {
		const staticData: IDataObject = {};
		const before = await resolve(env, [documentOf('de-b2c-oss')], {}, false, staticData);
		expect(before.error).toBeUndefined();
		await addNorthernIrelandCode();
		await admin(sandbox, 'DELETE', 'calls');
		const result = await resolve(
			env,
			[documentOf('gb-northern-ireland'), documentOf('gb-northern-ireland')],
			{},
			false,
			staticData,
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => vatCodes(item.json)[0])).toEqual(['XIS', 'XIS']);
		// One reload for the execution, not one per order.
		expect(await calls(sandbox)).toHaveLength(1);
	});

	it('passes a skipped test order through unchanged without calling Exact', async () => {
		const input = documentOf({ ...shopifyOrder('de-b2c-oss'), test: true });
		await admin(sandbox, 'DELETE', 'calls');
		const result = await resolve(env, [input]);
		expect(result.items[0].json.skip).toEqual(input.skip);
		expect(result.items[0].json.lines).toEqual(input.lines);
		expect(await calls(sandbox)).toHaveLength(0);
	});

	it('fails an item that is not an order document, naming the node to put before it', async () => {
		const result = await resolve(env, [{ id: 1, name: '#1' }, documentOf('us-export')], {}, true);
		expect(result.items[0].json.error).toBe('The input item is not an order document');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(vatCodes(result.items[1].json)).toEqual(['EXP', 'EXP']);
	});
});
