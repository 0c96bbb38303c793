/**
 * mapShopifyRefund on every refund fixture (with the order it belongs to): item codes by the order
 * mapping's rule, amounts from the *_set strings, shipping refunds in both shapes, adjustments
 * reported, the check against the refunded money, and errors that name the refund and the field.
 */
import {
	mapShopifyRefund,
	refundDescription,
	ShopifyValidationError,
	type RefundDocument,
} from '../../../nodes/core';
import { clone, loadFixture, loadFixtureLossy } from './fixtures';

type Json = Record<string, unknown>;

const WEBHOOK_REFUND = 'docs-webhooks-2026-04/refunds-create.json';
const WEBHOOK_ORDER = 'docs-webhooks-2026-04/orders-create.json';
const ORDER_1001 = 'rest-2024-04/order-1001-discount-code-partially-refunded.json';
const ORDER_1001_CANCELLED = 'rest-2024-04/order-1001-after-cancel-with-refund.json';

function order1001(): Json {
	return loadFixture(ORDER_1001).order as Json;
}

function refundOf(file: string): Json {
	const raw = loadFixture(file);
	return (raw.refund as Json) ?? raw;
}

/** Every refund fixture with its order: the webhook, the REST answers and the refunds inside orders. */
const CASES: Array<[string, () => [Json, Json]]> = [
	[WEBHOOK_REFUND, () => [loadFixture(WEBHOOK_REFUND), loadFixture(WEBHOOK_ORDER)]],
	[
		'rest-2024-04/refund-line-item-and-full-shipping.json',
		() => [refundOf('rest-2024-04/refund-line-item-and-full-shipping.json'), order1001()],
	],
	[
		'rest-2024-04/refund-shipping-only.json',
		() => [refundOf('rest-2024-04/refund-shipping-only.json'), order1001()],
	],
	[
		'rest-2024-04/refunds-list-order-1001.json',
		() => [
			(loadFixture('rest-2024-04/refunds-list-order-1001.json').refunds as Json[])[0],
			order1001(),
		],
	],
	[`${ORDER_1001}: refunds[0]`, () => [(order1001().refunds as Json[])[0], order1001()]],
	[
		`${ORDER_1001_CANCELLED}: refunds[0]`,
		() => {
			const order = loadFixture(ORDER_1001_CANCELLED).order as Json;
			return [(order.refunds as Json[])[0], order];
		},
	],
];

function map(index: number, settings?: Parameters<typeof mapShopifyRefund>[2]): RefundDocument {
	const [refund, order] = CASES[index][1]();
	return mapShopifyRefund(refund, order, settings);
}

describe('mapShopifyRefund on every refund fixture', () => {
	it.each(CASES.map(([name], i) => [name, i] as const))(
		'%s: lines add up, every line has an item code, the check against the money refunded is made',
		(_name, index) => {
			const doc = map(index);
			expect(doc.type).toBe('refund');
			expect(doc.references.description).toBe(
				refundDescription(doc.references.refundId, doc.references.orderName),
			);
			expect(doc.references.yourRef).toBe(doc.references.orderName);
			for (const line of doc.lines) {
				expect(line.itemCode).toBeTruthy();
				expect(line.quantity).toBeGreaterThan(0);
				expect(line.netAmountInclCents - line.netAmountExclCents).toBe(line.taxAmountCents);
				expect(line.netAmountCents).toBe(line.netAmountExclCents);
			}
			const total = doc.lines.reduce((sum, l) => sum + l.netAmountInclCents, 0);
			expect(doc.totals.totalCents).toBe(total);
			if (doc.totals.refundedCents !== null) {
				expect(doc.totals.differenceCents).toBe(doc.totals.refundedCents - total);
			}
			const warned = doc.warnings.some((w) => w.includes('differ from the money refunded'));
			expect(warned).toBe(doc.totals.differenceCents !== 0);
		},
	);
});

