import { validation } from '../errors';
import { newGuid, padCode } from '../ids';
import type { Rec } from '../store';
import type { Tx } from '../tx';
import { Hooks, viewOf } from './hooks';

const STATUSES = ['A', 'S', 'P', 'C'];
const ADDRESS_FIELDS = [
	'AddressLine1',
	'AddressLine2',
	'AddressLine3',
	'City',
	'Postcode',
	'State',
	'Country',
];

/** Highest numeric account code + 1; the maximum is kept in the division's counters. */
function nextAccountCode(tx: Tx): string {
	const counters = tx.div.counters;
	if (counters.accountCode === undefined) {
		counters.accountCode = 0;
		for (const a of tx.div.rows('Accounts')) noteCode(tx, a.Code);
	}
	return padCode((counters.accountCode ?? 0) + 1);
}

function noteCode(tx: Tx, code: unknown): void {
	const n = Number(String(code ?? '').trim());
	if (Number.isInteger(n) && n > (tx.div.counters.accountCode ?? 0))
		tx.div.counters.accountCode = n;
}

function checkAccountFields(tx: Tx, rec: Rec, values: Rec): void {
	const v = viewOf(tx);
	if ('Code' in values && values.Code !== null) {
		const code = String(values.Code).trim();
		if (code.length === 0 || code.length > 18)
			throw validation('Code: length must be 1 to 18 characters.');
		const padded = padCode(code);
		const clash = tx.div.lookup('Accounts', 'Code', padded).find((a) => a.ID !== rec.ID);
		if (clash) throw validation(`Code: ${code} already exists.`);
		values.Code = padded;
		if (tx.div.counters.accountCode !== undefined) noteCode(tx, padded);
	}
	if (values.Status != null && !STATUSES.includes(String(values.Status))) {
		throw validation(`Status: '${values.Status}' is not a valid value (A, S, P, C).`);
	}
	if (values.SalesVATCode != null && !v.vatCode(values.SalesVATCode)) {
		throw validation(`SalesVATCode: VAT code '${values.SalesVATCode}' does not exist.`);
	}
	if (values.PaymentConditionSales != null && !v.paymentCondition(values.PaymentConditionSales)) {
		throw validation(
			`PaymentConditionSales: payment condition '${values.PaymentConditionSales}' does not exist.`,
		);
	}
	if (values.ShippingMethod != null && !v.get('ShippingMethods', values.ShippingMethod)) {
		throw validation('ShippingMethod: shipping method does not exist.');
	}
	if (typeof values.Country === 'string') values.Country = values.Country.toUpperCase();
}

/** The account's own address fields are its main visit address (Type 1) in crm/Addresses. */
function syncVisitAddress(tx: Tx, account: Rec): void {
	if (!ADDRESS_FIELDS.some((f) => account[f] != null)) return;
	const existing = tx.div
		.lookup('Addresses', 'Account', account.ID)
		.find((a) => a.Type === 1 && a.Main === true);
	const fields = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, account[f] ?? null]));
	if (existing) {
		if (ADDRESS_FIELDS.every((f) => existing[f] === fields[f])) return;
		Object.assign(existing, fields);
		tx.touch('Addresses', existing);
		return;
	}
	tx.insert('Addresses', { ID: newGuid(), Account: account.ID, Type: 1, Main: true, ...fields });
}

