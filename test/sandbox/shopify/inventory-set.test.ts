import { Client, gidOf, startSandbox, type Json } from './helpers';
import type { ShopifySandbox } from '../../../sandbox/shopify';

const MUTATION = `mutation Set($input: InventorySetQuantitiesInput!) {
	inventorySetQuantities(input: $input) {
		inventoryAdjustmentGroup { id reason referenceDocumentUri changes { name delta quantityAfterChange item { id } location { id } } }
		userErrors { field message code }
	}
}`;

const TOTE = gidOf('InventoryItem', 5001);
const MUG = gidOf('InventoryItem', 5003);
const GIFT = gidOf('InventoryItem', 5006);
const BUNDLE = gidOf('InventoryItem', 5007);
const AMS = gidOf('Location', 1001);
const RTM = gidOf('Location', 1002);

describe('Shopify sandbox: inventorySetQuantities', () => {
	let sandbox: ShopifySandbox;
	let client: Client;
	beforeAll(async () => ({ sandbox, client } = await startSandbox()));
	afterAll(() => sandbox.close());
	beforeEach(() => client.admin('POST', 'reset'));

	const set = async (version: string, input: Json) => {
		const { body } = await client.graphql(version, MUTATION, {
			input: { name: 'available', reason: 'correction', ...input },
		});
		return body;
	};
	const available = async (sku: string, locationId: number) =>
		(await client.admin('GET', `inventory?sku=${encodeURIComponent(sku)}`)).bySku[sku][
			String(locationId)
		];
	const codes = (body: Json) =>
		body.data.inventorySetQuantities.userErrors.map((e: Json) => e.code);

	describe('up to 2025-10: compareQuantity', () => {
		it('sets when compareQuantity matches and reports the adjustment group', async () => {
			const body = await set('2025-10', {
				referenceDocumentUri: 'gid://erp-connector/SyncJob/1',
				quantities: [{ inventoryItemId: TOTE, locationId: AMS, quantity: 30, compareQuantity: 25 }],
			});
			const group = body.data.inventorySetQuantities.inventoryAdjustmentGroup;
			expect(body.data.inventorySetQuantities.userErrors).toEqual([]);
			expect(group).toMatchObject({
				reason: 'correction',
				referenceDocumentUri: 'gid://erp-connector/SyncJob/1',
			});
			expect(group.id).toMatch(/^gid:\/\/shopify\/InventoryAdjustmentGroup\/[0-9]+$/);
			expect(group.changes).toContainEqual({
				name: 'available',
				delta: 5,
				quantityAfterChange: 30,
				item: { id: TOTE },
				location: { id: AMS },
			});
			expect(await available('TOTE-NAT', 1001)).toBe(30);
		});

		it('refuses a stale compareQuantity with COMPARE_QUANTITY_STALE and changes nothing', async () => {
			const body = await set('2024-07', {
				quantities: [{ inventoryItemId: TOTE, locationId: AMS, quantity: 30, compareQuantity: 24 }],
			});
			expect(codes(body)).toEqual(['COMPARE_QUANTITY_STALE']);
			expect(body.data.inventorySetQuantities.userErrors[0].field).toEqual([
				'input',
				'quantities',
				'0',
				'compareQuantity',
			]);
			expect(body.data.inventorySetQuantities.inventoryAdjustmentGroup).toBeNull();
			expect(await available('TOTE-NAT', 1001)).toBe(25);
		});

		it('requires compareQuantity unless ignoreCompareQuantity is true', async () => {
			const missing = await set('2025-04', {
				quantities: [{ inventoryItemId: TOTE, locationId: AMS, quantity: 3 }],
			});
			expect(codes(missing)).toEqual(['COMPARE_QUANTITY_REQUIRED']);
			const ignored = await set('2025-04', {
				ignoreCompareQuantity: true,
				quantities: [{ inventoryItemId: TOTE, locationId: AMS, quantity: 3 }],
			});
			expect(codes(ignored)).toEqual([]);
			expect(await available('TOTE-NAT', 1001)).toBe(3);
		});

		it('does not know changeFromQuantity before 2026-01', async () => {
			const body = await set('2025-10', {
				quantities: [
					{ inventoryItemId: TOTE, locationId: AMS, quantity: 3, changeFromQuantity: 25 },
				],
			});
			expect(body.errors[0].message).toMatch(/changeFromQuantity/);
		});
	});

	describe('2026-01: changeFromQuantity overrides compareQuantity', () => {
		it('skips the check when changeFromQuantity is passed as null, even with a stale compareQuantity', async () => {
			const body = await set('2026-01', {
				quantities: [
					{
						inventoryItemId: TOTE,
						locationId: AMS,
						quantity: 9,
						compareQuantity: 1,
						changeFromQuantity: null,
					},
				],
			});
			expect(codes(body)).toEqual([]);
			expect(await available('TOTE-NAT', 1001)).toBe(9);
		});

		it('answers CHANGE_FROM_QUANTITY_STALE for a stale changeFromQuantity', async () => {
			const body = await set('2026-01', {
				quantities: [
					{ inventoryItemId: TOTE, locationId: AMS, quantity: 9, changeFromQuantity: 20 },
				],
			});
			expect(codes(body)).toEqual(['CHANGE_FROM_QUANTITY_STALE']);
		});

		it('still applies the compareQuantity rules when changeFromQuantity is left out', async () => {
			const body = await set('2026-01', {
				quantities: [{ inventoryItemId: TOTE, locationId: AMS, quantity: 9 }],
			});
			expect(codes(body)).toEqual(['COMPARE_QUANTITY_REQUIRED']);
		});
	});

	describe('2026-04 and later: changeFromQuantity is mandatory', () => {
		it.each(['2026-04', '2026-07', '2026-10'])(
			'%s: omitting changeFromQuantity is an error and writes nothing',
			async (version) => {
				const body = await set(version, {
					quantities: [{ inventoryItemId: TOTE, locationId: AMS, quantity: 9 }],
				});
				expect(body.errors[0].message).toMatch(/changeFromQuantity is required/);
				expect(body.data.inventorySetQuantities).toBeNull();
				expect(await available('TOTE-NAT', 1001)).toBe(25);
			},
		);

		it('accepts a matching value and an explicit null, refuses a stale one', async () => {
			const ok = await set('2026-04', {
				quantities: [
					{ inventoryItemId: TOTE, locationId: AMS, quantity: 20, changeFromQuantity: 25 },
					{ inventoryItemId: TOTE, locationId: RTM, quantity: 1, changeFromQuantity: null },
				],
			});
			expect(codes(ok)).toEqual([]);
			const stale = await set('2026-04', {
				quantities: [
					{ inventoryItemId: TOTE, locationId: AMS, quantity: 2, changeFromQuantity: 25 },
				],
			});
			expect(codes(stale)).toEqual(['CHANGE_FROM_QUANTITY_STALE']);
			expect([await available('TOTE-NAT', 1001), await available('TOTE-NAT', 1002)]).toEqual([
				20, 1,
			]);
		});

		it('no longer accepts compareQuantity or ignoreCompareQuantity', async () => {
			const body = await set('2026-04', {
				ignoreCompareQuantity: true,
				quantities: [
					{
						inventoryItemId: TOTE,
						locationId: AMS,
						quantity: 2,
						compareQuantity: 25,
						changeFromQuantity: 25,
					},
				],
			});
			const messages = body.errors.map((e: Json) => e.message).join('\n');
			expect(messages).toMatch(/ignoreCompareQuantity/);
			expect(messages).toMatch(/compareQuantity/);
		});

		it('sees a stock change made in the shop meanwhile (stale CAS after a merchant edit)', async () => {
			await client.admin('PUT', 'inventory', {
				levels: [{ sku: 'TOTE-NAT', locationId: 1001, available: 24 }],
			});
			const body = await set('2026-04', {
				quantities: [
					{ inventoryItemId: TOTE, locationId: AMS, quantity: 2, changeFromQuantity: 25 },
				],
			});
			expect(codes(body)).toEqual(['CHANGE_FROM_QUANTITY_STALE']);
		});
	});

	describe('items that cannot take stock', () => {
		const one = (inventoryItemId: string, locationId: string) => ({
			quantities: [{ inventoryItemId, locationId, quantity: 1, changeFromQuantity: null }],
		});

		it('refuses a bundle parent with NON_MUTABLE_INVENTORY_ITEM', async () => {
			const body = await set('2026-04', one(BUNDLE, AMS));
			expect(codes(body)).toEqual(['NON_MUTABLE_INVENTORY_ITEM']);
		});

		it('refuses an untracked item with INVALID_INVENTORY_ITEM ("not tracked")', async () => {
			const body = await set('2026-04', one(GIFT, AMS));
			expect(body.data.inventorySetQuantities.userErrors).toEqual([
				{
					field: ['input', 'quantities', '0', 'inventoryItemId'],
					code: 'INVALID_INVENTORY_ITEM',
					message: 'The specified inventory item is not tracked.',
				},
			]);
		});

		it('refuses a location that does not stock the item with ITEM_NOT_STOCKED_AT_LOCATION', async () => {
			expect(codes(await set('2026-04', one(MUG, RTM)))).toEqual(['ITEM_NOT_STOCKED_AT_LOCATION']);
		});

		it('refuses unknown items and locations', async () => {
			const body = await set('2026-04', one(gidOf('InventoryItem', 999), gidOf('Location', 998)));
			expect(codes(body)).toEqual(['INVALID_INVENTORY_ITEM', 'INVALID_LOCATION']);
		});

		it('is all or nothing: one bad quantity blocks the good ones', async () => {
			const body = await set('2026-04', {
				quantities: [
					{ inventoryItemId: TOTE, locationId: AMS, quantity: 1, changeFromQuantity: null },
					{ inventoryItemId: BUNDLE, locationId: AMS, quantity: 1, changeFromQuantity: null },
				],
			});
			expect(codes(body)).toEqual(['NON_MUTABLE_INVENTORY_ITEM']);
			expect(body.data.inventorySetQuantities.userErrors[0].field).toEqual([
				'input',
				'quantities',
				'1',
				'inventoryItemId',
			]);
			expect(await available('TOTE-NAT', 1001)).toBe(25);
		});
	});

	describe('input checks', () => {
		it('refuses more than 250 quantities in one call', async () => {
			const quantities = Array.from({ length: 251 }, () => ({
				inventoryItemId: TOTE,
				locationId: AMS,
				quantity: 1,
				changeFromQuantity: null,
			}));
			const body = await set('2026-04', { quantities });
			expect(body.errors[0]).toMatchObject({
				message: 'The input array size of 251 is greater than the maximum allowed of 250.',
				extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
			});
		});

		it('accepts exactly 250 quantities (the batch size)', async () => {
			await client.admin('POST', 'products', {
				products: [
					{
						title: 'Many',
						variants: Array.from({ length: 125 }, (_, i) => ({
							sku: `MANY-${i}`,
							inventory: { 1001: 0, 1002: 0 },
						})),
					},
				],
			});
			const items = (await client.admin('GET', 'inventory')).levels.filter((l: Json) =>
				l.sku?.startsWith('MANY-'),
			);
			expect(items).toHaveLength(250);
			const quantities = items.map((l: Json) => ({
				inventoryItemId: gidOf('InventoryItem', l.inventoryItemId),
				locationId: gidOf('Location', l.locationId),
				quantity: 4,
				changeFromQuantity: 0,
			}));
			const body = await set('2026-04', { quantities });
			expect(codes(body)).toEqual([]);
			expect(body.data.inventorySetQuantities.inventoryAdjustmentGroup.changes).toHaveLength(500);
		});

		it('refuses duplicate item/location pairs, bad names, reasons and reference documents', async () => {
			const dup = await set('2026-04', {
				quantities: [
					{ inventoryItemId: TOTE, locationId: AMS, quantity: 1, changeFromQuantity: null },
					{ inventoryItemId: TOTE, locationId: AMS, quantity: 2, changeFromQuantity: null },
				],
			});
			expect(codes(dup)).toEqual(['NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR']);
			const bad = await set('2026-04', {
				name: 'committed',
				reason: 'because',
				referenceDocumentUri: 'not a uri',
				quantities: [
					{ inventoryItemId: TOTE, locationId: AMS, quantity: 1, changeFromQuantity: null },
				],
			});
			expect(codes(bad)).toEqual(['INVALID_NAME', 'INVALID_REASON', 'INVALID_REFERENCE_DOCUMENT']);
		});

		it('sets on_hand by moving available, keeping committed', async () => {
			const body = await set('2026-04', {
				name: 'on_hand',
				quantities: [
					{ inventoryItemId: MUG, locationId: AMS, quantity: 50, changeFromQuantity: 102 },
				],
			});
			expect(codes(body)).toEqual([]);
			const level = (await client.admin('GET', 'inventory?sku=MUG-WHITE')).levels[0];
			expect(level).toMatchObject({ on_hand: 50, available: 48, committed: 2 });
			const negative = await set('2026-04', {
				name: 'on_hand',
				quantities: [
					{ inventoryItemId: MUG, locationId: AMS, quantity: -1, changeFromQuantity: null },
				],
			});
			expect(codes(negative)).toEqual(['INVALID_QUANTITY_NEGATIVE']);
		});
	});
});
