/**
 * Exact Online's `/Date(ms)/` codec. Exact serialises its local wall-clock time (Europe/Amsterdam)
 * as if it were UTC: `/Date(1782404890063)/` means 16:28:10 in Amsterdam, not 16:28:10Z. Filters
 * (`datetime'…'`) and posted dates use the same wall-clock time.
 *
 * Amsterdam's offset follows the EU rule in force since 1996 (CEST from the last Sunday of March,
 * 01:00 UTC, to the last Sunday of October, 01:00 UTC); earlier dates use the same rule.
 */

export class ExactDateError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ExactDateError';
	}
}

const HOUR = 3_600_000;
const EXACT_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

export function isExactDate(value: unknown): value is string {
	return typeof value === 'string' && EXACT_DATE.test(value);
}

function lastSundayUtc(year: number, month: number): number {
	const lastDay = new Date(Date.UTC(year, month + 1, 0));
	return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Amsterdam's UTC offset in hours (1 or 2) at a real instant. */
export function amsterdamOffsetHours(instantMs: number): 1 | 2 {
	const year = new Date(instantMs).getUTCFullYear();
	const start = lastSundayUtc(year, 2);
	const end = lastSundayUtc(year, 9);
	return instantMs >= start && instantMs < end ? 2 : 1;
}

/** Instant (epoch ms) of an Amsterdam wall-clock time given as "UTC fields" in ms. */
export function wallTimeToInstant(wallMs: number): number {
	const guess = wallMs - HOUR;
	return wallMs - amsterdamOffsetHours(guess) * HOUR;
}

/** Amsterdam wall-clock time of an instant, as "UTC fields" in ms. */
export function instantToWallTime(instantMs: number): number {
	return instantMs + amsterdamOffsetHours(instantMs) * HOUR;
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** `YYYY-MM-DDTHH:mm:ss(.sss)` of the UTC fields of `ms` (used for wall times). */
function wallText(ms: number): string {
	const d = new Date(ms);
	const base =
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
	return d.getUTCMilliseconds() ? `${base}.${pad(d.getUTCMilliseconds(), 3)}` : base;
}

/** Milliseconds of an Exact date as Exact sent them (wall time encoded as UTC). */
export function exactDateToWallMs(value: string): number {
	const match = EXACT_DATE.exec(value);
	if (!match) throw new ExactDateError(`Not an Exact /Date()/ value: ${JSON.stringify(value)}`);
	return Number(match[1]);
}

/**
 * `/Date(ms)/` → ISO 8601 of the Amsterdam wall time with Amsterdam's offset, e.g.
 * `/Date(1782404890063)/` → `2026-06-25T16:28:10.063+02:00`. The first 10 characters are the date
 * as Exact shows it; `new Date(result)` is the real instant.
 */
export function parseExactDate(value: string): string {
	const wallMs = exactDateToWallMs(value);
	const offset = amsterdamOffsetHours(wallTimeToInstant(wallMs));
	const text = wallText(wallMs);
	return `${text.includes('.') ? text : `${text}.000`}+0${offset}:00`;
}

function validCalendar(year: number, month: number, day: number): boolean {
	const d = new Date(Date.UTC(year, month - 1, day));
	return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * A value to send to Exact (body field or `datetime'…'` literal), in Amsterdam wall time:
 * - `Date` or zoned ISO text (`…Z`, `…+01:00`) → converted to Amsterdam wall time;
 * - `YYYY-MM-DD` and unzoned `YYYY-MM-DDTHH:mm[:ss[.fff]]` → taken as wall time, unchanged;
 * - `/Date(ms)/` → its wall time.
 */
export function toExactDate(value: string | Date): string {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new ExactDateError('Invalid Date');
		return wallText(instantToWallTime(value.getTime()));
	}
	if (typeof value !== 'string') {
		throw new ExactDateError(`Expected a date string or Date, got ${typeof value}`);
	}
	const text = value.trim();
	if (EXACT_DATE.test(text)) return wallText(exactDateToWallMs(text));
	const dateOnly = ISO_DATE.exec(text) ?? ISO_LOCAL.exec(text);
	if (dateOnly) {
		const [, y, m, d, hh = '0', mm = '0', ss = '0'] = dateOnly;
		if (!validCalendar(+y, +m, +d) || +hh > 23 || +mm > 59 || +ss > 59) {
			throw new ExactDateError(`Not a valid date: ${JSON.stringify(text)}`);
		}
		return text;
	}
	if (ISO_ZONED.test(text)) {
		const instant = Date.parse(text);
		if (Number.isNaN(instant))
			throw new ExactDateError(`Not a valid date: ${JSON.stringify(text)}`);
		return wallText(instantToWallTime(instant));
	}
	throw new ExactDateError(`Not a recognised date: ${JSON.stringify(text.slice(0, 40))}`);
}

/** Replaces every `/Date(ms)/` string in a JSON value (deeply) with parseExactDate's ISO text. */
export function parseExactDatesDeep<T>(value: T): T {
	if (typeof value === 'string') return (isExactDate(value) ? parseExactDate(value) : value) as T;
	if (Array.isArray(value)) return value.map((v) => parseExactDatesDeep(v)) as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
			out[key] = parseExactDatesDeep(inner);
		}
		return out as T;
	}
	return value;
}
