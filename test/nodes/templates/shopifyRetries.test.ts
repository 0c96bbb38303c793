/**
 * Shopify's REST rate limit (2 calls a second, a bucket of 40) must not fail a template's execution.
 * n8n's own Shopify node answers it with an error and does not wait: a burst of webhooks (100 refunds
 * delivered 1–3 times to two queue-mode workers) failed 30 refunds that way, and 1 still failed with
 * 5 retries. So the refunds template reads its order with this package's Shopify Orders node, whose
 * transport waits out 429s; any n8n Shopify node a template still has retries.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';

const WORKFLOWS = path.join(__dirname, '..', '..', '..', 'workflows');

const nodes = readdirSync(WORKFLOWS)
	.filter((f) => f.endsWith('.json'))
	.flatMap((file) => {
		const json = JSON.parse(readFileSync(path.join(WORKFLOWS, file), 'utf8')) as {
			nodes: Array<Record<string, unknown>>;
		};
		return json.nodes.map((n) => [`${file}: ${String(n.name)}`, n] as const);
	});

test("the refunds template reads its order with the package's Shopify Orders node (Get Order, Shopify Admin credential)", () => {
	const getOrder = nodes.find(([name]) => name === 'shopify-refunds-to-exact.json: Get Order')?.[1];
	expect(getOrder).toMatchObject({
		type: 'n8n-nodes-exact-online-commerce.shopifyOrders',
		parameters: { operation: 'getOrder', orderId: '={{ $json.order_id }}' },
		credentials: { shopifyAdminCommerceApi: { name: 'Shopify Admin account' } },
	});
});

test('every n8n Shopify node left in a template retries 5 times, 5 seconds apart, when Shopify throttles it', () => {
	const shopifyNodes = nodes.filter(([, n]) => n.type === 'n8n-nodes-base.shopify');
	for (const [name, node] of shopifyNodes)
		expect({ name, ...node }).toMatchObject({
			name,
			retryOnFail: true,
			maxTries: 5,
			waitBetweenTries: 5000,
		});
});
