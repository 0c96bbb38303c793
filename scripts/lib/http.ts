/**
 * JSON over HTTP(S) from the test process to the sandboxes. The Shopify sandbox serves HTTPS with the
 * throw-away test certificate, which this process trusts per request (never globally).
 */
import http from 'http';
import https from 'https';

export interface JsonResponse<T> {
	status: number;
	body: T;
	text: string;
}

let trusted: string | undefined;

/** The certificate that requests to https:// sandboxes trust (set once by the stack). */
export function trustSandboxCertificate(pem: string): void {
	trusted = pem;
}

export async function requestJson<T = unknown>(
	method: string,
	url: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
	const target = new URL(url);
	const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
	const client = target.protocol === 'https:' ? https : http;
	return await new Promise((resolve, reject) => {
		const req = client.request(
			target,
			{
				method,
				ca: target.protocol === 'https:' ? trusted : undefined,
				headers: {
					accept: 'application/json',
					...(payload === undefined ? {} : { 'content-type': 'application/json' }),
					...headers,
				},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let parsed: unknown = text;
					try {
						parsed = text ? JSON.parse(text) : undefined;
					} catch {
						// not JSON: keep the text
					}
					resolve({ status: res.statusCode ?? 0, body: parsed as T, text });
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.setTimeout(300_000, () => req.destroy(new Error(`${method} ${url} timed out`)));
		if (payload !== undefined) req.write(payload);
		req.end();
	});
}

/** The same, failing on a non-2xx answer. */
export async function okJson<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
	const res = await requestJson<T>(method, url, body);
	if (res.status < 200 || res.status >= 300) {
		throw new Error(`${method} ${url} answered ${res.status}: ${res.text.slice(0, 500)}`);
	}
	return res.body;
}