export const accountHooks: Hooks = {
	create(tx, rec) {
		checkAccountFields(tx, rec, rec);
		if (rec.Code == null) {
			rec.Code = nextAccountCode(tx);
			noteCode(tx, rec.Code);
		}
		rec.Type = 'A';
		rec.Currency = rec.SalesCurrency ?? 'EUR';
		rec.StatusSince = tx.now();
	},
	afterCreate: (tx, rec) => syncVisitAddress(tx, rec),
	update(tx, rec, patch) {
		checkAccountFields(tx, rec, patch);
		if ('Status' in patch && patch.Status !== rec.Status) patch.StatusSince = tx.now();
	},
	afterUpdate: (tx, rec) => syncVisitAddress(tx, rec),
	remove(tx, rec) {
		const used = tx.div
			.rows('SalesOrders')
			.some((o) => o.OrderedBy === rec.ID || o.DeliverTo === rec.ID || o.InvoiceTo === rec.ID);
		if (used) throw validation('This account cannot be deleted: it is used in sales orders.');
		const invoiced = ['OrderedBy', 'InvoiceTo', 'DeliverTo'].some(
			(f) => tx.div.lookup('SalesInvoices', f, rec.ID).length > 0,
		);
		if (invoiced) throw validation('This account cannot be deleted: it is used in sales invoices.');
		for (const c of tx.div.rows('Contacts')) if (c.Account === rec.ID) tx.remove('Contacts', c);
		for (const a of tx.div.rows('Addresses')) if (a.Account === rec.ID) tx.remove('Addresses', a);
	},
};

function requireAccount(tx: Tx, id: unknown): Rec {
	const account = tx.div.get('Accounts', id);
	if (!account) throw validation('Account: the account does not exist.');
	return account;
}

export const contactHooks: Hooks = {
	create(tx, rec) {
		requireAccount(tx, rec.Account);
		if (!rec.FirstName && !rec.LastName) throw validation('Mandatory: FirstName or LastName.');
	},
	afterCreate(tx, rec) {
		const account = tx.div.get('Accounts', rec.Account);
		if (account && !account.MainContact) {
			account.MainContact = rec.ID;
			tx.touch('Accounts', account);
		}
	},
	update(tx, rec, patch) {
		if ('Account' in patch && patch.Account !== rec.Account) requireAccount(tx, patch.Account);
		const first = 'FirstName' in patch ? patch.FirstName : rec.FirstName;
		const last = 'LastName' in patch ? patch.LastName : rec.LastName;
		if (!first && !last) throw validation('Mandatory: FirstName or LastName.');
	},
	afterRemove(tx, rec) {
		const account = tx.div.get('Accounts', rec.Account);
		if (account && account.MainContact === rec.ID) {
			account.MainContact = null;
			tx.touch('Accounts', account);
		}
	},
};

function checkAddress(tx: Tx, merged: Rec): void {
	if (![1, 2, 3, 4].includes(Number(merged.Type))) {
		throw validation('Type: must be 1 (visit), 2 (postal), 3 (invoice) or 4 (delivery).');
	}
	if (merged.Warehouse != null) {
		if (merged.Type !== 4)
			throw validation('Warehouse: only allowed on delivery addresses (Type 4).');
		if (!tx.div.get('Warehouses', merged.Warehouse)) throw validation('Warehouse: does not exist.');
	} else {
		requireAccount(tx, merged.Account);
	}
	if (merged.Contact != null && !tx.div.get('Contacts', merged.Contact)) {
		throw validation('Contact: the contact does not exist.');
	}
	if (typeof merged.Country === 'string') merged.Country = merged.Country.toUpperCase();
}

/** Only one main address per account and type. */
function settleMain(tx: Tx, rec: Rec): void {
	const siblings = rec.Account
		? tx.div
				.lookup('Addresses', 'Account', rec.Account)
				.filter((a) => a.ID !== rec.ID && a.Type === rec.Type)
		: [];
	if (rec.Main !== true && !siblings.some((a) => a.Main === true)) rec.Main = true;
	if (rec.Main !== true) return;
	for (const a of siblings) {
		if (a.Main === true) {
			a.Main = false;
			tx.touch('Addresses', a);
		}
	}
}

export const addressHooks: Hooks = {
	create(tx, rec) {
		checkAddress(tx, rec);
	},
	afterCreate: settleMain,
	update(tx, rec, patch) {
		const merged = { ...rec, ...patch };
		checkAddress(tx, merged);
		if (typeof merged.Country === 'string') patch.Country = merged.Country;
	},
	afterUpdate: settleMain,
};
