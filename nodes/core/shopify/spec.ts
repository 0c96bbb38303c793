/**
 * One description of a payload shape, two compilers: `.zod` is the zod schema (the published
 * contract, and the source of every validation message), `.read()` is a fast reader with the same
 * output. zod v3 spends ~20 µs per transformed field, which would make mapping 10,000 orders take
 * many seconds; the reader walks only the declared keys, allocates nothing but the output, and
 * answers INVALID at the first problem; the caller then asks zod which fields are wrong.
 * test/unit/mapping/schemas.test.ts proves both agree on valid and broken payloads.
 */
import { z } from 'zod';

/** What a field check returns for a bad value. */
export class Problem {
	constructor(readonly message: string) {}
}

export type Check<T> = (value: unknown) => T | Problem;

/** The reader's answer for a payload that does not fit the shape. */
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;

const TYPE_NAMES: Readonly<Record<string, string>> = {
	array: 'a list',
	object: 'an object',
	string: 'text',
	number: 'a number',
	boolean: 'true or false',
};

/** The words for a zod invalid_type issue: "is missing", "must be a list (got object)". */
export function typeMessage(expected: string, received: string): string {
	if (received === 'undefined' || received === 'null') return 'is missing';
	return `must be ${TYPE_NAMES[expected] ?? expected} (got ${received})`;
}

export abstract class Spec<T> {
	declare readonly _output: T;
	private compiled: z.ZodType<T, z.ZodTypeDef, unknown> | undefined;

	abstract read(value: unknown): T | Invalid;

	protected abstract toZod(): z.ZodTypeAny;

	get zod(): z.ZodType<T, z.ZodTypeDef, unknown> {
		this.compiled ??= this.toZod() as unknown as z.ZodType<T, z.ZodTypeDef, unknown>;
		return this.compiled;
	}
}

export type Output<S> = S extends Spec<infer T> ? T : never;

class LeafSpec<T> extends Spec<T> {
	constructor(private readonly check: Check<T>) {
		super();
	}

	/** The check itself, for object readers to call directly (one call per field, not two). */
	get fieldCheck(): Check<T> {
		return this.check;
	}

	read(value: unknown): T | Invalid {
		const result = this.check(value);
		return result instanceof Problem ? INVALID : result;
	}

	protected toZod(): z.ZodTypeAny {
		const check = this.check;
		return z.unknown().transform((value, ctx) => {
			const result = check(value);
			if (!(result instanceof Problem)) return result;
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.message });
			return z.NEVER;
		});
	}
}

type Shape = Record<string, Spec<unknown>>;
type ShapeOutput<S extends Shape> = { [K in keyof S]: Output<S[K]> };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class ObjectSpec<S extends Shape> extends Spec<ShapeOutput<S>> {
	private readonly keys: string[];
	private readonly specs: Array<Spec<unknown>>;
	private readonly checks: Array<Check<unknown> | null>;

	constructor(private readonly shape: S) {
		super();
		this.keys = Object.keys(shape);
		this.specs = this.keys.map((name) => shape[name]);
		this.checks = this.specs.map((spec) => (spec instanceof LeafSpec ? spec.fieldCheck : null));
	}

	read(value: unknown): ShapeOutput<S> | Invalid {
		if (!isRecord(value)) return INVALID;
		const { keys, specs, checks } = this;
		const out: Record<string, unknown> = {};
		for (let i = 0; i < keys.length; i++) {
			const check = checks[i];
			const result = check ? check(value[keys[i]]) : specs[i].read(value[keys[i]]);
			if (result === INVALID || result instanceof Problem) return INVALID;
			out[keys[i]] = result;
		}
		return out as ShapeOutput<S>;
	}

	protected toZod(): z.ZodTypeAny {
		const shape: Record<string, z.ZodTypeAny> = {};
		for (const name of this.keys) shape[name] = this.shape[name].zod;
		return z.object(shape);
	}
}

/** null and absent pass through unchanged (zod `.nullish()`). */
class NullishSpec<T> extends Spec<T | null | undefined> {
	constructor(private readonly inner: Spec<T>) {
		super();
	}

	read(value: unknown): T | null | undefined | Invalid {
		return value === null || value === undefined ? value : this.inner.read(value);
	}

	protected toZod(): z.ZodTypeAny {
		return this.inner.zod.nullish();
	}
}

class ListSpec<T> extends Spec<T[]> {
	constructor(
		private readonly item: Spec<T>,
		private readonly required: boolean,
	) {
		super();
	}

	read(value: unknown): T[] | Invalid {
		if (!Array.isArray(value)) {
			return !this.required && (value === null || value === undefined) ? [] : INVALID;
		}
		const out: T[] = [];
		for (let i = 0; i < value.length; i++) {
			const result = this.item.read(value[i]);
			if (result === INVALID) return INVALID;
			out.push(result);
		}
		return out;
	}

	protected toZod(): z.ZodTypeAny {
		const array = z.array(this.item.zod);
		return this.required ? array : array.nullish().transform((items) => items ?? []);
	}
}

export const leaf = <T>(check: Check<T>): Spec<T> => new LeafSpec(check);
export const object = <S extends Shape>(shape: S): Spec<ShapeOutput<S>> => new ObjectSpec(shape);
export const nullish = <T>(inner: Spec<T>): Spec<T | null | undefined> => new NullishSpec(inner);
/** A list that may be absent or null (read as []). */
export const list = <T>(item: Spec<T>): Spec<T[]> => new ListSpec(item, false);
export const requiredList = <T>(item: Spec<T>): Spec<T[]> => new ListSpec(item, true);
