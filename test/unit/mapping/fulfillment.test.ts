import fulfillment from '../../fixtures/shopify/fulfillments/fulfillment-partial.json';
import { mapShopifyFulfillment } from '../../../nodes/core/mapping/fulfillment';
import {
	describeShortfall,
	fulfillmentDeliveryBody,
	planFulfillmentDelivery,
} from '../../../nodes/core/exact/fulfillmentDelivery';

const clone = () => JSON.parse(JSON.stringify(fulfillment));

describe('mapShopifyFulfillment', () => {
	test('maps a successful fulfilment: order from its name, lines with item codes, tracking kept', () => {
		const doc = mapShopifyFulfillment(fulfillment);
		expect(doc).toMatchObject({
			fulfillmentId: '5587214598',
			shopifyOrderId: '6120394857',
			orderName: '#1042',
			yourRef: '#1042',
			description: 'Shopify fulfilment 5587214598 of #1042',
			status: 'success',
			skip: null,
			locationId: '1002',
			trackingNumber: '3SABCD1234567',
			trackingCompany: 'PostNL',
			deliveryDate: '2026-07-02',
		});
		expect(doc.lines).toEqual([
			expect.objectContaining({
				itemCode: 'KOFFIE-1KG',
				itemCodeSource: 'sku',
				quantity: 2,
				shopifyLineId: '15320448001',
			}),
			// No SKU: the variant id, as the order mapping does.
			expect.objectContaining({ itemCode: '4400102', itemCodeSource: 'variantId', quantity: 1 }),
		]);
	});

	test('flags an order_id that arrived as a JSON number beyond 2^53 (its digits may be rounded), not one given as text', () => {
		expect(mapShopifyFulfillment(fulfillment).shopifyOrderIdImprecise).toBe(false);
		const rounded = mapShopifyFulfillment({ ...clone(), order_id: Number('7795502398859983561') });
		expect(rounded.shopifyOrderIdImprecise).toBe(true);
		expect(rounded.orderName).toBe('#1042');
		const text = mapShopifyFulfillment({ ...clone(), order_id: '7795502398859983561' });
		expect(text).toMatchObject({
			shopifyOrderId: '7795502398859983561',
			shopifyOrderIdImprecise: false,
		});
	});

	test('the order reference may be given (a shop prefix), and the item code chain follows the settings', () => {
		const doc = mapShopifyFulfillment(fulfillment, {
			orderReference: 'WEB-#1042',
			itemCodeSource: 'variantId',
			itemCodePrefix: 'SH-',
		});
		expect(doc.yourRef).toBe('WEB-#1042');
		expect(doc.lines.map((l) => l.itemCode)).toEqual(['SH-4400101', 'SH-4400102']);
	});

	test('an order reference prefix (one Exact division, several shops) goes before the order name', () => {
		const doc = mapShopifyFulfillment(fulfillment, { orderReferencePrefix: 'NL-' });
		expect(doc).toMatchObject({
			orderName: '#1042',
			yourRef: 'NL-#1042',
			description: 'Shopify fulfilment 5587214598 of NL-#1042',
		});
	});

	test.each(['pending', 'open', 'cancelled', 'error', 'failure'])(
		'a %s fulfilment moves no goods and is skipped with the reason',
		(status) => {
			const doc = mapShopifyFulfillment({ ...clone(), status });
			expect(doc.skip?.reason).toMatch(status);
		},
	);

	test('bad input names the fulfilment and the field', () => {
		expect(() => mapShopifyFulfillment({ ...clone(), name: null })).toThrow(
			'Fulfilment 5587214598: name is missing',
		);
		const bad = clone();
		bad.line_items[1].quantity = 'two';
		expect(() => mapShopifyFulfillment(bad)).toThrow(
			'Fulfilment #1042.1: line_items[1].quantity is not a quantity',
		);
		expect(() =>
			mapShopifyFulfillment({ ...clone(), created_at: 'yesterday', updated_at: null }),
		).toThrow(/created_at/);
		expect(() => mapShopifyFulfillment('x')).toThrow(/not a fulfilment/);
	});

	test('accepts the body wrapped as { fulfillment }', () => {
		expect(mapShopifyFulfillment({ fulfillment }).fulfillmentId).toBe('5587214598');
	});
});

