import type { z } from 'zod';

import { typeMessage } from './spec';

export type ShopifyEntity = 'Order' | 'Customer' | 'Product' | 'Refund';

export interface ValidationIssue {
	/** Field path as a merchant reads it: `line_items[2].price`. */
	path: string;
	/** What is wrong with it: `is not a decimal amount`. */
	message: string;
}

const MAX_LISTED_ISSUES = 5;

/**
 * A Shopify payload the core refuses, with every problem and its field path. The message names
 * the record and the first problems: `Order #1042: line_items[2].price is not a decimal amount`.
 */
export class ShopifyValidationError extends Error {
	readonly path: string;

	constructor(
		readonly entity: ShopifyEntity,
		/** How the record is named in messages: "#1042" for an order, an id otherwise. */
		readonly label: string,
		readonly issues: ValidationIssue[],
	) {
		super(`${entity} ${label}: ${summarise(issues)}`);
		this.name = 'ShopifyValidationError';
		this.path = issues[0]?.path ?? '';
	}

	/** The order's name for order errors, else null. */
	get orderName(): string | null {
		return this.entity === 'Order' ? this.label : null;
	}
}

function summarise(issues: ValidationIssue[]): string {
	const listed = issues
		.slice(0, MAX_LISTED_ISSUES)
		.map((i) => `${i.path || 'payload'} ${i.message}`);
	const more = issues.length - listed.length;
	return listed.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

/** ['line_items', 2, 'price'] → "line_items[2].price". */
export function formatPath(path: ReadonlyArray<string | number>): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${part}` : part;
	}
	return out;
}

/** zod issues in the same words as the fast reader's (see spec.ts). */
export function toIssues(error: z.ZodError): ValidationIssue[] {
	return error.issues.map((issue) => ({
		path: formatPath(issue.path),
		message:
			issue.code === 'invalid_type' ? typeMessage(issue.expected, issue.received) : issue.message,
	}));
}
