/**
 * The templates as a merchant gets them: importable into a real n8n with the package installed from
 * its tarball, every node type and version known there, credentials referenced by name only, no
 * secrets, failures wired to the error handler, and active after import.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { projectRoot, PACKAGE_NAME } from '../../scripts/lib/n8n';
import { CREDENTIAL_NAMES, TEMPLATE_FILES } from '../../scripts/lib/stack';
import { connect, E2E } from './support/context';

interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
}

interface Template {
	id: string;
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
	settings: Record<string, unknown>;
}

const templates = TEMPLATE_FILES.map((file) => ({
	file,
	json: JSON.parse(readFileSync(path.join(projectRoot, 'workflows', file), 'utf8')) as Template,
}));
const ERROR_HANDLER = templates.find((t) => t.file === 'error-handler.json')?.json.id;
const SECRET_NAME = /secret|token|password|apikey|api_key/i;

let e2e: E2E;
let nodeTypes: Array<{ name: string; version: number | number[]; credentials?: Array<{ name: string }> }>;

beforeAll(async () => {
	e2e = await connect();
	const res = await e2e.rest.raw('GET', '/types/nodes.json');
	nodeTypes = (await res.json()) as typeof nodeTypes;
});

describe.each(templates)('template $file', ({ file, json }) => {
	const working = json.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');

	test('has a stable 16-character id the CLI and the error workflow setting can refer to', () => {
		expect(json.id).toMatch(/^[A-Za-z0-9]{16}$/);
	});

	test('uses only node types and versions the real n8n knows, ours in installed-package form', () => {
		for (const node of working) {
			expect(node.type).toMatch(new RegExp(`^(n8n-nodes-base|${PACKAGE_NAME})\\.[A-Za-z]+$`));
			const known = nodeTypes.find((t) => t.name === node.type);
			expect({ node: node.name, known: Boolean(known) }).toEqual({ node: node.name, known: true });
			const versions = ([] as number[]).concat(known?.version ?? []);
			expect(versions).toContain(node.typeVersion);
		}
	});

	test('references credentials by name only, with a type the node accepts', () => {
		const names = Object.values(CREDENTIAL_NAMES);
		for (const node of working) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect(ref.id).toBeNull();
				expect(names).toContain(ref.name);
				const accepted = nodeTypes.find((t) => t.name === node.type)?.credentials?.map((c) => c.name) ?? [];
				expect(accepted).toContain(type);
			}
		}
	});

	test('carries no secret values', () => {
		const walk = (value: unknown, key = ''): void => {
			if (typeof value === 'string' && SECRET_NAME.test(key)) expect({ key, value }).toEqual({ key, value: '' });
			if (value && typeof value === 'object') {
				for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, k);
			}
		};
		walk(json.nodes.map((n) => n.parameters));
	});

	test('has connections only between its own nodes and no node left unconnected', () => {
		const names = new Set(json.nodes.map((n) => n.name));
		const targets = new Set<string>();
		for (const [source, outputs] of Object.entries(json.connections)) {
			expect(names.has(source)).toBe(true);
			for (const target of outputs.main.flat()) {
				expect(names.has(target.node)).toBe(true);
				targets.add(target.node);
			}
		}
		for (const node of working) {
			expect({ node: node.name, wired: targets.has(node.name) || node.name in json.connections }).toEqual({
				node: node.name,
				wired: true,
			});
		}
	});

	test('lays out nodes without overlaps', () => {
		for (const a of working) {
			for (const b of working) {
				if (a === b) continue;
				const apart = Math.abs(a.position[0] - b.position[0]) >= 160 || Math.abs(a.position[1] - b.position[1]) >= 120;
				expect({ a: a.name, b: b.name, apart }).toEqual({ a: a.name, b: b.name, apart: true });
			}
		}
	});

	test('explains its setup in a sticky note', () => {
		expect(json.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote' && String(n.parameters.content).length > 100)).toBe(true);
	});

	test('sends its failures to the error handler (except the error handler itself)', () => {
		if (json.id === ERROR_HANDLER) expect(json.settings.errorWorkflow).toBeUndefined();
		else expect(json.settings.errorWorkflow).toBe(ERROR_HANDLER);
	});

	test('is active in n8n after import, with every credential linked by name', async () => {
		// n8n 1.x gives imported workflows new ids, and runs an error workflow without activating it.
		const workflow = await e2e.rest.call<{ active: boolean; nodes: TemplateNode[] }>(
			'GET',
			`/rest/workflows/${e2e.templateId(file)}`,
		);
		const runsInactive = json.id === ERROR_HANDLER && e2e.info.runtime.version.startsWith('1.');
		expect(workflow.active).toBe(!runsInactive);
		for (const node of workflow.nodes) {
			for (const ref of Object.values(node.credentials ?? {})) expect(ref.id).toEqual(expect.any(String));
		}
	});
});
