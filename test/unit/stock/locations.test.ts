import {
	aggregateByLocation,
	buildWarehouseMap,
	itemsNeedingSiblings,
	LocationMapError,
	mergeSiblings,
	toLocationGid,
	warehouseFilter,
} from '../../../nodes/core/stock/locations';
import type { StockPosition } from '../../../nodes/core/stock/types';

const WH1 = 'aaaa0000-0000-4000-8000-000000000001';
const WH2 = 'aaaa0000-0000-4000-8000-000000000002';
const WH3 = 'aaaa0000-0000-4000-8000-000000000003';
const L1 = 'gid://shopify/Location/1001';
const L2 = 'gid://shopify/Location/1002';

function pos(
	item: string,
	warehouseId: string,
	current: number,
	out = 0,
	code: string | null = `SKU-${item}`,
): StockPosition {
	return {
		itemId: item,
		itemCode: code,
		warehouseId,
		warehouseCode: warehouseId === WH1 ? '1' : warehouseId === WH2 ? '2' : '3',
		currentStock: current,
		planningIn: 0,
		planningOut: out,
		reservedStock: 0,
		projectedStock: current - out,
		freeStock: current,
	};
}

describe('Shopify location ids', () => {
	it.each([
		['1001', L1],
		[1001, L1],
		[' gid://shopify/Location/1001 ', L1],
		['gid://shopify/Location/0042', 'gid://shopify/Location/42'],
	])('%p becomes %p', (input, expected) => {
		expect(toLocationGid(input)).toBe(expected);
	});

	it.each([['gid://shopify/Product/1'], ['abc'], [''], [-3], [null]])('%p is refused', (input) => {
		expect(toLocationGid(input)).toBeUndefined();
	});
});

describe('warehouse → location map', () => {
	it('accepts warehouse IDs and codes', () => {
		const map = buildWarehouseMap([
			{ warehouse: WH1.toUpperCase(), location: '1001' },
			{ warehouse: '2', location: L2 },
		]);
		expect(map.size).toBe(2);
		expect(map.byId.get(WH1)).toBe(L1);
		expect(map.byCode.get('2')).toBe(L2);
	});

	it('refuses a warehouse mapped to two locations, a missing warehouse and a bad location', () => {
		expect(() =>
			buildWarehouseMap([
				{ warehouse: WH1, location: '1' },
				{ warehouse: WH1, location: '2' },
			]),
		).toThrow(LocationMapError);
		expect(() => buildWarehouseMap([{ warehouse: '', location: '1' }])).toThrow(
			/no Exact warehouse/,
		);
		expect(() => buildWarehouseMap([{ warehouse: WH1, location: 'Amsterdam' }])).toThrow(
			/not a Shopify location ID/,
		);
	});
});

describe('quantities per (item, location)', () => {
	const map = buildWarehouseMap([
		{ warehouse: WH1, location: L1 },
		{ warehouse: WH2, location: L1 },
		{ warehouse: WH3, location: L2 },
	]);

	it('sums the warehouses feeding one location and keeps the others apart', () => {
		const { quantities } = aggregateByLocation(
			[pos('a', WH1, 5), pos('a', WH2, 7, 2), pos('a', WH3, 4)],
			map,
			'freeToSell',
		);
		expect(quantities).toEqual([
			{
				sku: 'SKU-a',
				itemId: 'a',
				locationId: L1,
				quantity: 10,
				warehouseIds: [WH1, WH2],
				warehouseCodes: ['1', '2'],
			},
			{
				sku: 'SKU-a',
				itemId: 'a',
				locationId: L2,
				quantity: 4,
				warehouseIds: [WH3],
				warehouseCodes: ['3'],
			},
		]);
	});

	it('leaves out unmapped warehouses and items without a code, and says so', () => {
		const lone = buildWarehouseMap([{ warehouse: WH1, location: L1 }]);
		const result = aggregateByLocation(
			[pos('a', WH2, 5), pos('b', WH1, 3, 0, null)],
			lone,
			'currentStock',
		);
		expect(result.quantities).toEqual([]);
		expect(result.unmapped).toHaveLength(1);
		expect(result.withoutCode).toHaveLength(1);
	});

	it('asks for the sibling warehouses of a shared location that the delta lacks', () => {
		expect(
			itemsNeedingSiblings(
				[pos('a', WH1, 5), pos('b', WH1, 1), pos('b', WH2, 1), pos('c', WH3, 1)],
				map,
			),
		).toEqual(['a']);
	});

	it('merges read siblings without overriding the newer delta rows', () => {
		const delta = [pos('a', WH1, 5)];
		const read = [pos('a', WH1, 99), pos('a', WH2, 7)];
		expect(mergeSiblings(delta, read).map((p) => p.currentStock)).toEqual([5, 7]);
	});
});

describe('warehouse filter', () => {
	it('keeps everything when empty and matches IDs or codes otherwise', () => {
		expect(warehouseFilter([])(pos('a', WH3, 1))).toBe(true);
		const keep = warehouseFilter([WH1.toUpperCase(), '2']);
		expect(keep(pos('a', WH1, 1))).toBe(true);
		expect(keep(pos('a', WH2, 1))).toBe(true);
		expect(keep(pos('a', WH3, 1))).toBe(false);
	});
});
