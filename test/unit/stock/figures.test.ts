import { freeToSell, offeredQuantity, sumFigures } from '../../../nodes/core/stock/figures';

const position = (
	current: number,
	out = 0,
	reserved = 0,
	free = current - reserved,
	projected = current - out,
) => ({
	currentStock: current,
	planningOut: out,
	reservedStock: reserved,
	freeStock: free,
	projectedStock: projected,
});

describe('free to sell (the default figure)', () => {
	it.each([
		[10, 3, 2, 5],
		[10, 0, 0, 10],
		[10, 12, 0, 0],
		[0, 0, 0, 0],
		[-4, 0, 0, 0],
		[7, 2, 5, 0],
	])(
		'current %p − planned out %p − reserved %p = %p, floored at 0',
		(current, out, reserved, expected) => {
			expect(freeToSell(position(current, out, reserved))).toBe(expected);
		},
	);

	it('never offers more than current stock, even when planned-out figures are negative', () => {
		expect(freeToSell(position(5, -3, 0))).toBe(5);
	});

	it('rounds fractions down but tolerates float noise like 2.9999999', () => {
		expect(freeToSell(position(2.5))).toBe(2);
		expect(freeToSell(position(2.9999999))).toBe(3);
	});

	it('an order placed in Exact lowers the figure by its quantity', () => {
		expect(freeToSell(position(20, 0))).toBe(20);
		expect(freeToSell(position(20, 3))).toBe(17);
	});
});

describe('figure choice', () => {
	const p = position(10, 4, 1, 9, 6);
	it.each([
		['freeToSell', 5],
		['currentStock', 10],
		['freeStock', 9],
		['projectedStock', 6],
	] as const)('%s gives %p', (figure, expected) => {
		expect(offeredQuantity(p, figure)).toBe(expected);
	});

	it('never sends a negative quantity for any figure', () => {
		const negative = position(-2, 0, 0, -3, -8);
		for (const figure of ['freeToSell', 'currentStock', 'freeStock', 'projectedStock'] as const) {
			expect(offeredQuantity(negative, figure)).toBe(0);
		}
	});

	it('rejects an unknown figure', () => {
		expect(() => offeredQuantity(p, 'onHand' as never)).toThrow(/Unknown stock figure/);
	});
});

describe('several warehouses feeding one location', () => {
	it('sums the figures before taking free to sell (an overcommitted warehouse lowers the total)', () => {
		const total = sumFigures([position(5, 10), position(10, 0)]);
		expect(total.currentStock).toBe(15);
		expect(freeToSell(total)).toBe(5);
	});
});
