/**
 * A test-only node that drives the Exact transport from its input items, so transport tests run
 * through a real n8n execution (WorkflowExecute, credentials, OAuth2 signing and refresh).
 * Each input item says what to do:
 *   { op: 'request', method, path, qs?, body?, eq?: [field, value], writeCheck?: {path, field, value} }
 *   { op: 'getAll', path, qs?, eq?: [field, value], limit? }
 *   { op: 'lookup', path, field, values, select? }
 *   { op: 'division' } | { op: 'fail', message } | { op: 'throwPlain', message }
 * With the parameter `batch` true, the items go through runBatch: one lookup for all items'
 * `code` values in logistics/Items, then one result per item (an Error for op 'fail').
 */
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { eq } from '../../nodes/core/exact/filter';
import type { FilterValue } from '../../nodes/core/exact/filter';
import { divisionLocator, methods } from '../../nodes/ExactOnline/shared/descriptions';
import { runBatch, runPerItem } from '../../nodes/ExactOnline/shared/runner';
import {
	exactGetAll,
	exactLookup,
	exactRequest,
	resolveDivision,
} from '../../nodes/ExactOnline/shared/transport';
import type { ExactQuery, ExactRequest } from '../../nodes/ExactOnline/shared/transport';

function queryOf(json: IDataObject): ExactQuery {
	const qs = { ...((json.qs as IDataObject) ?? {}) } as ExactQuery;
	if (Array.isArray(json.eq)) qs.$filter = eq(String(json.eq[0]), json.eq[1] as FilterValue);
	return qs;
}

export class ExactProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Probe',
		name: 'exactProbe',
		icon: 'file:exactOnline.svg',
		group: ['transform'],
		version: 1,
		subtitle: 'transport probe',
		description: 'Test-only node that calls the Exact transport',
		defaults: { name: 'Exact Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		properties: [
			divisionLocator,
			{ displayName: 'Batch', name: 'batch', type: 'boolean', default: false },
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		if (this.getNodeParameter('batch', 0, false) === true) {
			return await runBatch.call(this, async (items) => {
				const codes = items.map((item) => String(item.json.code ?? ''));
				const found = (await exactLookup.call(this, {
					path: 'logistics/Items',
					field: 'Code',
					values: codes.filter(Boolean),
					select: 'ID,Code',
				})) as IDataObject[];
				return items.map((item, i) =>
					item.json.op === 'fail'
						? new Error(String(item.json.message))
						: { code: codes[i], found: found.some((f) => f.Code === codes[i]) },
				);
			});
		}
		return await runPerItem.call(this, async (itemIndex, item) => {
			const json = item.json;
			switch (json.op) {
				case 'request': {
					const check = json.writeCheck as IDataObject | undefined;
					const req: ExactRequest<IDataObject> = {
						method: (json.method as ExactRequest['method']) ?? 'GET',
						path: String(json.path),
						qs: queryOf(json),
						body: json.body as IDataObject | undefined,
						itemIndex,
						parseDates: json.parseDates === true,
					};
					if (check) {
						req.writeCheck = async () => {
							const found = (await exactLookup.call(this, {
								path: String(check.path),
								field: String(check.field),
								values: [check.value as FilterValue],
								itemIndex,
							})) as IDataObject[];
							return found[0] ? { ...found[0], foundByWriteCheck: true } : undefined;
						};
					}
					const result = await exactRequest.call(this, req);
					return { result: (result ?? null) as IDataObject };
				}
				case 'getAll': {
					const records = (await exactGetAll.call(this, {
						path: String(json.path),
						qs: queryOf(json),
						limit: json.limit as number | undefined,
						itemIndex,
					})) as IDataObject[];
					return { count: records.length, records: json.keepRecords ? records : undefined };
				}
				case 'lookup': {
					const records = (await exactLookup.call(this, {
						path: String(json.path),
						field: String(json.field),
						values: json.values as FilterValue[],
						select: json.select as string | undefined,
						itemIndex,
					})) as IDataObject[];
					return { count: records.length, records };
				}
				case 'throwPlain':
					throw new Error(String(json.message));
				case 'division':
					return { division: await resolveDivision.call(this, itemIndex) };
				default:
					throw new NodeOperationError(this.getNode(), String(json.message ?? 'unknown op'), {
						itemIndex,
					});
			}
		});
	}
}
