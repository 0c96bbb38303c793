/** Runs the operation module the node's Operation field names. */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { failedItem } from '../../shared/failedItem';

export interface OperationModule {
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

/** The operations handle continueOnFail per item; this throws only for an unknown operation. */
export async function runOperation(
	ctx: IExecuteFunctions,
	operations: Record<string, OperationModule>,
): Promise<INodeExecutionData[][]> {
	const operation = ctx.getNodeParameter('operation', 0) as string;
	if (!Object.prototype.hasOwnProperty.call(operations, operation)) {
		throw new NodeOperationError(ctx.getNode(), `Unknown operation "${operation}"`);
	}
	return await operations[operation].execute.call(ctx);
}

/** The continueOnFail output when the whole node failed: every input item with the error. */
export function failAll(ctx: IExecuteFunctions, error: unknown): INodeExecutionData[][] {
	const failure = error instanceof Error ? error : new Error(String(error));
	return [ctx.getInputData().map((item, i) => failedItem(ctx, item, i, failure))];
}
