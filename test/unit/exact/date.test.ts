import {
	amsterdamOffsetHours,
	ExactDateError,
	parseExactDate,
	parseExactDatesDeep,
	toExactDate,
} from '../../../nodes/core/exact/date';

describe('Exact /Date()/ codec', () => {
	it('reads /Date(ms)/ as Amsterdam wall time with its summer offset', () => {
		// nango recording: HTTP date 14:28:10 GMT, Created /Date(1782404890063)/ = 16:28:10 wall time
		const iso = parseExactDate('/Date(1782404890063)/');
		expect(iso).toBe('2026-06-25T16:28:10.063+02:00');
		expect(new Date(iso).toISOString()).toBe('2026-06-25T14:28:10.063Z');
	});

	it('uses the winter offset outside daylight saving time', () => {
		expect(parseExactDate(`/Date(${Date.UTC(2026, 0, 15, 9, 30)})/`)).toBe(
			'2026-01-15T09:30:00.000+01:00',
		);
	});

	it('keeps a date-only value on its calendar day', () => {
		expect(parseExactDate('/Date(1782345600000)/').slice(0, 10)).toBe('2026-06-25');
	});

	it('switches offset on the last Sundays of March and October at 01:00 UTC', () => {
		expect(amsterdamOffsetHours(Date.UTC(2026, 2, 29, 0, 59))).toBe(1);
		expect(amsterdamOffsetHours(Date.UTC(2026, 2, 29, 1, 0))).toBe(2);
		expect(amsterdamOffsetHours(Date.UTC(2026, 9, 25, 0, 59))).toBe(2);
		expect(amsterdamOffsetHours(Date.UTC(2026, 9, 25, 1, 0))).toBe(1);
	});

	it('writes instants as Amsterdam wall time and leaves local dates alone', () => {
		expect(toExactDate(new Date('2026-06-25T14:28:10Z'))).toBe('2026-06-25T16:28:10');
		expect(toExactDate('2026-12-01T23:30:00+00:00')).toBe('2026-12-02T00:30:00');
		expect(toExactDate('2026-06-25')).toBe('2026-06-25');
		expect(toExactDate('2026-06-25T08:00')).toBe('2026-06-25T08:00');
		expect(toExactDate('/Date(1782404890063)/')).toBe('2026-06-25T16:28:10.063');
	});

	it('round-trips an instant through wall time', () => {
		const instant = Date.UTC(2026, 6, 1, 12, 0, 0);
		const wall = toExactDate(new Date(instant));
		const wallMs = Date.parse(`${wall}Z`);
		expect(new Date(parseExactDate(`/Date(${wallMs})/`)).getTime()).toBe(instant);
	});

	it('rejects impossible or unrecognised dates', () => {
		expect(() => toExactDate('2026-02-30')).toThrow(ExactDateError);
		expect(() => toExactDate('yesterday')).toThrow(ExactDateError);
		expect(() => parseExactDate('2026-01-01')).toThrow(ExactDateError);
	});

	it('converts dates deeply and leaves other strings', () => {
		const out = parseExactDatesDeep({
			a: '/Date(1782345600000)/',
			b: ['x', { c: '/Date(0)/' }],
			n: 1,
		});
		expect(out).toEqual({
			a: '2026-06-25T00:00:00.000+02:00',
			b: ['x', { c: '1970-01-01T00:00:00.000+01:00' }],
			n: 1,
		});
	});
});
