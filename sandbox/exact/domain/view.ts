import { validation } from '../errors';
import type { DivisionData, Rec } from '../store';

export const STATUS_TEXT: Record<number, string> = {
	12: 'Open',
	20: 'Partial',
	21: 'Complete',
	45: 'Cancelled',
};

export const INVOICE_STATUS_TEXT: Record<number, string> = {
	10: 'Draft',
	20: 'Open',
	50: 'Processed',
};

export const INVOICE_TYPE_TEXT: Record<number, string> = {
	8020: 'Sales invoice',
	8021: 'Sales credit note',
	8023: 'Direct sales invoice',
	8024: 'Direct sales credit note',
};

export const JOURNAL_TYPE_TEXT: Record<number, string> = {
	10: 'Cash',
	12: 'Bank',
	20: 'Sales',
	21: 'Return invoice',
	22: 'Purchase',
	23: 'Received return invoice',
	90: 'General journal',
};

const COUNTRY_NAMES: Record<string, string> = {
	NL: 'Nederland',
	BE: 'België',
	DE: 'Duitsland',
	FR: 'Frankrijk',
	LU: 'Luxemburg',
	AT: 'Oostenrijk',
	ES: 'Spanje',
	IT: 'Italië',
	GB: 'Verenigd Koninkrijk',
	US: 'Verenigde Staten',
};

export function countryName(code: unknown): string | null {
	return typeof code === 'string'
		? (COUNTRY_NAMES[code.toUpperCase()] ?? code.toUpperCase())
		: null;
}

export interface StockFigures {
	current: number;
	planningIn: number;
	planningOut: number;
	reserved: number;
}

/** Read helpers over one division. */
export class DivView {
	constructor(
		readonly div: DivisionData,
		/** Local midnight of today (for date-ranged prices and rates). */
		readonly today: number,
	) {}

	get = (table: Parameters<DivisionData['get']>[0], key: unknown) => this.div.get(table, key);

	vatCode(code: unknown): Rec | undefined {
		if (typeof code !== 'string') return undefined;
		return this.div.lookup('VATCodes', 'Code', code)[0];
	}

	/**
	 * Factor from an amount in `currency` to the division's currency: 1 for the division's own (or
	 * no) currency, else the financial/ExchangeRates rate from that currency to the division's that
	 * started last on or before `date` (AmountDC = AmountFC × Rate). No rate: a validation error.
	 */
	rateToDivision(currency: unknown, date?: unknown): number {
		if (typeof currency !== 'string' || !currency.trim()) return 1;
		const from = currency.trim().toUpperCase();
		if (from === this.div.currency) return 1;
		const on = typeof date === 'number' ? date : this.today;
		const rate = this.div
			.lookup('ExchangeRates', 'SourceCurrency', from)
			.filter(
				(r) =>
					String(r.TargetCurrency ?? '').toUpperCase() === this.div.currency &&
					Number(r.StartDate ?? 0) <= on,
			)
			.sort((a, b) => Number(b.StartDate ?? 0) - Number(a.StartDate ?? 0))[0];
		if (!rate || typeof rate.Rate !== 'number' || rate.Rate <= 0) {
			throw validation(
				`Currency: there is no exchange rate from ${from} to ${this.div.currency}. Enter one in the exchange rates.`,
			);
		}
		return rate.Rate;
	}

	journal(code: unknown): Rec | undefined {
		if (typeof code !== 'string') return undefined;
		return this.div.lookup('Journals', 'Code', code)[0];
	}

	paymentCondition(code: unknown): Rec | undefined {
		if (typeof code !== 'string') return undefined;
		return this.div.lookup('PaymentConditions', 'Code', code)[0];
	}

	mainWarehouse(): Rec | undefined {
		const all = this.div.rows('Warehouses');
		return all.find((w) => w.Main === 1) ?? all[0];
	}

	defaultItemGroup(): Rec | undefined {
		const all = this.div.rows('ItemGroups');
		return all.find((g) => g.IsDefault === 1) ?? all[0];
	}

	/** Summed stock figures of an item over all warehouses. */
	itemStock(itemId: string): StockFigures {
		const s: StockFigures = { current: 0, planningIn: 0, planningOut: 0, reserved: 0 };
		for (const row of this.div.lookup('ItemWarehouses', 'Item', itemId)) {
			s.current += Number(row.CurrentStock ?? 0);
			s.planningIn += Number(row.PlannedStockIn ?? 0);
			s.planningOut += Number(row.PlannedStockOut ?? 0);
			s.reserved += Number(row.ReservedStock ?? 0);
		}
		return s;
	}

	/**
	 * The item's standard sales price: its general price row active today (no account, lowest
	 * quantity, latest start date).
	 */
	defaultPrice(itemId: string): Rec | undefined {
		let best: Rec | undefined;
		for (const p of this.div.lookup('SalesItemPrices', 'Item', itemId)) {
			if (p.Account) continue;
			if (p.StartDate && Number(p.StartDate) > this.today) continue;
			if (p.EndDate && Number(p.EndDate) < this.today) continue;
			const qty = Number(p.Quantity ?? 0) - Number(best?.Quantity ?? 0);
			const newer = Number(p.StartDate ?? -Infinity) > Number(best?.StartDate ?? -Infinity);
			if (!best || qty < 0 || (qty === 0 && newer)) best = p;
		}
		return best;
	}
}
