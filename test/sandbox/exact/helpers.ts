import { ExactSandbox, ExactSandboxOptions, startExactSandbox } from '../../../sandbox/exact';

export interface Res {
	status: number;
	headers: Headers;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}

export interface CallOptions {
	body?: unknown;
	headers?: Record<string, string>;
	/** Send Accept: application/json (default true). */
	accept?: boolean;
	token?: string;
	prefer?: boolean;
}

/** A sandbox on port 0 with a minted token and small HTTP helpers. */
export interface TestSandbox {
	sb: ExactSandbox;
	base: string;
	div: number;
	token: string;
	/** Calls the Exact API; a path without a leading '/' is relative to /api/v1/{division}/. */
	api(method: string, path: string, opts?: CallOptions): Promise<Res>;
	admin(method: string, path: string, body?: unknown): Promise<Res>;
	mintToken(clientId?: string): Promise<string>;
	close(): Promise<void>;
}

async function toRes(r: Response): Promise<Res> {
	const text = await r.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: r.status, headers: r.headers, text, json };
}

/** Settings that keep rate limits out of the way of tests about other things. */
export const RELAXED = { minutelyLimit: 1000000, dailyLimit: 10000000 };

export async function openSandbox(opts: ExactSandboxOptions = {}): Promise<TestSandbox> {
	const sb = await startExactSandbox({
		port: 0,
		...opts,
		settings: { ...RELAXED, ...opts.settings },
	});
	const base = sb.baseUrl;
	const admin = async (method: string, path: string, body?: unknown) =>
		toRes(
			await fetch(`${base}/__sandbox/${path}`, {
				method,
				headers: { 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			}),
		);
	const mintToken = async (clientId?: string) =>
		(await admin('POST', 'tokens', clientId ? { clientId } : {})).json.access_token as string;
	const token = await mintToken();
	const t: TestSandbox = {
		sb,
		base,
		div: sb.division,
		token,
		admin,
		mintToken,
		async api(method, path, o = {}) {
			const url = path.startsWith('/') ? `${base}${path}` : `${base}/api/v1/${sb.division}/${path}`;
			const headers: Record<string, string> = { Authorization: `Bearer ${o.token ?? t.token}` };
			if (o.accept !== false) headers.Accept = 'application/json';
			if (o.body !== undefined) headers['Content-Type'] = 'application/json';
			if (o.prefer) headers.Prefer = 'return=representation';
			Object.assign(headers, o.headers);
			const body = o.body === undefined ? undefined : JSON.stringify(o.body);
			return toRes(await fetch(url, { method, headers, body }));
		},
		close: () => sb.close(),
	};
	return t;
}

/** Inserts records through the admin API and returns them as Exact serialises them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function seed(
	t: TestSandbox,
	path: string,
	records: unknown[],
	division?: number,
): Promise<any[]> {
	const q = division ? `?division=${division}` : '';
	const res = await t.admin('POST', `records/${path}${q}`, records);
	if (res.status !== 200) throw new Error(`seed ${path} failed: ${res.text}`);
	return res.json.records;
}

export function q(text: string): string {
	return encodeURIComponent(text);
}

/** Local ms of a "/Date(ms)/" string. */
export function dateMs(value: string): number {
	const m = /^\/Date\((-?\d+)\)\/$/.exec(value);
	if (!m) throw new Error(`not a /Date()/ value: ${value}`);
	return Number(m[1]);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
