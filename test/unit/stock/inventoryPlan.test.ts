import {
	buildSetInput,
	casField,
	classifyUserError,
	dedupeRequests,
	parseRequest,
	planWrites,
	userErrorIndex,
} from '../../../nodes/core/stock/inventoryPlan';
import type { QuantityRequest, VariantInfo } from '../../../nodes/core/stock/inventoryPlan';

const L1 = 'gid://shopify/Location/1001';
const L2 = 'gid://shopify/Location/1002';

function variant(
	sku: string,
	available: Record<string, number | null>,
	extra: Partial<VariantInfo> = {},
): VariantInfo {
	return {
		variantId: `gid://shopify/ProductVariant/${sku}`,
		sku,
		inventoryItemId: `gid://shopify/InventoryItem/${sku}`,
		tracked: true,
		requiresComponents: false,
		available,
		...extra,
	};
}

const req = (index: number, sku: string, quantity: number, locationId = L1): QuantityRequest => ({
	index,
	sku,
	locationId,
	quantity,
});

describe('input rows', () => {
	it('accepts numeric strings, bare location numbers and trims the SKU', () => {
		expect(parseRequest(0, { sku: ' A ', locationId: 1001, quantity: '7' })).toEqual({
			ok: true,
			request: req(0, 'A', 7),
		});
	});

	it.each([
		[{ sku: '', locationId: '1', quantity: 1 }],
		[{ sku: 'A', locationId: 'Amsterdam', quantity: 1 }],
		[{ sku: 'A', locationId: '1', quantity: 1.5 }],
		[{ sku: 'A', locationId: '1', quantity: 'many' }],
		[{ sku: undefined, locationId: '1', quantity: 1 }],
	])('refuses %p as invalid input', (row) => {
		const parsed = parseRequest(3, row);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.skip).toMatchObject({ index: 3, reason: 'invalidInput' });
	});

	it('lets the last request per SKU and location win', () => {
		const { kept, skips } = dedupeRequests([req(0, 'a', 1), req(1, 'A', 2), req(2, 'A', 3, L2)]);
		expect(kept.map((r) => r.index)).toEqual([1, 2]);
		expect(skips).toEqual([expect.objectContaining({ index: 0, reason: 'superseded' })]);
	});
});

describe('write plan', () => {
	const variants = new Map<string, VariantInfo[]>([
		['OK', [variant('OK', { [L1]: 5, [L2]: null })]],
		['SAME', [variant('SAME', { [L1]: 9 })]],
		['BUNDLE', [variant('BUNDLE', { [L1]: 1 }, { requiresComponents: true })]],
		['UNTRACKED', [variant('UNTRACKED', { [L1]: 0 }, { tracked: false })]],
		['TWICE', [variant('TWICE', { [L1]: 1 }), variant('TWICE', { [L1]: 1 })]],
	]);

	it('writes changed quantities with the current one as compare value', () => {
		const { writes } = planWrites([req(0, 'ok', 8)], variants);
		expect(writes).toEqual([
			expect.objectContaining({
				index: 0,
				quantity: 8,
				current: 5,
				inventoryItemId: 'gid://shopify/InventoryItem/OK',
			}),
		]);
	});

	it.each([
		['unknownSku', req(0, 'NOPE', 1)],
		['duplicateSku', req(0, 'TWICE', 2)],
		['bundle', req(0, 'BUNDLE', 2)],
		['untracked', req(0, 'UNTRACKED', 2)],
		['notStockedAtLocation', req(0, 'OK', 2, L2)],
		['unchanged', req(0, 'SAME', 9)],
	])('skips with reason %s', (reason, request) => {
		const { writes, skips } = planWrites([request], variants);
		expect(writes).toEqual([]);
		expect(skips).toEqual([expect.objectContaining({ index: 0, reason })]);
	});
});

describe('compare-and-swap by API version', () => {
	const writes = planWrites(
		[req(0, 'OK', 8)],
		new Map([['OK', [variant('OK', { [L1]: 5 })]]]),
	).writes;

	it.each([
		['2025-01', 'compareQuantity'],
		['2025-10', 'compareQuantity'],
		['2026-01', 'changeFromQuantity'],
		['2026-04', 'changeFromQuantity'],
		['2026-10', 'changeFromQuantity'],
	])('%s uses %s', (version, field) => {
		expect(casField(version)).toBe(field);
		const input = buildSetInput(writes, version, 'correction', 'gid://x/Sync/1');
		expect(input.quantities[0]).toEqual({
			inventoryItemId: 'gid://shopify/InventoryItem/OK',
			locationId: L1,
			quantity: 8,
			[field]: 5,
		});
		expect(input.ignoreCompareQuantity).toBe(field === 'compareQuantity' ? false : undefined);
		expect(input).toMatchObject({
			name: 'available',
			reason: 'correction',
			referenceDocumentUri: 'gid://x/Sync/1',
		});
	});
});

describe('Shopify userErrors', () => {
	it.each([
		['COMPARE_QUANTITY_STALE', { kind: 'stale' }],
		['CHANGE_FROM_QUANTITY_STALE', { kind: 'stale' }],
		['NON_MUTABLE_INVENTORY_ITEM', { kind: 'skip', reason: 'bundle' }],
		['ITEM_NOT_STOCKED_AT_LOCATION', { kind: 'skip', reason: 'notStockedAtLocation' }],
		['INVALID_REASON', { kind: 'fail' }],
	])('%s means %p', (code, verdict) => {
		expect(classifyUserError({ code, message: 'x' })).toEqual(verdict);
	});

	it('finds the quantity a userError names', () => {
		expect(
			userErrorIndex({ field: ['input', 'quantities', '3', 'compareQuantity'], message: '' }),
		).toBe(3);
		expect(userErrorIndex({ field: ['input', 'reason'], message: '' })).toBeUndefined();
		expect(userErrorIndex({ field: null, message: '' })).toBeUndefined();
	});
});
