import { normalizeVatNumber, splitVatNumber, validateVatNumber } from '../../../nodes/core/vat';

/*
 * Test vectors. "public" = the example numbers commonly printed for each country (EC/VIES help pages,
 * the national registries' examples). "derived" = a chosen base whose check digit was computed from
 * the algorithm in vat-oss.md §8. Every valid vector here was cross-checked against an independent
 * implementation (python-stdnum 1.18, run locally, not copied), and every invalid one fails it there too.
 * Invalid vectors change one check character, or break the format rule the §8 table states.
 */
const VECTORS: Record<string, { valid: string[]; invalid: [string, string][] }> = {
	AT: {
		valid: ['ATU13585627', 'ATU12345675', 'ATU76543215'],
		invalid: [
			['ATU13585626', 'check digit'],
			['ATU1358562', 'too short'],
		],
	},
	BE: {
		valid: ['BE0403170701', 'BE0123456749', 'BE0987654394', 'BE1234567005'],
		invalid: [
			['BE0403170702', 'mod 97'],
			['BE2403170701', 'must start with 0 or 1'],
		],
	},
	BG: {
		// 9-digit legal entity; 10-digit personal (EGN, born 2004-12-31 -> month 52) and other.
		valid: ['BG175074752', 'BG123456786', 'BG765432107', 'BG0412311235', 'BG7520101233'],
		invalid: [
			['BG175074753', 'check digit'],
			['BG12345678', 'eight digits'],
		],
	},
	CY: {
		valid: ['CY10259033P', 'CY10123456G', 'CY30234567Z'],
		invalid: [
			['CY10259033A', 'check letter'],
			['CY12345678F', 'right letter but starts with 12'],
		],
	},
	CZ: {
		// 8-digit entity, 9-digit special starting with 6, 10-digit birth numbers.
		valid: ['CZ25123891', 'CZ12345679', 'CZ61234567', 'CZ7360281236', 'CZ8552151234'],
		invalid: [
			['CZ25123892', 'check digit'],
			['CZ95123891', 'entity number starting with 9'],
			['CZ8552301234', 'birth number with 30 February'],
		],
	},
	DE: {
		valid: ['DE136695976', 'DE123456788', 'DE987654328'],
		invalid: [
			['DE136695977', 'check digit'],
			['DE036695976', 'leading 0'],
		],
	},
	DK: {
		valid: ['DK13585628', 'DK12345674', 'DK76543216'],
		invalid: [
			['DK13585627', 'mod 11'],
			['DK03585628', 'leading 0'],
		],
	},
	EE: {
		valid: ['EE100931558', 'EE101234568', 'EE107654320'],
		invalid: [
			['EE100931559', 'check digit'],
			['EE200931558', 'must start with 10'],
		],
	},
	EL: {
		valid: ['EL094259216', 'EL123456783', 'EL987654324'],
		invalid: [
			['EL094259217', 'check digit'],
			['EL12345678A', 'letter'],
		],
	},
	ES: {
		// CIF (digit or letter check), NIE (X/Y), K/L/M and DNI.
		valid: [
			'ESA58818501',
			'ESA12345674',
			'ESA1234567D',
			'ESX1234567L',
			'ESY7654321G',
			'ESK1234567L',
			'ESM7654321J',
			'ES12345678Z',
			'ES87654321X',
		],
		invalid: [
			['ESA58818502', 'CIF check digit'],
			['ES12345678A', 'DNI letter'],
		],
	},
	FI: {
		valid: ['FI20774740', 'FI12345671', 'FI76543212'],
		invalid: [
			['FI20774741', 'mod 11'],
			['FI2077474', 'seven digits'],
		],
	},
	FR: {
		// Numeric keys (SIREN·100+12 mod 97) and new alphanumeric keys.
		valid: ['FR40303265045', 'FR44732829320', 'FR83404833048', 'FR0E732829320', 'FR1M123456782'],
		invalid: [
			['FR41303265045', 'numeric key'],
			['FR40303265046', 'SIREN fails Luhn'],
			['FR1N123456782', 'alphanumeric key'],
			['FRIO303265045', 'I and O are not key characters'],
		],
	},
	HR: {
		valid: ['HR33392005961', 'HR12345678903', 'HR98765432106'],
		invalid: [
			['HR33392005962', 'ISO 7064'],
			['HR3339200596', 'ten digits'],
		],
	},
	HU: {
		valid: ['HU12892312', 'HU12345676', 'HU76543212'],
		invalid: [
			['HU12892313', 'check digit'],
			['HU1289231', 'seven digits'],
		],
	},
	IE: {
		// New format, new format with second letter (W and A-I), old format (digit, letter, …).
		valid: ['IE6388047V', 'IE1234567T', 'IE1234567WH', 'IE1234567FA', 'IE8Z49289F', 'IE7654321G'],
		invalid: [
			['IE6388047W', 'check letter'],
			['IE8Z49289G', 'old format check letter'],
			['IE6388047VJ', 'second letter J'],
		],
	},
	IT: {
		valid: ['IT00743110157', 'IT12345670124', 'IT76543210017'],
		invalid: [
			['IT00743110158', 'Luhn'],
			['IT00743111157', 'office code 111'],
		],
	},
	LT: {
		valid: ['LT119511515', 'LT123456715', 'LT765432114', 'LT123456789112'],
		invalid: [
			['LT119511516', 'check digit'],
			['LT119511015', '8th digit must be 1'],
		],
	},
	LU: {
		valid: ['LU15027442', 'LU12345613', 'LU76543232'],
		invalid: [
			['LU15027443', 'mod 89'],
			['LU1502744', 'seven digits'],
		],
	},
	LV: {
		// Legal entities (first digit > 3) and a personal code with birth date 1988-10-12.
		valid: ['LV40003521600', 'LV40001234561', 'LV40102030400', 'LV12108812341'],
		invalid: [
			['LV40003521601', 'mod 11 = 3'],
			['LV12138812341', 'personal code with month 13'],
		],
	},
	MT: {
		// MT20000031: 2·3 + 3·10 + 1·1 = 37 ≡ 0 (mod 37).
		valid: ['MT11679112', 'MT20000031', 'MT20000068'],
		invalid: [
			['MT11679113', 'mod 37'],
			['MT01679112', 'leading 0'],
		],
	},
	NL: {
		// 11-proof RSIN, and the mod 97-10 btw-id (NL000099998B57, the sole-proprietor example).
		valid: ['NL004495445B01', 'NL123456782B01', 'NL876543219B02', 'NL000099998B57'],
		invalid: [
			['NL004495446B01', '11-proof and mod 97'],
			['NL004495445B00', 'suffix 00'],
			['NL004495445X01', 'no B'],
		],
	},
	PL: {
		valid: ['PL8567346215', 'PL5260001252', 'PL7770000005'],
		invalid: [
			['PL8567346216', 'mod 11'],
			['PL856734621', 'nine digits'],
		],
	},
	PT: {
		valid: ['PT501964843', 'PT123456789', 'PT987654322'],
		invalid: [
			['PT501964844', 'check digit'],
			['PT001964843', 'leading 0'],
		],
	},
	RO: {
		// Variable length 2-10 digits: the payload is padded to 9 for the weights.
		valid: ['RO18547290', 'RO123453', 'RO1234567897', 'RO12340'],
		invalid: [
			['RO18547291', 'check digit'],
			['RO0123', 'leading 0'],
		],
	},
	SE: {
		valid: ['SE556188840401', 'SE123456789701', 'SE987654321701'],
		invalid: [
			['SE556188840501', 'Luhn'],
			['SE556188840402', 'must end in 01'],
		],
	},
	SI: {
		valid: ['SI50223054', 'SI12345679', 'SI76543218'],
		invalid: [
			['SI50223055', 'check digit'],
			['SI05022305', 'leading 0'],
		],
	},
	SK: {
		valid: ['SK2022749619', 'SK2123456786', 'SK7023456781', 'SK7496034140'],
		invalid: [
			['SK2022749618', 'mod 11'],
			['SK2052749619', 'third digit 5'],
		],
	},
	XI: {
		// UK rule: weighted sum mod 97 is 0 (XI980780684), 42 (XI100000034) or 55 (XI100000047);
		// only 0 below 100 0000 00 (XI000000000); 12 digits = branch; GD < 500, HA >= 500.
		valid: [
			'XI980780684',
			'XI123456782',
			'XI100000034',
			'XI100000047',
			'XI000000000',
			'XI123456782001',
			'XIGD100',
			'XIHA600',
		],
		invalid: [
			['XI980780685', 'mod 97'],
			['XI001000036', 'remainder 42 is only allowed from 100 0000 00 up'],
			['XIGD600', 'GD must be below 500'],
			['XI98078068', 'eight digits'],
		],
	},
};

