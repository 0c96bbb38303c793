/** Shared set-up of the VAT Resolver tests: documents from the fixtures, a run helper, a VIES counter. */
import { readFileSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import path from 'path';

import type {
	IDataObject,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';

import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { mapShopifyOrder, type MappingSettings } from '../../../nodes/core/mapping';
import { ExactOnlineVatResolver } from '../../../nodes/ExactOnline/VatResolver/ExactOnlineVatResolver.node';
import type { ExactSandbox } from '../../../sandbox/exact';
import type { CredentialStore } from '../../helpers/credentials';
import { runListSearch, runNode, type RunNodeResult } from '../../helpers/harness';

const SYNTHETIC = path.join(__dirname, '..', '..', 'fixtures', 'shopify', 'synthetic');

/** A synthetic order as the Shopify Trigger emits it. */
export function shopifyOrder(name: string): IDataObject {
	return JSON.parse(readFileSync(path.join(SYNTHETIC, `${name}.json`), 'utf8')) as IDataObject;
}

/** The order document of a synthetic order; B2C shops post prices incl. VAT (the OSS codes are type I). */
export function documentOf(
	order: string | IDataObject,
	settings: Partial<MappingSettings> = { pricesPosted: 'incl' },
): EnrichedOrderDocument {
	const input = typeof order === 'string' ? shopifyOrder(order) : order;
	return mapShopifyOrder(input, settings) as unknown as EnrichedOrderDocument;
}

export type Line = EnrichedOrderDocument['lines'][number];

export function vatCodes(doc: IDataObject): Array<string | undefined> {
	return (doc.lines as Line[]).map((line) => line.vat?.code);
}

export interface ResolverRun {
	sandbox: ExactSandbox;
	credentials: CredentialStore;
	viesBaseUrl: string;
}

/** Runs the resolver on documents; the division is set explicitly so the only Exact call is the VAT codes load. */
export async function resolve(
	env: ResolverRun,
	items: Array<IDataObject | INodeExecutionData | EnrichedOrderDocument>,
	parameters: IDataObject = {},
	continueOnFail = false,
	/** The workflow's static data, shared between runs like an active workflow's. */
	staticData?: IDataObject,
): Promise<RunNodeResult> {
	const { options, ...rest } = parameters;
	return await runNode({
		node: new ExactOnlineVatResolver(),
		parameters: {
			operation: 'resolve',
			division: { __rl: true, mode: 'id', value: String(env.sandbox.division) },
			viesBaseUrl: env.viesBaseUrl,
			...rest,
			options: (options as IDataObject) ?? {},
		} as never,
		items: items as IDataObject[],
		credentials: env.credentials,
		continueOnFail,
		staticData,
	});
}

/** Calls the node's getVatCodes load-options method as the editor would. */
export async function loadVatCodeOptions(
	credentials: CredentialStore,
): Promise<INodePropertyOptions[]> {
	const resolver = new ExactOnlineVatResolver();
	const probe = {
		description: resolver.description,
		methods: { listSearch: { getVatCodes: resolver.methods.loadOptions.getVatCodes } },
	} as unknown as INodeType;
	const options = await runListSearch({ node: probe, method: 'getVatCodes', credentials });
	return options as unknown as INodePropertyOptions[];
}

/** A pass-through proxy in front of the sandbox's VIES stand-in that counts the checks made. */
export interface ViesCounter {
	baseUrl: string;
	checks: string[];
	close(): Promise<void>;
}

export async function startViesCounter(target: string): Promise<ViesCounter> {
	const checks: string[] = [];
	const server: Server = createServer((req, res) => {
		checks.push(req.url ?? '');
		fetch(`${target}${req.url ?? ''}`)
			.then(async (answer) => {
				res.writeHead(answer.status, { 'Content-Type': 'application/json' });
				res.end(await answer.text());
			})
			.catch(() => {
				res.writeHead(502);
				res.end();
			});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}/taxation_customs/vies/rest-api`,
		checks,
		close: async () =>
			await new Promise<void>((done) => {
				server.close(() => done());
				server.closeAllConnections();
			}),
	};
}
