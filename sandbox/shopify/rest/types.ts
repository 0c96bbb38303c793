import type { JsonValue } from '../json';

export interface RestRequest {
	method: string;
	/** The path after /admin/api/{version}/, e.g. `webhooks.json` or `webhooks/12.json`. */
	path: string;
	query: Record<string, string>;
	body: JsonValue | undefined;
	version: string;
	/** Base URL of this sandbox, for Link headers. */
	baseUrl: string;
}

export interface RestResponse {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}
