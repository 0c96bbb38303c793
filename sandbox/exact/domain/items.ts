import { validation } from '../errors';
import { newGuid } from '../ids';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { Hooks, viewOf } from './hooks';
import { adjustStock } from './stock';

const UNIT_TEXT: Record<string, string> = { pc: 'Stuk', stk: 'Stuk', kg: 'Kilogram', day: 'Dag' };

function checkItemFields(tx: Tx, rec: Rec, values: Rec): void {
	const v = viewOf(tx);
	if ('Code' in values) {
		const code = String(values.Code ?? '').trim();
		if (!code) throw validation('Mandatory: Code');
		if (code.length > 30) throw validation('Code: maximum length is 30 characters.');
		const clash = tx.div.lookup('Items', 'Code', code).find((i) => i.ID !== rec.ID);
		if (clash) throw validation(`Code: item ${code} already exists.`);
	}
	if (typeof values.Description === 'string' && values.Description.length > 60) {
		throw validation('Description: maximum length is 60 characters.');
	}
	if (typeof values.ExtraDescription === 'string' && values.ExtraDescription.length > 255) {
		throw validation('ExtraDescription: maximum length is 255 characters.');
	}
	if (values.SalesVatCode != null && !v.vatCode(values.SalesVatCode)) {
		throw validation(`SalesVatCode: VAT code '${values.SalesVatCode}' does not exist.`);
	}
	if (values.ItemGroup != null && !tx.div.get('ItemGroups', values.ItemGroup)) {
		throw validation('ItemGroup: the item group does not exist.');
	}
	for (const f of ['GLRevenue', 'GLCosts', 'GLStock']) {
		if (values[f] != null && !tx.div.get('GLAccounts', values[f])) {
			throw validation(`${f}: the G/L account does not exist.`);
		}
	}
	if (typeof values.Unit === 'string')
		values.UnitDescription = UNIT_TEXT[values.Unit] ?? values.Unit;
}

/** Prices are unique per item, account, currency, unit, quantity and validity period. */
function checkPriceUnique(tx: Tx, merged: Rec): void {
	const keys = ['Item', 'Account', 'Currency', 'Unit', 'Quantity', 'StartDate', 'EndDate'];
	const clash = tx.div
		.lookup('SalesItemPrices', 'Item', merged.Item)
		.find((p) => p.ID !== merged.ID && keys.every((k) => (p[k] ?? null) === (merged[k] ?? null)));
	if (clash)
		throw validation('Must be: Unique - Item, Currency, Unit, Quantity, Active from, Active to');
}

export const itemHooks: Hooks = {
	create(tx, rec) {
		checkItemFields(tx, rec, rec);
		rec.ItemGroup = rec.ItemGroup ?? viewOf(tx).defaultItemGroup()?.ID ?? null;
		rec.Unit = rec.Unit ?? 'pc';
		rec.UnitDescription = UNIT_TEXT[String(rec.Unit)] ?? rec.Unit;
		rec.IsSalesItem = rec.IsSalesItem ?? true;
		rec.CostPriceCurrency = rec.CostPriceCurrency ?? 'EUR';
		rec.CostPriceStandard = rec.CostPriceStandard ?? 0;
	},
	afterCreate(tx, rec) {
		// Exact creates a general sales price of 0 with every item; StandardSalesPrice reflects it.
		// An admin insert may carry StandardSalesPrice and Stock to seed that price and the stock.
		const price = typeof rec.StandardSalesPrice === 'number' ? rec.StandardSalesPrice : 0;
		const stock = rec.Stock;
		delete rec.StandardSalesPrice;
		delete rec.Stock;
		tx.insert('SalesItemPrices', {
			ID: newGuid(),
			Item: rec.ID,
			Account: null,
			Currency: 'EUR',
			Unit: rec.Unit,
			Quantity: 0,
			NumberOfItemsPerUnit: 1,
			Price: price,
			StartDate: null,
			EndDate: null,
		});
		const warehouse = viewOf(tx).mainWarehouse();
		if (typeof stock === 'number' && rec.IsStockItem === true && warehouse) {
			adjustStock(tx, rec, warehouse, { quantity: stock });
		}
	},
	update(tx, rec, patch) {
		checkItemFields(tx, rec, patch);
	},
	remove(tx, rec) {
		if (tx.div.lookup('SalesOrderLines', 'Item', rec.ID).length > 0) {
			throw validation('This item cannot be deleted: it is used in sales orders.');
		}
		if (tx.div.lookup('SalesInvoiceLines', 'Item', rec.ID).length > 0) {
			throw validation('This item cannot be deleted: it is used in sales invoices.');
		}
		for (const p of tx.div.lookup('SalesItemPrices', 'Item', rec.ID))
			tx.remove('SalesItemPrices', p);
		for (const w of tx.div.lookup('ItemWarehouses', 'Item', rec.ID)) tx.remove('ItemWarehouses', w);
	},
};

function touchItem(tx: Tx, price: Rec): void {
	const item = tx.div.get('Items', price.Item);
	if (item && !price.Account) tx.touch('Items', item);
}

export const salesItemPriceHooks: Hooks = {
	create(tx, rec) {
		const item = tx.div.get('Items', rec.Item);
		if (!item) throw validation('Mandatory: Item');
		if (rec.Account != null && !tx.div.get('Accounts', rec.Account)) {
			throw validation('Account: the account does not exist.');
		}
		rec.Currency = rec.Currency ?? 'EUR';
		rec.Unit = rec.Unit ?? item.Unit;
		rec.Quantity = rec.Quantity ?? 0;
		rec.NumberOfItemsPerUnit = rec.NumberOfItemsPerUnit ?? 1;
		rec.Price = rec.Price ?? 0;
		checkPriceUnique(tx, rec);
	},
	afterCreate: touchItem,
	update(tx, rec, patch) {
		if ('Item' in patch && patch.Item !== rec.Item) throw validation('Item: cannot be changed.');
		checkPriceUnique(tx, { ...rec, ...patch });
	},
	afterUpdate: touchItem,
	afterRemove: touchItem,
};
