/**
 * Screenshots of the templates in the n8n editor for workflows/README.md: starts the stack (templates
 * imported, credentials linked, active), opens each workflow in headless Chromium (Debian's
 * `chromium` package) logged in as the owner, and saves workflows/screenshots/<template>.png.
 *
 *   node --experimental-websocket -r ts-node/register/transpile-only scripts/lib/screenshots.ts
 *
 * `--only <file>` (repeatable, e.g. `--only shopify-paid-orders-to-exact-invoices.json`, or
 * CHECK_TEMPLATES=a.json,b.json) pictures and checks only those templates; every template is still
 * imported and active, as in the e2e stack.
 *
 * With `--check` (`npm run check:templates`) it also opens every node of every template in the
 * node panel, as a merchant would after importing it, waits for the dropdowns to load their lists,
 * and fails when any parameter shows n8n's issue marker (a red field: a required value missing, or
 * a value the list does not offer). Not run by CI: it needs Chromium.
 *
 * Talks to Chromium over the DevTools protocol with the WebSocket client built into Node.
 */
import { ChildProcess, spawn } from 'child_process';
import { randomUUID } from 'crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { projectRoot, runtimeFromEnv } from './n8n';
import { okJson } from './http';
import { buildOrders } from './orders';
import { STATUS_TABLE } from './report';
import { startStack } from './stack';
import type { Stack, TemplateInfo } from './stack';

/**
 * Every template in workflows/, so a new one is checked without being listed: the error handler first
 * (the others name it as their error workflow, and importing rewires them to its id).
 */
export function discoverTemplates(dir = path.join(projectRoot, 'workflows')): string[] {
	const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
	return [...files.filter((f) => f === 'error-handler.json'), ...files.filter((f) => f !== 'error-handler.json')];
}

const WIDTH = 1440;
const HEIGHT = 900;

class Cdp {
	private seq = 0;
	private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

	private constructor(private readonly socket: WebSocket) {
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
			const pending = message.id === undefined ? undefined : this.waiting.get(message.id);
			if (!pending) return;
			this.waiting.delete(message.id as number);
			if (message.error) pending.reject(new Error(message.error.message));
			else pending.resolve(message.result);
		});
	}

	static async open(url: string): Promise<Cdp> {
		const socket = new WebSocket(url);
		await new Promise((resolve, reject) => {
			socket.addEventListener('open', resolve, { once: true });
			socket.addEventListener('error', reject, { once: true });
		});
		return new Cdp(socket);
	}

	send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
		const id = ++this.seq;
		this.socket.send(JSON.stringify({ id, method, params, sessionId }));
		return new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }));
	}

	close(): void {
		this.socket.close();
	}
}

async function launchChromium(): Promise<{ child: ChildProcess; wsUrl: string }> {
	const profile = mkdtempSync(path.join(os.tmpdir(), 'chromium-'));
	const child = spawn('chromium', [
		'--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--mute-audio',
		`--window-size=${WIDTH},${HEIGHT}`, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
	]);
	const wsUrl = await new Promise<string>((resolve, reject) => {
		let text = '';
		child.stderr.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`chromium exited (${code}): ${text.slice(-1000)}`)));
	});
	return { child, wsUrl };
}

interface TemplateNode {
	id: string;
	name: string;
	type: string;
}

/**
 * The labels of the parameters that show an issue marker in the open node panel. (n8n shows the
 * issue text only in a tooltip; the panel's screenshot is saved for each node with a marker.)
 */
const MARKED_FIELDS = `(() => {
	const panel = document.querySelector('[data-test-id="ndv"]') || document;
	return [...panel.querySelectorAll('[data-test-id="parameter-issues"]')].map((marker) => {
		let label = '';
		for (let el = marker.parentElement, i = 0; el && !label && i < 8; el = el.parentElement, i++) {
			const l = el.querySelector('label, [data-test-id="input-label"], [class*="label"]');
			if (l && l.textContent.trim()) label = l.textContent.trim().split('\\n')[0].replace(/\\s*Fixed\\s*Expression$/, '');
		}
		return label || '?';
	});
})()`;

