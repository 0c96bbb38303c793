/** Test helpers around the Exact sandbox: its admin API and a credential store bound to it. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialStore } from './credentials';

export interface SandboxRef {
	baseUrl: string;
	clientId: string;
	clientSecret: string;
	division: number;
}

/** Calls the sandbox admin API (/__sandbox/...) and returns the parsed JSON answer. */
export async function admin<T = any>(
	sandbox: Pick<SandboxRef, 'baseUrl'>,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${sandbox.baseUrl}/__sandbox/${path.replace(/^\//, '')}`, {
		method,
		headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`sandbox admin ${method} ${path}: ${response.status} ${text}`);
	return (text ? JSON.parse(text) : undefined) as T;
}

export interface MintedTokens {
	access_token: string;
	refresh_token: string;
	token_type: string;
	expires_in: string;
}

export async function mintTokens(sandbox: SandboxRef): Promise<MintedTokens> {
	const minted = await admin<MintedTokens>(sandbox, 'POST', 'tokens', {});
	return {
		access_token: minted.access_token,
		refresh_token: minted.refresh_token,
		token_type: minted.token_type,
		expires_in: minted.expires_in,
	};
}

export const EXACT_CREDENTIAL_ID = 'exact-cred-1';

/** The credential data n8n would store after "Connect" against the sandbox. */
export function sandboxCredentialData(
	sandbox: SandboxRef,
	tokens: MintedTokens,
): ICredentialDataDecryptedObject {
	return {
		environment: 'sandbox',
		baseUrl: sandbox.baseUrl,
		clientId: sandbox.clientId,
		clientSecret: sandbox.clientSecret,
		oauthTokenData: { ...tokens } as unknown as ICredentialDataDecryptedObject,
	};
}

/** A store holding one exactOnlineOAuth2Api credential (sandbox mode) with freshly minted tokens. */
export async function createCredentialStore(
	sandbox: SandboxRef,
	id = EXACT_CREDENTIAL_ID,
	store = new CredentialStore(),
): Promise<CredentialStore> {
	const tokens = await mintTokens(sandbox);
	store.add({
		id,
		name: `Exact sandbox ${id}`,
		type: 'exactOnlineOAuth2Api',
		data: sandboxCredentialData(sandbox, tokens),
	});
	return store;
}

export interface CallEntry {
	method: string;
	path: string;
	query: string;
	status: number;
	division: number | null;
	fault?: string;
}

export async function calls(sandbox: SandboxRef, pathPrefix?: string): Promise<CallEntry[]> {
	const query = pathPrefix ? `?pathPrefix=${encodeURIComponent(pathPrefix)}` : '';
	return (await admin<{ calls: CallEntry[] }>(sandbox, 'GET', `calls${query}`)).calls;
}

/** Refreshes directly against the sandbox token endpoint (to prove a stored refresh token works). */
export async function refreshDirectly(
	sandbox: SandboxRef,
	refreshToken: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(`${sandbox.baseUrl}/api/oauth2/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'refresh_token',
			refresh_token: refreshToken,
			client_id: sandbox.clientId,
			client_secret: sandbox.clientSecret,
		}).toString(),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
