import { normalizeDate, rateList, ratesFor, tableCountries } from '../../../nodes/core/vat';

/** Expected figures are those of vat-oss.md §1 (the reference's table), in fractions. */
describe('ratesFor: dated periods', () => {
	it.each([
		['FI before the 2024-09-01 increase', 'FI', '2024-08-31', 0.24, [0.14, 0.1]],
		['FI from 2024-09-01: 25.5%', 'FI', '2024-09-01', 0.255, [0.14, 0.1]],
		['SK in 2024: 20% with 10%', 'SK', '2024-12-31', 0.2, [0.1]],
		['SK from 2025-01-01: 23% with 19% and 5%', 'SK', '2025-01-01', 0.23, [0.19, 0.05]],
		['EE in the first half of 2025: 22%', 'EE', '2025-06-30', 0.22, [0.13, 0.09]],
		['EE from 2025-07-01: 24%', 'EE', '2025-07-01', 0.24, [0.13, 0.09]],
		['RO before 2025-08-01: 19% with 9% and 5%', 'RO', '2025-07-31', 0.19, [0.09, 0.05]],
		['RO from 2025-08-01: 21% with one reduced 11%', 'RO', '2025-08-01', 0.21, [0.11]],
		['DE in June 2020: 19%/7%', 'DE', '2020-06-30', 0.19, [0.07]],
		['DE in 2020-H2 (COVID): 16%/5%', 'DE', '2020-07-01', 0.16, [0.05]],
		['DE on the last day of the 16% period', 'DE', '2020-12-31', 0.16, [0.05]],
		['DE back to 19%/7% in 2021', 'DE', '2021-01-01', 0.19, [0.07]],
		['CZ merged 15%/10% into 12% in 2024', 'CZ', '2024-01-01', 0.21, [0.12]],
		['CZ in 2023 still had 15% and 10%', 'CZ', '2023-12-31', 0.21, [0.15, 0.1]],
		['LU back to 17% in 2024 after 16% in 2023', 'LU', '2024-01-01', 0.17, [0.08]],
		['LU at 16% in 2023', 'LU', '2023-06-01', 0.16, [0.07]],
		['NL reduced rate 9% since 2019', 'NL', '2019-01-01', 0.21, [0.09]],
		['NL reduced rate 6% in 2018', 'NL', '2018-12-31', 0.21, [0.06]],
	])('%s', (_name, country, date, standard, reduced) => {
		const rates = ratesFor(country, date);
		expect(rates?.standard).toBe(standard);
		expect(rates?.reduced).toEqual(reduced);
	});

	it('reports super-reduced and parking rates', () => {
		expect(ratesFor('FR', '2025-01-01')).toMatchObject({
			standard: 0.2,
			reduced: [0.1, 0.055],
			superReduced: 0.021,
		});
		expect(ratesFor('IE', '2025-01-01')).toMatchObject({
			standard: 0.23,
			superReduced: 0.048,
			parking: 0.135,
		});
		expect(ratesFor('LU', '2025-01-01')).toMatchObject({ superReduced: 0.03, parking: 0.14 });
	});

	it('says from when the period applies', () => {
		expect(ratesFor('FI', '2025-01-01')?.effectiveFrom).toBe('2024-09-01');
		expect(ratesFor('FI', '2024-01-01')?.effectiveFrom).toBe('0000-01-01');
	});

	it('lists every rate of a set once, highest first', () => {
		expect(rateList(ratesFor('IE', '2025-01-01'))).toEqual([0.23, 0.135, 0.09, 0.048]);
		expect(rateList(null)).toEqual([]);
	});
});

describe('ratesFor: aliases and unknown countries', () => {
	it('gives Northern Ireland (XI) the UK rates 20% and 5%', () => {
		expect(ratesFor('XI', '2025-01-01')).toMatchObject({ standard: 0.2, reduced: [0.05] });
	});

	it('reads EL as Greece and MC as France', () => {
		expect(ratesFor('EL', '2025-01-01')).toEqual(ratesFor('GR', '2025-01-01'));
		expect(ratesFor('MC', '2025-01-01')).toEqual(ratesFor('FR', '2025-01-01'));
	});

	it('returns null for a country without a rate table', () => {
		expect(ratesFor('US', '2025-01-01')).toBeNull();
		expect(ratesFor('CH', '2025-01-01')).toBeNull();
	});

	it('knows the 27 member states, GB and XI', () => {
		expect(tableCountries()).toHaveLength(29);
	});
});

describe('ratesFor: postcode exceptions of the table', () => {
	it.each([
		['Madeira (PT 9000-123) at 22%', 'PT', '9000-123', 0.22, 'Madeira'],
		['Azores (PT 9500) at 18%', 'PT', '9500-100', 0.18, 'Azores'],
		['Canary Islands (ES 35001) at 0%', 'ES', '35001', 0, 'Canary Islands'],
		['Jungholz (AT 6691) at 19%', 'AT', '6691', 0.19, 'Jungholz'],
		['Büsingen (DE 78266, written D-78266) at 0%', 'DE', 'D-78266', 0, 'Büsingen am Hochrhein'],
		['Livigno (IT 23041) at 0%', 'IT', '23041', 0, 'Livigno'],
	])('%s', (_name, country, postcode, standard, exception) => {
		expect(ratesFor(country, '2025-01-01', postcode)).toMatchObject({
			standard,
			reduced: [],
			exception,
		});
	});

	it('keeps the normal rates for a postcode outside the exceptions', () => {
		expect(ratesFor('PT', '2025-01-01', '1000-001')).toMatchObject({ standard: 0.23 });
		expect(ratesFor('PT', '2025-01-01', '1000-001')?.exception).toBeUndefined();
	});

	it('applies an exception only in the periods that carry it (DE exceptions are in every period)', () => {
		expect(ratesFor('DE', '2020-08-01', '27498')?.exception).toBe('Heligoland');
		expect(ratesFor('FR', '2013-01-01', '97200')?.exception).toBeUndefined();
		expect(ratesFor('FR', '2025-01-01', '97200')?.exception).toBe('Martinique');
	});
});

describe('normalizeDate', () => {
	it('keeps a plain date and cuts a timestamp to its own local date', () => {
		expect(normalizeDate('2024-09-01')).toBe('2024-09-01');
		expect(normalizeDate('2024-08-31T23:30:00+02:00')).toBe('2024-08-31');
	});

	it('rejects anything that is not a date', () => {
		expect(() => normalizeDate('31-08-2024')).toThrow(/YYYY-MM-DD/);
		expect(() => normalizeDate('')).toThrow(TypeError);
	});
});