/** One order through the orders template, which creates the status table and writes its row. */
async function placeFirstOrder(stack: Stack, log: (line: string) => void): Promise<void> {
	const [order] = buildOrders(1, 9901);
	await okJson('POST', `${stack.shopify.baseUrl}/__sandbox/orders`, { orders: [order.order], topics: ['orders/create'] });
	for (let i = 0; i < 240; i++) {
		const rows = await stack.rest.dataTableRows(STATUS_TABLE);
		if (rows.some((r) => r.reference === order.name)) {
			log(`Order ${order.name} imported: the status table exists.`);
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(`Order ${order.name} was not recorded in the status table within 4 minutes`);
}

async function main(): Promise<void> {
	const check = process.argv.includes('--check');
	const only = [
		...process.argv.flatMap((arg, i, all) => (arg === '--only' && all[i + 1] ? [all[i + 1]] : [])),
		...(process.env.CHECK_TEMPLATES ?? '').split(',').map((f) => f.trim()).filter(Boolean),
	];
	const chosen = (file: string) => !only.length || only.includes(path.basename(file));
	const problems: string[] = [];
	const log = (line: string) => process.stdout.write(`${line}\n`);
	const templateFiles = discoverTemplates();
	log(`${templateFiles.length} templates in workflows/: ${templateFiles.join(', ')}`);
	const toOpen = templateFiles.filter(chosen);
	const stack = await startStack({
		runtime: runtimeFromEnv(),
		log,
		tarball: process.env.E2E_PACKAGE_TARBALL || undefined,
		templateFiles,
	});
	let opened = 0;
	let panels = 0;
	const { child, wsUrl } = await launchChromium();
	const cdp = await Cdp.open(wsUrl);
	try {
		const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
		const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
		const page = <T = Record<string, unknown>>(method: string, params: object = {}) => cdp.send<T>(method, params, sessionId);
		const evaluate = (expression: string) => page('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
		const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
		await page('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false });
		await page('Page.navigate', { url: `${stack.n8n.url}/signin` });
		await settle(4000);
		const browserId = randomUUID();
		const login = JSON.stringify({ emailOrLdapLoginId: stack.owner.email, password: stack.owner.password });
		await evaluate(`localStorage.setItem('n8n-browserId', '${browserId}');
			fetch('/rest/login', { method: 'POST', credentials: 'include',
				headers: { 'content-type': 'application/json', 'browser-id': '${browserId}' }, body: ${JSON.stringify(login)} })
				.then((r) => r.status)`);
		const outDir = path.join(projectRoot, 'workflows/screenshots');
		mkdirSync(outDir, { recursive: true });
		const inspectNode = async (template: TemplateInfo, node: TemplateNode, when: string): Promise<void> => {
			await page('Page.navigate', { url: `${stack.n8n.url}/workflow/${template.id}/${node.id}` });
			await settle(3000);
			// Wait until the panel shows its parameters and no dropdown is still loading its list.
			for (let i = 0; i < 40; i++) {
				const state = await evaluate(`[document.querySelectorAll('[data-test-id="ndv"] [data-test-id="parameter-item"]').length,
					document.querySelectorAll('[data-test-id="parameter-options-loader"]').length]`);
				const [shown, loading] = ((state as { result?: { value?: number[] } }).result?.value ?? [0, 1]) as number[];
				if (shown > 0 && loading === 0) break;
				await settle(500);
			}
			await settle(1500);
			const opened = await evaluate(`document.querySelectorAll('[data-test-id="ndv"] [data-test-id="parameter-item"]').length`);
			const found = await evaluate(MARKED_FIELDS);
			const issues = (((found as { result?: { value?: string[] } }).result?.value ?? []) as string[]).map((label) => `${label}: issue marker`);
			const parameters = Number((opened as { result?: { value?: number } }).result?.value ?? 0);
			const file = path.basename(template.file);
			if (parameters === 0 && node.type.startsWith('n8n-nodes-exact-online-commerce.')) problems.push(`${file} › ${node.name}: the node panel showed no parameter`);
			for (const issue of issues) problems.push(`${file} › ${node.name}${when} › ${issue}`);
			panels++;
			log(`  ${node.name}${when}: ${parameters} parameters shown, ${issues.length ? issues.join('; ') : 'no issue marker'}`);
			if (issues.length || process.env.SCREENSHOT_PANELS) {
				const shot = await page<{ data: string }>('Page.captureScreenshot', { format: 'png' });
				const name = `${path.basename(template.file, '.json')}--${node.name.replace(/\W+/g, '-')}${when ? '--later' : ''}.png`;
				writeFileSync(path.join(os.tmpdir(), name), Buffer.from(shot.data, 'base64'));
				if (issues.length) log(`    panel: ${path.join(os.tmpdir(), name)}`);
			}
		};
		for (const template of stack.templates.filter((t) => chosen(t.file))) {
			await page('Page.navigate', { url: `${stack.n8n.url}/workflow/${template.id}` });
			await settle(7000);
			// A slow first load: wait until the canvas shows the nodes.
			for (let i = 0; i < 40; i++) {
				const shown = await evaluate(`document.querySelectorAll('.vue-flow__node').length`);
				if (Number((shown as { result?: { value?: number } }).result?.value ?? 0) > 0) break;
				await settle(500);
			}
			await settle(1000);
			// Close whatever the editor pops up on a first visit, then let the canvas fit the view.
			await evaluate(`document.querySelectorAll('.el-dialog__headerbtn, [data-test-id="close-button"]').forEach((b) => b.click())`);
			await page('Input.dispatchKeyEvent', { type: 'keyDown', key: '1', code: 'Digit1', text: '1' });
			await page('Input.dispatchKeyEvent', { type: 'keyUp', key: '1', code: 'Digit1' });
			await settle(800);
			// One step out, so the run button at the bottom leaves the nodes' names visible.
			await page('Input.dispatchKeyEvent', { type: 'keyDown', key: '-', code: 'Minus', text: '-' });
			await page('Input.dispatchKeyEvent', { type: 'keyUp', key: '-', code: 'Minus' });
			await settle(1200);
			const shot = await page<{ data: string }>('Page.captureScreenshot', { format: 'png' });
			const file = path.join(outDir, path.basename(template.file, '.json') + '.png');
			writeFileSync(file, Buffer.from(shot.data, 'base64'));
			log(`Saved ${path.relative(projectRoot, file)}`);
			opened++;
			if (!check) continue;
			const nodes = (template.json.nodes as TemplateNode[]).filter((n) => !n.type.endsWith('.stickyNote'));
			for (const node of nodes) await inspectNode(template, node, '');
		}
		const tableNodesOf = (t: TemplateInfo) => (t.json.nodes as TemplateNode[]).filter((n) => n.type === 'n8n-nodes-base.dataTable');
		if (check && stack.templates.some((t) => chosen(t.file) && tableNodesOf(t).length)) {
			// The status table's Data Table nodes load their column lists from the table, which the
			// first order creates: open them again once it exists, as a merchant does later on.
			await placeFirstOrder(stack, log);
			for (const template of stack.templates.filter((t) => chosen(t.file))) {
				for (const node of tableNodesOf(template)) await inspectNode(template, node, ' (status table created)');
			}
		}
		log(`Opened ${opened} of ${toOpen.length} templates and ${panels} node panels.`);
		if (opened !== toOpen.length) {
			problems.push(`only ${opened} of ${toOpen.length} templates were opened`);
			process.exitCode = 1;
		}
		if (check) {
			log(problems.length ? `Issue markers:\n${problems.join('\n')}` : 'No parameter shows an issue marker.');
			if (problems.length) process.exitCode = 1;
		}
	} finally {
		cdp.close();
		child.kill();
		await stack.stop();
	}
}

if (require.main === module) {
	main().catch((error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	});
}