describe('planFulfillmentDelivery', () => {
	const lines = [
		{ ID: 'a', LineNumber: 1, ItemCode: 'KOFFIE-1KG', Quantity: 3, QuantityDelivered: 0 },
		{ ID: 'b', LineNumber: 2, ItemCode: '4400102', Quantity: 1, QuantityDelivered: 0 },
		{ ID: 'c', LineNumber: 3, ItemCode: 'VERZEND', Quantity: 1, QuantityDelivered: 0 },
	];

	test('delivers only the fulfilled quantities per order line; shipping lines stay open', () => {
		const plan = planFulfillmentDelivery(mapShopifyFulfillment(fulfillment), lines);
		expect(plan.lines).toEqual([
			{ SalesOrderLineID: 'a', QuantityDelivered: 2, itemCode: 'KOFFIE-1KG', lineNumber: 1 },
			{ SalesOrderLineID: 'b', QuantityDelivered: 1, itemCode: '4400102', lineNumber: 2 },
		]);
		expect(plan.shortfalls).toEqual([]);
	});

	test('never delivers more than is open (Deliver Immediately or an earlier part already delivered)', () => {
		const delivered = lines.map((l) => ({
			...l,
			QuantityDelivered: l.ID === 'a' ? 2 : l.Quantity,
		}));
		const plan = planFulfillmentDelivery(mapShopifyFulfillment(fulfillment), delivered);
		expect(plan.lines).toEqual([
			{ SalesOrderLineID: 'a', QuantityDelivered: 1, itemCode: 'KOFFIE-1KG', lineNumber: 1 },
		]);
		expect(plan.shortfalls).toEqual([
			expect.objectContaining({ itemCode: 'KOFFIE-1KG', quantity: 1, reason: 'alreadyDelivered' }),
			expect.objectContaining({ itemCode: '4400102', quantity: 1, reason: 'alreadyDelivered' }),
		]);
		expect(describeShortfall(plan.shortfalls[0], '#1042')).toMatch(/delivered in Exact already/);
	});

	test('spreads one fulfilled line over several order lines of the same item, in line order', () => {
		const split = [
			{ ID: 'x', LineNumber: 2, ItemCode: 'koffie-1kg', Quantity: 1, QuantityDelivered: 0 },
			{ ID: 'y', LineNumber: 1, ItemCode: 'KOFFIE-1KG', Quantity: 1, QuantityDelivered: 0 },
		];
		const plan = planFulfillmentDelivery(
			{ lines: [mapShopifyFulfillment(fulfillment).lines[0]] },
			split,
		);
		expect(plan.lines.map((l) => [l.SalesOrderLineID, l.QuantityDelivered])).toEqual([
			['y', 1],
			['x', 1],
		]);
	});

	test('the shipping line goes with the first parcel only, in full', () => {
		const doc = mapShopifyFulfillment(fulfillment);
		const first = planFulfillmentDelivery(doc, lines, ['verzend']);
		expect(first.lines.map((l) => [l.SalesOrderLineID, l.QuantityDelivered])).toEqual([
			['a', 2],
			['b', 1],
			['c', 1],
		]);
		const shipped = lines.map((l) => ({ ...l, QuantityDelivered: l.ID === 'c' ? 1 : 0 }));
		expect(
			planFulfillmentDelivery(doc, shipped, ['VERZEND']).lines.map((l) => l.SalesOrderLineID),
		).toEqual(['a', 'b']);
		// Nothing of the parcel open: the shipping line does not go alone.
		const done = lines.map((l) => ({ ...l, QuantityDelivered: l.ID === 'c' ? 0 : l.Quantity }));
		expect(planFulfillmentDelivery(doc, done, ['VERZEND']).lines).toEqual([]);
	});

	test('an item not on the order is reported, not delivered', () => {
		const plan = planFulfillmentDelivery(mapShopifyFulfillment(fulfillment), [lines[0]]);
		expect(plan.shortfalls).toEqual([
			expect.objectContaining({ itemCode: '4400102', reason: 'notOnOrder' }),
		]);
	});

	test('the POST body carries the date, the natural key, tracking and the lines', () => {
		const doc = mapShopifyFulfillment(fulfillment);
		const body = fulfillmentDeliveryBody(doc, planFulfillmentDelivery(doc, lines));
		expect(body).toEqual({
			DeliveryDate: '2026-07-02',
			Description: 'Shopify fulfilment 5587214598 of #1042',
			TrackingNumber: '3SABCD1234567',
			Remarks: 'PostNL https://jouw.postnl.nl/track-and-trace/3SABCD1234567',
			GoodsDeliveryLines: [
				{ SalesOrderLineID: 'a', QuantityDelivered: 2, TrackingNumber: '3SABCD1234567' },
				{ SalesOrderLineID: 'b', QuantityDelivered: 1, TrackingNumber: '3SABCD1234567' },
			],
		});
	});
});
