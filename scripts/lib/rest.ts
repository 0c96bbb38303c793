/**
 * A small client of n8n's own REST API (/rest/...), used the way the editor uses it: set up the owner,
 * log in (cookie + browser-id), create credentials, connect an OAuth2 credential, activate workflows,
 * read executions and data tables.
 */
import { randomUUID } from 'crypto';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Every execution status n8n 1.x and 2.x store. */
const EXECUTION_STATUSES = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'];

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	startedAt: string;
	stoppedAt?: string | null;
}

export interface OAuthResult {
	/** The provider's authorize URL n8n built (client id, redirect URI, state). */
	authorizeUrl: string;
	/** Where the provider sent the browser back: n8n's callback with the code. */
	callbackUrl: string;
	/** The page n8n rendered on its callback. */
	callbackPage: string;
}

export class N8nRestError extends Error {
	constructor(
		readonly status: number,
		readonly path: string,
		readonly body: string,
	) {
		super(`n8n ${path} answered ${status}: ${body.slice(0, 500)}`);
	}
}

/** A logged-in session: n8n's auth cookie and the browser id it is bound to. */
export interface N8nSession {
	cookie: string;
	browserId: string;
}

export class N8nRest {
	private cookie = '';
	private readonly browserId: string;

	/** A client; with `session`, one that goes on with a login made elsewhere (n8n limits logins). */
	constructor(
		readonly baseUrl: string,
		session?: N8nSession,
	) {
		this.browserId = session?.browserId ?? randomUUID();
		this.cookie = session?.cookie ?? '';
	}

	session(): N8nSession {
		return { cookie: this.cookie, browserId: this.browserId };
	}

