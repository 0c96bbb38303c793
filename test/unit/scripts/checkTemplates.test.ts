/**
 * `npm run check:templates` opens every template in workflows/, found on disk rather than listed,
 * so a template added later is checked too; the error handler is imported first, because the other
 * templates name it as their error workflow.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';

import { discoverTemplates } from '../../../scripts/lib/screenshots';

describe('check:templates finds the templates itself', () => {
	it('takes every template in workflows/, the error handler first', () => {
		const onDisk = readdirSync(path.join(__dirname, '../../../workflows')).filter((f) =>
			f.endsWith('.json'),
		);
		const found = discoverTemplates();
		expect(found[0]).toBe('error-handler.json');
		expect([...found].sort()).toEqual([...onDisk].sort());
		expect(found.length).toBeGreaterThanOrEqual(10);
	});

	it('picks up a template it has never heard of, and nothing but JSON', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'templates-'));
		for (const name of ['shopify-new-flow.json', 'error-handler.json', 'README.md', 'a.json'])
			writeFileSync(path.join(dir, name), '{}');
		expect(discoverTemplates(dir)).toEqual(['error-handler.json', 'a.json', 'shopify-new-flow.json']);
	});
});
