/** Properties both Stock operations use, and reading them. */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isStockFigure } from '../../../core/stock/figures';
import type { StockFigure, StockPosition } from '../../../core/stock/types';

export const figureProperty: INodeProperties = {
	displayName: 'Quantity to Offer',
	name: 'figure',
	type: 'options',
	default: 'freeToSell',
	description:
		'Which Exact stock figure becomes the quantity output for Shopify (always a whole number, never below 0)',
	options: [
		{
			name: 'Current Stock',
			value: 'currentStock',
			description: 'Everything in the warehouse, including stock already promised to open orders',
		},
		{
			name: 'Free Stock (Exact)',
			value: 'freeStock',
			description: 'Exact’s free stock figure',
		},
		{
			name: 'Free to Sell (Recommended)',
			value: 'freeToSell',
			description:
				'Current stock minus stock promised to open sales orders (including orders just imported) and reserved stock: never oversells',
		},
		{
			name: 'Projected Stock',
			value: 'projectedStock',
			description: 'Current stock plus expected receipts minus planned deliveries',
		},
	],
};

export const warehouseFilterProperty: INodeProperties = {
	displayName: 'Warehouse Names or IDs',
	name: 'warehouses',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getWarehouses', loadOptionsDependsOn: ['division.value'] },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export function readFigure(ctx: IExecuteFunctions, itemIndex: number): StockFigure {
	const figure = ctx.getNodeParameter('figure', itemIndex, 'freeToSell');
	if (!isStockFigure(figure)) {
		throw new NodeOperationError(ctx.getNode(), `Unknown stock figure ${String(figure)}`, {
			itemIndex,
		});
	}
	return figure;
}

/** Warehouse IDs or codes from the filter (list, comma-separated text or an expression array). */
export function readWarehouseList(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): string[] {
	const raw = ctx.getNodeParameter(name, itemIndex, []) as unknown;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
	return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

/** The Exact figures of a position as output fields. */
export function positionFields(p: StockPosition): IDataObject {
	return {
		itemId: p.itemId,
		itemCode: p.itemCode,
		warehouseId: p.warehouseId,
		warehouseCode: p.warehouseCode,
		currentStock: p.currentStock,
		planningIn: p.planningIn,
		planningOut: p.planningOut,
		reservedStock: p.reservedStock,
		freeStock: p.freeStock,
		projectedStock: p.projectedStock,
	};
}
