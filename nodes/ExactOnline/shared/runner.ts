/**
 * The one per-item loop of every Exact node: runs an operation per input item, pairs every output
 * with its input (pairedItem), honours continueOnFail by emitting the input json plus the error,
 * attaches the item index to every error, starts an error that stops the execution with the
 * item's order (`Order #1042: …`, for the error workflow), and records how many Exact calls each item cost
 * (`exactCalls`, unless the operation set it). Items run strictly one after another.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { failedItem } from '../../shared/failedItem';
import { namedAfterItem } from '../../shared/failureReference';
import { recordRun, summarized } from '../../shared/runSummary';
import { getExactCallCount } from './transport';
import { divisionUsed } from './transport/division';

/**
 * Names the division the node worked in on each of its outputs (`exactDivision`), and carries the
 * warning when the user's current division changed since an earlier run (`divisionWarning`).
 */
function withDivision(ctx: IExecuteFunctions, out: INodeExecutionData[]): INodeExecutionData[] {
	const use = divisionUsed(ctx);
	if (!use) return out;
	for (const item of out) {
		if (item.json.error !== undefined) continue;
		item.json = { ...item.json, exactDivision: use.division };
		if (use.warning) item.json.divisionWarning = use.warning;
		else delete item.json.divisionWarning;
	}
	return out;
}

export type ItemOperation = (
	itemIndex: number,
	item: INodeExecutionData,
) => Promise<IDataObject | IDataObject[]>;

/** Per-item outcome of a batched operation: data, or the error for that item. */
export type BatchResult = IDataObject | IDataObject[] | Error;

export type BatchOperation = (items: INodeExecutionData[]) => Promise<BatchResult[]>;

/** The error with the item index in its context (wrapping foreign errors in NodeOperationError). */
export function errorForItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * `exactCalls` is this node's count for the item. An operation may set its own; a value merely
 * carried over from the input (an upstream node's count) is replaced.
 */
function outputs(
	result: IDataObject | IDataObject[],
	itemIndex: number,
	input: INodeExecutionData,
	calls?: number,
): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	const ownCount = (json: IDataObject) =>
		'exactCalls' in json && json.exactCalls !== input.json.exactCalls;
	return list.map((json) => ({
		json: calls === undefined || ownCount(json) ? json : { ...json, exactCalls: calls },
		pairedItem: { item: itemIndex },
	}));
}

/** The continueOnFail output of one item (see failedItem), with its HTTP code and call count. */
function failure(
	ctx: IExecuteFunctions,
	item: INodeExecutionData,
	itemIndex: number,
	error: NodeApiError | NodeOperationError,
	calls?: number,
): INodeExecutionData {
	const extra: IDataObject = {};
	if (error instanceof NodeApiError && error.httpCode) extra.errorHttpCode = error.httpCode;
	if (calls !== undefined) extra.exactCalls = calls;
	return failedItem(ctx, item, itemIndex, error, extra);
}

export async function runPerItem(
	this: IExecuteFunctions,
	op: ItemOperation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	const failed: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const before = getExactCallCount.call(this);
		try {
			const result = await op(itemIndex, items[itemIndex]);
			out.push(
				...outputs(result, itemIndex, items[itemIndex], getExactCallCount.call(this) - before),
			);
		} catch (error) {
			const wrapped = errorForItem(this, error, itemIndex);
			if (!this.continueOnFail()) {
				recordRun(this, out, [items[itemIndex]]);
				throw namedAfterItem(wrapped, items[itemIndex].json);
			}
			failed.push(items[itemIndex]);
			out.push(
				failure(this, items[itemIndex], itemIndex, wrapped, getExactCallCount.call(this) - before),
			);
		}
	}
	recordRun(this, out, failed);
	return [summarized(withDivision(this, out))];
}

/**
 * For operations that batch their Exact calls across items (e.g. one lookup for all item codes):
 * `op` returns one result per input item. The batch's calls are reported as `exactBatchCalls` on
 * every output (the per-item share is not measurable); `exactCalls` is left to the operation.
 * If `op` throws, every item fails with that error (or the node fails without continueOnFail).
 */
export async function runBatch(
	this: IExecuteFunctions,
	op: BatchOperation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const before = getExactCallCount.call(this);
	let results: BatchResult[];
	try {
		results = await op(items);
		if (results.length !== items.length) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation returned ${results.length} results for ${items.length} items`,
			);
		}
	} catch (error) {
		recordRun(this, [], items);
		if (!this.continueOnFail()) {
			const wrapped = errorForItem(this, error, 0);
			// With one input item the failure is that item's (an order per execution).
			throw items.length === 1 ? namedAfterItem(wrapped, items[0].json) : wrapped;
		}
		return [items.map((item, i) => failure(this, item, i, errorForItem(this, error, i)))];
	}
	const batchCalls = getExactCallCount.call(this) - before;
	const out: INodeExecutionData[] = [];
	const failed: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const result = results[i];
		if (result instanceof Error) {
			const wrapped = errorForItem(this, result, i);
			if (!this.continueOnFail()) {
				recordRun(this, out, [items[i]]);
				throw namedAfterItem(wrapped, items[i].json);
			}
			failed.push(items[i]);
			out.push(failure(this, items[i], i, wrapped));
			continue;
		}
		out.push(
			...outputs(result, i, items[i]).map((o) => ({
				...o,
				json: { ...o.json, exactBatchCalls: batchCalls },
			})),
		);
	}
	recordRun(this, out, failed);
	return [summarized(withDivision(this, out))];
}
