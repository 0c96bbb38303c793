import type { IDataObject } from 'n8n-workflow';

import { ExactOnlineVatResolver } from '../../../nodes/ExactOnline/VatResolver/ExactOnlineVatResolver.node';
import { startExactSandbox, type ExactSandbox } from '../../../sandbox/exact';
import type { CredentialStore } from '../../helpers/credentials';
import { admin, calls, createCredentialStore } from '../../helpers/exactSandbox';
import { runNode } from '../../helpers/harness';
import { loadVatCodeOptions } from './helpers';

describe('VAT Resolver: Check VAT Mapping and the VAT code list', () => {
	let sandbox: ExactSandbox;
	let credentials: CredentialStore;

	beforeAll(async () => {
		sandbox = await startExactSandbox();
		credentials = await createCredentialStore(sandbox);
	});
	afterAll(async () => await sandbox.close());

	async function check(parameters: IDataObject = {}) {
		return await runNode({
			node: new ExactOnlineVatResolver(),
			parameters: { operation: 'listCodes', ...parameters } as never,
			items: [{}],
			credentials,
		});
	}

	function row(
		items: Array<{ json: IDataObject }>,
		treatment: string,
		country: string,
		rate: number,
	) {
		return items.find(
			(i) => i.json.treatment === treatment && i.json.country === country && i.json.rate === rate,
		)?.json;
	}

	it('lists the code for every kind of sale, country and rate, and what is missing', async () => {
		await admin(sandbox, 'DELETE', 'calls');
		const result = await check({ options: { pricesPosted: 'incl' } });
		expect(result.error).toBeUndefined();
		const items = result.items;
		expect(row(items, 'domestic', 'NL', 0.21)).toMatchObject({
			code: 'I21',
			status: 'ok',
			source: 'auto',
		});
		expect(row(items, 'domestic', 'NL', 0.09)).toMatchObject({ code: 'I9', status: 'ok' });
		expect(row(items, 'oss', 'DE', 0.19)).toMatchObject({
			code: 'DES',
			codeDescription: 'OSS DE 19% standaard',
		});
		expect(row(items, 'icp', '*', 0)).toMatchObject({ code: 'ICP', status: 'ok' });
		expect(row(items, 'export', '*', 0)).toMatchObject({ code: 'EXP', status: 'ok' });
		expect(row(items, 'outOfScope', '*', 0)).toMatchObject({ code: '0' });
		expect(row(items, 'oss', 'XI', 0.2)).toMatchObject({ code: null, status: 'missing' });
		expect(row(items, 'oss', 'XI', 0.2)?.message).toMatch(
			/create a VAT code with OSS country XI and 20%/,
		);
		expect(items.every((item) => item.json.division === sandbox.division)).toBe(true);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const log = await calls(sandbox);
		expect(log.filter((c) => c.path.endsWith('/vat/VATCodes'))).toHaveLength(1);
	});

	it('follows the price basis: excl. VAT picks type E codes and reports the OSS codes of type I only', async () => {
		const result = await check();
		expect(row(result.items, 'domestic', 'NL', 0.21)).toMatchObject({ code: 'V21' });
		expect(row(result.items, 'oss', 'DE', 0.19)?.message).toMatch(/only type I: DES/);
	});

	it('shows the merchant mapping as the code that will be used', async () => {
		const result = await check({
			options: { pricesPosted: 'incl' },
			vatMapping: { rules: [{ treatment: 'export', country: '', rate: '', code: '0' }] },
		});
		expect(row(result.items, 'export', '*', 0)).toMatchObject({ code: '0', source: 'mapping' });
	});

	it("lists the division's sales VAT codes with the sales each is used for", async () => {
		const result = await check({ output: 'vatCodes', options: { pricesPosted: 'incl' } });
		const byCode = new Map(result.items.map((item) => [item.json.code, item.json]));
		expect(byCode.get('I21')).toMatchObject({
			rate: 0.21,
			type: 'I',
			usedFor: ['domestic NL 21%'],
		});
		expect(byCode.get('DER')).toMatchObject({ ossCountry: 'DE', usedFor: ['oss DE 7%'] });
		expect(byCode.get('V21')?.usedFor).toEqual([]);
		expect(byCode.get('OLD')).toMatchObject({ isBlocked: true, usedFor: [] });
	});

	it('offers the unblocked sales VAT codes in the mapping dropdown, sorted by code', async () => {
		const options = await loadVatCodeOptions(credentials);
		const values = options.map((option) => option.value);
		expect(values).toContain('I21');
		expect(values).not.toContain('OLD');
		expect([...values]).toEqual(
			[...values].sort((a, b) => String(a).localeCompare(String(b), undefined, { numeric: true })),
		);
		expect(options.find((option) => option.value === 'DES')).toMatchObject({
			name: 'DES · OSS DE 19% standaard (19%)',
			description: 'Type I (prices incl. VAT), OSS DE',
		});
	});

	it('rejects a date that is not YYYY-MM-DD', async () => {
		const result = await check({ options: { date: '1-7-2025' } });
		expect(result.error?.message).toBe(
			'Rates on Date must be a date like 2025-07-01, got "1-7-2025"',
		);
	});
});
