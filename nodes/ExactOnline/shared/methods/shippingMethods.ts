/** Load options: the division's active shipping methods (sales/ShippingMethods is read-only). */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { exactGetAll } from '../transport';

interface ShippingMethodRow {
	ID: string;
	Code: string;
	Description?: string | null;
	Active?: boolean | null;
}

export async function getShippingMethods(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const methods = (await exactGetAll.call(this, {
		path: 'sales/ShippingMethods',
		qs: { $select: 'ID,Code,Description,Active' },
		entity: 'Shipping methods',
	})) as ShippingMethodRow[];
	return methods
		.filter((m) => m.Active !== false)
		.map((m) => ({ name: `${m.Code.trim()} · ${m.Description ?? ''}`, value: m.ID }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
