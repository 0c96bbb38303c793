/**
 * What the suite keeps across its test files (one jest run, in band): every error, output item and
 * log line (for the secrets grep of scenario 7), every secret handled, and one reconciliation row
 * per scenario (printed as a table by reporter.js). Files live in CHAOS_OUT_DIR (globalSetup).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ScenarioRow {
	scenario: string;
	orders: number;
	imported: number;
	failed: number;
	/** Orders that failed their first run (before a retry), when the scenario retries. */
	firstPassFailed?: number;
	/** "reason ×count" summaries of the failures. */
	reasons: string[];
	duplicates: number;
	lost: number;
	seconds: number;
	notes?: string;
}

export function outDir(): string {
	const dir = process.env.CHAOS_OUT_DIR ?? path.join(tmpdir(), 'n8n-exact-chaos');
	if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
	return dir;
}

export function recordOutput(kind: string, value: unknown): void {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	appendFileSync(path.join(outDir(), 'collected.log'), `${kind}\t${text}\n`);
}

export function recordSecrets(secrets: string[]): void {
	appendFileSync(path.join(outDir(), 'secrets.txt'), secrets.filter(Boolean).join('\n') + '\n');
}

export function recordRow(row: ScenarioRow): void {
	appendFileSync(path.join(outDir(), 'rows.jsonl'), JSON.stringify(row) + '\n');
}

export function readCollected(): string {
	const file = path.join(outDir(), 'collected.log');
	return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

export function readSecrets(): string[] {
	const file = path.join(outDir(), 'secrets.txt');
	return existsSync(file)
		? readFileSync(file, 'utf8')
				.split('\n')
				.filter((s) => s.length >= 8)
		: [];
}

/** Secrets (and their URL-encoded and base64 forms) found in `text`. */
export function leakedSecrets(text: string, secrets: string[]): string[] {
	const leaks = new Set<string>();
	for (const s of secrets) {
		const forms = [s, encodeURIComponent(s), Buffer.from(s).toString('base64')];
		if (forms.some((form) => text.includes(form))) leaks.add(`${s.slice(0, 6)}…`);
	}
	return [...leaks];
}
