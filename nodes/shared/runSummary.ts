/**
 * Puts the run summary (nodes/core/summary) first in each output item and records n8n's custom
 * execution data (order, outcome, Exact number, …) so the Executions list can be searched by
 * order name. Setting the data never fails an order.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executionData, summarizeDocument, withSummaryFirst } from '../core/summary';
import type { FailedRun, RunSummary } from '../core/summary';

interface CustomData {
	set(key: string, value: string): void;
	get(key: string): string | undefined;
}

function customDataOf(ctx: IExecuteFunctions): CustomData | undefined {
	try {
		const proxy = ctx.getWorkflowDataProxy(0) as { $execution?: { customData?: CustomData } };
		return proxy.$execution?.customData;
	} catch {
		return undefined;
	}
}

/** The output items with the summary first, where the item carries an order or refund. */
export function summarized(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) =>
		item.json.error === undefined
			? { ...item, json: withSummaryFirst(item.json) as IDataObject }
			: item,
	);
}

/**
 * Records this node run in the execution's custom data: the summaries of the items that went on
 * and, for each failed input item, the step (this node) and the order it carried. A failure
 * recorded by an earlier node of the execution is kept.
 */
export function recordRun(
	ctx: IExecuteFunctions,
	outputs: INodeExecutionData[],
	failedInputs: INodeExecutionData[],
): void {
	const customData = customDataOf(ctx);
	if (!customData) return;
	const summaries = outputs
		.filter((o) => o.json.error === undefined)
		.map((o) => summarizeDocument(o.json))
		.filter((s): s is RunSummary => s !== null);
	const step = ctx.getNode().name;
	const failures: FailedRun[] = failedInputs.map((input) => ({
		summary: summarizeDocument(input.json),
		step,
	}));
	if (summaries.length === 0 && failures.length === 0) return;
	const data = executionData(summaries, failures);
	try {
		for (const key of ['order', 'refund'] as const) {
			const earlier = customData.get(key);
			if (earlier && data[key] && !data[key].split(', ').includes(earlier)) {
				data[key] = `${earlier}, ${data[key]}`.slice(0, 255);
			} else if (earlier && !data[key]) data[key] = earlier;
		}
		const earlierFailure = customData.get('failedStep');
		if (earlierFailure && !data.failedStep) {
			data.failedStep = earlierFailure;
			if (data.outcome && !/failed/.test(data.outcome))
				data.outcome = `${data.outcome}, failed earlier`;
		}
		for (const [key, value] of Object.entries(data)) customData.set(key, value);
	} catch {
		// Custom execution data is a convenience; the order itself has been handled.
	}
}