	/** Sends a request to n8n with the login cookie; returns the body's `data` (n8n wraps answers). */
	async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await this.raw(method, path, body);
		const text = await res.text();
		if (!res.ok) throw new N8nRestError(res.status, path, text);
		if (!text) return undefined as T;
		const json = JSON.parse(text) as { data?: T };
		return (json && typeof json === 'object' && 'data' in json ? json.data : json) as T;
	}

	/** The same, without throwing or unwrapping; redirects are not followed. */
	async raw(method: string, path: string, body?: unknown): Promise<Response> {
		const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
		const res = await fetch(url, {
			method,
			redirect: 'manual',
			headers: {
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const auth = res.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		return res;
	}

	/** Creates the instance owner on a fresh n8n (and is logged in as the owner afterwards). */
	async setupOwner(owner: Owner): Promise<void> {
		await this.call('POST', '/rest/owner/setup', owner);
	}

	async login(email: string, password: string): Promise<void> {
		await this.call('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}

	/** Sets up the owner when n8n has none yet, else logs in. */
	async ensureOwner(owner: Owner): Promise<void> {
		const settings = await this.call<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>(
			'GET',
			'/rest/settings',
		);
		if (settings?.userManagement?.showSetupOnFirstLoad) await this.setupOwner(owner);
		else await this.login(owner.email, owner.password);
	}

	async listCredentials(): Promise<Array<{ id: string; name: string; type: string }>> {
		return await this.call('GET', '/rest/credentials');
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<string> {
		const created = await this.call<{ id: string }>('POST', '/rest/credentials', { name, type, data });
		return created.id;
	}

	/**
	 * Connects an OAuth2 credential as a user clicking "Connect my account" would: n8n gives the
	 * provider's authorize URL, the provider redirects back to n8n's callback, n8n swaps the code for
	 * tokens and stores them. Returns the HTML n8n renders on its callback page.
	 */
	async connectOAuth2(credentialId: string): Promise<OAuthResult> {
		const authorizeUrl = await this.call<string>(
			'GET',
			`/rest/oauth2-credential/auth?id=${encodeURIComponent(credentialId)}`,
		);
		const approve = await fetch(authorizeUrl, { redirect: 'manual' });
		const location = approve.headers.get('location');
		if (approve.status !== 302 || !location) {
			throw new Error(`The authorize URL answered ${approve.status}: ${await approve.text()}`);
		}
		const callback = await this.raw('GET', location);
		const callbackPage = await callback.text();
		if (!callback.ok || /error/i.test(callbackPage.replace(/<script[\s\S]*?<\/script>/g, ''))) {
			throw new Error(`n8n's OAuth2 callback failed (${callback.status}): ${callbackPage.slice(0, 800)}`);
		}
		return { authorizeUrl, callbackUrl: location, callbackPage };
	}

	async getWorkflow(id: string): Promise<{ id: string; versionId: string; active: boolean; name: string }> {
		return await this.call('GET', `/rest/workflows/${id}`);
	}

	/** Changes a workflow as an edit in the editor does, e.g. filling in a node's field. */
	async updateWorkflow(
		id: string,
		mutate: (nodes: Array<Record<string, unknown>>) => void,
	): Promise<void> {
		const workflow = await this.call<{ versionId: string; nodes: Array<Record<string, unknown>> }>(
			'GET',
			`/rest/workflows/${id}`,
		);
		mutate(workflow.nodes);
		await this.call('PATCH', `/rest/workflows/${id}`, { versionId: workflow.versionId, nodes: workflow.nodes });
	}

	/** The property names of a credential type, as the editor loads them. */
	async credentialTypeProperties(type: string): Promise<string[]> {
		const res = await this.raw('GET', '/types/credentials.json');
		const types = (await res.json()) as Array<{ name: string; properties: Array<{ name: string }> }>;
		return types.find((t) => t.name === type)?.properties.map((p) => p.name) ?? [];
	}

	/** Publishes (activates) a workflow's current version. */
	/** n8n 2.x publishes with POST …/activate; n8n 1.x sets `active` with a PATCH of the workflow. */
	async activateWorkflow(id: string): Promise<void> {
		const workflow = await this.getWorkflow(id);
		try {
			await this.call('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
		} catch (error) {
			if ((error as N8nRestError).status !== 404) throw error;
			await this.call('PATCH', `/rest/workflows/${id}`, { versionId: workflow.versionId, active: true });
		}
	}

	async deactivateWorkflow(id: string): Promise<void> {
		try {
			await this.call('POST', `/rest/workflows/${id}/deactivate`, {});
		} catch (error) {
			if ((error as N8nRestError).status !== 404) throw error;
			const workflow = await this.getWorkflow(id);
			await this.call('PATCH', `/rest/workflows/${id}`, { versionId: workflow.versionId, active: false });
		}
	}

	/**
	 * All executions, newest first, optionally of one workflow, in pages of 100 (n8n's maximum).
	 * n8n 2.8 pages with `lastId`; newer versions answer with a `nextCursor` to send back as `cursor`.
	 * The filter names every status: without one, n8n 1.x–2.8 put the running executions on every
	 * page and sort the finished ones by start time while paging by id, so with executions queued or
	 * workers finishing out of order a listing skips some (300 orders on two workers listed 293).
	 */
	async executions(workflowId?: string): Promise<ExecutionSummary[]> {
		const query = { ...(workflowId ? { workflowId } : {}), status: EXECUTION_STATUSES };
		const filter = `&filter=${encodeURIComponent(JSON.stringify(query))}`;
		const all: ExecutionSummary[] = [];
		let next = '';
		for (;;) {
			const page = await this.call<{ results: ExecutionSummary[]; nextCursor?: string | null }>(
				'GET',
				`/rest/executions?limit=100${filter}${next}`,
			);
			all.push(...page.results);
			if ('nextCursor' in page) {
				if (!page.nextCursor) return all;
				next = `&cursor=${encodeURIComponent(page.nextCursor)}`;
			} else {
				if (page.results.length < 100) return all;
				next = `&lastId=${all[all.length - 1].id}`;
			}
		}
	}

	/** One execution with its data (n8n's flatted format, as the editor receives it). */
	async execution(id: string): Promise<{
		id: string;
		status: string;
		data: string;
		workflowId: string;
		/** What the nodes set with n8n's custom execution data. */
		customData?: Record<string, string>;
	}> {
		return await this.call('GET', `/rest/executions/${id}`);
	}

	/**
	 * All rows of the data table of that name (the status table), page by page: n8n answers at most
	 * 50 rows a page in 1.x and 250 in 2.x, whatever `take` asks for.
	 */
	async dataTableRows(tableName: string): Promise<Array<Record<string, unknown>>> {
		const tables = await this.call<{ data: Array<{ id: string; name: string; projectId: string }> }>(
			'GET',
			`/rest/data-tables-global?take=50&filter=${encodeURIComponent(JSON.stringify({ name: tableName }))}`,
		);
		const table = tables.data.find((t) => t.name === tableName);
		if (!table) return [];
		const all: Array<Record<string, unknown>> = [];
		for (;;) {
			const page = await this.call<{ count: number; data: Array<Record<string, unknown>> }>(
				'GET',
				`/rest/projects/${table.projectId}/data-tables/${table.id}/rows?take=50&skip=${all.length}`,
			);
			all.push(...page.data);
			if (page.data.length === 0 || all.length >= page.count) return all;
		}
	}
}
