/**
 * Where an Exact Online credential may send tokens. The official regions are fixed hosts; the
 * sandbox environment accepts only http://localhost, http://127.0.0.1 (any port) or an https:// URL
 * typed by the user. The credential's authUrl/accessTokenUrl expressions and the transport share
 * this rule (the expression is generated from the same pattern).
 */
import type { ExactRegion } from './types';

export const EXACT_REGION_BASE_URLS: Readonly<Record<ExactRegion, string>> = Object.freeze({
	nl: 'https://start.exactonline.nl',
	be: 'https://start.exactonline.be',
	de: 'https://start.exactonline.de',
	uk: 'https://start.exactonline.co.uk',
	fr: 'https://start.exactonline.fr',
	es: 'https://start.exactonline.es',
	us: 'https://start.exactonline.com',
});

/** http://localhost[:port][/path], http://127.0.0.1[:port][/path] or https://host[:port][/path]. */
export const SANDBOX_BASE_URL_PATTERN =
	/^(https:\/\/[A-Za-z0-9.-]+(:\d+)?|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?)(\/[A-Za-z0-9._~/-]*)?$/;

/** Marker host (the `.invalid` TLD never resolves) used when a base URL is refused. */
export const REFUSED_BASE_URL =
	'https://base-url-refused-use-http-localhost-127.0.0.1-or-https.invalid';

export const BASE_URL_RULE =
	'The Base URL must be http://localhost:<port>, http://127.0.0.1:<port> or an https:// URL';

export interface ExactEnvironmentSettings {
	environment?: unknown;
	region?: unknown;
	baseUrl?: unknown;
}

export class ExactBaseUrlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ExactBaseUrlError';
	}
}

export function isAllowedSandboxBaseUrl(value: unknown): value is string {
	return typeof value === 'string' && SANDBOX_BASE_URL_PATTERN.test(value.trim());
}

/** The site root (no trailing slash), e.g. https://start.exactonline.nl; throws when refused. */
export function resolveExactBaseUrl(settings: ExactEnvironmentSettings): string {
	if (settings.environment === 'sandbox') {
		if (!isAllowedSandboxBaseUrl(settings.baseUrl)) {
			throw new ExactBaseUrlError(`${BASE_URL_RULE}; refusing to send requests to it.`);
		}
		return settings.baseUrl.trim().replace(/\/+$/, '');
	}
	const region = String(settings.region ?? 'nl') as ExactRegion;
	const base = EXACT_REGION_BASE_URLS[region];
	if (!Object.prototype.hasOwnProperty.call(EXACT_REGION_BASE_URLS, region) || !base) {
		throw new ExactBaseUrlError(`Unknown Exact Online region: ${JSON.stringify(region)}`);
	}
	return base;
}

/**
 * An n8n expression that evaluates to `{base}{suffix}` from `$self` (credential fields) or
 * `$credentials` (the credential test request, where n8n offers no `$self`), with the
 * same rule as resolveExactBaseUrl; a refused URL becomes REFUSED_BASE_URL so nothing is sent.
 * The text never contains `}}` before its end (n8n's expression delimiter).
 */
export function exactBaseUrlExpression(
	suffix: string,
	source: '$self' | '$credentials' = '$self',
): string {
	const regions = Object.entries(EXACT_REGION_BASE_URLS)
		.map(([key, url]) => `${source}.region === '${key}' ? '${url}' : `)
		.join('');
	const sandbox =
		`(/${SANDBOX_BASE_URL_PATTERN.source}/.test(String(${source}.baseUrl || '').trim())` +
		` ? String(${source}.baseUrl).trim().replace(/\\/+$/, '') : '${REFUSED_BASE_URL}')`;
	const official = `(${regions}'${REFUSED_BASE_URL}')`;
	return `={{ (${source}.environment === 'sandbox' ? ${sandbox} : ${official}) + '${suffix}' }}`;
}
