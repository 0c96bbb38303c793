/**
 * The harness's in-memory credentials helper (test/helpers/credentials), taught two more types:
 * our Shopify credential and the OAuth2 credential of the peer package n8n-nodes-exact-online. The
 * extra types get the same treatment as the built-in ones: parents' properties merged, defaults
 * applied, `={{$self[...]}}` expressions resolved, generic auth headers applied.
 */
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { ShopifyAdminCommerceApi } from '../../../credentials/ShopifyAdminCommerceApi.credentials';
import { credentialProperties, InMemoryCredentialsHelper } from '../../../test/helpers/credentials';
import type { CredentialStore } from '../../../test/helpers/credentials';

/** The peer's credential classes, loaded from its published package. */
function peerCredentialTypes(): ICredentialType[] {
	const dir = 'n8n-nodes-exact-online/dist/credentials';
	const oauth = require(`${dir}/ExactOnlineApiOAuth2Api.credentials.js`) as Record<
		string,
		new () => ICredentialType
	>;
	return [new oauth.ExactOnlineApiOAuth2Api()];
}

const extraTypes = new Map<string, ICredentialType>();

function registerExtraTypes(): void {
	if (extraTypes.size > 0) return;
	for (const type of [new ShopifyAdminCommerceApi() as ICredentialType, ...peerCredentialTypes()]) {
		extraTypes.set(type.name, type);
	}
}

function extraProperties(name: string): INodeProperties[] {
	const type = extraTypes.get(name) as ICredentialType;
	const byName = new Map<string, INodeProperties>();
	for (const parent of type.extends ?? []) {
		for (const property of credentialProperties(parent)) byName.set(property.name, property);
	}
	for (const property of type.properties) byName.set(property.name, property);
	return [...byName.values()];
}

const resolverNode: INode = {
	id: 'bench-credential-resolver',
	name: 'Credential resolver',
	type: 'bench.credentialResolver',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const noNodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

function resolveExtra(
	name: string,
	stored: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	const withDefaults = NodeHelpers.getNodeParameters(
		extraProperties(name),
		stored as never,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	if (stored.oauthTokenData !== undefined) withDefaults.oauthTokenData = stored.oauthTokenData;
	const workflow = new Workflow({
		nodes: [resolverNode],
		connections: {},
		active: false,
		nodeTypes: noNodeTypes,
	});
	return workflow.expression.getComplexParameterValue(
		resolverNode,
		withDefaults as never,
		'internal',
		{},
		undefined,
		undefined,
		withDefaults as never,
	) as ICredentialDataDecryptedObject;
}

export class BenchCredentialsHelper extends InMemoryCredentialsHelper {
	constructor(private readonly records: CredentialStore) {
		super(records);
		registerExtraTypes();
	}

	getParentTypes(name: string): string[] {
		const extra = extraTypes.get(name);
		if (!extra) return super.getParentTypes(name);
		return (extra.extends ?? []).flatMap((parent) => [parent, ...super.getParentTypes(parent)]);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const extra = extraTypes.get(typeName);
		if (!extra) return await super.authenticate(credentials, typeName, requestOptions);
		const auth = extra.authenticate;
		if (auth && typeof auth === 'object' && auth.type === 'generic') {
			const headers = (auth.properties.headers ?? {}) as Record<string, string>;
			requestOptions.headers ??= {};
			for (const [header, template] of Object.entries(headers)) {
				const field = /\$credentials\.([A-Za-z0-9_]+)/.exec(template)?.[1] ?? '';
				requestOptions.headers[header] = String(credentials[field] ?? '');
			}
		}
		return requestOptions;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		if (!extraTypes.has(type)) {
			return await super.getDecrypted(
				additionalData,
				nodeCredentials,
				type,
				mode,
				executeData,
				raw,
			);
		}
		const record = this.records.get(String(nodeCredentials.id));
		if (record.type !== type) throw new Error(`Credential ${record.id} is not of type ${type}`);
		return raw ? record.data : resolveExtra(type, record.data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return extraTypes.has(type) ? extraProperties(type) : super.getCredentialsProperties(type);
	}
}
