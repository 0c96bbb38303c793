/**
 * "Glue" nodes: stand-ins for the n8n Code and IF nodes a merchant puts between API nodes. Each one
 * is a tiny node type whose execute runs a TypeScript function over its input items, with access
 * to the output of earlier nodes (as `$('Node').all()` would give in a Code node). They make no
 * API calls; every Exact or Shopify call of a flow is made by a real node.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

export interface GlueContext {
	/** Input items' json. */
	input: IDataObject[];
	/** Output json of an earlier node of this execution ([] when it did not run or output nothing). */
	node(name: string): IDataObject[];
}

/** One list of items per output (an IF node has two: true, false). */
export type GlueFunction = (ctx: GlueContext) => IDataObject[][] | Promise<IDataObject[][]>;

let glueTypes = 0;

export function glueNode(displayName: string, fn: GlueFunction, outputs = 1): INodeType {
	const name = `benchGlue${++glueTypes}`;
	return {
		description: {
			displayName,
			name,
			group: ['transform'],
			version: 1,
			description: 'Bench stand-in for a Code node',
			defaults: { name: displayName },
			inputs: [NodeConnectionTypes.Main],
			outputs: Array.from({ length: outputs }, () => NodeConnectionTypes.Main),
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const proxy = this.getWorkflowDataProxy(0);
			const ctx: GlueContext = {
				input: this.getInputData().map((item) => item.json),
				node: (nodeName) => {
					try {
						return (proxy.$items(nodeName) as INodeExecutionData[]).map((item) => item.json);
					} catch {
						return [];
					}
				},
			};
			const out = await fn(ctx);
			return Array.from({ length: outputs }, (_, i) => (out[i] ?? []).map((json) => ({ json })));
		},
	};
}

/**
 * Stand-in for n8n's HTTP Request node: one request per input item (built from the item's json),
 * through the node's own httpRequest helper, sent in parallel as that node does (here at most
 * `parallel` at a time); outputs each item with its response body.
 */
export function requestNode(
	displayName: string,
	build: (json: IDataObject) => IHttpRequestOptions,
	parallel = 20,
): INodeType {
	const name = `benchHttp${++glueTypes}`;
	return {
		description: {
			displayName,
			name,
			group: ['transform'],
			version: 1,
			description: 'Bench stand-in for an HTTP Request node',
			defaults: { name: displayName },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			const out: INodeExecutionData[] = new Array(items.length);
			for (let start = 0; start < items.length; start += parallel) {
				const slice = items.slice(start, start + parallel);
				await Promise.all(
					slice.map(async (item, k) => {
						const response = (await this.helpers.httpRequest(build(item.json))) as IDataObject;
						out[start + k] = { json: { ...item.json, response }, pairedItem: { item: start + k } };
					}),
				);
			}
			return [out];
		},
	};
}
