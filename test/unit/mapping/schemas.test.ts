/**
 * The zod schemas and the fast readers come from one spec (nodes/core/shopify/spec.ts). These
 * tests prove they agree: the same output on valid payloads, and both refusing broken ones (zod
 * then names the fields), across every fixture and ~1,500 mutated orders.
 */
import type { z } from 'zod';

import {
	customerSchema,
	customerSpec,
	INVALID,
	orderSchema,
	orderSpec,
	productSchema,
	productSpec,
	type ShopifySpec,
} from '../../../nodes/core';
import { clone, loadFixture, mutatedOrders, ORDER_FIXTURES, PRODUCT_FIXTURES } from './fixtures';

function agree<T>(
	spec: ShopifySpec<T>,
	schema: z.ZodType<T, z.ZodTypeDef, unknown>,
	input: unknown,
): boolean {
	const fast = spec.read(input);
	const slow = schema.safeParse(input);
	if (slow.success) {
		expect(fast).toEqual(slow.data);
		return true;
	}
	expect(fast).toBe(INVALID);
	expect(slow.error.issues.length).toBeGreaterThan(0);
	return false;
}

describe('zod schema and fast reader agree', () => {
	it.each(ORDER_FIXTURES)('on order fixture %s', (file) => {
		agree(orderSpec, orderSchema, loadFixture(file));
	});

	it.each(PRODUCT_FIXTURES)('on product fixture %s', (file) => {
		const payload = loadFixture(file);
		agree(productSpec, productSchema, (payload.product as unknown) ?? payload);
	});

	it.each(ORDER_FIXTURES)('on the customer of %s', (file) => {
		const customer = loadFixture(file).customer;
		if (customer) agree(customerSpec, customerSchema, customer);
	});

	it('on ~1,500 mutated orders, valid and broken', () => {
		const base = loadFixture('synthetic/nl-order-fixed-discount.json');
		let valid = 0;
		let broken = 0;
		for (const { order } of mutatedOrders(base)) {
			if (agree(orderSpec, orderSchema, order)) valid++;
			else broken++;
		}
		expect(valid).toBeGreaterThan(300);
		expect(broken).toBeGreaterThan(300);
	});

	it('drops unknown keys and keeps declared ones (tolerant of new Shopify fields)', () => {
		const order = clone(loadFixture('synthetic/de-b2c-oss.json'));
		order.brand_new_field = { nested: true };
		const fast = orderSpec.read(order);
		if (fast === INVALID) throw new Error('refused');
		expect(fast).not.toHaveProperty('brand_new_field');
		expect(fast.name).toBe('#1102');
	});
});
