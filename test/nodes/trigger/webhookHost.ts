/**
 * A stand-in for n8n's webhook server, for one trigger node: real HTTP on 127.0.0.1, and for each
 * request n8n-core's own WebhookContext (with the raw body kept as req.rawBody, as n8n's body
 * parser does) around the node's webhook(); the answer follows n8n's webhook-helpers: the node's
 * own response when it sent one, else 200 with webhookResponse, and workflowData = an execution.
 * Activation and deactivation run the node's webhookMethods in n8n-core's HookContext.
 */
import 'reflect-metadata';

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { InMemoryCredentialsHelper } from '../../helpers/credentials';
import type { CredentialStore } from '../../helpers/credentials';

export interface Received {
	status: number;
	body: string;
	executed: boolean;
}

export interface WebhookHost {
	url: string;
	/** Every request and how it was answered, in order. */
	received: Received[];
	/** The items of each execution the node started. */
	executions: INodeExecutionData[][];
	activate(): Promise<{ existed: boolean }>;
	checkExists(): Promise<boolean>;
	deactivate(): Promise<boolean>;
	staticData(): IDataObject;
	close(): Promise<void>;
}

function expressResponse(res: ServerResponse) {
	const r = res as ServerResponse & Record<string, unknown>;
	r.status = (code: number) => {
		res.statusCode = code;
		return r;
	};
	r.json = (body: unknown) => {
		res.setHeader('Content-Type', 'application/json');
		res.end(JSON.stringify(body));
		return r;
	};
	r.send = (body: unknown) => {
		res.end(typeof body === 'string' ? body : JSON.stringify(body));
		return r;
	};
	return r;
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startWebhookHost(
	nodeType: INodeType,
	parameters: IDataObject,
	credentials: CredentialStore,
): Promise<WebhookHost> {
	const type = `harness.${nodeType.description.name}`;
	const node: INode = {
		id: 'trigger-under-test',
		name: 'Exact Trigger',
		type,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'c0ffee00-0000-4000-8000-000000000001',
		parameters: parameters as never,
		credentials: {
			exactOnlineOAuth2Api: {
				id: credentials.firstOfType('exactOnlineOAuth2Api').id,
				name: 'Exact',
			},
		},
	};
	const staticData: IDataObject = {};
	const workflow = new Workflow({
		id: 'trigger-workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		} as never,
		staticData,
	});
	const received: Received[] = [];
	const executions: INodeExecutionData[][] = [];
	let baseUrl = '';
	const additionalData = (extra: IDataObject = {}) =>
		({
			credentialsHelper: new InMemoryCredentialsHelper(credentials),
			executionId: `trigger-${Date.now()}`,
			variables: {},
			restApiUrl: `${baseUrl}/rest`,
			instanceBaseUrl: `${baseUrl}/`,
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			...extra,
		}) as unknown as IWorkflowExecuteAdditionalData;
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (!webhookDescription) throw new Error('the node has no webhook');
	const webhookData = (data: IWorkflowExecuteAdditionalData): IWebhookData => ({
		httpMethod: 'POST',
		node: node.name,
		path: String(webhookDescription.path),
		webhookDescription,
		workflowId: 'trigger-workflow',
		workflowExecuteAdditionalData: data,
	});

	const server: Server = createServer(async (req, res) => {
		const raw = await readRaw(req);
		const request = req as IncomingMessage & IDataObject;
		request.rawBody = raw;
		try {
			request.body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		} catch {
			request.body = {};
		}
		request.query = {};
		request.params = {};
		const response = expressResponse(res);
		const data = additionalData({ httpRequest: request, httpResponse: response });
		const context = new WebhookContext(
			workflow,
			node,
			data,
			'webhook',
			webhookData(data),
			[],
			null,
		);
		let executed = false;
		try {
			const result = await nodeType.webhook!.call(context as never);
			if (result.workflowData) {
				executed = true;
				executions.push(result.workflowData[0]);
			}
			if (!result.noWebhookResponse && !res.writableEnded) {
				res.statusCode = 200;
				res.end(
					JSON.stringify(
						result.workflowData
							? { message: 'Workflow was started' }
							: (result.webhookResponse ?? { message: 'Webhook call received' }),
					),
				);
			}
		} catch (error) {
			res.statusCode = 500;
			res.end(JSON.stringify({ message: (error as Error).message }));
		}
		received.push({ status: res.statusCode, body: raw.toString('utf8'), executed });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const hook = () => {
		const data = additionalData();
		return new HookContext(workflow, node, data, 'trigger', 'activate', webhookData(data));
	};
	const methods = nodeType.webhookMethods!.default!;
	return {
		get url() {
			return hook().getNodeWebhookUrl('default') as string;
		},
		received,
		executions,
		checkExists: async () => await methods.checkExists.call(hook()),
		activate: async () => {
			const existed = await methods.checkExists.call(hook());
			if (!existed) await methods.create.call(hook());
			return { existed };
		},
		deactivate: async () => await methods.delete.call(hook()),
		staticData: () => workflow.getStaticData('node', node) as IDataObject,
		close: async () => {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

/** Waits until `check` holds (deliveries are asynchronous). */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}
