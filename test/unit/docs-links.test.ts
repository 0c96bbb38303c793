/**
 * Every link a merchant can follow lands somewhere: the Docs links of the nodes (codex files) and
 * of the credentials, and every relative link and image in the READMEs and docs/, point to a file
 * of this repository and, with an #anchor, to a heading that exists in it (GitHub's heading ids).
 * Links into the repository must start with package.json's homepage, which matches `repository`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	homepage: string;
	repository: { url: string };
};
const HOME = pkg.homepage;

const SKIPPED = new Set(['node_modules', 'dist', 'runtimes', '.git', 'test', 'coverage']);

function walk(dir: string, keep: (file: string) => boolean): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return SKIPPED.has(name) ? [] : walk(full, keep);
		return keep(full) ? [full] : [];
	});
}

/** GitHub's id of a heading: lower case, punctuation dropped, spaces to hyphens, -1 for repeats. */
export function headingIds(markdown: string): Set<string> {
	const ids = new Set<string>();
	const seen = new Map<string, number>();
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('```')) fenced = !fenced;
		const match = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!match) continue;
		const text = match[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
		const base = text
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		ids.add(count === 0 ? base : `${base}-${count}`);
	}
	return ids;
}

/** Checks a link to a repository file (relative to `from`), with an optional #anchor. */
function problem(target: string, from: string): string | null {
	const [file, anchor] = target.split('#');
	const resolved = file ? path.resolve(path.dirname(from), decodeURI(file)) : from;
	if (!resolved.startsWith(ROOT) || !existsSync(resolved)) return `no file ${file}`;
	if (anchor === undefined) return null;
	if (!resolved.endsWith('.md')) return `anchor on a file that is not Markdown`;
	return headingIds(readFileSync(resolved, 'utf8')).has(anchor)
		? null
		: `no heading #${anchor} in ${path.relative(ROOT, resolved)}`;
}

/** A repository URL → the same link relative to the repository root. */
function repositoryPath(url: string): string | null {
	if (url === HOME || url.startsWith(`${HOME}#`)) return `README.md${url.slice(HOME.length)}`;
	for (const prefix of [`${HOME}/blob/main/`, `${HOME}/tree/main/`]) {
		if (url.startsWith(prefix)) return url.slice(prefix.length);
	}
	return null;
}

const markdownFiles = walk(ROOT, (f) => f.endsWith('.md'));

const markdownLinks = markdownFiles.flatMap((file) => {
	const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
	return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => ({
		file,
		label: `${path.relative(ROOT, file)} → ${m[1]}`,
		target: m[1],
	}));
});

const codexLinks = walk(path.join(ROOT, 'nodes'), (f) => f.endsWith('.node.json')).flatMap(
	(file) => {
		const codex = JSON.parse(readFileSync(file, 'utf8')) as {
			resources?: Record<string, Array<{ url: string }>>;
		};
		return Object.values(codex.resources ?? {})
			.flat()
			.map(({ url }) => ({ label: `${path.relative(ROOT, file)} → ${url}`, url }));
	},
);

const credentialLinks = walk(path.join(ROOT, 'credentials'), (f) => f.endsWith('.ts')).flatMap(
	(file) =>
		[...readFileSync(file, 'utf8').matchAll(/documentationUrl\s*=\s*'([^']+)'/g)].map((m) => ({
			label: `${path.relative(ROOT, file)} → ${m[1]}`,
			url: m[1],
		})),
);

describe('links in nodes, credentials and docs', () => {
	it('finds the links to check', () => {
		expect(codexLinks.length).toBeGreaterThanOrEqual(9);
		expect(credentialLinks).toHaveLength(2);
		expect(markdownLinks.length).toBeGreaterThan(20);
	});

	it('package.json: repository and homepage name the same repository', () => {
		expect(HOME).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
		expect(pkg.repository.url).toBe(`${HOME}.git`);
	});

	it.each([...codexLinks, ...credentialLinks])('$label', ({ url }) => {
		const local = repositoryPath(url);
		expect(local).not.toBeNull();
		expect(local).toContain('#');
		expect(problem(local as string, path.join(ROOT, 'README.md'))).toBeNull();
	});

	it.each(markdownLinks)('$label', ({ file, target }) => {
		if (/^(mailto:|https?:\/\/)/.test(target)) {
			const local = repositoryPath(target);
			if (local !== null) expect(problem(local, path.join(ROOT, 'README.md'))).toBeNull();
			return;
		}
		expect(problem(target, file)).toBeNull();
	});

	it('computes GitHub heading ids', () => {
		const ids = headingIds(
			'# A\n## 1. Shopify orders → Exact (`x.json`)\n## Check *Check VAT Mapping*\n## A\n```\n# not\n```',
		);
		expect([...ids]).toEqual([
			'a',
			'1-shopify-orders--exact-xjson',
			'check-check-vat-mapping',
			'a-1',
		]);
	});
});
