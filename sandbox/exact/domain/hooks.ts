import type { Rec } from '../store';
import type { Tx } from '../tx';
import { DivView } from './view';

export type Nav = Record<string, unknown[]>;

/**
 * Business rules of one table. `create`/`update` validate (throwing ApiError) and fill the record
 * before anything is stored; the `after…` steps only apply side effects and must not fail.
 */
export interface Hooks {
	create?(tx: Tx, rec: Rec, nav: Nav): void | Promise<void>;
	afterCreate?(tx: Tx, rec: Rec, nav: Nav): void;
	update?(tx: Tx, rec: Rec, patch: Rec, nav: Nav): void;
	afterUpdate?(tx: Tx, rec: Rec, before: Rec): void;
	remove?(tx: Tx, rec: Rec): void;
	afterRemove?(tx: Tx, rec: Rec): void;
}

export function viewOf(tx: Tx): DivView {
	return new DivView(tx.div, tx.clock.today());
}

/** Half-away-from-zero rounding of a price to the division's price decimals. */
export function roundPrice(value: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round((value + Math.sign(value) * 1e-9) * f) / f;
}

/** Half-up rounding to cents, as amounts are rounded per line. */
export function round2(value: number): number {
	return Math.round((value + Math.sign(value) * 1e-9) * 100) / 100;
}
