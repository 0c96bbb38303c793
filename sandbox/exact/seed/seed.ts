import { createRecord } from '../api/write';
import { isoLocal } from '../clock';
import type { Core, SandboxUser } from '../core';
import { adjustStock } from '../domain/stock';
import { entityForTable } from '../entities';
import { DivisionData, Rec, Table } from '../store';
import { Tx } from '../tx';
import * as master from './master';
import { vatCodeSeed } from './vat';

export const DEFAULT_DIVISION = 3012345;
export const SECOND_DIVISION = 3012346;

export const DIVISIONS: Array<[number, string]> = [
	[DEFAULT_DIVISION, 'Webwinkel Demo B.V.'],
	[SECOND_DIVISION, 'Webwinkel Demo Groothandel B.V.'],
];

export function sandboxUser(): SandboxUser {
	return {
		id: '5f3a2b1c-9d8e-4f70-a1b2-c3d4e5f60718',
		fullName: 'Sanne de Boer',
		firstName: 'Sanne',
		lastName: 'de Boer',
		userName: 'sanne@webwinkel-demo.example',
		divisions: DIVISIONS.map(([code]) => code),
		currentDivision: DEFAULT_DIVISION,
	};
}

export type SeedMode = 'demo' | 'empty';

async function insertAll(core: Core, tx: Tx, table: Table, rows: Rec[]): Promise<Rec[]> {
	const def = entityForTable(table);
	if (!def) throw new Error(`no entity set for ${table}`);
	const out: Rec[] = [];
	for (const row of rows) out.push(await createRecord(core, tx, def, { ...row }));
	return out;
}

async function seedDemo(core: Core, tx: Tx): Promise<void> {
	const accounts = await insertAll(core, tx, 'Accounts', master.DEMO_ACCOUNTS);
	const [korenbloem, , dupont] = accounts;
	await insertAll(core, tx, 'Contacts', [
		{
			Account: korenbloem.ID,
			FirstName: 'Anna',
			LastName: 'de Vries',
			Email: 'anna@korenbloem.example',
		},
		{ Account: dupont.ID, FirstName: 'Marie', LastName: 'Dupont', Email: 'marie@dupont.example' },
	]);
	await insertAll(core, tx, 'Addresses', [
		{
			Account: korenbloem.ID,
			Type: 4,
			AddressLine1: 'Bakkerstraat 3',
			Postcode: '3512 AB',
			City: 'Utrecht',
			Country: 'NL',
		},
	]);
	const items = await insertAll(core, tx, 'Items', master.DEMO_ITEMS);
	const shippingGroup = tx.div.rows('ItemGroups').find((g) => g.Code === '002');
	await insertAll(core, tx, 'Items', [
		{
			Code: 'VERZEND',
			Description: 'Verzendkosten',
			SalesVatCode: 'V21',
			StandardSalesPrice: 6.95,
			IsStockItem: false,
			ItemGroup: shippingGroup?.ID,
		},
	]);
	const second = tx.div.rows('Warehouses').find((w) => w.Code === '2');
	const lock = items.find((i) => i.Code === 'SLOT-100');
	if (second && lock) adjustStock(tx, lock, second, { quantity: 5 });
}

/** (Re)builds every division from the seed. */
export async function seedStore(core: Core, mode: SeedMode = 'demo'): Promise<void> {
	core.store.divisions.clear();
	const day = isoLocal(core.clock.localNow()).slice(0, 10);
	for (const [code, description] of DIVISIONS) {
		const div = new DivisionData(code, description);
		core.store.divisions.set(code, div);
		const tx = new Tx(div, core.clock, core.user, 'http://127.0.0.1', true);
		await insertAll(core, tx, 'VATCodes', vatCodeSeed(day));
		await insertAll(core, tx, 'Warehouses', master.WAREHOUSES);
		await insertAll(core, tx, 'ItemGroups', master.ITEM_GROUPS);
		await insertAll(core, tx, 'PaymentConditions', master.PAYMENT_CONDITIONS);
		await insertAll(core, tx, 'ShippingMethods', master.SHIPPING_METHODS);
		await insertAll(core, tx, 'Journals', master.JOURNALS);
		await insertAll(core, tx, 'GLAccounts', master.GL_ACCOUNTS);
		await insertAll(core, tx, 'ExchangeRates', master.EXCHANGE_RATES);
		if (mode === 'demo' && code === DEFAULT_DIVISION) await seedDemo(core, tx);
	}
}
