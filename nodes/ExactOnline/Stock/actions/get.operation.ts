/**
 * Get: current stock positions of items (by code or ID), per warehouse or in total. All input
 * items are looked up together: one Items lookup and one ItemWarehouses lookup per URL-sized batch.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { isGuid } from '../../../core/exact/filter';
import { offeredQuantity, sumFigures } from '../../../core/stock/figures';
import { warehouseFilter } from '../../../core/stock/locations';
import type { StockPosition } from '../../../core/stock/types';
import type { BatchResult } from '../../shared/runner';
import { runBatch } from '../../shared/runner';
import { resolveDivision } from '../../shared/transport';
import { lookupItems, readItemPositions } from '../stockReads';
import type { ExactItemRef } from '../stockReads';
import {
	figureProperty,
	positionFields,
	readFigure,
	readWarehouseList,
	warehouseFilterProperty,
} from './common';

const show = { operation: ['get'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Find Items By',
		name: 'lookupBy',
		type: 'options',
		default: 'code',
		options: [
			{ name: 'Item Code', value: 'code', description: 'The Exact item code (the Shopify SKU)' },
			{ name: 'Item ID', value: 'id', description: 'The Exact item ID (a GUID)' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'FIETS-001, BOEK-042',
		description:
			'One or more item codes or IDs, separated by commas (or an array from an expression)',
		displayOptions: { show },
	},
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		default: 'warehouse',
		options: [
			{
				name: 'Per Warehouse',
				value: 'warehouse',
				description: 'One result per item and warehouse',
			},
			{
				name: 'Total',
				value: 'total',
				description: 'One result per item, summed over the warehouses',
			},
		],
		displayOptions: { show },
	},
	{ ...figureProperty, displayOptions: { show } },
	{ ...warehouseFilterProperty, displayOptions: { show } },
];

interface Wanted {
	itemIndex: number;
	values: string[];
}

function valuesOf(raw: unknown): string[] {
	const list = Array.isArray(raw)
		? raw
		: typeof raw === 'string'
			? raw.split(',')
			: raw == null
				? []
				: [raw];
	return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

function keyOf(by: 'code' | 'id', value: string): string {
	return by === 'code' ? value.toUpperCase() : value.toLowerCase();
}

async function runGet(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<BatchResult[]> {
	const by = ctx.getNodeParameter('lookupBy', 0, 'code') as 'code' | 'id';
	const division = await resolveDivision.call(ctx, 0);
	const wanted: Wanted[] = items.map((_, i) => ({
		itemIndex: i,
		values: valuesOf(ctx.getNodeParameter('items', i, '')),
	}));
	const all = [...new Set(wanted.flatMap((w) => w.values))];
	const valid = by === 'id' ? all.filter((v) => isGuid(v)) : all;
	const found = await lookupItems(ctx, division, by, valid);
	const byKey = new Map<string, ExactItemRef>();
	for (const item of found)
		byKey.set(keyOf(by, by === 'code' ? String(item.Code).trim() : String(item.ID)), item);
	const positions = await readItemPositions(
		ctx,
		division,
		found.map((f) => String(f.ID)),
	);
	const byItem = new Map<string, StockPosition[]>();
	for (const p of positions) byItem.set(p.itemId, [...(byItem.get(p.itemId) ?? []), p]);
	return wanted.map((w) => {
		try {
			return resultsFor(ctx, w, by, byKey, byItem, division);
		} catch (error) {
			return error as Error;
		}
	});
}

/** Warehouses in code order (Exact returns them in no particular order). */
function byWarehouse(a: StockPosition, b: StockPosition): number {
	const key = (p: StockPosition) => `${p.warehouseCode ?? ''}|${p.warehouseId}`;
	return key(a).localeCompare(key(b), 'en', { numeric: true });
}

function resultsFor(
	ctx: IExecuteFunctions,
	w: Wanted,
	by: 'code' | 'id',
	byKey: Map<string, ExactItemRef>,
	byItem: Map<string, StockPosition[]>,
	division: number,
): IDataObject[] {
	const figure = readFigure(ctx, w.itemIndex);
	const level = ctx.getNodeParameter('level', w.itemIndex, 'warehouse') as string;
	const keep = warehouseFilter(readWarehouseList(ctx, 'warehouses', w.itemIndex));
	const out: IDataObject[] = [];
	for (const value of w.values) {
		const item = byKey.get(keyOf(by, value));
		if (!item) {
			out.push({ action: 'skipped', reason: 'itemNotFound', lookup: value, division });
			continue;
		}
		const code = String(item.Code).trim();
		const rows = (byItem.get(String(item.ID).toLowerCase()) ?? []).filter(keep).sort(byWarehouse);
		if (level === 'total' || rows.length === 0) {
			const total = sumFigures(rows);
			out.push({
				action: 'found',
				sku: code,
				itemId: String(item.ID).toLowerCase(),
				itemCode: code,
				warehouseId: null,
				warehouseCount: rows.length,
				...total,
				quantity: offeredQuantity(total, figure),
				figure,
				division,
			});
			continue;
		}
		for (const p of rows) {
			out.push({
				action: 'found',
				sku: code,
				...positionFields(p),
				itemCode: code,
				quantity: offeredQuantity(p, figure),
				figure,
				division,
			});
		}
	}
	return out;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBatch.call(this, async (items) => await runGet(this, items));
}
