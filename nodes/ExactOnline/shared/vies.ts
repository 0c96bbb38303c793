/**
 * VIES REST client (the EU's VAT number check): GET {base}/ms/{CC}/vat/{number}. Not Exact
 * traffic, so it uses the plain httpRequest helper without authentication. Answers are cached per
 * execution and number: an order batch with the same customer costs one call.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

export const DEFAULT_VIES_BASE_URL = 'https://ec.europa.eu/taxation_customs/vies/rest-api';

const TIMEOUT_MS = 15000;

/** VIES's verdict on one number. `valid` is null when VIES could not answer. */
export interface ViesResult {
	/** The number with its VIES prefix, e.g. BE0477472701. */
	vatNumber: string;
	valid: boolean | null;
	/** false when VIES or the member state's service was unavailable. */
	available: boolean;
	name: string | null;
	address: string | null;
	/** When VIES answered (its requestDate), else when we asked. */
	checkedAt: string;
	/** VIES's error code or the transport failure, when unavailable. */
	error?: string;
}

/** userError codes that mean "the number was checked". Others are outages or overload. */
const ANSWERS: Record<string, boolean> = { VALID: true, INVALID: false, INVALID_INPUT: false };

/** Caches by execution; a handful of recent executions is kept, older ones dropped. */
const MAX_EXECUTIONS = 20;
const caches = new Map<string, Map<string, Promise<ViesResult>>>();

function cacheFor(ctx: IExecuteFunctions): Map<string, Promise<ViesResult>> {
	const key = String(ctx.getExecutionId() ?? 'no-execution');
	let cache = caches.get(key);
	if (!cache) {
		cache = new Map();
		caches.set(key, cache);
		while (caches.size > MAX_EXECUTIONS) caches.delete(caches.keys().next().value as string);
	}
	return cache;
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() && value.trim() !== '---' ? value.trim() : null;
}

/** Reads the REST answer: `{isValid, userError, name, address, requestDate}` or `{errorWrappers}`. */
export function readViesAnswer(vatNumber: string, status: number, body: unknown): ViesResult {
	const now = new Date().toISOString();
	const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
	const wrapped = Array.isArray(record.errorWrappers)
		? (record.errorWrappers[0] as Record<string, unknown> | undefined)?.error
		: undefined;
	const code =
		typeof record.userError === 'string'
			? record.userError
			: typeof wrapped === 'string'
				? wrapped
				: undefined;
	const base = { vatNumber, name: text(record.name), address: text(record.address) };
	const checkedAt = typeof record.requestDate === 'string' ? record.requestDate : now;
	if (code !== undefined && code in ANSWERS) {
		return { ...base, valid: ANSWERS[code], available: true, checkedAt };
	}
	if (status >= 200 && status < 300 && code === undefined && typeof record.isValid === 'boolean') {
		return { ...base, valid: record.isValid, available: true, checkedAt };
	}
	return {
		...base,
		valid: null,
		available: false,
		checkedAt: now,
		error: code ?? `HTTP ${status}`,
	};
}

async function askVies(
	ctx: IExecuteFunctions,
	baseUrl: string,
	country: string,
	number: string,
): Promise<ViesResult> {
	const vatNumber = `${country}${number}`;
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: `${baseUrl.replace(/\/+$/, '')}/ms/${encodeURIComponent(country)}/vat/${encodeURIComponent(number)}`,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: TIMEOUT_MS,
	};
	try {
		const response = (await ctx.helpers.httpRequest(options)) as {
			statusCode?: number;
			body?: unknown;
		};
		return readViesAnswer(vatNumber, response.statusCode ?? 0, response.body);
	} catch (error) {
		const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
		return {
			vatNumber,
			valid: null,
			available: false,
			name: null,
			address: null,
			checkedAt: new Date().toISOString(),
			error: String(reason ?? 'request failed'),
		};
	}
}

/**
 * Checks `{country}{number}` (VIES prefix, e.g. `EL` for Greece) once per execution. An outage is
 * cached too, so a batch does not wait for the same timeout again and again.
 */
export async function checkVatNumberInVies(
	ctx: IExecuteFunctions,
	baseUrl: string,
	country: string,
	number: string,
): Promise<ViesResult> {
	const cache = cacheFor(ctx);
	const key = `${baseUrl}|${country}${number}`;
	let pending = cache.get(key);
	if (!pending) {
		pending = askVies(ctx, baseUrl, country, number);
		cache.set(key, pending);
	}
	return await pending;
}
