import {
	assertSalesOrderReady,
	choosePaymentCondition,
	goodsDeliveryBody,
	orderToKeep,
	salesOrderBody,
	salesOrderLines,
	salesOrderProblems,
	totalDifferenceCents,
} from '../../../nodes/core/exact/salesOrderDraft';
import type { SalesOrderOptions } from '../../../nodes/core/exact/salesOrderDraft';
import { documentFor, ITEMS, withVat } from '../../nodes/flow/documents';

const options: SalesOrderOptions = {
	paymentCondition: '',
	gatewayConditions: [],
	shippingMethod: null,
	warehouse: null,
	linePricing: 'netPrice',
	requireVatCode: true,
	noteAsRemarks: true,
};

function readyDocument(number = 1001) {
	const doc = withVat(
		documentFor({
			number,
			lines: [
				{ item: ITEMS[2], quantity: 3 },
				{ item: ITEMS[3], quantity: 1 },
			],
		}),
	);
	doc.lines.forEach((line, i) => (line.itemId = `0000000${i}-0000-0000-0000-000000000000`));
	doc.exact.account = {
		id: 'acc-1',
		code: '1',
		contactId: 'con-1',
		deliveryAddressId: 'adr-1',
		action: 'found',
		matchedBy: 'email',
	};
	return doc;
}

describe('salesOrderProblems', () => {
	it('accepts a complete document', () => {
		expect(salesOrderProblems(readyDocument(), options)).toEqual([]);
	});

	it('names every missing item id, VAT code and the missing account', () => {
		const doc = readyDocument(1002);
		delete doc.lines[1].itemId;
		delete doc.lines[0].vat;
		delete doc.exact.account;
		expect(() => assertSalesOrderReady(doc, options)).toThrow(
			/^Order #1002: exact.account.id is missing .*; line 1 \(SKU-003\) has no vat.code .*; line 2 \(SKU-004\) has no itemId/,
		);
		expect(salesOrderProblems(doc, { requireVatCode: false })).toHaveLength(2);
	});
});

describe('salesOrderBody', () => {
	it('posts the header and every line inline with NetPrice and the VAT code', () => {
		const doc = readyDocument(1007);
		doc.note = 'Graag bellen bij aflevering';
		const body = salesOrderBody(doc, { ...options, shippingMethod: 'sm', warehouse: 'wh' });
		expect(body).toMatchObject({
			OrderedBy: 'acc-1',
			DeliverTo: 'acc-1',
			DeliveryAddress: 'adr-1',
			OrderedByContactPerson: 'con-1',
			OrderDate: '2026-03-02',
			YourRef: '#1007',
			Description: 'Shopify order #1007',
			Currency: 'EUR',
			ShippingMethod: 'sm',
			WarehouseID: 'wh',
			Remarks: 'Graag bellen bij aflevering',
		});
		const lines = body.SalesOrderLines as Array<Record<string, unknown>>;
		// Line 1: 3 units for 48.83 do not divide into cents: 1 × 16.28 + 2 × 16.27.
		expect(salesOrderLines(doc, options).splitLines).toEqual([1]);
		expect(lines).toHaveLength(doc.lines.length + 1);
		expect(lines.slice(0, 2)).toEqual([
			{
				Item: doc.lines[0].itemId,
				Quantity: 1,
				Description: doc.lines[0].description,
				NetPrice: 16.28,
				VATCode: '2',
			},
			{
				Item: doc.lines[0].itemId,
				Quantity: 2,
				Description: doc.lines[0].description,
				NetPrice: 16.27,
				VATCode: '2',
			},
		]);
		// Every price is whole cents, and the lines add up to each document line to the cent.
		for (const line of lines)
			expect(Math.round((line.NetPrice as number) * 100)).toBe((line.NetPrice as number) * 100);
		const cents = (l: Record<string, unknown>) =>
			Math.round((l.NetPrice as number) * 100) * (l.Quantity as number);
		expect(cents(lines[0]) + cents(lines[1])).toBe(doc.lines[0].netAmountCents);
		expect(lines.slice(2).map(cents)).toEqual(doc.lines.slice(1).map((l) => l.netAmountCents));
		expect((lines[0].Quantity as number) + (lines[1].Quantity as number)).toBe(
			doc.lines[0].quantity,
		);
	});

	it('posts UnitPrice and Discount when the merchant wants the discount visible', () => {
		const doc = readyDocument(1008);
		doc.lines[0].unitPriceCents = 1000;
		doc.lines[0].discountCents = 300;
		doc.lines[0].netAmountCents = 2700;
		doc.lines[0].netPrice = 9;
		const [line] = salesOrderBody(doc, { ...options, linePricing: 'unitPriceDiscount' })
			.SalesOrderLines as Array<Record<string, unknown>>;
		expect(line).toMatchObject({ UnitPrice: 10, Discount: 0.1, NetPrice: 9 });
	});

	it('leaves out lines with quantity 0', () => {
		const doc = readyDocument(1009);
		doc.lines[1].quantity = 0;
		const posted = salesOrderBody(doc, options).SalesOrderLines as Array<Record<string, unknown>>;
		expect(posted.some((l) => l.Description === doc.lines[1].description)).toBe(false);
	});
});

describe('payment condition, totals, delivery, duplicates', () => {
	it('maps the gateway to a payment condition, else the default, else none', () => {
		const rules = {
			...options,
			paymentCondition: '30',
			gatewayConditions: [{ gateway: 'PayPal', paymentCondition: 'PP' }],
		};
		expect(choosePaymentCondition(['manual', 'paypal'], rules)).toBe('PP');
		expect(choosePaymentCondition(['manual'], rules)).toBe('30');
		expect(choosePaymentCondition(['manual'], options)).toBeNull();
	});

	it('compares AmountFC with the document total in cents', () => {
		const doc = readyDocument();
		expect(totalDifferenceCents(doc.totals.totalCents / 100, doc)).toBe(0);
		expect(totalDifferenceCents(doc.totals.totalCents / 100 + 0.01, doc)).toBe(1);
		expect(totalDifferenceCents(undefined, doc)).toBeNull();
		expect(
			totalDifferenceCents(1000, { currency: 'JPY', totals: { ...doc.totals, totalCents: 999 } }),
		).toBe(1);
	});

	it('delivers every open positive quantity and nothing when all is delivered', () => {
		const lines = [
			{ ID: 'l1', Quantity: 3, QuantityDelivered: 1 },
			{ ID: 'l2', Quantity: 1, QuantityDelivered: 1 },
			{ ID: 'l3', Quantity: -1, QuantityDelivered: 0 },
		];
		expect(goodsDeliveryBody(lines, '2026-03-02', 'Shopify order #1')).toEqual({
			DeliveryDate: '2026-03-02',
			Description: 'Shopify order #1',
			GoodsDeliveryLines: [{ SalesOrderLineID: 'l1', QuantityDelivered: 2 }],
		});
		expect(goodsDeliveryBody([lines[1]], '2026-03-02', null)).toBeNull();
	});

	it('keeps the order with the lowest number whatever order the list is in', () => {
		const a = { OrderID: 'b', OrderNumber: 12 };
		const b = { OrderID: 'a', OrderNumber: 14 };
		expect(orderToKeep([b, a])).toBe(a);
		expect(orderToKeep([a, b])).toBe(a);
		expect(orderToKeep([])).toBeUndefined();
	});
});
