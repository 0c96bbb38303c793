/** Loads the Shopify fixtures of test/fixtures/shopify (docs-webhooks ones carry the body under `.response`). */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import { parseShopifyJson } from '../../../nodes/core';

export const FIXTURE_ROOT = path.resolve(__dirname, '../../fixtures/shopify');

export function fixtureText(relative: string): string {
	return readFileSync(path.join(FIXTURE_ROOT, relative), 'utf8');
}

/** The payload, read losslessly (ids beyond 2^53 stay digit strings). */
export function loadFixture(relative: string): Record<string, unknown> {
	const parsed = parseShopifyJson(fixtureText(relative)) as Record<string, unknown>;
	return relative.startsWith('docs-webhooks-')
		? (parsed.response as Record<string, unknown>)
		: parsed;
}

/** The payload as JSON.parse reads it (how n8n's Shopify Trigger hands it over: ids may be rounded). */
export function loadFixtureLossy(relative: string): Record<string, unknown> {
	const parsed = JSON.parse(fixtureText(relative)) as Record<string, unknown>;
	return relative.startsWith('docs-webhooks-')
		? (parsed.response as Record<string, unknown>)
		: parsed;
}

function walk(dir: string, prefix = ''): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) return walk(path.join(dir, entry.name), relative);
		return entry.name.endsWith('.json') ? [relative] : [];
	});
}

export const ALL_FIXTURES = walk(FIXTURE_ROOT).sort();

/** Every order payload: orders-*.json, order-*.json, order.json and the synthetic orders. */
export const ORDER_FIXTURES = ALL_FIXTURES.filter((file) =>
	/(^|\/)(orders-[^/]*|order-[^/]*|order)\.json$|^synthetic\//.test(file),
);

export const SYNTHETIC_ORDERS = ORDER_FIXTURES.filter((file) => file.startsWith('synthetic/'));

export const PRODUCT_FIXTURES = ALL_FIXTURES.filter((file) =>
	/(^|\/)products?-[^/]*\.json$/.test(file),
);

/** A deep copy, so a test can mutate a fixture freely. */
export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

type Json = Record<string, unknown>;

/** Where mutations are applied: the order, a line, its tax line and allocation, shipping, customer, address. */
const MUTATION_TARGETS: Array<(o: Json) => Json> = [
	(o) => o,
	(o) => (o.line_items as Json[])[0],
	(o) => ((o.line_items as Json[])[0].tax_lines as Json[])[0],
	(o) => ((o.line_items as Json[])[0].discount_allocations as Json[])[0],
	(o) => (o.shipping_lines as Json[])[0],
	(o) => o.customer as Json,
	(o) => o.billing_address as Json,
	(o) => ((o.line_items as Json[])[0].price_set as Json).shop_money as Json,
];

const MUTATION_VALUES: unknown[] = [
	undefined,
	null,
	'',
	'x',
	-1,
	0,
	2 ** 64,
	true,
	{},
	[],
	'9'.repeat(400),
	'12.345',
];

/** Every key of every target set to every hostile value: ~1,500 broken or odd orders. */
export function mutatedOrders(base: Json): Array<{ label: string; order: Json }> {
	const out: Array<{ label: string; order: Json }> = [];
	MUTATION_TARGETS.forEach((target, t) => {
		for (const key of Object.keys(target(clone(base)))) {
			for (const value of MUTATION_VALUES) {
				const order = clone(base);
				target(order)[key] = value;
				out.push({ label: `target ${t} ${key} = ${JSON.stringify(value)?.slice(0, 20)}`, order });
			}
		}
	});
	return out;
}
