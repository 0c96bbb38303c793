/**
 * Sample Shopify orders for the demo and the end-to-end tests, built from the synthetic EU orders in
 * test/fixtures/shopify/synthetic: each copy gets its own order name, order id and line ids, so every
 * copy is a different order to Shopify and to Exact. Ids stay 19-digit strings until the Shopify
 * sandbox writes them as JSON numbers, as Shopify does.
 */
import { readFileSync } from 'fs';
import path from 'path';

import { parseShopifyJson } from '../../nodes/core/shopify/json';
import { projectRoot } from './n8n';

export type Treatment = 'domestic' | 'oss' | 'icp' | 'export';

export interface Scenario {
	file: string;
	treatment: Treatment;
	/** The Exact VAT codes this order's lines (goods and shipping) may carry, from the sandbox's seed. */
	vatCodes: string[];
	/** What it exercises, for reports. */
	note: string;
}

/** The templates post consumer prices including VAT (the seeded division's type I codes: I21/I9 domestic, <country>S/R for OSS). */
export const SCENARIOS: Scenario[] = [
	{ file: 'nl-b2c-mixed-rates-shared-shipping.json', treatment: 'domestic', vatCodes: ['I21', 'I9'], note: 'NL 21 % + 9 %, shared shipping' },
	{ file: 'de-b2c-oss.json', treatment: 'oss', vatCodes: ['DES', 'DER'], note: 'DE consumer under OSS' },
	{ file: 'fr-b2c-oss.json', treatment: 'oss', vatCodes: ['FRS', 'FRR'], note: 'FR consumer under OSS, free shipping' },
	{ file: 'be-b2b-valid-vat.json', treatment: 'icp', vatCodes: ['ICP'], note: 'BE business, valid VAT number' },
	{ file: 'us-export.json', treatment: 'export', vatCodes: ['EXP'], note: 'US consumer' },
	{ file: 'uk-export.json', treatment: 'export', vatCodes: ['EXP'], note: 'GB consumer' },
	{ file: 'es-canary-islands.json', treatment: 'export', vatCodes: ['EXP'], note: 'Canary Islands (outside EU VAT)' },
	{ file: 'nl-order-percentage-discount.json', treatment: 'domestic', vatCodes: ['I21', 'I9'], note: '10 % discount code' },
	{ file: 'nl-order-fixed-discount.json', treatment: 'domestic', vatCodes: ['I21', 'I9'], note: 'fixed discount, free shipping' },
	{ file: 'nl-full-discount-line.json', treatment: 'domestic', vatCodes: ['I21', 'I9'], note: '100 % discount on one line' },
];

export interface SampleOrder {
	name: string;
	scenario: Scenario;
	order: Record<string, unknown>;
}

const fixtureDir = path.join(projectRoot, 'test/fixtures/shopify/synthetic');

function loadFixture(file: string): Record<string, unknown> {
	return parseShopifyJson(readFileSync(path.join(fixtureDir, file), 'utf8')) as Record<string, unknown>;
}

/** Adds `offset` to a digit-string id, keeping it a digit string (ids are beyond 2^53). */
function shiftId(value: unknown, offset: bigint): unknown {
	if (typeof value === 'string' && /^\d{6,}$/.test(value)) return (BigInt(value) + offset).toString();
	if (typeof value === 'number' && Number.isInteger(value)) return (BigInt(value) + offset).toString();
	return value;
}

const ID_KEYS = new Set(['id', 'line_item_id', 'checkout_id']);

/** Gives every id of the order (its own, lines, shipping lines, allocations) a per-copy offset. */
function reId(node: unknown, offset: bigint): unknown {
	if (Array.isArray(node)) return node.map((v) => reId(v, offset));
	if (!node || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
		if (ID_KEYS.has(key)) out[key] = shiftId(value, offset);
		else if (key === 'admin_graphql_api_id' && typeof value === 'string') {
			out[key] = value.replace(/\d+$/, (digits) => String(shiftId(digits, offset)));
		} else if (key === 'customer') out[key] = value; // the same customer may order again
		else out[key] = reId(value, offset);
	}
	return out;
}

/**
 * `count` orders cycling through the scenarios, named `#<firstNumber + i>`. `runTag` makes ids differ
 * between runs against the same sandboxes (the demo and the tests use fresh sandboxes, so 0 is fine).
 */
export function buildOrders(count: number, firstNumber: number, runTag = 0): SampleOrder[] {
	const fixtures = SCENARIOS.map((s) => ({ scenario: s, order: loadFixture(s.file) }));
	return Array.from({ length: count }, (_, i) => {
		const { scenario, order } = fixtures[i % fixtures.length];
		const number = firstNumber + i;
		const offset = BigInt(number) * BigInt(1e9) + BigInt(runTag) * BigInt(1e12);
		const copy = reId(order, offset) as Record<string, unknown>;
		const name = `#${number}`;
		copy.name = name;
		copy.order_number = number;
		copy.number = number - 1000;
		copy.confirmation_number = `E2E${String(number).padStart(6, '0')}`;
		return { name, scenario, order: copy };
	});
}

/** An order whose line points at a SKU Exact cannot take as an item code (see the error scenario). */
export function withSku(sample: SampleOrder, sku: string, lineIndex = 0): SampleOrder {
	const order = structuredClone(sample.order);
	const lines = order.line_items as Array<Record<string, unknown>>;
	lines[lineIndex] = { ...lines[lineIndex], sku };
	return { ...sample, order };
}
