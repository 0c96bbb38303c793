/**
 * Load options: the division's G/L accounts (financial/GLAccounts), blocked ones left out. By ID for
 * fields Exact stores as a G/L account GUID (an item's revenue account); by code for nodes that take
 * a code, so a template can name an account ("1300") that every administration's list offers.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { exactGetAll } from '../transport';

interface GlAccountRow {
	ID: string;
	Code: string;
	Description?: string | null;
	IsBlocked?: boolean | null;
}

async function listGlAccounts(
	ctx: ILoadOptionsFunctions,
	value: (account: GlAccountRow) => string,
): Promise<INodePropertyOptions[]> {
	const accounts = (await exactGetAll.call(ctx, {
		path: 'financial/GLAccounts',
		qs: { $select: 'ID,Code,Description,IsBlocked' },
		entity: 'G/L accounts',
	})) as GlAccountRow[];
	return accounts
		.filter((a) => !a.IsBlocked)
		.map((a) => ({ name: `${a.Code.trim()} · ${a.Description ?? ''}`, value: value(a) }))
		.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** By ID, after a "None" choice (the Item node then leaves such lines out). */
export async function getGlAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [
		{ name: 'None (Leave Such Lines Out)', value: '' },
		...(await listGlAccounts(this, (a) => a.ID)),
	];
}

/** By code, after a "None" choice. */
export async function getGlAccountCodes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return [{ name: 'None', value: '' }, ...(await listGlAccounts(this, (a) => a.Code.trim()))];
}
