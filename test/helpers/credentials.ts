/**
 * In-memory credentials for the in-process n8n harness, behaving like n8n's DB-backed
 * CredentialsHelper: getDecrypted returns the stored data with the type's defaults applied and its
 * expressions resolved ($self = the data), updateCredentialsOauthTokenData writes the token back,
 * getParentTypes follows `extends`, authenticate applies generic auth. OAuth2 refresh therefore
 * runs through n8n-core's real requestOAuth2/refreshOAuth2Token code against the sandbox.
 */
import { deepCopy, ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { ExactOnlineOAuth2Api } from '../../credentials/ExactOnlineOAuth2Api.credentials';
import { ShopifyAdminCommerceApi } from '../../credentials/ShopifyAdminCommerceApi.credentials';
import { OAuth2Api } from './oAuth2Api';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** The "database": credential records by id. Reads and writes are deep copies. */
export class CredentialStore {
	private readonly records = new Map<string, StoredCredential>();

	/** Every write of OAuth token data, in order (for assertions on refreshes). */
	readonly tokenWrites: Array<{ id: string; at: number }> = [];

	add(record: StoredCredential): StoredCredential {
		this.records.set(record.id, deepCopy(record));
		return record;
	}

	get(id: string): StoredCredential {
		const record = this.records.get(id);
		if (!record) throw new Error(`No credential with id ${id}`);
		return deepCopy(record);
	}

	data(id: string): ICredentialDataDecryptedObject {
		return this.get(id).data;
	}

	setData(id: string, data: ICredentialDataDecryptedObject): void {
		const record = this.get(id);
		this.records.set(id, { ...record, data: deepCopy(data) });
	}

	setOauthTokenData(id: string, tokenData: unknown): void {
		const record = this.get(id);
		record.data.oauthTokenData = deepCopy(tokenData as object) as ICredentialDataDecryptedObject;
		this.records.set(id, record);
		this.tokenWrites.push({ id, at: Date.now() });
	}

	/** The first credential of a type (tests usually have one). */
	firstOfTypeOrUndefined(type: string): StoredCredential | undefined {
		for (const record of this.records.values()) if (record.type === type) return deepCopy(record);
		return undefined;
	}

	firstOfType(type: string): StoredCredential {
		for (const record of this.records.values()) if (record.type === type) return deepCopy(record);
		throw new Error(`No credential of type ${type}`);
	}
}

const credentialTypes: Record<string, ICredentialType> = {
	oAuth2Api: new OAuth2Api(),
	exactOnlineOAuth2Api: new ExactOnlineOAuth2Api(),
	shopifyAdminCommerceApi: new ShopifyAdminCommerceApi(),
};

/** Teaches the harness another credential type (e.g. a peer package's, for the bench baseline). */
export function registerCredentialType(type: ICredentialType): void {
	credentialTypes[type.name] = type;
}

export function getCredentialType(name: string): ICredentialType {
	const type = credentialTypes[name];
	if (!type) throw new Error(`Unknown credential type ${name}`);
	return type;
}

function parentsOf(name: string): string[] {
	const extended = getCredentialType(name).extends ?? [];
	return extended.flatMap((parent) => [parent, ...parentsOf(parent)]);
}

/** Properties of a type with its parents', the child's overriding by name (as n8n merges them). */
export function credentialProperties(name: string): INodeProperties[] {
	const chain = [...parentsOf(name).reverse(), name];
	const byName = new Map<string, INodeProperties>();
	for (const typeName of chain) {
		for (const property of getCredentialType(typeName).properties)
			byName.set(property.name, property);
	}
	return [...byName.values()];
}

const mockNode: INode = {
	id: 'credential-resolver',
	name: 'Credential resolver',
	type: 'harness.credentialResolver',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const mockNodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

/** Defaults + expression resolution, like n8n's CredentialsHelper.applyDefaultsAndOverwrites. */
export function resolveCredentialData(
	type: string,
	stored: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	const withDefaults = NodeHelpers.getNodeParameters(
		credentialProperties(type),
		stored as never,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	if (stored.oauthTokenData !== undefined) withDefaults.oauthTokenData = stored.oauthTokenData;
	const workflow = new Workflow({
		nodes: [mockNode],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes,
	});
	return workflow.expression.getComplexParameterValue(
		mockNode,
		withDefaults as never,
		'internal',
		{},
		undefined,
		undefined,
		withDefaults as never,
	) as ICredentialDataDecryptedObject;
}

/**
 * Evaluates an expression with the credential data as `$self` (credential fields) and as
 * `$credentials` (how n8n's credential tester resolves a credential's test request).
 */
export function evaluateWithCredential(
	type: string,
	stored: ICredentialDataDecryptedObject,
	expression: string,
): unknown {
	const self = resolveCredentialData(type, stored);
	const workflow = new Workflow({
		nodes: [mockNode],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes,
	});
	const out = workflow.expression.getComplexParameterValue(
		mockNode,
		{ value: expression },
		'internal',
		{ $credentials: self } as never,
		undefined,
		undefined,
		self as never,
	) as { value: unknown };
	return out.value;
}

function fill(template: string, credentials: ICredentialDataDecryptedObject): string {
	return template
		.replace(/^=/, '')
		.replace(/\{\{\s*\$credentials\.([A-Za-z0-9_]+)\s*\}\}/g, (_, key: string) =>
			String(credentials[key] ?? ''),
		);
}

export class InMemoryCredentialsHelper extends ICredentialsHelper {
	/** Every getDecrypted call (for assertions that the transport re-reads the credential). */
	reads = 0;

	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(name: string): string[] {
		return parentsOf(name);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const auth = getCredentialType(typeName).authenticate;
		const options = requestOptions as IHttpRequestOptions;
		if (typeof auth === 'function') return await auth(credentials, options);
		if (auth?.type === 'generic') {
			for (const key of ['headers', 'qs', 'body'] as const) {
				const values = auth.properties[key] as Record<string, string> | undefined;
				if (!values) continue;
				const target = ((options as unknown as Record<string, Record<string, unknown>>)[key] ??=
					{});
				for (const [name, template] of Object.entries(values))
					target[name] = fill(template, credentials);
			}
		}
		return options;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('The harness keeps credentials decrypted; use getDecrypted');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		this.reads++;
		const record = this.store.get(String(nodeCredentials.id));
		if (record.type !== type) throw new Error(`Credential ${record.id} is not of type ${type}`);
		return raw ? record.data : resolveCredentialData(type, record.data);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.setData(String(nodeCredentials.id), data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.setOauthTokenData(String(nodeCredentials.id), data.oauthTokenData);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialProperties(type);
	}
}
