/** Shared setup of the Account, Item and Sales Order node tests: sandbox, credentials, call log. */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { startExactSandbox } from '../../../sandbox/exact';
import type { ExactSandbox } from '../../../sandbox/exact';
import { configureExactTransport } from '../../../nodes/ExactOnline/shared/transport';
import { InMemoryCredentialsHelper } from '../../helpers/credentials';
import type { CredentialStore } from '../../helpers/credentials';
import { admin, calls, createCredentialStore, mintTokens } from '../../helpers/exactSandbox';
import type { CallEntry } from '../../helpers/exactSandbox';
import { runNode } from '../../helpers/harness';
import type { RunNodeOptions, RunNodeResult } from '../../helpers/harness';

export interface Kit {
	sandbox: ExactSandbox;
	credentials: CredentialStore;
	division: number;
	/** Runs a node on items (division fixed, so no current/Me call). */
	run(
		node: INodeType,
		parameters: INodeParameters,
		/** Input items: json objects (documents) or full items. */
		items: ReadonlyArray<object>,
		options?: {
			continueOnFail?: boolean;
			onError?: RunNodeOptions['onError'];
			credentialId?: string;
			staticData?: IDataObject;
		},
	): Promise<RunNodeResult>;
	/** A second credential of the same Exact user (another n8n process has its own request chain). */
	addCredential(id: string): Promise<void>;
	/** API calls since the last clearCalls, optionally only those under `/api/v1/{division}/{path}`. */
	calls(path?: string, method?: string): Promise<CallEntry[]>;
	clearCalls(): Promise<void>;
	state<T = Record<string, unknown>>(entitySet: string): Promise<T[]>;
	seed(
		entitySet: string,
		records: Array<Record<string, unknown>>,
	): Promise<Array<Record<string, unknown>>>;
	/** Deletes a record through the Exact API, as a user would in Exact (the call is logged). */
	remove(entitySet: string, id: string): Promise<void>;
	close(): Promise<void>;
}

export async function startKit(): Promise<Kit> {
	const sandbox = await startExactSandbox();
	const restore = configureExactTransport({ retry: { baseDelayMs: 5, maxDelayMs: 20 } });
	// These tests count calls, not rate limits: lift Exact's 60 calls a minute.
	await admin(sandbox, 'PUT', 'settings', { minutelyLimit: 1_000_000, dailyLimit: 10_000_000 });
	const credentials = await createCredentialStore(sandbox);
	const division = sandbox.division;
	const prefix = `/api/v1/${division}/`;
	return {
		sandbox,
		credentials,
		division,
		run: (node, parameters, items, options) =>
			runNode({
				node,
				parameters: {
					division: { __rl: true, mode: 'id', value: String(division) },
					...parameters,
				},
				items: items as Array<IDataObject | INodeExecutionData>,
				credentials,
				continueOnFail: options?.continueOnFail,
				onError: options?.onError,
				credentialId: options?.credentialId,
				staticData: options?.staticData,
			}),
		addCredential: async (id) => {
			await createCredentialStore(sandbox, id, credentials);
		},
		calls: async (path, method) =>
			(await calls(sandbox)).filter(
				(c) => (!path || c.path.startsWith(prefix + path)) && (!method || c.method === method),
			),
		clearCalls: async () => {
			await admin(sandbox, 'DELETE', 'calls');
		},
		state: async <T>(entitySet: string) => {
			const answer = await admin<unknown>(sandbox, 'GET', `state/${entitySet}`);
			return (
				Array.isArray(answer) ? answer : ((answer as { records?: unknown[] }).records ?? [])
			) as T[];
		},
		seed: async (entitySet, records) => {
			const answer = await admin<unknown>(sandbox, 'POST', `records/${entitySet}`, records);
			return (
				Array.isArray(answer) ? answer : ((answer as { records?: unknown[] }).records ?? [])
			) as Array<Record<string, unknown>>;
		},
		remove: async (entitySet, id) => {
			const { access_token: token } = await mintTokens(sandbox);
			const url = `${sandbox.baseUrl}${prefix}${entitySet}(guid'${id}')`;
			const response = await fetch(url, {
				method: 'DELETE',
				headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
			});
			if (!response.ok)
				throw new Error(`DELETE ${entitySet}: ${response.status} ${await response.text()}`);
		},
		close: async () => {
			restore();
			await sandbox.close();
		},
	};
}

/** The $filter of a logged call, decoded. */
export function filterOf(call: CallEntry): string {
	const match = /(?:^|&)\$filter=([^&]*)/.exec(call.query);
	return match ? match[1] : '';
}

/** Calls a node's loadOptions method the way the editor does (LoadOptionsContext). */
export async function runLoadOptions(
	kit: Kit,
	node: INodeType,
	method: string,
): Promise<INodePropertyOptions[]> {
	const type = `harness.${node.description.name}`;
	const credential = kit.credentials.firstOfType('exactOnlineOAuth2Api');
	const parameters = { division: { __rl: true, mode: 'id', value: String(kit.division) } };
	const instance: INode = {
		id: 'node-under-test',
		name: 'Node under test',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { exactOnlineOAuth2Api: { id: credential.id, name: credential.name } },
	};
	const workflow = new Workflow({
		nodes: [instance],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => node,
			getByNameAndVersion: () => node,
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes,
	});
	const additionalData = {
		credentialsHelper: new InMemoryCredentialsHelper(kit.credentials),
		currentNodeParameters: parameters,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, instance, additionalData, 'parameters.division');
	const fn = node.methods?.loadOptions?.[method];
	if (!fn) throw new Error(`No loadOptions method ${method}`);
	return await fn.call(context);
}

/**
 * Loads node code in its own module registry, like a second n8n process (queue mode): no memory
 * shared with this one (locks, transport state). Its transport gets the kit's short retry times.
 */
export function inOtherProcess<T>(load: () => T): T {
	let value: T | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const transport = require('../../../nodes/ExactOnline/shared/transport') as {
			configureExactTransport(patch: { retry: { baseDelayMs: number; maxDelayMs: number } }): void;
		};
		transport.configureExactTransport({ retry: { baseDelayMs: 5, maxDelayMs: 20 } });
		value = load();
	});
	return value as T;
}
