/**
 * The harness's in-memory credentials helper (test/helpers/credentials), also knowing the OAuth2
 * credential of the peer package n8n-nodes-exact-online, loaded from its published package.
 */
import type { ICredentialType } from 'n8n-workflow';

import {
	InMemoryCredentialsHelper,
	registerCredentialType,
} from '../../../test/helpers/credentials';
import type { CredentialStore } from '../../../test/helpers/credentials';

function registerPeerCredentialTypes(): void {
	const dir = 'n8n-nodes-exact-online/dist/credentials';
	const oauth = require(`${dir}/ExactOnlineApiOAuth2Api.credentials.js`) as Record<
		string,
		new () => ICredentialType
	>;
	registerCredentialType(new oauth.ExactOnlineApiOAuth2Api());
}

export function benchCredentialsHelper(store: CredentialStore): InMemoryCredentialsHelper {
	registerPeerCredentialTypes();
	return new InMemoryCredentialsHelper(store);
}