const validRows = Object.entries(VECTORS).flatMap(([prefix, { valid }]) =>
	valid.map((number) => ({ prefix, number })),
);
const invalidRows = Object.entries(VECTORS).flatMap(([prefix, { invalid }]) =>
	invalid.map(([number, why]) => ({ prefix, number, why })),
);

describe('validateVatNumber: every member state and XI', () => {
	it('covers the 27 member states plus XI with at least 2 valid and 2 invalid vectors each', () => {
		expect(Object.keys(VECTORS)).toHaveLength(28);
		for (const { valid, invalid } of Object.values(VECTORS)) {
			expect(valid.length).toBeGreaterThanOrEqual(2);
			expect(invalid.length).toBeGreaterThanOrEqual(2);
		}
	});

	it.each(validRows)('$prefix: accepts $number', ({ prefix, number }) => {
		const result = validateVatNumber(number);
		expect(result).toEqual({
			valid: true,
			normalized: number,
			country: prefix === 'EL' ? 'GR' : prefix,
		});
	});

	it.each(invalidRows)('$prefix: rejects $number ($why)', ({ number }) => {
		const result = validateVatNumber(number);
		expect(result.valid).toBe(false);
		expect(result.reason).toMatch(/format|check/);
	});

	it('accepts the valid vectors written with spaces, dots and dashes', () => {
		expect(validateVatNumber('be 0403.170.701').valid).toBe(true);
		expect(validateVatNumber('NL 0044.95.445.B.01').valid).toBe(true);
		expect(validateVatNumber('DE-136/695:976').valid).toBe(true);
	});
});

