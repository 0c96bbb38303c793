import type { IncomingMessage, ServerResponse } from 'http';

/** What a handler answers; the router writes it (or drops it when a fault says so). */
export interface Reply {
	status: number;
	headers: Record<string, string>;
	body?: string | Buffer;
}

export function jsonReply(
	status: number,
	value: unknown,
	headers: Record<string, string> = {},
): Reply {
	return {
		status,
		headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
		body: JSON.stringify(value),
	};
}

export function textReply(status: number, text: string, type = 'text/plain'): Reply {
	return { status, headers: { 'Content-Type': `${type}; charset=utf-8` }, body: text };
}

export function emptyReply(status: number, headers: Record<string, string> = {}): Reply {
	return { status, headers };
}

export function writeReply(res: ServerResponse, reply: Reply): void {
	const body = reply.body ?? '';
	res.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

const MAX_BODY = 10 * 1024 * 1024;

/** Reads the request body (Exact caps a POST at 10 MB). */
export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY) {
				reject(new Error('Request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Splits a raw query string into decoded name/value pairs, keeping the raw text too. */
export interface QueryPair {
	name: string;
	value: string;
	raw: string;
}

export function decodeComponent(text: string): string {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return text;
	}
}

export function parseQuery(rawQuery: string): QueryPair[] {
	if (!rawQuery) return [];
	return rawQuery
		.split('&')
		.filter((part) => part.length > 0)
		.map((raw) => {
			const eq = raw.indexOf('=');
			const name = decodeComponent(eq < 0 ? raw : raw.slice(0, eq));
			const value = decodeComponent(eq < 0 ? '' : raw.slice(eq + 1));
			return { name, value, raw };
		});
}
