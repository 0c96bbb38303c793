/**
 * Screenshots of the templates in the n8n editor for workflows/README.md: starts the stack (templates
 * imported, credentials linked, active), opens each workflow in headless Chromium (Debian's
 * `chromium` package) logged in as the owner, and saves workflows/screenshots/<template>.png.
 *
 *   node --experimental-websocket -r ts-node/register/transpile-only scripts/lib/screenshots.ts
 *
 * `--only <file>` (repeatable, e.g. `--only shopify-paid-orders-to-exact-invoices.json`) pictures and
 * checks only those templates; every template is still imported and active, as in the e2e stack.
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
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { projectRoot, runtimeFromEnv } from './n8n';
import { startStack } from './stack';

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

/** The parameters with an issue marker in the open node panel: their labels and the issue texts. */
const ISSUES_IN_PANEL = `(() => {
	const panel = document.querySelector('[data-test-id="ndv"]') || document;
	return [...panel.querySelectorAll('[data-test-id="parameter-issues"]')].map((marker) => {
		const item = marker.closest('[data-test-id="parameter-item"], [data-test-id^="parameter-input"]');
		const label = item && item.querySelector('label, [data-test-id="input-label"], [class*="label"]');
		return (label ? label.textContent.trim() : '?') + ': ' + (marker.getAttribute('title') || marker.textContent || '').trim();
	});
})()`;

async function main(): Promise<void> {
	const check = process.argv.includes('--check');
	const only = process.argv.flatMap((arg, i, all) => (arg === '--only' && all[i + 1] ? [all[i + 1]] : []));
	const problems: string[] = [];
	const log = (line: string) => process.stdout.write(`${line}\n`);
	const stack = await startStack({ runtime: runtimeFromEnv(), log, tarball: process.env.E2E_PACKAGE_TARBALL || undefined });
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
		for (const template of stack.templates.filter((t) => !only.length || only.includes(path.basename(t.file)))) {
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
			if (!check) continue;
			const nodes = (template.json.nodes as TemplateNode[]).filter((n) => !n.type.endsWith('.stickyNote'));
			for (const node of nodes) {
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
				const found = await evaluate(ISSUES_IN_PANEL);
				const issues = ((found as { result?: { value?: string[] } }).result?.value ?? []) as string[];
				const parameters = Number((opened as { result?: { value?: number } }).result?.value ?? 0);
				if (parameters === 0 && node.type.startsWith('n8n-nodes-exact-online-commerce.')) problems.push(`${template.file} › ${node.name}: the node panel showed no parameter`);
				for (const issue of issues) problems.push(`${template.file} › ${node.name} › ${issue}`);
				log(`  ${node.name}: ${parameters} parameters shown, ${issues.length ? issues.join('; ') : 'no issue marker'}`);
				if (issues.length || process.env.SCREENSHOT_PANELS) {
					const shot = await page<{ data: string }>('Page.captureScreenshot', { format: 'png' });
					const name = `${path.basename(template.file, '.json')}--${node.name.replace(/\W+/g, '-')}.png`;
					writeFileSync(path.join(os.tmpdir(), name), Buffer.from(shot.data, 'base64'));
				}
			}
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

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
