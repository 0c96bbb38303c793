/**
 * Error construction for the Exact nodes: HTTP failures become NodeApiError (status, Exact's own
 * message text, the entity, the item index), our own validation NodeOperationError. Every text
 * passes through scrubSecrets, and the objects given to n8n are built here from plain data (never
 * a raw axios error, whose config carries the Authorization header).
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

const SECRET_PARAMS = /\b(access_token|refresh_token|client_secret|code|token)=([^&\s"']+)/gi;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=!%-]+/g;

/** Removes known secrets and anything shaped like a bearer token or token parameter. */
export function scrubSecrets(text: string, secrets: Array<string | undefined> = []): string {
	let out = text;
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= 6) out = out.split(secret).join('***');
	}
	return out.replace(BEARER, 'Bearer ***').replace(SECRET_PARAMS, '$1=***');
}

/** Exact's message text from an error body (REST or OAuth shape), if any. */
export function exactErrorText(body: unknown): string | undefined {
	let value: unknown = body;
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (!trimmed) return undefined;
		try {
			value = JSON.parse(trimmed);
		} catch {
			return trimmed.slice(0, 500);
		}
	}
	if (!value || typeof value !== 'object') return undefined;
	const record = value as Record<string, unknown>;
	const error = record.error;
	if (error && typeof error === 'object') {
		const message = (error as Record<string, unknown>).message;
		if (message && typeof message === 'object') {
			const text = (message as Record<string, unknown>).value;
			if (typeof text === 'string' && text.trim()) return text.trim();
		}
		if (typeof message === 'string' && message.trim()) return message.trim();
	}
	if (typeof record.error_description === 'string') return record.error_description;
	if (typeof error === 'string' && error) return error;
	if (typeof record.message === 'string' && record.message) return record.message;
	return undefined;
}

export interface HttpFailure {
	status: number;
	body?: unknown;
	reason?: string;
	method: string;
	entity: string;
	itemIndex?: number;
	secrets?: Array<string | undefined>;
	hint?: string;
}

const STATUS_HINTS: Record<number, string> = {
	401: 'Exact Online refused the access token even after refreshing it. Reconnect the Exact Online credential.',
	403: 'The app lacks the rights for this endpoint (App Center scopes) or the user lacks rights in this division.',
	404: 'The record or endpoint does not exist in this division.',
	429: 'Exact Online kept answering "too many requests" after waiting for the reset.',
};

function itemText(itemIndex: number | undefined): string {
	return itemIndex === undefined ? '' : ` (item ${itemIndex})`;
}

export function exactHttpError(node: INode, failure: HttpFailure): NodeApiError {
	const secrets = failure.secrets ?? [];
	const exactText = exactErrorText(failure.body);
	const text = scrubSecrets(exactText ?? `HTTP ${failure.status}`, secrets);
	const message = `Exact Online ${failure.entity}: ${text} [HTTP ${failure.status}]`;
	const details = [
		`${failure.method} ${failure.entity} failed with HTTP ${failure.status}${itemText(failure.itemIndex)}.`,
		failure.reason ? `Reason: ${scrubSecrets(failure.reason, secrets)}.` : '',
		failure.hint ?? STATUS_HINTS[failure.status] ?? '',
	]
		.filter(Boolean)
		.join(' ');
	const response: JsonObject = {
		message,
		httpCode: String(failure.status),
		exactMessage: exactText ? text : null,
		entity: failure.entity,
	};
	return new NodeApiError(node, response, {
		message,
		description: details,
		httpCode: String(failure.status),
		itemIndex: failure.itemIndex,
	});
}

export interface NetworkFailure {
	code: string;
	method: string;
	entity: string;
	itemIndex?: number;
	attempts: number;
	ambiguousWrite?: boolean;
}

/** Words for network error codes: n8n replaces a message that contains a raw code like ECONNRESET. */
function networkProblem(code: string): string {
	if (/TIMEDOUT|ECONNABORTED/.test(code)) return 'the request timed out';
	if (/ECONNRESET|HANG_UP|EPIPE/.test(code))
		return 'the connection was closed before the answer arrived';
	if (/ECONNREFUSED/.test(code)) return 'the connection was refused';
	return 'a network error occurred';
}

export function exactNetworkError(node: INode, failure: NetworkFailure): NodeApiError {
	const problem = networkProblem(failure.code);
	const message = failure.ambiguousWrite
		? `Exact Online ${failure.entity}: the ${failure.method} may or may not have been processed (${problem}); it was not retried to avoid a duplicate`
		: `Exact Online ${failure.entity}: no answer after ${failure.attempts} attempt(s); ${problem}`;
	const description = failure.ambiguousWrite
		? `Check in Exact Online whether the record exists before running this item again${itemText(failure.itemIndex)}. Network code: ${failure.code}.`
		: `The request was retried with backoff until the retry budget ran out${itemText(failure.itemIndex)}. Network code: ${failure.code}.`;
	return new NodeApiError(node, { message, networkCode: failure.code } as JsonObject, {
		message,
		description,
		itemIndex: failure.itemIndex,
	});
}

export function dailyLimitError(
	node: INode,
	division: number | undefined,
	resetAt: number | undefined,
	itemIndex?: number,
): NodeApiError {
	const when =
		resetAt !== undefined && Number.isFinite(resetAt)
			? new Date(resetAt).toISOString()
			: 'midnight UTC';
	const message = `Exact Online daily API limit reached for division ${division ?? '(none)'}; it resets at ${when}`;
	return new NodeApiError(node, { message, httpCode: '429' } as JsonObject, {
		message,
		description: `Run the workflow again after ${when}${itemText(itemIndex)}. Exact counts calls per app per division per day.`,
		httpCode: '429',
		itemIndex,
	});
}

export function exactOperationError(
	node: INode,
	message: string,
	options: { itemIndex?: number; description?: string; secrets?: Array<string | undefined> } = {},
): NodeOperationError {
	const secrets = options.secrets ?? [];
	return new NodeOperationError(node, scrubSecrets(message, secrets), {
		itemIndex: options.itemIndex,
		description: options.description ? scrubSecrets(options.description, secrets) : undefined,
	});
}
