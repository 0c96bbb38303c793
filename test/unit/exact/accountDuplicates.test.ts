import { accountToKeep, sameCustomerAccounts } from '../../../nodes/core/exact/accountDuplicates';
import { accountKeys } from '../../../nodes/core/exact/accountMatch';
import type {
	AccountCandidate,
	AccountMatchSettings,
} from '../../../nodes/core/exact/accountMatch';

const settings: AccountMatchSettings = {
	matchBy: ['vatNumber', 'email', 'shopifyCustomerId'],
	idField: 'CodeAtSupplier',
	guest: { mode: 'own', name: 'Webshop guest', code: '' },
};

const keys = accountKeys(
	{ vatNumber: null, email: 'anna@example.nl', shopifyCustomerId: '620001', isGuest: false },
	settings,
);

const account = (ID: string, fields: Partial<AccountCandidate> = {}): AccountCandidate => ({
	ID,
	Code: `              ${ID.slice(-2)}`,
	Email: 'Anna@Example.nl',
	CodeAtSupplier: '620001',
	...fields,
});

describe('accountToKeep', () => {
	it('keeps the account created first', () => {
		const later = account('b-41', { Created: '/Date(1782404890100)/' });
		const first = account('a-42', { Created: '/Date(1782404890063)/' });
		expect(accountToKeep([later, first])).toBe(first);
	});

	it('breaks a tie in Created by the lowest code, then the lowest ID, whatever the order seen', () => {
		const at = '/Date(1782404890063)/';
		const a = account('c-07', { Created: at });
		const b = account('d-12', { Created: at });
		const c = account('e-12', { Created: at });
		expect(accountToKeep([c, b, a])).toBe(a);
		expect(accountToKeep([c, b])).toBe(b);
		expect(accountToKeep([b, c])).toBe(b);
	});

	it('reads ISO dates as well and puts an account without Created last', () => {
		const iso = account('f-90', { Created: '2026-06-25T16:28:10.063+02:00' });
		const none = account('g-01');
		expect(accountToKeep([none, iso])).toBe(iso);
	});
});

describe('sameCustomerAccounts', () => {
	it('groups the accounts that carry the first key the new account carries', () => {
		const mine = account('m-50');
		const other = account('o-51', { CodeAtSupplier: null });
		const stranger = account('s-52', { Email: 'someone@example.nl' });
		expect(sameCustomerAccounts([mine, other, stranger], 'M-50', keys, settings)).toEqual([
			mine,
			other,
		]);
	});

	it('falls back to a later key when the new account lacks an earlier one', () => {
		const mine = account('m-60', { Email: null });
		const other = account('o-61', { Email: 'other@example.nl' });
		expect(sameCustomerAccounts([other, mine], 'm-60', keys, settings)).toEqual([other, mine]);
	});

	it('finds nothing when the new account is not among those read back', () => {
		expect(sameCustomerAccounts([account('o-70')], 'm-71', keys, settings)).toEqual([]);
	});

	it('groups the shared guest account by name', () => {
		const guestKeys = { vatNumber: null, email: null, shopifyCustomerId: null, guest: true };
		const a = account('g-80', { Name: 'Webshop guest' });
		const b = account('g-81', { Name: ' webshop GUEST ' });
		const c = account('g-82', { Name: 'Other' });
		expect(sameCustomerAccounts([a, b, c], 'g-81', guestKeys, settings)).toEqual([a, b]);
	});
});
