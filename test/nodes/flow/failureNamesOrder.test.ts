/**
 * An error that stops the execution starts with the order it is about (`Order #1042: …`), also when
 * it is Exact's own refusal: the error workflow records the failure under that order, and a retry
 * of the execution runs the failed node again.
 */
import { ExactOnlineAccount } from '../../../nodes/ExactOnline/Account/ExactOnlineAccount.node';
import { ExactOnlineSalesOrder } from '../../../nodes/ExactOnline/SalesOrder/ExactOnlineSalesOrder.node';
import { ShopifyToExact } from '../../../nodes/ShopifyToExact/ShopifyToExact.node';
import { admin } from '../../helpers/exactSandbox';
import { CredentialStore } from '../../helpers/credentials';
import { runNode } from '../../helpers/harness';
import { documentFor } from './documents';
import { startKit } from './exactTestKit';
import type { Kit } from './exactTestKit';
import { customers } from './syntheticOrders';

describe('a failing step names the order', () => {
	let kit: Kit;
	beforeAll(async () => {
		kit = await startKit();
	});
	afterAll(async () => kit.close());
	afterEach(async () => {
		await admin(kit.sandbox, 'DELETE', 'faults');
	});

	it("Exact's refusal of a batched lookup fails the execution with the order first", async () => {
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'GET',
			pathPrefix: `/api/v1/${kit.division}/crm/Accounts`,
			status: 403,
			count: 5,
			message: 'Forbidden: the app has no rights on accounts',
		});
		const doc = documentFor({ number: 2901, customer: customers(1, 2901)[0] });
		const result = await kit.run(
			new ExactOnlineAccount(),
			{ operation: 'findOrCreateFromOrder' },
			[doc],
		);
		expect(result.error?.message).toMatch(/^Order #2901: Exact Online .*Forbidden/);
	});

	it("Exact's refusal for one Shopify order item fails the execution with that order first", async () => {
		await admin(kit.sandbox, 'POST', 'faults', {
			method: 'GET',
			pathPrefix: `/api/v1/${kit.division}/salesorder/SalesOrders`,
			status: 403,
			count: 5,
			message: 'Forbidden: the app has no rights on sales orders',
		});
		const result = await kit.run(
			new ExactOnlineSalesOrder(),
			{ operation: 'cancelFromOrder', orderReference: '#2902' },
			[{ id: 2902, name: '#2902', line_items: [], cancelled_at: '2026-11-21T10:00:00+01:00' }],
		);
		expect(result.error?.message).toMatch(/^Order #2902: Exact Online .*Forbidden/);
	});

	it('a refund that cannot be mapped names the refund and its order', async () => {
		const result = await runNode({
			node: new ShopifyToExact(),
			parameters: { operation: 'refund', refund: '{"id": 908, "order_id": 55}' },
			items: [{ id: 55, name: '#2903', line_items: [] }],
			credentials: new CredentialStore(),
		});
		expect(result.error?.message).toMatch(/^Refund 908 of Shopify order #2903: /);
	});
});
