/**
 * In-process n8n: runs a real node class through n8n-core 2.8.1's WorkflowExecute (no DB, no
 * server), with credentials kept in memory by InMemoryCredentialsHelper, so the node's
 * httpRequestWithAuthentication, OAuth2 signing and refresh all run through n8n-core's own code.
 * Several runNode calls may run concurrently against one CredentialStore.
 */
import 'reflect-metadata';

import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
}

import { Logger } from '@n8n/backend-common';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import { createDeferredPromise, createRunExecutionData, Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { CredentialStore, InMemoryCredentialsHelper } from './credentials';

export const NODE_NAME = 'Node under test';

/**
 * npm installed several copies of @n8n/di 0.10 (n8n-core's, backend-common's, decorators') next to
 * a hoisted 0.12; each copy has its own container, so n8n-core cannot see the Logger service that
 * backend-common registered. Give n8n-core's container a quiet logger (test-environment only).
 */
function registerQuietLogger(): void {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] })) as {
		Container: { set(type: unknown, instance: unknown): void };
	};
	const quiet: Record<string, unknown> = {};
	for (const level of ['error', 'warn', 'info', 'debug']) quiet[level] = () => {};
	quiet.scoped = () => quiet;
	Container.set(Logger, quiet);
}

/** n8n-core's SSH client manager (created with the first node context) keeps a 60 s interval;
 * a server process does not mind, a test process should be able to exit. */
function unrefSshCleanupTimer(): void {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] })) as {
		Container: { get(type: unknown): unknown };
	};
	const manager = Container.get(SSHClientsManager) as { cleanupTimer?: { unref(): void } };
	manager.cleanupTimer?.unref();
}

registerQuietLogger();
unrefSshCleanupTimer();

export interface RunNodeOptions {
	node: INodeType;
	parameters?: INodeParameters;
	/** Input items: json objects or full items ({ json, pairedItem, … }). */
	items?: readonly object[];
	credentials: CredentialStore;
	/** Which stored credential the node uses (default: the first of the node's credential type). */
	credentialId?: string;
	staticData?: IDataObject;
	continueOnFail?: boolean;
	/** The node's "On Error" setting (e.g. 'continueErrorOutput'); overrides continueOnFail. */
	onError?: INode['onError'];
	executionId?: string;
}

export interface RunNodeResult {
	/** The first (main) output. */
	items: INodeExecutionData[];
	/** Every output in order; with onError 'continueErrorOutput' the last one is the error output. */
	outputs: INodeExecutionData[][];
	/** The error the node threw (the original object), else the execution's error. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string | null };
	runData: IRunData;
	executionId: string;
	staticData: IDataObject;
	run: IRun;
}

let executionCounter = 0;

function nodeTypesFor(type: string, nodeType: INodeType): INodeTypes {
	return {
		getByName: (name: string) => (name === type ? nodeType : (undefined as never)),
		getByNameAndVersion: (name: string) => (name === type ? nodeType : (undefined as never)),
		getKnownTypes: () => ({}),
	} as INodeTypes;
}

function toItems(items: readonly object[] | undefined): INodeExecutionData[] {
	return (items ?? [{}]).map((item) =>
		item && typeof item === 'object' && 'json' in item && typeof item.json === 'object'
			? (item as INodeExecutionData)
			: { json: item as IDataObject },
	);
}

function buildNode(options: RunNodeOptions): { node: INode; type: string } {
	const description = options.node.description;
	const type = `harness.${description.name}`;
	const credentialType = description.credentials?.[0]?.name;
	const credential = credentialType
		? options.credentialId
			? options.credentials.get(options.credentialId)
			: options.credentials.firstOfType(credentialType)
		: undefined;
	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type,
		typeVersion: Array.isArray(description.version)
			? description.version[description.version.length - 1]
			: description.version,
		position: [0, 0],
		parameters: options.parameters ?? {},
		continueOnFail: options.continueOnFail ?? false,
		...(options.onError ? { onError: options.onError } : {}),
		...(credential && credentialType
			? { credentials: { [credentialType]: { id: credential.id, name: credential.name } } }
			: {}),
	};
	// Further credentials of the node (e.g. an optional Shopify one): the store's first of each type.
	for (const extra of description.credentials?.slice(1) ?? []) {
		const record = options.credentials.firstOfTypeOrUndefined(extra.name);
		if (record)
			node.credentials = {
				...node.credentials,
				[extra.name]: { id: record.id, name: record.name },
			};
	}
	return { node, type };
}

function additionalDataFor(
	store: CredentialStore,
	executionId: string,
	hooks?: ExecutionLifecycleHooks,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new InMemoryCredentialsHelper(store),
		hooks,
		executionId,
		currentNodeParameters,
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

/** Runs one node on the given items in a fresh execution and returns its output and error. */
/** The node type with execute() wrapped so the original thrown error is kept (run data holds
 * only a serialised copy). */
function capturing(nodeType: INodeType, sink: { error?: unknown }): INodeType {
	const original = nodeType.execute;
	if (!original) return nodeType;
	const wrapped = Object.create(nodeType) as INodeType;
	wrapped.execute = async function (this: IExecuteFunctions) {
		try {
			return await original.call(this);
		} catch (error) {
			sink.error = error;
			throw error;
		}
	};
	return wrapped;
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const { node, type } = buildNode(options);
	const thrown: { error?: unknown } = {};
	const executionId = options.executionId ?? `harness-${process.pid}-${++executionCounter}`;
	const staticData = options.staticData ?? {};
	const workflow = new Workflow({
		id: 'harness-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(type, capturing(options.node, thrown)),
		staticData,
		settings: { executionOrder: 'v1' },
	});
	const workflowData = {
		id: 'harness-workflow',
		name: 'Harness',
		active: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const done = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => done.resolve(run));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode(NODE_NAME) as INode,
					data: { main: [toItems(options.items)] },
					source: null,
				},
			],
		},
	});
	const additionalData = additionalDataFor(options.credentials, executionId, hooks);
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await done.promise;
	const runData = run.data.resultData.runData;
	const task = runData[NODE_NAME]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		outputs: (task?.data?.main ?? []).map((output) => output ?? []),
		error: (thrown.error ?? task?.error ?? run.data.resultData.error) as RunNodeResult['error'],
		runData,
		executionId,
		staticData: workflow.staticData as IDataObject,
		run,
	};
}

export interface ListSearchOptions {
	node: INodeType;
	method: string;
	credentials: CredentialStore;
	credentialId?: string;
	parameters?: INodeParameters;
	filter?: string;
	paginationToken?: string;
}

/** Calls a node's listSearch method the way the editor does (LoadOptionsContext). */
export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const { node, type } = buildNode({ ...options, parameters: options.parameters });
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(type, options.node),
	});
	const additionalData = additionalDataFor(
		options.credentials,
		'',
		undefined,
		options.parameters ?? {},
	);
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.division');
	const search = options.node.methods?.listSearch?.[options.method];
	if (!search) throw new Error(`No listSearch method ${options.method}`);
	return await search.call(context, options.filter, options.paginationToken);
}