describe('mapShopifyRefund', () => {
	it('maps the refunds/create webhook against its order: SKUs, amounts from *_set, restock type, date', () => {
		const doc = map(0);
		expect(doc.references).toEqual({
			refundId: '890088186047892319',
			adminGraphqlId: 'gid://shopify/Refund/890088186047892319',
			shopifyOrderId: '820982911946154508',
			orderName: '#9999',
			yourRef: '#9999',
			description: 'Shopify refund 890088186047892319 of #9999',
		});
		expect(doc.refundDate).toBe('2021-12-31');
		expect(doc.currency).toBe('USD');
		expect(doc.note).toBe('Things were damaged');
		expect(
			doc.lines.map((l) => [l.itemCode, l.quantity, l.netAmountExclCents, l.restockType]),
		).toEqual([
			['SKU2006-001', 1, 8999, 'no_restock'],
			['LENS-PROTECT-2YR', 1, 1999, 'no_restock'],
			['CASE-LEATHER-PREM', 1, 2499, 'no_restock'],
			['SKU2006-020', 1, 15999, 'no_restock'],
			['SKU2006-035', 1, 11999, 'no_restock'],
		]);
		expect(doc.lines[0]).toMatchObject({
			kind: 'product',
			description: 'Aviator sunglasses',
			shopifyLineId: '487817672276298560',
			sku: 'SKU2006-001',
		});
		// The documentation example refunds 85.00 for lines worth 414.95: a warning, not an error.
		expect(doc.totals).toMatchObject({
			totalCents: 41495,
			refundedCents: 8500,
			differenceCents: -32995,
		});
		expect(doc.warnings).toContain(
			'The credit note lines (414.95) differ from the money refunded (85.00 USD) by -329.95',
		);
	});

	it('reads the webhook as n8n hands it over (JSON.parse, rounded ids) the same way', () => {
		const lossy = mapShopifyRefund(
			loadFixtureLossy(WEBHOOK_REFUND),
			loadFixtureLossy(WEBHOOK_ORDER),
		);
		expect(lossy.references.refundId).toBe('890088186047892319');
		expect(lossy.lines.map((l) => l.itemCode)).toEqual(map(0).lines.map((l) => l.itemCode));
	});

	it('takes line amounts excl. tax from subtotal_set and adds total_tax_set (order without taxes_included)', () => {
		const doc = map(3);
		expect(doc.references.refundId).toBe('509562969');
		expect(
			doc.lines.map((l) => [
				l.itemCode,
				l.netAmountExclCents,
				l.taxAmountCents,
				l.netAmountInclCents,
				l.restockType,
			]),
		).toEqual([
			['IPOD2008BLACK', 19566, 398, 19964, 'legacy_restock'],
			['IPOD2008GREEN', 19567, 398, 19965, 'legacy_restock'],
		]);
		expect(map(3, { pricesPosted: 'incl' }).lines.map((l) => l.netAmountCents)).toEqual([
			19964, 19965,
		]);
	});

	it('reads subtotal_set as incl. tax when the order has taxes_included', () => {
		const [refund, order] = CASES[3][1]();
		const doc = mapShopifyRefund(refund, { ...order, taxes_included: true });
		expect(doc.pricesIncludeTax).toBe(true);
		expect(doc.lines[0]).toMatchObject({
			netAmountExclCents: 19566 - 398,
			netAmountInclCents: 19566,
			taxAmountCents: 398,
		});
	});

	it('books a shipping-only refund (order_adjustments kind shipping_refund) on the shipping item', () => {
		const doc = map(2, { shippingItemCode: 'VERZEND' });
		expect(doc.lines).toEqual([
			expect.objectContaining({
				kind: 'shipping',
				itemCode: 'VERZEND',
				quantity: 1,
				netAmountExclCents: 500,
				netAmountInclCents: 500,
				refundLineId: '1030976842',
				restockType: null,
			}),
		]);
		expect(doc.totals).toMatchObject({
			shippingInclCents: 500,
			refundedCents: 500,
			differenceCents: 0,
		});
		expect(doc.warnings).toEqual([]);
	});

	it('books refund_shipping_lines, and ignores shipping_refund adjustments listed as well', () => {
		const [refund, order] = CASES[2][1]();
		const withLines = clone(refund);
		withLines.refund_shipping_lines = [
			{
				id: 77,
				shipping_line_id: 369256396,
				subtotal_amount_set: { shop_money: { amount: '4.13', currency_code: 'USD' } },
				tax_amount_set: { shop_money: { amount: '0.87', currency_code: 'USD' } },
				shipping_line: { id: 369256396, title: 'Free Shipping' },
			},
		];
		const doc = mapShopifyRefund(withLines, order);
		expect(doc.lines).toHaveLength(1);
		expect(doc.lines[0]).toMatchObject({
			kind: 'shipping',
			itemCode: 'SHIPMENT',
			shopifyLineId: '369256396',
			description: 'Shipping refund: Free Shipping',
			netAmountExclCents: 413,
			netAmountInclCents: 500,
		});
		expect(doc.warnings.join('\n')).toContain('refund_shipping_lines are booked');
	});

	it('reports a refund_discrepancy adjustment instead of booking it, with the difference', () => {
		const doc = map(5);
		expect(doc.lines.map((l) => [l.itemCode, l.netAmountInclCents, l.restockType])).toEqual([
			['IPOD2008GREEN', 19964, 'no_restock'],
		]);
		expect(doc.adjustments).toEqual([
			{
				id: '1030976843',
				kind: 'refund_discrepancy',
				reason: 'Refund discrepancy',
				refundedCents: -8964,
				taxCents: 0,
			},
		]);
		expect(doc.totals).toMatchObject({
			totalCents: 19964,
			adjustmentsCents: -8964,
			refundedCents: 11000,
			differenceCents: -8964,
		});
		expect(doc.warnings).toEqual([
			'Order adjustment refund_discrepancy (89.64 kept back) is not on the credit note: Shopify gives it no item and no tax; book it in Exact if needed',
			'The credit note lines (199.64) differ from the money refunded (110.00 USD) by -89.64',
		]);
	});

	it('uses the same item code rule as orders (variant id with prefix), and the order line when line_item is absent', () => {
		const [refund, order] = CASES[3][1]();
		const bare = clone(refund);
		for (const line of bare.refund_line_items as Json[]) delete line.line_item;
		const doc = mapShopifyRefund(bare, order, {
			itemCodeSource: 'variantId',
			itemCodePrefix: 'V-',
		});
		expect(doc.lines.map((l) => [l.itemCode, l.itemCodeSource, l.sku])).toEqual([
			['V-457924702', 'variantId', 'IPOD2008BLACK'],
			['V-39072856', 'variantId', 'IPOD2008GREEN'],
		]);
	});

	it('warns when the refund lists no successful refund transaction', () => {
		const [refund, order] = CASES[3][1]();
		const failed = clone(refund);
		for (const t of failed.transactions as Json[]) t.status = 'failure';
		const doc = mapShopifyRefund(failed, order);
		expect(doc.totals.refundedCents).toBeNull();
		expect(doc.warnings.join('\n')).toContain('no successful refund transaction');
	});

	it('leaves transactions in another currency out of the check, with a warning', () => {
		const [refund, order] = CASES[3][1]();
		const foreign = clone(refund);
		(foreign.transactions as Json[])[0].currency = 'EUR';
		const doc = mapShopifyRefund(foreign, order);
		expect(doc.totals.refundedCents).toBeNull();
		expect(doc.warnings.join('\n')).toContain("another currency than the order's USD");
	});

	it('refuses a refund date that is not a calendar date', () => {
		const [refund, order] = CASES[3][1]();
		const bad = clone(refund);
		bad.processed_at = '2024-02-30T10:00:00Z';
		expect(() => mapShopifyRefund(bad, order)).toThrow(
			'Refund 509562969 of order #1001: processed_at is not a date',
		);
	});

	describe('errors name the refund and the field', () => {
		function error(run: () => unknown): ShopifyValidationError {
			try {
				run();
			} catch (caught) {
				expect(caught).toBeInstanceOf(ShopifyValidationError);
				return caught as ShopifyValidationError;
			}
			throw new Error('no error');
		}

		it('a bad quantity', () => {
			const [refund, order] = CASES[3][1]();
			const bad = clone(refund);
			(bad.refund_line_items as Json[])[1].quantity = -1;
			const e = error(() => mapShopifyRefund(bad, order));
			expect(e.entity).toBe('Refund');
			expect(e.message).toBe(
				'Refund 509562969 of order #1001: refund_line_items[1].quantity must be between 0 and 1000000',
			);
			expect(e.path).toBe('refund_line_items[1].quantity');
		});

		it('a bad amount in subtotal_set', () => {
			const [refund, order] = CASES[3][1]();
			const bad = clone(refund);
			const line = (bad.refund_line_items as Json[])[0];
			((line.subtotal_set as Json).shop_money as Json).amount = 'ten';
			expect(error(() => mapShopifyRefund(bad, order)).message).toBe(
				'Refund 509562969 of order #1001: refund_line_items[0].subtotal_set.shop_money.amount is not a decimal amount',
			);
		});

		it('a refund of another order', () => {
			const [refund] = CASES[3][1]();
			const e = error(() => mapShopifyRefund(refund, loadFixture(WEBHOOK_ORDER)));
			expect(e.message).toBe(
				'Refund 509562969 of order #9999: order_id is 450789469, but the order given is 820982911946154508 (#9999)',
			);
		});

		it('a refund line that is not on the order', () => {
			const [refund, order] = CASES[3][1]();
			const bare = clone(refund);
			const line = (bare.refund_line_items as Json[])[0];
			delete line.line_item;
			line.line_item_id = 1;
			expect(error(() => mapShopifyRefund(bare, order)).message).toBe(
				'Refund 509562969 of order #1001: refund_line_items[0].line_item is missing, and line_item_id 1 is not a line of the order',
			);
		});

		it('a missing order names the order', () => {
			const [refund] = CASES[3][1]();
			const e = error(() => mapShopifyRefund(refund, {}));
			expect(e.entity).toBe('Order');
		});

		it('a refund without id', () => {
			const [refund, order] = CASES[3][1]();
			const bad = clone(refund);
			delete bad.id;
			delete bad.admin_graphql_api_id;
			expect(error(() => mapShopifyRefund(bad, order)).path).toBe('id');
		});
	});
});
