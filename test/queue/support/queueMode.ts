/**
 * The templates as the README's "Scaling out" asks a merchant to set them up for queue mode: After
 * Create Check on Remove Own Duplicate wherever a create by a natural key Exact does not enforce can
 * race with another worker (customers and sales orders; the refunds template already ships with it).
 */
import type { N8nRest } from '../../../scripts/lib/rest';

/** Node types whose After Create Check the README asks to switch on in queue mode. */
export const QUEUE_MODE_CHECKED = ['.exactOnlineAccount', '.exactOnlineSalesOrder'];

/** Sets After Create Check to Remove Own Duplicate in the given nodes; returns how many it set. */
export function setAfterCreateCheck(nodes: Array<Record<string, unknown>>): number {
	let set = 0;
	for (const node of nodes) {
		if (!QUEUE_MODE_CHECKED.some((type) => String(node.type).endsWith(type))) continue;
		const parameters = node.parameters as Record<string, unknown>;
		if (!('afterCreateCheck' in ((parameters.options as object) ?? {}))) continue;
		parameters.options = {
			...(parameters.options as Record<string, unknown>),
			afterCreateCheck: 'removeNewer',
		};
		set++;
	}
	return set;
}

export async function configureForQueueMode(
	rest: N8nRest,
	templates: Array<{ id: string; json: Record<string, unknown> }>,
): Promise<void> {
	for (const t of templates) {
		const nodes = (t.json.nodes ?? []) as Array<Record<string, unknown>>;
		if (!nodes.some((n) => QUEUE_MODE_CHECKED.some((type) => String(n.type).endsWith(type))))
			continue;
		await rest.updateWorkflow(t.id, (current) => {
			setAfterCreateCheck(current);
		});
	}
}
