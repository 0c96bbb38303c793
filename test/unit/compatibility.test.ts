/**
 * The README's Compatibility table states what is tested: every n8n runtime the end-to-end suite can
 * run on, with the n8n-workflow version its lockfile pins, and whether CI runs it (which .ci/run
 * must then do). package.json keeps the peer dependency n8n's community lint demands.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { N8N_2_8, RUNTIMES } from '../../scripts/lib/n8n';

const root = path.join(__dirname, '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Compatibility'), readme.indexOf('## Development'));
const ci = readFileSync(path.join(root, '.ci', 'run'), 'utf8');
const rows = section
	.split('\n')
	.filter((line) => /^\| \**\d/.test(line))
	.map((line) => line.split('|').map((cell) => cell.replace(/\*/g, '').trim()));

function lockedVersion(folder: string, name: string): string {
	const lock = JSON.parse(readFileSync(path.join(folder, 'package-lock.json'), 'utf8'));
	return lock.packages[`node_modules/${name}`].version;
}

describe.each(Object.values(RUNTIMES).map((r) => [r.name, r] as const))('runtime %s', (_name, runtime) => {
	const row = rows.find((cells) => cells[1] === runtime.version);

	test('has a row with its n8n and n8n-workflow versions as its lockfile pins them', () => {
		expect(row).toBeDefined();
		expect(lockedVersion(runtime.folder, 'n8n')).toBe(runtime.version);
		expect(row![3]).toBe(lockedVersion(runtime.folder, 'n8n-workflow'));
	});

	test('is run by CI exactly when the table says so', () => {
		const command =
			runtime === N8N_2_8 ? /^npm run test:e2e$/m : new RegExp(`^E2E_RUNTIME=${runtime.name} npm run test:e2e$`, 'm');
		expect(command.test(ci)).toBe(row![5] === 'yes');
	});
});

test('package.json keeps the peer dependency n8n\'s community lint demands', () => {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
});
