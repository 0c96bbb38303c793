/** Shopify to Exact → Map Refund: the order is the input item, the refund the Refund parameter. */
import { readFileSync } from 'fs';
import path from 'path';

import type { IDataObject } from 'n8n-workflow';

import { ShopifyToExact } from '../../../nodes/ShopifyToExact/ShopifyToExact.node';
import { CredentialStore } from '../../helpers/credentials';
import { runNode } from '../../helpers/harness';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'shopify');

/** As n8n hands payloads over: JSON.parse (ids may lose digits), webhook bodies under `.response`. */
function fixture(name: string): IDataObject {
	const parsed = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as IDataObject;
	return name.startsWith('docs-webhooks-') ? (parsed.response as IDataObject) : parsed;
}

async function run(order: IDataObject, refund: unknown, options: IDataObject = {}) {
	return await runNode({
		node: new ShopifyToExact(),
		parameters: { operation: 'refund', refund, options } as never,
		items: [order],
		credentials: new CredentialStore(),
		continueOnFail: true,
	});
}

describe('Shopify to Exact: Map Refund', () => {
	it('maps the refunds/create webhook against its order into a refund document', async () => {
		const result = await run(
			fixture('docs-webhooks-2026-04/orders-create.json'),
			fixture('docs-webhooks-2026-04/refunds-create.json'),
			{ shippingItemCode: 'VERZEND', pricesPosted: 'incl' },
		);
		expect(result.error).toBeUndefined();
		const doc = result.items[0].json as Record<string, any>;
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(doc.type).toBe('refund');
		expect(doc.pricesPosted).toBe('incl');
		expect(doc.references.description).toBe('Shopify refund 890088186047892319 of #9999');
		expect(doc.lines.map((l: IDataObject) => l.itemCode)).toEqual([
			'SKU2006-001',
			'LENS-PROTECT-2YR',
			'CASE-LEATHER-PREM',
			'SKU2006-020',
			'SKU2006-035',
		]);
	});

	it('accepts the refund as JSON text and books a shipping refund on the shipping item code', async () => {
		const order = fixture('rest-2024-04/order-1001-discount-code-partially-refunded.json');
		const refund = readFileSync(
			path.join(FIXTURES, 'rest-2024-04/refund-shipping-only.json'),
			'utf8',
		);
		const result = await run(order, refund, { shippingItemCode: 'VERZEND' });
		const doc = result.items[0].json as Record<string, any>;
		expect(doc.lines).toEqual([expect.objectContaining({ kind: 'shipping', itemCode: 'VERZEND' })]);
	});

	it('takes the refund from an expression (as the template points at the trigger)', async () => {
		const order = fixture('rest-2024-04/order-1001-discount-code-partially-refunded.json');
		const refund = (
			fixture('rest-2024-04/refunds-list-order-1001.json').refunds as IDataObject[]
		)[0];
		const result = await run(
			{ ...(order.order as IDataObject), refundPayload: refund },
			'={{ $json.refundPayload }}',
		);
		expect(result.items[0].json.error).toBeUndefined();
		expect((result.items[0].json as Record<string, any>).references.refundId).toBe('509562969');
	});

	it('names the refund and the field when the refund is invalid, and asks for the refund when empty', async () => {
		const order = fixture('rest-2024-04/order-1001-discount-code-partially-refunded.json');
		const refund = (
			fixture('rest-2024-04/refunds-list-order-1001.json').refunds as IDataObject[]
		)[0];
		(refund.refund_line_items as IDataObject[])[0].quantity = 'two';
		const bad = await run(order, refund);
		expect(bad.items[0].json.error).toBe(
			'Refund 509562969 of order #1001: refund_line_items[0].quantity must be a whole number',
		);
		const empty = await run(order, '');
		expect(empty.items[0].json.error).toBe('No refund given');
	});
});
