/** Access to the node context, the credential and per-execution keys for the transport. */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { ExactBaseUrlError, resolveExactBaseUrl } from '../../../core/exact/baseUrl';
import { exactOperationError } from '../errors';

export const EXACT_CREDENTIAL = 'exactOnlineOAuth2Api';

export type TransportContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface CredentialView {
	/** Site root, e.g. https://start.exactonline.nl (validated). */
	baseUrl: string;
	accessToken?: string;
	refreshToken?: string;
	/** Values that must never appear in an error text. */
	secrets: Array<string | undefined>;
}

export function isExecuteContext(ctx: TransportContext): ctx is IExecuteFunctions {
	return typeof (ctx as IExecuteFunctions).getInputData === 'function';
}

/** The credential's id (or name): the key of the request chain and the rate state. */
export function credentialKey(ctx: TransportContext): string {
	const ref = ctx.getNode().credentials?.[EXACT_CREDENTIAL];
	return String(ref?.id ?? ref?.name ?? 'unsaved-credential');
}

/** The execution id, or undefined outside an execution (list search in the editor). */
export function executionKey(ctx: TransportContext): string | undefined {
	try {
		const id = ctx.getExecutionId();
		return id ? String(id) : undefined;
	} catch {
		return undefined;
	}
}

function tokenField(data: ICredentialDataDecryptedObject, name: string): string | undefined {
	const tokens = data.oauthTokenData as Record<string, unknown> | undefined;
	const value = tokens?.[name];
	return typeof value === 'string' && value ? value : undefined;
}

/** Reads the credential afresh (n8n decrypts the stored copy each time). */
export async function readCredential(
	ctx: TransportContext,
	itemIndex?: number,
): Promise<CredentialView> {
	const data = await ctx.getCredentials(EXACT_CREDENTIAL);
	const secrets = [
		tokenField(data, 'access_token'),
		tokenField(data, 'refresh_token'),
		typeof data.clientSecret === 'string' ? data.clientSecret : undefined,
	];
	let baseUrl: string;
	try {
		baseUrl = resolveExactBaseUrl(data);
	} catch (error) {
		const message =
			error instanceof ExactBaseUrlError ? error.message : 'Invalid Exact Online credential';
		throw exactOperationError(ctx.getNode(), message, {
			itemIndex,
			description:
				'Edit the Exact Online credential: choose a region, or a sandbox Base URL on localhost, 127.0.0.1 or https.',
		});
	}
	return {
		baseUrl,
		accessToken: tokenField(data, 'access_token'),
		refreshToken: tokenField(data, 'refresh_token'),
		secrets,
	};
}
