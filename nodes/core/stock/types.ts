/** Shapes shared by the stock flow: Exact positions in, Shopify quantities out. */

/** Which Exact figure is offered to Shopify as "available". */
export type StockFigure = 'freeToSell' | 'currentStock' | 'freeStock' | 'projectedStock';

export const STOCK_FIGURES: readonly StockFigure[] = [
	'freeToSell',
	'currentStock',
	'freeStock',
	'projectedStock',
];

/** One item in one Exact warehouse, with Exact's stock figures (decimals as Exact sends them). */
export interface StockPosition {
	itemId: string;
	itemCode: string | null;
	warehouseId: string;
	warehouseCode: string | null;
	currentStock: number;
	planningIn: number;
	/** Stock promised to open sales orders (including orders just imported from Shopify). */
	planningOut: number;
	/** Back-to-back goods received but not yet delivered. */
	reservedStock: number;
	projectedStock: number;
	freeStock: number;
	/** Sync row version (Int64 as a digit string); absent for non-sync reads. */
	timestamp?: string;
}

/** A quantity for Shopify: what the Stock node emits and the Shopify Inventory node reads. */
export interface LocationQuantity {
	sku: string;
	itemId: string;
	/** gid://shopify/Location/<id> */
	locationId: string;
	quantity: number;
	/** The Exact warehouses summed into this quantity. */
	warehouseIds: string[];
	warehouseCodes: Array<string | null>;
}
