/** An Exact sandbox for the stock tests: empty division, items with positions in both warehouses. */
import { startExactSandbox } from '../../../sandbox/exact';
import type { ExactSandbox } from '../../../sandbox/exact';
import { admin, calls, createCredentialStore } from '../../helpers/exactSandbox';
import type { CallEntry } from '../../helpers/exactSandbox';
import type { CredentialStore } from '../../helpers/credentials';

export interface Warehouses {
	main: string;
	second: string;
}

export interface StockSandbox {
	sandbox: ExactSandbox;
	warehouses: Warehouses;
	store: CredentialStore;
}

export async function startStockSandbox(): Promise<StockSandbox> {
	const sandbox = await startExactSandbox({ port: 0 });
	// Rate limiting has its own tests; here many runs share one minute.
	await admin(sandbox, 'PUT', 'settings', { minutelyLimit: 100000, dailyLimit: 1000000 });
	const store = await createCredentialStore(sandbox);
	return { sandbox, warehouses: await warehousesOf(sandbox), store };
}

export async function warehousesOf(sandbox: ExactSandbox): Promise<Warehouses> {
	const state = await admin<{ records: Array<{ ID: string; Code: string }> }>(
		sandbox,
		'GET',
		'state/inventory/Warehouses',
	);
	const id = (code: string) =>
		state.records.find((w) => w.Code.trim() === code)?.ID.toLowerCase() as string;
	return { main: id('1'), second: id('2') };
}

/** Empties the division (warehouses get new IDs) and returns the new warehouse IDs. */
export async function resetEmpty(sandbox: ExactSandbox): Promise<Warehouses> {
	await admin(sandbox, 'POST', 'reset', { mode: 'empty' });
	return await warehousesOf(sandbox);
}

export function skuOf(n: number): string {
	return `SKU-${String(n).padStart(5, '0')}`;
}

/**
 * `count` stock items SKU-00001… with a position in each warehouse: main = n % 50 + 10,
 * second = n % 7. Returns the item IDs by code.
 */
export async function seedItems(
	sandbox: ExactSandbox,
	warehouses: Warehouses,
	count: number,
	from = 1,
): Promise<Map<string, string>> {
	const items = Array.from({ length: count }, (_, i) => ({
		Code: skuOf(from + i),
		Description: `Stock item ${from + i}`,
		IsStockItem: true,
	}));
	const created = await admin<{ records: Array<{ ID: string; Code: string }> }>(
		sandbox,
		'POST',
		'records/logistics/Items',
		items,
	);
	const ids = new Map(created.records.map((r) => [r.Code, r.ID.toLowerCase()]));
	const positions = created.records.flatMap((r, i) => [
		{ Item: r.ID, Warehouse: warehouses.main, CurrentStock: mainStock(from + i) },
		{ Item: r.ID, Warehouse: warehouses.second, CurrentStock: secondStock(from + i) },
	]);
	await admin(sandbox, 'POST', 'records/inventory/ItemWarehouses', positions);
	return ids;
}

export const mainStock = (n: number) => (n % 50) + 10;
export const secondStock = (n: number) => n % 7;

/** Sets CurrentStock of an item in a warehouse ('1' or '2'), as goods received would. */
export async function setStock(
	sandbox: ExactSandbox,
	itemCode: string,
	warehouse: '1' | '2',
	quantity: number,
): Promise<void> {
	await admin(sandbox, 'POST', 'stock', { itemCode, warehouse, quantity });
}

/** A sales order in Exact for `quantity` of an item from a warehouse (what importing a Shopify order does). */
export async function placeOrder(
	sandbox: ExactSandbox,
	itemId: string,
	warehouseId: string,
	quantity: number,
): Promise<void> {
	const account = await admin<{ records: Array<{ ID: string }> }>(
		sandbox,
		'POST',
		'records/crm/Accounts',
		{
			Name: `Webshop customer ${Date.now()}`,
			Status: 'C',
		},
	);
	await admin(sandbox, 'POST', 'records/salesorder/SalesOrders', {
		OrderedBy: account.records[0].ID,
		WarehouseID: warehouseId,
		YourRef: `#${Date.now()}`,
		SalesOrderLines: [{ Item: itemId, Quantity: quantity }],
	});
}

export async function exactCalls(sandbox: ExactSandbox): Promise<CallEntry[]> {
	return await calls(sandbox);
}

export async function clearExactCalls(sandbox: ExactSandbox): Promise<void> {
	await admin(sandbox, 'DELETE', 'calls');
}
