import { readFileSync } from 'fs';
import path from 'path';
import { ratesOn } from '../../../sandbox/exact/seed/vat';
import { openSandbox, TestSandbox } from './helpers';

interface VatCode {
	Code: string;
	Percentage: number;
	Type: string;
	OssCountry: string | null;
	EUSalesListing: string;
	IsBlocked: boolean;
	VATTransactionType: string;
}

const EU = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT PL PT RO SE SI SK'.split(
	' ',
);

describe('the seeded Dutch division', () => {
	let t: TestSandbox;
	let codes: VatCode[];
	beforeAll(async () => {
		t = await openSandbox();
		const res = await t.api(
			'GET',
			'vat/VATCodes?$select=Code,Percentage,Type,OssCountry,EUSalesListing,IsBlocked,VATTransactionType&$top=1000',
		);
		codes = res.json.d.results;
		const next = res.json.d.__next
			? await t.api('GET', res.json.d.__next.slice(t.base.length))
			: undefined;
		if (next) codes = codes.concat(next.json.d.results);
	});
	afterAll(() => t.close());

	const usable = () => codes.filter((c) => !c.IsBlocked && !c.OssCountry);

	test('NL 21% and 9% exist as both excluding (E) and including (I) codes, with fractions', () => {
		for (const pct of [0.21, 0.09]) {
			for (const type of ['E', 'I']) {
				expect(usable().filter((c) => c.Percentage === pct && c.Type === type)).toHaveLength(1);
			}
		}
	});

	test('0% no-VAT, ICP goods (B, listing L) and export (B, listing N) codes exist', () => {
		expect(usable().some((c) => c.Type === 'N' && c.Percentage === 0)).toBe(true);
		expect(
			usable().some((c) => c.Type === 'B' && c.Percentage === 0 && c.EUSalesListing === 'L'),
		).toBe(true);
		expect(
			usable().some((c) => c.Type === 'B' && c.Percentage === 0 && c.EUSalesListing === 'N'),
		).toBe(true);
	});

	test('every other EU country has OSS codes at its standard and main reduced rate in force today', () => {
		const file = path.join(__dirname, '../../../sandbox/exact/data/vat-rates.json');
		const data = JSON.parse(readFileSync(file, 'utf8')).items;
		const today = new Date().toISOString().slice(0, 10);
		for (const cc of EU) {
			const rates = ratesOn(data[cc], today) as Record<string, number>;
			const oss = codes
				.filter((c) => c.OssCountry === cc)
				.map((c) => Math.round(c.Percentage * 10000) / 100);
			expect(oss).toContain(rates.standard);
			const reduced = rates.reduced ?? rates.reduced1;
			if (reduced !== undefined) expect(oss).toContain(reduced);
			expect(oss).toHaveLength(reduced === undefined ? 1 : 2);
		}
		expect(codes.filter((c) => c.OssCountry === 'NL')).toHaveLength(0);
		expect(codes.every((c) => c.Code.length >= 1 && c.Code.length <= 3)).toBe(true);
	});

	test("VAT codes carry Exact's fields with their types", async () => {
		const res = await t.api(
			'GET',
			`vat/VATCodes?$filter=${encodeURIComponent("OssCountry eq 'DE'")}`,
		);
		const de = res.json.d.results[0];
		expect(de).toMatchObject({
			VATTransactionType: 'S',
			Charged: false,
			IsBlocked: false,
			Type: 'I',
			OssCountry: 'DE',
		});
		expect(typeof de.Percentage).toBe('number');
		expect(de.VATPercentages.__deferred.uri).toContain('/VATPercentages');
		const blocked = codes.filter((c) => c.IsBlocked);
		expect(blocked.length).toBeGreaterThan(0);
	});

	test('warehouses: main "1" and a second "2"', async () => {
		const res = await t.api('GET', 'inventory/Warehouses?$select=Code,Main');
		expect(res.json.d.results).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ Code: '1', Main: 1 }),
				expect.objectContaining({ Code: '2', Main: 0 }),
			]),
		);
	});

	test('payment conditions include direct, 30 days and a PSP condition', async () => {
		const res = await t.api(
			'GET',
			'cashflow/PaymentConditions?$select=Code,PaymentDays,PaymentMethod',
		);
		const byCode = Object.fromEntries(res.json.d.results.map((p: { Code: string }) => [p.Code, p]));
		expect(byCode['00']).toMatchObject({ PaymentDays: 0 });
		expect(byCode['30']).toMatchObject({ PaymentDays: 30 });
		expect(byCode.IDL).toMatchObject({ PaymentMethod: 'Q' });
	});

	test('shipping methods: PostNL, DHL and pickup', async () => {
		const res = await t.api('GET', 'sales/ShippingMethods?$select=Code,Description,Active');
		const names = res.json.d.results.map((s: { Description: string }) => s.Description).join(' | ');
		expect(names).toMatch(/PostNL/);
		expect(names).toMatch(/DHL/);
		expect(names).toMatch(/Afhalen/);
	});

	test('journals: sales journal "70" Verkoopboek and general journal "90"', async () => {
		const res = await t.api(
			'GET',
			'financial/Journals?$select=Code,Description,Type,TypeDescription',
		);
		expect(res.json.d.results).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ Code: '70', Description: 'Verkoopboek', Type: 20 }),
				expect.objectContaining({ Code: '90', Type: 90 }),
			]),
		);
		expect((await t.api('POST', 'financial/Journals', { body: { Code: '71' } })).status).toBe(405);
	});
});
