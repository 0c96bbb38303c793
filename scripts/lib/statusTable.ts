/**
 * The status table on n8n 1.x, set up as the README tells a merchant to: n8n 1.x's Data Table node
 * has only the Row resource, so the templates' "Open the Status Table" (Table → Create, if not
 * exists) cannot run there, and n8n lets no other node create a data table. The merchant creates the
 * table once by hand, picks it in the row nodes and disables "Open the Status Table".
 */
import type { N8nRest } from './rest';
import type { TemplateInfo } from './stack';

const DATA_TABLE = 'n8n-nodes-base.dataTable';
export const OPEN_STATUS_TABLE = 'Open the Status Table';

interface TemplateNode {
	name: string;
	type: string;
	disabled?: boolean;
	parameters: Record<string, unknown>;
}

/** Whether this n8n creates data tables from a workflow (Data Table node 1.1, n8n 2.x and later). */
export function createsDataTables(n8nVersion: string): boolean {
	return Number(n8nVersion.split('.')[0]) >= 2;
}

/** The table the templates' "Open the Status Table" node would create: its name and columns. */
export function statusTableDefinition(templates: TemplateInfo[]): {
	name: string;
	columns: Array<{ name: string; type: string }>;
} | undefined {
	for (const t of templates) {
		const open = ((t.json.nodes ?? []) as TemplateNode[]).find(
			(n) => n.type === DATA_TABLE && n.parameters.resource === 'table',
		);
		if (!open) continue;
		const columns = (open.parameters.columns as { column: Array<{ name: string; type: string }> }).column;
		return { name: String(open.parameters.tableName), columns };
	}
	return undefined;
}

/**
 * Points every template's row nodes at the given table (picked "From List", as in the editor) and
 * disables the nodes that would create it. Returns how many nodes it changed.
 */
export function pickStatusTable(nodes: TemplateNode[], table: { id: string; name: string }): number {
	let changed = 0;
	for (const node of nodes) {
		if (node.type !== DATA_TABLE) continue;
		if (node.parameters.resource === 'table') node.disabled = true;
		else
			node.parameters.dataTableId = {
				__rl: true,
				mode: 'list',
				value: table.id,
				cachedResultName: table.name,
			};
		changed++;
	}
	return changed;
}

/** The README's n8n 1.x step, through n8n's REST API: create the table, pick it in the templates. */
export async function setUpStatusTableByHand(rest: N8nRest, templates: TemplateInfo[]): Promise<void> {
	const definition = statusTableDefinition(templates);
	if (!definition) return;
	const project = await rest.call<{ id: string }>('GET', '/rest/projects/personal');
	const table = await rest.call<{ id: string; name: string }>(
		'POST',
		`/rest/projects/${project.id}/data-tables`,
		definition,
	);
	for (const t of templates) {
		if (!((t.json.nodes ?? []) as TemplateNode[]).some((n) => n.type === DATA_TABLE)) continue;
		await rest.updateWorkflow(t.id, (nodes) => {
			pickStatusTable(nodes as unknown as TemplateNode[], table);
		});
	}
}
