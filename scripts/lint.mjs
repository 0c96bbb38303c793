// Lints what n8n's community-package scanner lints: package.json, nodes/ and credentials/, with the
// unmodified default config of @n8n/node-cli (cloud rules included). The sandbox, tests and benchmarks
// are development tools that need `process`, timers and HTTP clients, so they are outside that scope,
// exactly as they are outside the published package.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// node-cli's package exports hide its files, so resolve its eslint entry and climb to the root.
const cliEntry = require.resolve('@n8n/node-cli/eslint');
const cliRoot = cliEntry.slice(0, cliEntry.lastIndexOf(`${path.sep}dist${path.sep}`));
const template = path.join(cliRoot, 'dist/template/templates/shared/default/eslint.config.mjs');
const normalise = (text) => text.replace(/\s+/g, ' ').trim();

// n8n's strict mode: the eslint config must be the default one.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
if (pkg.n8n?.strict && normalise(readFileSync('eslint.config.mjs', 'utf8')) !== normalise(readFileSync(template, 'utf8'))) {
	console.error('Strict mode violation: eslint.config.mjs differs from the @n8n/node-cli default.');
	process.exit(1);
}

const extra = process.argv.slice(2);
const result = spawnSync('npx', ['eslint', 'package.json', 'nodes', 'credentials', ...extra], {
	stdio: 'inherit',
});
process.exit(result.status ?? 1);
