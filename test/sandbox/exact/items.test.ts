import { openSandbox, q, TestSandbox } from './helpers';

describe('logistics/Items, ItemGroups and SalesItemPrices', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await openSandbox();
	});
	afterAll(() => t.close());

	const create = (body: unknown) => t.api('POST', 'logistics/Items', { body, prefer: true });

	test('Code and Description are mandatory (500)', async () => {
		const res = await create({ Code: 'NO-DESC' });
		expect(res.status).toBe(500);
		expect(res.json.error.message.value).toMatch(/Description/);
		expect((await create({ Description: 'No code' })).status).toBe(500);
	});

	test('a duplicate item code is a 500, whatever its case', async () => {
		expect((await create({ Code: 'DUP-1', Description: 'a' })).status).toBe(201);
		expect((await create({ Code: 'dup-1', Description: 'b' })).status).toBe(500);
	});

	test('renaming an item frees its old code and takes the new one', async () => {
		const item = (await create({ Code: 'OLD-CODE', Description: 'a' })).json.d;
		const put = await t.api('PUT', `logistics/Items(guid'${item.ID}')`, {
			body: { Code: 'NEW-CODE' },
		});
		expect(put.status).toBe(204);
		expect((await create({ Code: 'OLD-CODE', Description: 'b' })).status).toBe(201);
		expect((await create({ Code: 'new-code', Description: 'c' })).status).toBe(500);
	});

	test('Is… flags keep their Edm types: bytes as 0/1, booleans as true/false', async () => {
		const res = await create({
			Code: 'FLAGS',
			Description: 'Flags',
			IsWebshopItem: 1,
			IsStockItem: true,
		});
		const d = res.json.d;
		expect(d.IsWebshopItem).toBe(1);
		expect(d.IsMakeItem).toBe(0);
		expect(d.IsStockItem).toBe(true);
		expect(d.IsSalesItem).toBe(true);
		expect(d.IsPurchaseItem).toBe(false);
		const byByte = await t.api(
			'GET',
			`logistics/Items?$filter=${q("IsWebshopItem eq 1 and Code eq 'FLAGS'")}&$select=ID`,
		);
		expect(byByte.json.d.results).toHaveLength(1);
		const byBool = await t.api(
			'GET',
			`logistics/Items?$filter=${q('IsWebshopItem eq true')}&$select=ID`,
		);
		expect(byBool.status).toBe(400);
	});

	test('ItemGroup defaults to the group with IsDefault=1; ItemGroups is GET only with IsDefault as a byte', async () => {
		const groups = await t.api('GET', 'logistics/ItemGroups?$select=ID,Code,IsDefault');
		const def = groups.json.d.results.find((g: { IsDefault: number }) => g.IsDefault === 1);
		expect(def).toBeDefined();
		expect(
			groups.json.d.results.filter((g: { IsDefault: number }) => g.IsDefault === 1),
		).toHaveLength(1);
		const res = await create({ Code: 'GRP', Description: 'Group default' });
		expect(res.json.d.ItemGroup).toBe(def.ID);
		expect(res.json.d.ItemGroupCode).toBe(def.Code);
	});

	test('SalesVatCode must be an existing VAT code; Description is at most 60 characters', async () => {
		expect((await create({ Code: 'VAT-X', Description: 'x', SalesVatCode: 'ZZZ' })).status).toBe(
			500,
		);
		expect(
			(await create({ Code: 'VAT-OK', Description: 'x', SalesVatCode: 'V21' })).json.d.SalesVatCode,
		).toBe('V21');
		expect((await create({ Code: 'LONG', Description: 'x'.repeat(61) })).status).toBe(500);
	});

	test('StandardSalesPrice and Stock are read-only: a POST ignores them', async () => {
		const res = await create({
			Code: 'RO',
			Description: 'Read only',
			StandardSalesPrice: 10,
			Stock: 5,
			IsStockItem: true,
		});
		expect(res.status).toBe(201);
		expect(res.json.d.StandardSalesPrice).toBe(0);
		expect(res.json.d.Stock).toBe(0);
	});

	test('a new item gets a general sales price of 0; the price is set by updating that price row', async () => {
		const item = (await create({ Code: 'PRICE-1', Description: 'Priced' })).json.d;
		const prices = await t.api(
			'GET',
			`logistics/SalesItemPrices?$filter=${q(`Item eq guid'${item.ID}'`)}&$select=ID,Price,Account,Currency`,
		);
		expect(prices.json.d.results).toHaveLength(1);
		expect(prices.json.d.results[0]).toMatchObject({ Price: 0, Account: null, Currency: 'EUR' });
		const dup = await t.api('POST', 'logistics/SalesItemPrices', {
			body: { Item: item.ID, Price: 12.5 },
		});
		expect(dup.status).toBe(500);
		expect(dup.json.error.message.value).toMatch(/Unique/);
		const put = await t.api(
			'PUT',
			`logistics/SalesItemPrices(guid'${prices.json.d.results[0].ID}')`,
			{ body: { Price: 12.5 } },
		);
		expect(put.status).toBe(204);
		const reread = await t.api(
			'GET',
			`logistics/Items(guid'${item.ID}')?$select=StandardSalesPrice`,
		);
		expect(reread.json.d.StandardSalesPrice).toBe(12.5);
	});

	test('Stock is the sum of CurrentStock over warehouses', async () => {
		const item = (await create({ Code: 'STOCKED', Description: 'Stocked', IsStockItem: true })).json
			.d;
		await t.admin('POST', 'stock', [
			{ itemCode: 'STOCKED', warehouse: '1', quantity: 7 },
			{ itemCode: 'STOCKED', warehouse: '2', quantity: 3 },
		]);
		const res = await t.api('GET', `logistics/Items(guid'${item.ID}')?$select=Stock`);
		expect(res.json.d.Stock).toBe(10);
	});
});
