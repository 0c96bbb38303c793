/**
 * The sandbox clock. Exact serialises dates as Amsterdam wall-clock time encoded as if it were
 * UTC ("/Date(ms)/"); internally every date field holds such a "local ms" value.
 */
const partsFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Amsterdam',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
});

const HOUR = 3600000;
const offsetByHour = new Map<number, number>();

/** Amsterdam wall-clock time of a real instant, as ms "as if UTC". */
export function toLocalMs(utcMs: number): number {
	// Offsets only change on the hour (DST), so one Intl call per UTC hour is enough.
	const hour = Math.floor(utcMs / HOUR);
	let offset = offsetByHour.get(hour);
	if (offset === undefined) {
		offset = wallClock(hour * HOUR) - hour * HOUR;
		if (offsetByHour.size > 10000) offsetByHour.clear();
		offsetByHour.set(hour, offset);
	}
	return utcMs + offset;
}

function wallClock(utcMs: number): number {
	const parts: Record<string, number> = {};
	for (const p of partsFormat.formatToParts(new Date(utcMs))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	const ms = utcMs - Math.floor(utcMs / 1000) * 1000;
	const wall = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	return wall + ms;
}

/** Offset of Amsterdam from UTC in seconds at an instant (3600 or 7200). */
export function amsterdamOffsetSec(utcMs: number): number {
	return Math.round((toLocalMs(utcMs) - utcMs) / 1000);
}

const DATE_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MS_DATE_RE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

/**
 * Parses a date sent by a client ("YYYY-MM-DD", ISO date-time, or "/Date(ms)/") into local ms.
 * The digits are taken as Amsterdam wall-clock time; a zone suffix is ignored, as Exact does.
 */
export function parseDateInput(text: string): number | undefined {
	const ms = MS_DATE_RE.exec(text);
	if (ms) return Number(ms[1]);
	const m = DATE_RE.exec(text.trim());
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, frac] = m;
	const millis = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
	const value = Date.UTC(+y, +mo - 1, +d, h ? +h : 0, mi ? +mi : 0, s ? +s : 0, millis);
	const check = new Date(value);
	if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d) return undefined;
	return value;
}

export function startOfDay(localMs: number): number {
	return Math.floor(localMs / 86400000) * 86400000;
}

/** "YYYY-MM-DDTHH:mm:ss" of a local ms value. */
export function isoLocal(localMs: number): string {
	return new Date(localMs).toISOString().slice(0, 19);
}

export class Clock {
	constructor(private readonly offset: () => number) {}

	/** Real epoch ms shifted by settings.clockOffsetMs. */
	now(): number {
		return Date.now() + this.offset();
	}

	/** Amsterdam wall-clock "now" as local ms. */
	localNow(): number {
		return toLocalMs(this.now());
	}

	/** Local midnight of today. */
	today(): number {
		return startOfDay(this.localNow());
	}

	/** Epoch ms of the next 00:00 UTC. */
	nextUtcMidnight(): number {
		return (Math.floor(this.now() / 86400000) + 1) * 86400000;
	}
}
