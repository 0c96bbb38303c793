/** Prints the reconciliation table (one row per scenario) after the run, then removes the scratch folder. */
const { existsSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const COLUMNS = [
	'scenario',
	'orders',
	'imported',
	'firstPassFailed',
	'failed',
	'duplicates',
	'lost',
	'seconds',
];

function table(rows) {
	const cells = rows.map((r) => COLUMNS.map((c) => String(r[c] ?? '')));
	const widths = COLUMNS.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
	const line = (values) => '| ' + values.map((v, i) => v.padEnd(widths[i])).join(' | ') + ' |';
	const out = [
		line(COLUMNS),
		'|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
		...cells.map(line),
	];
	for (const r of rows) {
		for (const reason of r.reasons || []) out.push(`  ${r.scenario}: failed ${reason}`);
		if (r.notes) out.push(`  ${r.scenario}: ${r.notes}`);
	}
	return out.join('\n');
}

class TableReporter {
	onRunComplete() {
		const dir = process.env.CHAOS_OUT_DIR;
		if (!dir) return;
		const file = path.join(dir, 'rows.jsonl');
		if (existsSync(file)) {
			const rows = readFileSync(file, 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((l) => JSON.parse(l));
			process.stdout.write(
				`\nReconciliation (every Shopify order in Exact exactly once, or failed with its reason)\n${table(rows)}\n\n`,
			);
		}
		rmSync(dir, { recursive: true, force: true });
	}
}

module.exports = TableReporter;
