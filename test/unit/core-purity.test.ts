import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';

const coreRoot = path.resolve(__dirname, '../../nodes/core');
const allowedPackages = new Set(['zod']);
const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return name.endsWith('.ts') ? [full] : [];
	});
}

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(importPattern)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Returns why an import breaks the pure core, or undefined when it is allowed. */
function violation(file: string, specifier: string): string | undefined {
	if (specifier.startsWith('.')) {
		const target = path.resolve(path.dirname(file), specifier);
		return target.startsWith(coreRoot) ? undefined : `leaves nodes/core (${specifier})`;
	}
	return allowedPackages.has(specifier) ? undefined : `imports package '${specifier}'`;
}

describe('pure core', () => {
	const files = sourceFiles(coreRoot);

	it('has source files to check', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	it('imports nothing but other core files and zod (no n8n, no I/O)', () => {
		const problems = files.flatMap((file) =>
			importsOf(file)
				.map((specifier) => violation(file, specifier))
				.filter((reason): reason is string => reason !== undefined)
				.map((reason) => `${path.relative(coreRoot, file)}: ${reason}`),
		);
		expect(problems).toEqual([]);
	});

	it('detects a forbidden import (the check itself works)', () => {
		const fake = path.join(coreRoot, 'x.ts');
		expect(violation(fake, 'n8n-workflow')).toMatch(/n8n-workflow/);
		expect(violation(fake, 'node:fs')).toMatch(/node:fs/);
		expect(violation(fake, '../ExactOnline/shared/transport')).toMatch(/leaves nodes\/core/);
		expect(violation(fake, './money')).toBeUndefined();
	});
});
