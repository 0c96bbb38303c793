import type { IDataObject } from 'n8n-workflow';

import { startExactSandbox, type ExactSandbox } from '../../../sandbox/exact';
import type { CredentialStore } from '../../helpers/credentials';
import { admin, createCredentialStore } from '../../helpers/exactSandbox';
import {
	documentOf,
	resolve,
	shopifyOrder,
	startViesCounter,
	vatCodes,
	type ResolverRun,
	type ViesCounter,
} from './helpers';

/** The Belgian business order of the fixture with a number that passes the checksum, VAT charged by Shopify. */
function chargedBusinessOrder() {
	const order = shopifyOrder('be-b2b-invalid-vat');
	order.note_attributes = [{ name: 'BTW-nummer', value: 'BE 0477.472.701' }];
	return documentOf(order);
}

function exemptBusinessOrder(name = '#1104') {
	const doc = documentOf('be-b2b-valid-vat', { pricesPosted: 'excl' });
	doc.references.orderName = name;
	return doc;
}

describe('VAT Resolver: VIES check of customer VAT numbers', () => {
	let sandbox: ExactSandbox;
	let credentials: CredentialStore;
	let vies: ViesCounter;
	let env: ResolverRun;

	beforeAll(async () => {
		sandbox = await startExactSandbox();
		credentials = await createCredentialStore(sandbox);
		vies = await startViesCounter(sandbox.baseUrl);
		env = { sandbox, credentials, viesBaseUrl: vies.baseUrl };
	});
	afterAll(async () => {
		await vies.close();
		await sandbox.close();
	});
	beforeEach(async () => {
		await admin(sandbox, 'POST', 'reset', { settings: true });
		vies.checks.length = 0;
	});

	it('checks a VAT number once per execution however many orders carry it', async () => {
		const first = await resolve(env, [
			exemptBusinessOrder('#1'),
			exemptBusinessOrder('#2'),
			exemptBusinessOrder('#3'),
		]);
		expect(first.items.map((item) => vatCodes(item.json)[0])).toEqual(['ICP', 'ICP', 'ICP']);
		expect(vies.checks).toEqual(['/taxation_customs/vies/rest-api/ms/BE/vat/0477472701']);
		await resolve(env, [exemptBusinessOrder('#4')]);
		expect(vies.checks).toHaveLength(2);
	});

	it('charges VAT under OSS with a warning when VIES says the number is invalid', async () => {
		await admin(sandbox, 'POST', 'vies/invalid', { vatNumbers: ['BE0477472701'] });
		const result = await resolve(env, [chargedBusinessOrder()]);
		const doc = result.items[0].json;
		expect(vatCodes(doc)).toEqual(['BES', 'BES']);
		expect(doc.warnings).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/BE0477472701 is invalid in VIES: treated as B2C/),
			]),
		);
		expect((doc.exact as IDataObject).vatNumberCheck).toMatchObject({
			valid: false,
			source: 'vies',
		});
	});

	it('fails an exempt order whose number VIES rejects: nothing was charged but VAT is due', async () => {
		await admin(sandbox, 'POST', 'vies/invalid', { vatNumbers: ['BE0477472701'] });
		const result = await resolve(env, [exemptBusinessOrder()]);
		expect(result.error?.message).toMatch(/^Order #1104: Shopify charged no VAT on a sale to Belgium \(BE\), where VAT is due/);
		expect(result.error?.description).toMatch(/invalid in VIES: treated as B2C/);
		expect(result.error?.description).toMatch(/Shopify gave no tax rate/);
	});

	it('does not ask VIES about a number that fails its check digits', async () => {
		await resolve(env, [documentOf('be-b2b-invalid-vat')]);
		expect(vies.checks).toHaveLength(0);
	});

	it('with the check off, trusts the format and says so', async () => {
		const result = await resolve(env, [exemptBusinessOrder()], { options: { viesCheck: 'off' } });
		const doc = result.items[0].json;
		expect(vatCodes(doc)).toEqual(['ICP', 'ICP', 'ICP']);
		expect(vies.checks).toHaveLength(0);
		expect(doc.warnings).toEqual(
			expect.arrayContaining([expect.stringMatching(/not checked in VIES \(the check is off\)/)]),
		);
		expect((doc.exact as IDataObject).vatNumberCheck).toMatchObject({
			valid: true,
			source: 'format',
		});
	});

	describe('when VIES is down', () => {
		beforeEach(async () => {
			await admin(sandbox, 'PUT', 'settings', { viesDown: true });
		});

		it('by default charges VAT and warns (treat as invalid)', async () => {
			const result = await resolve(env, [chargedBusinessOrder()]);
			const doc = result.items[0].json;
			expect(vatCodes(doc)).toEqual(['BES', 'BES']);
			expect(doc.warnings).toEqual(
				expect.arrayContaining([
					expect.stringMatching(
						/^VIES could not check VAT number BE0477472701 \(MS_UNAVAILABLE\): VAT was charged/,
					),
				]),
			);
			expect((doc.exact as IDataObject).vatNumberCheck).toMatchObject({
				valid: null,
				source: 'unavailable',
			});
		});

		it('treating the number as invalid cannot book an exempt order: the item fails with the reason', async () => {
			const result = await resolve(env, [exemptBusinessOrder()]);
			expect(result.error?.message).toMatch(/^Order #1104: Shopify charged no VAT on a sale to Belgium \(BE\), where VAT is due/);
			expect(result.error?.description).toMatch(/VIES could not check VAT number BE0477472701/);
		});

		it('can trust the format check and book ICP with a warning', async () => {
			const result = await resolve(env, [exemptBusinessOrder()], {
				options: { viesUnavailable: 'trustFormat' },
			});
			const doc = result.items[0].json;
			expect(vatCodes(doc)).toEqual(['ICP', 'ICP', 'ICP']);
			expect(doc.warnings).toEqual(
				expect.arrayContaining([expect.stringMatching(/format and check digits are valid/)]),
			);
			expect((doc.exact as IDataObject).vatNumberCheck).toMatchObject({
				valid: true,
				source: 'format',
			});
		});

		it('can fail the order so it is run again later, the other orders going on', async () => {
			const result = await resolve(
				env,
				[exemptBusinessOrder(), documentOf('us-export')],
				{ options: { viesUnavailable: 'fail' } },
				true,
			);
			expect(result.items[0].json.error).toBe(
				'Order #1104: VIES could not check VAT number BE0477472701 (MS_UNAVAILABLE)',
			);
			expect(vatCodes(result.items[1].json)).toEqual(['EXP', 'EXP']);
		});

		it('treats an unreachable VIES like one that is down', async () => {
			const unreachable = {
				...env,
				viesBaseUrl: 'http://127.0.0.1:9/taxation_customs/vies/rest-api',
			};
			const result = await resolve(unreachable, [exemptBusinessOrder()], {
				options: { viesUnavailable: 'trustFormat' },
			});
			expect(vatCodes(result.items[0].json)).toEqual(['ICP', 'ICP', 'ICP']);
			expect(result.items[0].json.warnings).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/^VIES could not check VAT number BE0477472701 \(/),
				]),
			);
		});
	});
});
