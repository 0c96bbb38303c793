/** Small HTTP helpers shared by the sandbox's routes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringifyLossless } from './json';

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {
		super(typeof body === 'string' ? body : JSON.stringify(body));
	}
}

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new HttpError(413, { errors: 'Request body too large' });
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Writes a JSON response; big ids survive because the text is built by stringifyLossless. */
export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
	lossless = true,
): void {
	if (res.headersSent || res.destroyed) return;
	const text = lossless ? stringifyLossless(body) : JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export function queryParams(url: URL): Record<string, string> {
	const out: Record<string, string> = {};
	url.searchParams.forEach((value, key) => {
		out[key] = value;
	});
	return out;
}
