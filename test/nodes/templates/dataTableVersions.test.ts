/**
 * The templates' status-table nodes (n8n's Data Table node) run on n8n 1.x and 2.x. n8n 1.123.50's
 * Data Table node has only version 1 and only the Row resource; n8n 2.8.4 has versions 1 and 1.1
 * with the same Row operations and the Table resource for both versions. So every Data Table node
 * is version 1, row nodes use the Row operations n8n 1.x has, and the one node that creates the
 * table (Table → Create, n8n 2.x only) lets the workflow go on when it cannot run. On n8n 1.x the
 * merchant creates the table by hand and picks it in the row nodes (README); pickStatusTable does
 * that for the test stack on n8n 1.x.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import {
	OPEN_STATUS_TABLE,
	pickStatusTable,
	statusTableDefinition,
} from '../../../scripts/lib/statusTable';
import type { TemplateInfo } from '../../../scripts/lib/stack';

const WORKFLOWS = path.join(__dirname, '..', '..', '..', 'workflows');
/** The operations of the Row resource of n8n 1.123.50's Data Table node (version 1). */
const ROW_OPERATIONS_IN_N8N_1 = ['deleteRows', 'get', 'rowExists', 'rowNotExists', 'insert', 'update', 'upsert'];

interface Node {
	name: string;
	type: string;
	typeVersion: number;
	disabled?: boolean;
	onError?: string;
	parameters: Record<string, unknown>;
}

const templates: TemplateInfo[] = readdirSync(WORKFLOWS)
	.filter((f) => f.endsWith('.json'))
	.map((f) => {
		const json = JSON.parse(readFileSync(path.join(WORKFLOWS, f), 'utf8'));
		return { file: f, id: json.id, name: json.name, json };
	});
const dataTableNodes = (t: TemplateInfo) =>
	((t.json.nodes ?? []) as Node[]).filter((n) => n.type === 'n8n-nodes-base.dataTable');
const withStatusTable = templates.filter((t) => dataTableNodes(t).length > 0);

test('the orders template and the error workflow keep a status table', () => {
	expect(withStatusTable.map((t) => t.file).sort()).toEqual(
		expect.arrayContaining(['error-handler.json', 'shopify-orders-to-exact.json']),
	);
});

describe.each(withStatusTable.map((t) => [t.file, t] as const))('%s', (_file, template) => {
	test('every Data Table node is version 1, the version n8n 1.x and 2.x both have', () => {
		expect(dataTableNodes(template).map((n) => [n.name, n.typeVersion])).toEqual(
			dataTableNodes(template).map((n) => [n.name, 1]),
		);
	});

	test('row nodes use only Row operations n8n 1.x has, on the table by ID', () => {
		const rows = dataTableNodes(template).filter((n) => n.parameters.resource === 'row');
		expect(rows.length).toBeGreaterThan(0);
		for (const node of rows) {
			expect(ROW_OPERATIONS_IN_N8N_1).toContain(node.parameters.operation);
			expect(node.parameters.dataTableId).toMatchObject({ mode: 'id' });
		}
	});

	test('the table is created if missing, and the workflow goes on where n8n cannot create it', () => {
		const open = dataTableNodes(template).filter((n) => n.parameters.resource === 'table');
		expect(open.map((n) => n.name)).toEqual([OPEN_STATUS_TABLE]);
		expect(open[0].parameters).toMatchObject({ operation: 'create', options: { createIfNotExists: true } });
		expect(open[0].onError).toBe('continueRegularOutput');
	});
});

test('both templates name the same table with the same columns', () => {
	const definitions = withStatusTable.map((t) => statusTableDefinition([t]));
	expect(definitions[0]?.name).toBe('Exact Online Commerce status');
	for (const d of definitions) expect(d).toEqual(definitions[0]);
});

test('the n8n 1.x set-up: the table picked in every row node, the create node disabled', () => {
	const orders = templates.find((t) => t.file === 'shopify-orders-to-exact.json')!;
	const nodes = JSON.parse(JSON.stringify(orders.json.nodes)) as Node[];
	const changed = pickStatusTable(nodes, { id: 'tbl123', name: 'Exact Online Commerce status' });
	const tables = nodes.filter((n) => n.type === 'n8n-nodes-base.dataTable');
	expect(changed).toBe(tables.length);
	for (const node of tables) {
		if (node.parameters.resource === 'table') expect(node.disabled).toBe(true);
		else
			expect(node.parameters.dataTableId).toEqual({
				__rl: true,
				mode: 'list',
				value: 'tbl123',
				cachedResultName: 'Exact Online Commerce status',
			});
	}
	// Nothing else in the workflow changes.
	const others = (orders.json.nodes as Node[]).filter((n) => n.type !== 'n8n-nodes-base.dataTable');
	expect(nodes.filter((n) => n.type !== 'n8n-nodes-base.dataTable')).toEqual(others);
});
