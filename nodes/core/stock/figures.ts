/**
 * The quantity offered to Shopify. Shopify quantities are integers, so fractions are rounded down
 * (never offer part of a unit you do not have) and nothing below 0 is sent.
 *
 * Default "free to sell" = CurrentStock − PlanningOut − ReservedStock: stock already promised to open
 * sales orders (PlanningOut, which includes orders just imported from Shopify) and stock reserved
 * for back-to-back orders is not offered again. It is never more than CurrentStock, so incoming
 * purchase orders (PlanningIn) are never sold before they arrive.
 */
import type { StockFigure, StockPosition } from './types';

/** Tolerance for decimals like 2.9999999 that Exact's float arithmetic may produce. */
const EPSILON = 1e-6;

function floorInt(value: number): number {
	if (!Number.isFinite(value)) return 0;
	return Math.floor(value + EPSILON);
}

function clamp(value: number): number {
	return Math.max(0, floorInt(value));
}

type Figures = Pick<
	StockPosition,
	'currentStock' | 'planningOut' | 'reservedStock' | 'freeStock' | 'projectedStock'
>;

export function freeToSell(p: Figures): number {
	const free = p.currentStock - p.planningOut - p.reservedStock;
	return Math.min(clamp(free), clamp(p.currentStock));
}

/** The integer quantity for Shopify's "available" according to the chosen figure. */
export function offeredQuantity(p: Figures, figure: StockFigure): number {
	switch (figure) {
		case 'freeToSell':
			return freeToSell(p);
		case 'currentStock':
			return clamp(p.currentStock);
		case 'freeStock':
			return clamp(p.freeStock);
		case 'projectedStock':
			return clamp(p.projectedStock);
		default:
			throw new Error(`Unknown stock figure: ${String(figure)}`);
	}
}

export function isStockFigure(value: unknown): value is StockFigure {
	return (
		value === 'freeToSell' ||
		value === 'currentStock' ||
		value === 'freeStock' ||
		value === 'projectedStock'
	);
}

/** Sums the figures of several warehouses (for a Shopify location fed by more than one). */
export function sumFigures(positions: Figures[]): Figures {
	const total: Figures = {
		currentStock: 0,
		planningOut: 0,
		reservedStock: 0,
		freeStock: 0,
		projectedStock: 0,
	};
	for (const p of positions) {
		total.currentStock += p.currentStock;
		total.planningOut += p.planningOut;
		total.reservedStock += p.reservedStock;
		total.freeStock += p.freeStock;
		total.projectedStock += p.projectedStock;
	}
	return total;
}
