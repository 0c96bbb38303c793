/** The credit note body: items and VAT codes from the sales order, amounts, sign, natural key. */
import {
	creditNoteBody,
	CreditNoteError,
	isCreditNoteOf,
	itemCodesMissingFromOrder,
	readRefundDocument,
	type OrderForCreditNote,
} from '../../../nodes/core/exact/creditNoteDraft';
import { mapShopifyRefund, type RefundDocument } from '../../../nodes/core';
import { clone, loadFixture } from '../mapping/fixtures';

const ORDER = loadFixture('rest-2024-04/order-1001-discount-code-partially-refunded.json').order;

function refundDoc(file: string, settings = {}): RefundDocument {
	const raw = loadFixture(file);
	return mapShopifyRefund(raw.refund ?? (raw.refunds as unknown[])[0], ORDER, settings);
}

const G = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

const salesOrder: OrderForCreditNote = {
	OrderID: G(1),
	OrderNumber: 17,
	OrderedBy: G(2),
	Currency: 'USD',
	SalesOrderLines: [
		{ Item: G(10), ItemCode: 'IPOD2008BLACK', VATCode: 'I21', AmountFC: 199 },
		{ Item: G(11), ItemCode: 'ipod2008green', VATCode: 'I9', AmountFC: 199 },
		{ Item: G(12), ItemCode: 'SHIPMENT', VATCode: 'I21', AmountFC: 3 },
		{ Item: G(12), ItemCode: 'SHIPMENT', VATCode: 'I9', AmountFC: 1 },
	],
};

const options = { journal: '70', whenNotInvoiced: 'credit' as const };

describe('creditNoteBody', () => {
	it('credits each refunded line on the order line item and VAT code, quantities negated', () => {
		const doc = refundDoc('rest-2024-04/refunds-list-order-1001.json');
		const { body, warnings } = creditNoteBody(doc, salesOrder, new Map(), options);
		expect(warnings).toEqual([]);
		expect(body).toEqual({
			Type: 8021,
			Journal: '70',
			OrderedBy: G(2),
			YourRef: '#1001',
			Description: 'Shopify refund 509562969 of #1001',
			Currency: 'USD',
			InvoiceDate: '2024-04-02',
			SalesInvoiceLines: [
				{
					Item: G(10),
					Quantity: -1,
					UnitPrice: 195.66,
					VATCode: 'I21',
					Description: 'IPod Nano - 8gb - black',
				},
				{
					Item: G(11),
					Quantity: -1,
					UnitPrice: 195.67,
					VATCode: 'I9',
					Description: 'IPod Nano - 8gb - green',
				},
			],
		});
	});

	it('posts a refund of 3 units for 10.00 as whole-cent lines of negative quantity that add up to −10.00', () => {
		const doc = refundDoc('rest-2024-04/refunds-list-order-1001.json');
		doc.lines = [{ ...doc.lines[0], quantity: 3, netAmountCents: 1000 }];
		const lines = creditNoteBody(doc, salesOrder, new Map(), options).body
			.SalesInvoiceLines as Array<Record<string, unknown>>;
		expect(lines.map((l) => [l.Quantity, l.UnitPrice])).toEqual([
			[-1, 3.34],
			[-2, 3.33],
		]);
	});

	it('never credits a cancelled order; warns (or fails, as the option says) when the order is not invoiced yet', () => {
		const doc = refundDoc('rest-2024-04/refunds-list-order-1001.json');
		expect(() => creditNoteBody(doc, { ...salesOrder, Status: 45 }, new Map(), options)).toThrow(
			/sales order 17 is cancelled in Exact, so there is no revenue to credit/,
		);
		const open = { ...salesOrder, Status: 12, InvoiceStatus: 12 };
		expect(creditNoteBody(doc, open, new Map(), options).warnings).toEqual([
			expect.stringMatching(
				/^Sales order 17 is not invoiced yet: this credit note is right once the whole order is invoiced/,
			),
		]);
		expect(() =>
			creditNoteBody(doc, open, new Map(), { ...options, whenNotInvoiced: 'fail' }),
		).toThrow(/sales order 17 is not invoiced yet/);
		expect(
			creditNoteBody(doc, { ...salesOrder, InvoiceStatus: 21 }, new Map(), options).warnings,
		).toEqual([]);
	});

	it("splits a shipping refund over the VAT codes of the order's shipping lines, by their amounts", () => {
		const doc = refundDoc('rest-2024-04/refund-shipping-only.json');
		const lines = creditNoteBody(doc, salesOrder, new Map(), options).body.SalesInvoiceLines;
		expect(lines).toEqual([
			{
				Item: G(12),
				Quantity: -1,
				UnitPrice: 3.75,
				VATCode: 'I21',
				Description: 'Shipping refund',
			},
			{ Item: G(12), Quantity: -1, UnitPrice: 1.25, VATCode: 'I9', Description: 'Shipping refund' },
		]);
	});

	it('takes an item that is not on the order by its code, without VAT code, and warns', () => {
		const doc = refundDoc('rest-2024-04/refund-line-item-and-full-shipping.json');
		expect(itemCodesMissingFromOrder(doc, salesOrder)).toEqual(['IPOD2008RED']);
		const { body, warnings } = creditNoteBody(
			doc,
			salesOrder,
			new Map([['IPOD2008RED', G(13)]]),
			options,
		);
		expect(body.SalesInvoiceLines).toEqual([
			{ Item: G(13), Quantity: -1, UnitPrice: 0, Description: 'IPod Nano - 8gb - red' },
		]);
		expect(warnings).toEqual([
			"Item IPOD2008RED is not on sales order 17; its line takes the item's own VAT code",
		]);
		expect(() => creditNoteBody(doc, salesOrder, new Map(), options)).toThrow(CreditNoteError);
	});

	it('recognises its own credit note by YourRef, Description and type', () => {
		const doc = refundDoc('rest-2024-04/refunds-list-order-1001.json');
		const own = { Type: 8021, YourRef: '#1001', Description: 'Shopify refund 509562969 of #1001' };
		expect(isCreditNoteOf(own, doc)).toBe(true);
		expect(isCreditNoteOf({ ...own, Type: 8020 }, doc)).toBe(false);
		expect(isCreditNoteOf({ ...own, Description: 'Shopify refund 5095629690 of #1001' }, doc)).toBe(
			false,
		);
	});
});

describe('readRefundDocument', () => {
	it('accepts a refund document and names what is missing otherwise', () => {
		const doc = refundDoc('rest-2024-04/refunds-list-order-1001.json');
		expect(readRefundDocument(clone(doc)).references.refundId).toBe('509562969');
		const broken = clone(doc) as unknown as { lines: Array<Record<string, unknown>> };
		broken.lines[0].netAmountCents = 1.5;
		expect(() => readRefundDocument(broken)).toThrow(
			'lines[0].netAmountCents is not a whole number',
		);
		expect(() => readRefundDocument({ references: {} })).toThrow('type is not "refund"');
	});
});
