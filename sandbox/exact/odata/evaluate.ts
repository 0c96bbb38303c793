import type { Rec } from '../store';
import type { Node } from './ast';

/**
 * Runs a parsed $filter against a record. Strings compare as SQL Server's default collation does:
 * case-insensitive, trailing spaces ignored (leading spaces count: padded Account codes).
 */
export function normText(value: string): string {
	return value.replace(/\s+$/, '').toLowerCase();
}

export function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1;
	if (b === null || b === undefined) return 1;
	if (typeof a === 'string' && typeof b === 'string') {
		const x = normText(a);
		const y = normText(b);
		return x < y ? -1 : x > y ? 1 : 0;
	}
	if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
	return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

function isNull(v: unknown): boolean {
	return v === null || v === undefined;
}

function callFunction(name: string, args: unknown[]): unknown {
	if (args.some(isNull)) return name === 'substringof' || name.endsWith('with') ? false : null;
	const [a, b] = args as [string, string];
	switch (name) {
		case 'substringof':
			return b.toLowerCase().includes(a.toLowerCase());
		case 'startswith':
			return a.toLowerCase().startsWith(b.toLowerCase());
		case 'endswith':
			return a.toLowerCase().endsWith(b.toLowerCase());
		case 'indexof':
			return a.toLowerCase().indexOf(b.toLowerCase());
		case 'length':
			return a.length;
		case 'tolower':
			return a.toLowerCase();
		case 'toupper':
			return a.toUpperCase();
		case 'trim':
			return a.trim();
		case 'year':
			return new Date(args[0] as number).getUTCFullYear();
		case 'month':
			return new Date(args[0] as number).getUTCMonth() + 1;
		case 'day':
			return new Date(args[0] as number).getUTCDate();
		default:
			return null;
	}
}

export function evaluate(node: Node, rec: Rec): unknown {
	switch (node.k) {
		case 'lit':
			return node.value;
		case 'field': {
			const v = rec[node.name];
			return node.type === 'guid' && typeof v === 'string' ? v.toLowerCase() : (v ?? null);
		}
		case 'call':
			return callFunction(
				node.name,
				node.args.map((a) => evaluate(a, rec)),
			);
		case 'not':
			return !evaluate(node.arg, rec);
		case 'bin': {
			if (node.op === 'and')
				return Boolean(evaluate(node.left, rec)) && Boolean(evaluate(node.right, rec));
			if (node.op === 'or')
				return Boolean(evaluate(node.left, rec)) || Boolean(evaluate(node.right, rec));
			const l = evaluate(node.left, rec);
			const r = evaluate(node.right, rec);
			if (node.op === 'eq')
				return isNull(l) || isNull(r) ? isNull(l) && isNull(r) : compareValues(l, r) === 0;
			if (node.op === 'ne')
				return isNull(l) || isNull(r) ? !(isNull(l) && isNull(r)) : compareValues(l, r) !== 0;
			if (isNull(l) || isNull(r)) return false;
			const c = compareValues(l, r);
			return node.op === 'gt'
				? c > 0
				: node.op === 'ge'
					? c >= 0
					: node.op === 'lt'
						? c < 0
						: c <= 0;
		}
	}
}
