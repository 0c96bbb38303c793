import {
	and,
	anyOf,
	eq,
	ge,
	gt,
	isFilter,
	le,
	lit,
	lt,
	ne,
	not,
	ODataFilterError,
	or,
	renderFilter,
	substringOf,
	trimEq,
} from '../../../nodes/core/exact/filter';

describe('OData filter literals', () => {
	it('doubles single quotes in string literals and leaves other characters alone', () => {
		expect(lit.str("o'brien@example.com").text).toBe("'o''brien@example.com'");
		expect(lit.str("A&B'1").text).toBe("'A&B''1'");
		expect(lit.str("'' or 1 eq 1 or ''").text).toBe("''''' or 1 eq 1 or '''''");
	});

	it('validates GUIDs and renders them lower case as guid literals', () => {
		expect(lit.guid('5B7F4515-1C3D-4E5F-8A9B-0C1D2E3F4A5B').text).toBe(
			"guid'5b7f4515-1c3d-4e5f-8a9b-0c1d2e3f4a5b'",
		);
		expect(() => lit.guid("5b7f4515-1c3d-4e5f-8a9b-0c1d2e3f4a5b' or 1 eq 1")).toThrow(
			ODataFilterError,
		);
		expect(() => lit.guid('not-a-guid')).toThrow(/GUID/);
	});

	it('types integers, Int64 with an L suffix, decimals, booleans and null', () => {
		expect(lit.int(42).text).toBe('42');
		expect(lit.int('-7').text).toBe('-7');
		expect(() => lit.int(1.5)).toThrow(ODataFilterError);
		expect(() => lit.int('12 or 1 eq 1')).toThrow(ODataFilterError);
		expect(() => lit.int(2 ** 31)).toThrow(/Int32/);
		expect(lit.int64('9007199254740993').text).toBe('9007199254740993L');
		expect(lit.int64(BigInt(12345)).text).toBe('12345L');
		expect(lit.num(12.5).text).toBe('12.5');
		expect(() => lit.num(Number.NaN)).toThrow(ODataFilterError);
		expect(() => lit.num(1e25)).toThrow(/range/);
		expect(lit.bool(true).text).toBe('true');
		expect(lit.null().text).toBe('null');
	});

	it('renders datetimes in Amsterdam wall time', () => {
		expect(lit.datetime('2026-01-01').text).toBe("datetime'2026-01-01'");
		expect(lit.datetime('2026-06-25T14:28:10Z').text).toBe("datetime'2026-06-25T16:28:10'");
		expect(lit.datetime(new Date('2026-01-15T10:00:00Z')).text).toBe(
			"datetime'2026-01-15T11:00:00'",
		);
		expect(() => lit.datetime("2026-01-01' or 1 eq 1")).toThrow();
	});
});

describe('OData filter expressions', () => {
	it('turns plain values into typed literals (strings never raw)', () => {
		expect(renderFilter(eq('Email', "o'brien@example.com"))).toBe(
			"Email eq 'o''brien@example.com'",
		);
		expect(renderFilter(ne('Status', 'C'))).toBe("Status ne 'C'");
		expect(renderFilter(gt('Timestamp', lit.int64(5)))).toBe('Timestamp gt 5L');
		expect(renderFilter(ge('Amount', 2.5))).toBe('Amount ge 2.5');
		expect(renderFilter(lt('Quantity', 10))).toBe('Quantity lt 10');
		expect(renderFilter(le('IsSalesItem', true))).toBe('IsSalesItem le true');
		expect(renderFilter(eq('EndDate', null))).toBe('EndDate eq null');
	});

	it('rejects field names that are not plain identifiers', () => {
		expect(() => eq('Email eq 1 or Name', 'x')).toThrow(ODataFilterError);
		expect(() => eq('Lines/Amount', 1)).toThrow(ODataFilterError);
		expect(() => substringOf('x', 'Name) or (1')).toThrow(ODataFilterError);
	});

	it('parenthesises or-chains inside and, and not', () => {
		const f = and(eq('Status', 'C'), or(eq('Email', 'a@x.nl'), eq('Email', 'b@x.nl')));
		expect(renderFilter(f)).toBe("Status eq 'C' and (Email eq 'a@x.nl' or Email eq 'b@x.nl')");
		expect(renderFilter(not(eq('Blocked', true)))).toBe('not (Blocked eq true)');
		expect(renderFilter(and(eq('A', 1)))).toBe('A eq 1');
	});

	it('builds anyOf as a de-duplicated, parenthesised or-chain', () => {
		expect(renderFilter(anyOf('Code', ['A1', "B'2", 'A1']))).toBe(
			"(Code eq 'A1' or Code eq 'B''2')",
		);
		expect(renderFilter(anyOf('Code', ['A1']))).toBe("Code eq 'A1'");
		expect(() => anyOf('Code', [])).toThrow(ODataFilterError);
	});

	it('renders substringof and trim comparisons', () => {
		expect(renderFilter(substringOf("o'b", 'Name'))).toBe("substringof('o''b', Name) eq true");
		expect(renderFilter(trimEq('Code', '25'))).toBe("trim(Code) eq '25'");
	});

	it('refuses objects that were not built by the builder, even if they look like filters', () => {
		const forged = { kind: 'filter', text: '1 eq 1', compound: 'none' } as never;
		expect(isFilter(forged)).toBe(false);
		expect(() => renderFilter(forged)).toThrow(ODataFilterError);
		expect(() => and(eq('A', 1), forged)).toThrow(ODataFilterError);
		expect(() => eq('A', { kind: 'literal', text: '1 or 1 eq 1' } as never)).toThrow(
			ODataFilterError,
		);
	});
});
