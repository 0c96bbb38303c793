import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { exactBaseUrlExpression } from '../nodes/core/exact/baseUrl';

/**
 * Exact Online (authorization-code grant). Tokens may only go to the official regional host, or,
 * in the sandbox environment, to http://localhost / http://127.0.0.1 or an https:// URL the user
 * types: the auth/token URL expressions resolve a refused Base URL to an unresolvable `.invalid`
 * host, and the transport refuses to send anything there. Exact has no scopes (they are set per
 * app in the App Center) and expects the client id/secret in the token request body.
 */
export class ExactOnlineOAuth2Api implements ICredentialType {
	name = 'exactOnlineOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Exact Online OAuth2 API';

	icon = 'file:exactOnline.svg' as const;

	documentationUrl =
		'https://github.com/n8n-nodes-exact-online-commerce/n8n-nodes-exact-online-commerce/blob/main/docs/go-live.md#exact-online-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Exact Online',
					value: 'production',
					description: 'The live Exact Online site of your country',
				},
				{
					name: 'Sandbox or Custom URL',
					value: 'sandbox',
					description: 'The bundled Exact Online sandbox or another server you name',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			description: 'The country site your Exact Online account lives on',
			displayOptions: { show: { environment: ['production'] } },
			options: [
				{ name: 'Belgium (start.exactonline.be)', value: 'be' },
				{ name: 'France (start.exactonline.fr)', value: 'fr' },
				{ name: 'Germany (start.exactonline.de)', value: 'de' },
				{ name: 'Netherlands (start.exactonline.nl)', value: 'nl' },
				{ name: 'Spain (start.exactonline.es)', value: 'es' },
				{ name: 'United Kingdom (start.exactonline.co.uk)', value: 'uk' },
				{ name: 'United States (start.exactonline.com)', value: 'us' },
			],
			default: 'nl',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			description:
				'Only http://localhost:PORT, http://127.0.0.1:PORT or an https:// URL are accepted; tokens are never sent anywhere else',
			placeholder: 'http://127.0.0.1:5680',
			displayOptions: { show: { environment: ['sandbox'] } },
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			description: 'The Client ID of your app in the Exact Online App Center',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			description: 'The Client secret of your app in the Exact Online App Center',
			default: '',
			required: true,
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			description:
				'Optional. The Webhook secret of your app in the Exact Online App Center; the Exact Online Trigger checks every delivery with it',
			default: '',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: exactBaseUrlExpression('/api/oauth2/auth'),
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: exactBaseUrlExpression('/api/oauth2/token'),
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: exactBaseUrlExpression('/api/v1', '$credentials'),
			url: '/current/Me',
			qs: { $select: 'CurrentDivision,FullName' },
			headers: { Accept: 'application/json' },
		},
	};
}
