import { advanceCursor, cursorKey, readCursor } from '../../../nodes/core/stock/cursor';
import {
	compareTimestamps,
	fromItemWarehouse,
	fromSyncRow,
	highestTimestamp,
	latestPerPosition,
	timestampText,
} from '../../../nodes/core/stock/positions';

const ITEM = '0f7a0000-0000-4000-8000-000000000001';
const WH1 = 'AAAA0000-0000-4000-8000-000000000001';

describe('Int64 timestamps', () => {
	it('compares digit strings beyond 2^53 exactly', () => {
		expect(compareTimestamps('9007199254740993', '9007199254740992')).toBe(1);
		expect(compareTimestamps('99', '100')).toBe(-1);
		expect(compareTimestamps('123', '123')).toBe(0);
	});

	it('reads numbers and digit strings, refuses anything else', () => {
		expect(timestampText(100123)).toBe('100123');
		expect(timestampText('000042')).toBe('42');
		expect(timestampText('12L')).toBeUndefined();
		expect(timestampText(-1)).toBeUndefined();
		expect(timestampText(1.5)).toBeUndefined();
	});
});

describe('cursor per division', () => {
	it('starts with a full sync when nothing is stored', () => {
		expect(readCursor({}, 3012345)).toEqual({ cursor: '0', fullSync: true });
	});

	it('continues from the stored value of the same division only', () => {
		const store = { [cursorKey(3012345)]: '100500' };
		expect(readCursor(store, 3012345)).toEqual({ cursor: '100500', fullSync: false });
		expect(readCursor(store, 999)).toEqual({ cursor: '0', fullSync: true });
	});

	it('is ignored on reset and when the stored value is not a timestamp', () => {
		expect(readCursor({ [cursorKey(1)]: '100500' }, 1, true).fullSync).toBe(true);
		expect(readCursor({ [cursorKey(1)]: 'garbage' }, 1).fullSync).toBe(true);
	});

	it('never moves backwards', () => {
		expect(advanceCursor('500', '400')).toBe('500');
		expect(advanceCursor('500', '501')).toBe('501');
	});
});

describe('Exact rows to positions', () => {
	it('maps a sync row and lower-cases the GUIDs', () => {
		const p = fromSyncRow({
			Timestamp: 100501,
			ItemId: ITEM.toUpperCase(),
			ItemCode: ' FIETS-001 ',
			Warehouse: WH1,
			WarehouseCode: '1',
			CurrentStock: 12,
			FreeStock: 11,
			PlanningIn: 2,
			PlanningOut: 3,
			ProjectedStock: 11,
			ReservedStock: 1,
		});
		expect(p).toEqual({
			itemId: ITEM,
			itemCode: 'FIETS-001',
			warehouseId: WH1.toLowerCase(),
			warehouseCode: '1',
			currentStock: 12,
			planningIn: 2,
			planningOut: 3,
			reservedStock: 1,
			projectedStock: 11,
			freeStock: 11,
			timestamp: '100501',
		});
	});

	it('derives free and projected stock for an ItemWarehouses row, which has neither', () => {
		const p = fromItemWarehouse({
			Item: ITEM,
			Warehouse: WH1,
			CurrentStock: 10,
			PlannedStockIn: 4,
			PlannedStockOut: 3,
			ReservedStock: 2,
		});
		expect(p.freeStock).toBe(8);
		expect(p.projectedStock).toBe(11);
		expect(p.planningOut).toBe(3);
	});

	it('keeps the newest row when a position appears twice in one sync', () => {
		const older = fromSyncRow({ Timestamp: 10, ItemId: ITEM, Warehouse: WH1, CurrentStock: 1 });
		const newer = fromSyncRow({ Timestamp: 12, ItemId: ITEM, Warehouse: WH1, CurrentStock: 2 });
		expect(latestPerPosition([newer, older])).toEqual([newer]);
		expect(highestTimestamp([older, newer], '5')).toBe('12');
		expect(highestTimestamp([], '5')).toBe('5');
	});
});
