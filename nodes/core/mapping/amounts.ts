/**
 * Reads Shopify amounts of one order in its shop currency. Each amount comes from its `*_set`
 * twin's `shop_money` when present (the shop currency, also in multi-currency orders), else from
 * the plain field. A value the currency cannot hold becomes a ShopifyValidationError with its path.
 */
import { currencyExponent, formatMoney, MoneyError, parseMoney } from '../money';
import { ShopifyValidationError, type ShopifyEntity } from '../shopify/errors';
import type { MoneySet } from '../shopify/fields';

export class Amounts {
	readonly exponent: number;

	constructor(
		readonly currency: string,
		private readonly entity: ShopifyEntity,
		private readonly label: string,
	) {
		this.exponent = currencyExponent(currency);
	}

	/** Minor units of a decimal text; `path` names the field in errors. */
	parse(value: string, path: string): number {
		try {
			return parseMoney(value, this.exponent);
		} catch (error) {
			throw this.error(path, error);
		}
	}

	/** The shop-currency amount of `<field>_set`, else of `<field>`, else null. */
	pick(set: MoneySet | undefined, plain: string | null | undefined, path: string): number | null {
		const fromSet = set?.shop_money?.amount;
		if (fromSet !== null && fromSet !== undefined) {
			return this.parse(fromSet, `${path}_set.shop_money.amount`);
		}
		return plain === null || plain === undefined ? null : this.parse(plain, path);
	}

	format(cents: number): string {
		return formatMoney(cents, this.exponent);
	}

	/** A validation error on `path` with its own message. */
	invalid(path: string, message: string): ShopifyValidationError {
		return new ShopifyValidationError(this.entity, this.label, [{ path, message }]);
	}

	error(path: string, cause: unknown): ShopifyValidationError {
		let message = 'is out of range (amount beyond 2^53 cents)';
		if (cause instanceof MoneyError && cause.code === 'tooPrecise') {
			message = `has more decimals than ${this.currency} allows (${this.exponent})`;
		} else if (cause instanceof MoneyError && cause.code === 'notDecimal') {
			message = 'is not a decimal amount';
		}
		return new ShopifyValidationError(this.entity, this.label, [{ path, message }]);
	}
}