describe('normalizeVatNumber', () => {
	it.each([
		[
			'uppercases and strips spaces, dots, dashes, slashes, colons',
			'nl 0044.954-45/b:01',
			undefined,
			'NL004495445B01',
		],
		['strips parentheses', '(ATU13585627)', undefined, 'ATU13585627'],
		['drops a duplicated prefix', 'DE DE 136695976', undefined, 'DE136695976'],
		['pads an old 9-digit Belgian number', 'BE 403.170.701', undefined, 'BE0403170701'],
		['pads an 8-digit Greek number', 'EL 94259216', undefined, 'EL094259216'],
		['turns the ISO prefix GR into EL', 'GR094259216', undefined, 'EL094259216'],
		['adds the prefix from the country hint', '136 695 976', 'DE', 'DE136695976'],
		['adds EL for a Greek country hint', '094259216', 'GR', 'EL094259216'],
		['adds FR for a Monaco country hint', '40303265045', 'MC', 'FR40303265045'],
		["prefers the number's own prefix over the hint", 'ATU13585627', 'DE', 'ATU13585627'],
	])('%s', (_name, raw, hint, expected) => {
		expect(normalizeVatNumber(raw, hint)).toBe(expected);
	});

	it('keeps an FR number whose key is the letters FR', () => {
		// The key "FR" is legitimate; it is not a duplicated prefix.
		expect(normalizeVatNumber('FR FR 123456782')).toBe('FRFR123456782');
	});

	it('adds the AT prefix before the U of an Austrian number typed without it', () => {
		expect(validateVatNumber('U13585627', 'AT')).toMatchObject({
			valid: true,
			normalized: 'ATU13585627',
		});
	});
});

describe('validateVatNumber: numbers that are not EU VAT numbers', () => {
	it('recognises a non-Union OSS number (EU…) but does not accept it for ICP', () => {
		const result = validateVatNumber('EU372000041');
		expect(result).toMatchObject({ valid: false, country: null });
		expect(result.reason).toMatch(/non-Union OSS/);
	});

	it('rejects a GB number and points to XI for Northern Ireland', () => {
		const result = validateVatNumber('GB980780684');
		expect(result).toMatchObject({ valid: false, country: 'GB' });
		expect(result.reason).toMatch(/XI/);
	});

	it('rejects a number without prefix when no country hint is given', () => {
		expect(validateVatNumber('136695976').reason).toMatch(/no country prefix/);
	});

	it('rejects an unknown prefix and an empty value', () => {
		expect(validateVatNumber('CHE123456789').reason).toMatch(/unknown VAT prefix 'CH'/);
		expect(validateVatNumber('  ').reason).toMatch(/empty/);
	});
});

describe('splitVatNumber (for VIES)', () => {
	it('splits into the VIES country code and the number', () => {
		expect(splitVatNumber('el 094 259 216')).toEqual({ countryCode: 'EL', number: '094259216' });
		expect(splitVatNumber('XI 980 7806 84')).toEqual({ countryCode: 'XI', number: '980780684' });
		expect(splitVatNumber('403170701', 'BE')).toEqual({ countryCode: 'BE', number: '0403170701' });
	});

	it('returns null for numbers VIES cannot check', () => {
		expect(splitVatNumber('GB980780684')).toBeNull();
		expect(splitVatNumber('EU372000041')).toBeNull();
		expect(splitVatNumber('136695976')).toBeNull();
	});
});
