/**
 * Runs a multi-node workflow in-process through n8n-core's real WorkflowExecute (the same engine
 * and credential handling as test/helpers/harness.ts, which runs one node): a chain of nodes, the
 * first one fed with the given items, as ONE execution. Returns every node's output.
 */
import '../../../test/helpers/harness'; // quiet n8n-core logger, temporary N8N_USER_FOLDER

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { createDeferredPromise, createRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { CredentialStore } from '../../../test/helpers/credentials';
import { benchCredentialsHelper } from './credentials';

export interface FlowNode {
	name: string;
	type: INodeType;
	parameters?: INodeParameters;
	/** Credential type → stored credential id. */
	credentials?: Record<string, string>;
	/** n8n's "Always Output Data" node setting. */
	alwaysOutputData?: boolean;
	/** n8n's "On Error" setting: failed items leave on a second (error) output. */
	onError?: 'continueErrorOutput';
}

export interface FlowRun {
	/** Output items of a node (first output, first run); [] when it did not run. */
	output(name: string): INodeExecutionData[];
	/** Items every node sent to its error output (onError: continueErrorOutput). */
	errorItems(): INodeExecutionData[];
	/** The first node error of the execution, if any. */
	error?: Error;
	executionId: string;
	staticData: IDataObject;
	run: IRun;
}

let executions = 0;

function typeName(node: INodeType): string {
	return `bench.${node.description.name}`;
}

function nodeTypesOf(nodes: FlowNode[]): INodeTypes {
	const byType = new Map(nodes.map((n) => [typeName(n.type), n.type]));
	return {
		getByName: (name: string) => byType.get(name) as INodeType,
		getByNameAndVersion: (name: string) => byType.get(name) as INodeType,
		getKnownTypes: () => ({}),
	} as INodeTypes;
}

function toNode(spec: FlowNode, index: number): INode {
	const version = spec.type.description.version;
	const credentials = Object.fromEntries(
		Object.entries(spec.credentials ?? {}).map(([type, id]) => [type, { id, name: id }]),
	);
	return {
		id: `bench-node-${index}`,
		name: spec.name,
		type: typeName(spec.type),
		typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
		position: [index * 200, 0],
		parameters: spec.parameters ?? {},
		alwaysOutputData: spec.alwaysOutputData ?? false,
		...(spec.onError ? { onError: spec.onError } : {}),
		...(Object.keys(credentials).length ? { credentials } : {}),
	};
}

/** A connection from an output of one node to the (single) input of another. */
export interface FlowLink {
	from: string;
	to: string;
	/** Output index of `from` (default 0). */
	output?: number;
}

/** Without links: a straight chain, each node's first output to the next node. */
function connectionsOf(nodes: INode[], links?: FlowLink[]): IConnections {
	const list =
		links ?? nodes.slice(1).map((node, i) => ({ from: nodes[i].name, to: node.name, output: 0 }));
	const connections: IConnections = {};
	for (const link of list) {
		const outputs = (connections[link.from] ??= { main: [] }).main;
		const index = link.output ?? 0;
		while (outputs.length <= index) outputs.push([]);
		(outputs[index] as Array<{ node: string; type: 'main'; index: number }>).push({
			node: link.to,
			type: 'main',
			index: 0,
		});
	}
	return connections;
}

function additionalData(
	store: CredentialStore,
	executionId: string,
	hooks: ExecutionLifecycleHooks,
) {
	return {
		credentialsHelper: benchCredentialsHelper(store),
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs the flow once, `items` entering the first node (a chain unless `links` are given). */
export async function runFlow(options: {
	nodes: FlowNode[];
	links?: FlowLink[];
	items: IDataObject[];
	credentials: CredentialStore;
	staticData?: IDataObject;
	workflowId?: string;
}): Promise<FlowRun> {
	const nodes = options.nodes.map(toNode);
	const connections = connectionsOf(nodes, options.links);
	const executionId = `bench-${process.pid}-${++executions}`;
	const id = options.workflowId ?? 'bench-workflow';
	const settings = { executionOrder: 'v1' as const };
	const workflow = new Workflow({
		id,
		nodes,
		connections,
		active: false,
		nodeTypes: nodeTypesOf(options.nodes),
		staticData: options.staticData ?? {},
		settings,
	});
	const workflowData = {
		id,
		name: id,
		active: false,
		nodes,
		connections,
		settings,
	} as unknown as IWorkflowBase;
	// 'trigger' mode: like a production execution (static data is meant to persist between runs).
	const hooks = new ExecutionLifecycleHooks('trigger', executionId, workflowData);
	const done = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => done.resolve(run));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: nodes[0], data: { main: [options.items.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const data = additionalData(options.credentials, executionId, hooks);
	await new WorkflowExecute(data, 'trigger', runExecutionData).processRunExecutionData(workflow);
	const run = await done.promise;
	const runData = run.data.resultData.runData;
	const failed = Object.values(runData)
		.flat()
		.find((task) => task?.error);
	return {
		output: (name) => runData[name]?.[0]?.data?.main?.[0] ?? [],
		errorItems: () =>
			options.nodes
				.filter((node) => node.onError === 'continueErrorOutput')
				.flatMap((node) => runData[node.name]?.[0]?.data?.main?.[1] ?? []),
		error: (failed?.error ?? run.data.resultData.error) as Error | undefined,
		executionId,
		staticData: workflow.staticData as IDataObject,
		run,
	};
}
