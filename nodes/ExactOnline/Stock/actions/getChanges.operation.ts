/**
 * Get Changes: stock positions changed since the last run, from sync/Inventory/StockPositions with
 * a Timestamp cursor in the node's workflow static data (per division; no cursor = full sync).
 *
 * Delivery is at least once: the cursor moves only after every page was read and the output built,
 * so a failed or cancelled read is repeated in full next time. n8n stores static data when an
 * active workflow's execution ends, also when a later node failed; a position whose Shopify write
 * failed is therefore sent again on its next change in Exact, or after "Reset Cursor". Manual
 * (test) executions do not store static data, so each manual run is a full sync.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { advanceCursor, cursorKey, readCursor } from '../../../core/stock/cursor';
import { offeredQuantity } from '../../../core/stock/figures';
import {
	aggregateByLocation,
	buildWarehouseMap,
	itemsNeedingSiblings,
	locationFor,
	LocationMapError,
	mergeSiblings,
	warehouseFilter,
} from '../../../core/stock/locations';
import type { WarehouseMap, WarehouseMapEntry } from '../../../core/stock/locations';
import { highestTimestamp, latestPerPosition } from '../../../core/stock/positions';
import type { StockFigure, StockPosition } from '../../../core/stock/types';
import { locationIdOf, shopifyLocationLocator } from '../../../ShopifyInventory/locations';
import { errorForItem } from '../../shared/runner';
import { getExactCallCount, resolveDivision } from '../../shared/transport';
import { readChangedPositions, readItemPositions } from '../stockReads';
import { coalescedRead, laterCursor } from './coalesce';
import {
	figureProperty,
	positionFields,
	readFigure,
	readWarehouseList,
	warehouseFilterProperty,
} from './common';

const show = { operation: ['getChanges'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'location',
		options: [
			{
				name: 'Per Shopify Location',
				value: 'location',
				description:
					'One item per item code and Shopify location (warehouses mapped to the same location are summed)',
			},
			{
				name: 'Per Exact Warehouse',
				value: 'warehouse',
				description: 'One item per changed item and warehouse',
			},
		],
		displayOptions: { show },
	},
	{
		displayName: 'Warehouse to Location Map',
		name: 'locationMap',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Mapping',
		default: {},
		description:
			'Which Shopify location each Exact warehouse stocks. Unmapped warehouses are left out.',
		displayOptions: { show },
		options: [
			{
				displayName: 'Mapping',
				name: 'mappings',
				values: [
					{
						displayName: 'Exact Warehouse Name or ID',
						name: 'warehouse',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getWarehouseCodes',
							loadOptionsDependsOn: ['division.value'],
						},
						default: '',
						description:
							'The warehouse by its code (its ID works too). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					shopifyLocationLocator({
						name: 'location',
						description:
							"The Shopify location this warehouse stocks: from the list (needs the node's Shopify Admin credential) or by ID (Shopify Inventory → List Locations shows them)",
					}),
				],
			},
		],
	},
	{ ...figureProperty, displayOptions: { show } },
	{ ...warehouseFilterProperty, displayOptions: { show } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Coalesce Changes (Seconds)',
				name: 'coalesceSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					"For a workflow started by Exact's stock webhooks: read the changes at most once per this many seconds. The first webhook of a burst waits, the ones that arrive meanwhile join its read and output nothing, so a burst of orders costs one read instead of one per changed position and leaves Exact's 60 calls a minute to the orders. Shared within one n8n process (in queue mode per worker). 0: every run reads at once.",
			},
			{
				displayName: 'Reset Cursor',
				name: 'resetCursor',
				type: 'boolean',
				default: false,
				description:
					'Whether to ignore the stored position and read all stock positions again (a full sync); switch it off again afterwards',
			},
		],
	},
];

function readMap(ctx: IExecuteFunctions): WarehouseMap {
	const raw = ctx.getNodeParameter('locationMap', 0, {}) as {
		mappings?: Array<{ warehouse: string; location: unknown }>;
	};
	const entries: WarehouseMapEntry[] = (raw.mappings ?? []).map((m) => ({
		warehouse: m.warehouse,
		location: locationIdOf(m.location),
	}));
	try {
		return buildWarehouseMap(entries);
	} catch (error) {
		const message = error instanceof LocationMapError ? error.message : (error as Error).message;
		throw new NodeOperationError(ctx.getNode(), message, { itemIndex: 0 });
	}
}

function perWarehouse(
	positions: StockPosition[],
	map: WarehouseMap,
	figure: StockFigure,
): IDataObject[] {
	return positions.map((p) => ({
		action: 'found',
		sku: p.itemCode,
		locationId: locationFor(map, p) ?? null,
		quantity: offeredQuantity(p, figure),
		figure,
		...positionFields(p),
		timestamp: p.timestamp ?? null,
	}));
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	try {
		return await getChanges(this);
	} catch (error) {
		if (!this.continueOnFail()) throw errorForItem(this, error, 0);
		return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
	}
}

async function getChanges(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const callsBefore = getExactCallCount.call(ctx);
	const division = await resolveDivision.call(ctx, 0);
	const figure = readFigure(ctx, 0);
	const output = ctx.getNodeParameter('output', 0, 'location') as string;
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const map = readMap(ctx);
	if (output === 'location' && map.size === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Add at least one warehouse to the Warehouse to Location Map',
			{
				itemIndex: 0,
				description: 'Or choose Output: Per Exact Warehouse.',
			},
		);
	}
	const keep = warehouseFilter(readWarehouseList(ctx, 'warehouses', 0));
	const store = ctx.getWorkflowStaticData('node');
	const reset = options.resetCursor === true;
	const coalesceMs = Math.max(0, Number(options.coalesceSeconds ?? 0)) * 1000;
	const readDelta = async (cursorInMemory?: string) => {
		const stored = readCursor(store, division, reset);
		const cursor = reset ? stored.cursor : laterCursor(stored.cursor, cursorInMemory);
		const fullSync = stored.fullSync && cursor === stored.cursor;
		return await readChanges(ctx, {
			division,
			figure,
			output,
			map,
			keep,
			store,
			cursor,
			fullSync,
			callsBefore,
		});
	};
	if (coalesceMs > 0 && !reset) {
		const read = await coalescedRead(ctx, division, coalesceMs, readDelta);
		// Another run's read covered this run's changes.
		if (!read.reader || !read.result) return [[]];
		return read.result;
	}
	return (await readDelta()).result;
}

interface DeltaRequest {
	division: number;
	figure: StockFigure;
	output: string;
	map: WarehouseMap;
	keep: (p: StockPosition) => boolean;
	store: IDataObject;
	cursor: string;
	fullSync: boolean;
	callsBefore: number;
}

async function readChanges(
	ctx: IExecuteFunctions,
	request: DeltaRequest,
): Promise<{ result: INodeExecutionData[][]; cursor: string }> {
	const { division, figure, output, map, keep, store, cursor, fullSync, callsBefore } = request;

	const changed = latestPerPosition(await readChangedPositions(ctx, division, cursor));
	const relevant = changed.filter(keep);
	let rows: IDataObject[];
	let leftOut: IDataObject = {};
	if (output === 'location') {
		const needSiblings = itemsNeedingSiblings(relevant, map);
		const siblings = (await readItemPositions(ctx, division, needSiblings)).filter(keep);
		const { quantities, unmapped, withoutCode } = aggregateByLocation(
			mergeSiblings(relevant, siblings),
			map,
			figure,
		);
		// Counted, not emitted: positions of unmapped warehouses and items without a code (SKU).
		leftOut = { unmappedPositions: unmapped.length, positionsWithoutCode: withoutCode.length };
		rows = quantities.map((q) => ({ action: 'found', ...q, figure }));
	} else {
		rows = perWarehouse(relevant, map, figure);
	}
	// Only now, with the whole delta read and the output built, does the cursor move.
	const next = advanceCursor(cursor, highestTimestamp(changed, cursor));
	if (next !== cursor || fullSync) store[cursorKey(division)] = next;
	const summary = {
		division,
		fullSync,
		changedPositions: changed.length,
		exactCalls: getExactCallCount.call(ctx) - callsBefore,
		cursor: next,
		...leftOut,
	};
	return {
		result: [rows.map((json) => ({ json: { ...json, ...summary }, pairedItem: { item: 0 } }))],
		cursor: next,
	};
}
