/**
 * `npm run bench`: the five scenarios of issue 8 against the in-process sandboxes. Progress goes to
 * stderr; stdout gets the table and, on its last line, the results as one JSON object, which is
 * also written to bench/results.json.
 */
import { writeFileSync } from 'fs';
import path from 'path';

import { BENCH_CONFIG } from './lib/config';
import { runBench } from './lib/index';
import { printableReport } from './lib/report';

async function main(): Promise<void> {
	const started = Date.now();
	const log = (line: string) =>
		process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
	const results = await runBench(BENCH_CONFIG, log);
	writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
	process.stdout.write(`${printableReport(results)}\n`);
	process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(
			`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	},
);
