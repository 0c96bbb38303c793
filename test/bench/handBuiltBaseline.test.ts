/**
 * The hand-built baseline that `npm run bench:n8n` runs in real n8n is built from n8n's own nodes
 * only (nothing of this package, nothing to install), calls only the Exact endpoints its comment
 * names (no VAT code list, no shipping-item lookup), and every connection points at a node it has.
 */
import { readFileSync } from 'fs';
import path from 'path';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}

const workflow = JSON.parse(
	readFileSync(
		path.join(__dirname, '../../bench/baseline/hand-built-orders-to-exact.json'),
		'utf8',
	),
) as {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};

describe('hand-built baseline workflow', () => {
	it("uses n8n's own nodes only, its HTTP Request nodes with a generic OAuth2 credential", () => {
		for (const node of workflow.nodes) expect(node.type).toMatch(/^n8n-nodes-base\./);
		const http = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.httpRequest');
		for (const node of http) {
			expect(node.parameters.authentication).toBe('genericCredentialType');
			expect(node.parameters.genericAuthType).toBe('oAuth2Api');
		}
	});

	it('calls the YourRef, account, item and order endpoints, never the VAT code list', () => {
		const calls = workflow.nodes
			.filter((n) => n.type === 'n8n-nodes-base.httpRequest')
			.map((n) => `${String(n.parameters.method)} ${String(n.parameters.url).split('}}/')[1]}`);
		expect(calls.sort()).toEqual([
			'GET crm/Accounts',
			'GET logistics/Items',
			'GET salesorder/SalesOrders',
			'POST crm/Accounts',
			'POST salesorder/SalesOrders',
		]);
		const settings = workflow.nodes.find((n) => n.name === 'Exact Settings');
		const fields = (settings?.parameters.assignments as { assignments: Array<{ name: string }> })
			.assignments;
		expect(fields.map((f) => f.name)).toEqual(['apiUrl', 'vatCode', 'shippingItem']);
	});

	it('connects only nodes it has, and every node but the trigger and the note has an input', () => {
		const names = new Set(workflow.nodes.map((n) => n.name));
		const targets = new Set<string>();
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const link of outputs.main.flat()) {
				expect(names.has(link.node)).toBe(true);
				targets.add(link.node);
			}
		}
		const fed = workflow.nodes.filter(
			(n) => !['n8n-nodes-base.shopifyTrigger', 'n8n-nodes-base.stickyNote'].includes(n.type),
		);
		for (const node of fed) expect(targets.has(node.name)).toBe(true);
	});
});
